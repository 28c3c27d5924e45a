// The warm-up sample must run the parser, the schema and the checks (findings of several kinds),
// or it warms little; and warming up never throws.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../server/src/engine/authoring/hover';
import { completeImageTags } from '../../server/src/engine/completion/image-tags';
import { editingSample, WARM_UP_SAMPLE, warmUp, warmUpEditing, warmUpText } from '../../server/src/server/warm-up';

test('the warm-up sample reaches the schema and the checks', () => {
  const codes = new Set(new Engine().analyze({ text: WARM_UP_SAMPLE, path: 'warm-up.yaml', chart: 'inference-stack' }).findings.map((f) => f.code));
  for (const code of ['bad-value', 'unknown-key', 'gpu-targeting-missing', 'model-path-mismatch']) assert.ok(codes.has(code), `${code} among ${[...codes].join(', ')}`);
  assert.doesNotThrow(() => warmUp(new Engine()));
});

test('the warm-up text repeats the sample group under distinct names, each checked alike', () => {
  const result = new Engine().analyze({ text: warmUpText(3), path: 'warm-up.yaml', chart: 'inference-stack' });
  const groups = new Set(result.findings.flatMap((f) => (typeof f.data?.group === 'string' ? [f.data.group] : [])));
  assert.deepEqual([...groups].sort(), ['warm-up-0', 'warm-up-1', 'warm-up-2']);
  assert.ok(!result.findings.some((f) => f.code === 'yaml-syntax'));
});

test('the editing warm-up asks where completion and hover answer (or it warms nothing)', () => {
  const engine = new Engine();
  const { text, fresh, tag, key } = editingSample();
  const path = 'warm-up.yaml';
  assert.ok(completeAuthoring(text, fresh, engine.catalogue, engine.settings, path).length > 5, 'keys on the fresh line');
  assert.ok(completeImageTags(text, tag, engine.catalogue, engine.settings, path).length > 5, 'tags after bit-harbor:');
  assert.ok(hoverAuthoring(text, key, engine.catalogue, engine.settings, path), 'hover on modelName');
  assert.doesNotThrow(() => warmUpEditing(engine));
});
