// The validators precompiled at build time (dist/validators.js, made by `npm run build`, which
// the test command runs first) must report exactly what the schemas compiled at run time report,
// and must be refused when they were built from other schemas.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { BUILT_IN_SCHEMAS, RENDERED_KINDS, SchemaValidator } from '../../server/src/engine/schema/validator';
import { loadPrecompiledValidators } from '../../server/src/precompiled-validators';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { corpus } from '../robustness/fuzz/corpus';
import { repoRoot } from '../support/markers';

const built = path.join(repoRoot(), 'dist', 'validators.js');

test('the build precompiles validators for both charts from the shipped schemas', () => {
  const precompiled = loadPrecompiledValidators(built);
  assert.ok(precompiled, `${built} is missing or was built from other schemas: run npm run build`);
  assert.equal(typeof precompiled['inference-stack'], 'function');
  assert.equal(typeof precompiled['pre-porter'], 'function');
  for (const kind of RENDERED_KINDS) assert.equal(typeof precompiled[kind], 'function', kind);
});

test('precompiled and run-time compiled validators give the same findings', () => {
  const precompiled = loadPrecompiledValidators(built);
  assert.ok(precompiled);
  const fast = new Engine({}, undefined, new SchemaValidator(BUILT_IN_SCHEMAS, precompiled));
  const compiled = new Engine({}, undefined, new SchemaValidator(BUILT_IN_SCHEMAS));
  const inputs = [
    ...corpus().map((seed) => ({ path: `${seed.name}.yaml`, text: seed.text })),
    { path: 'generated.yaml', text: generateInferenceStackValues(30) },
  ];
  let findings = 0;
  for (const input of inputs) {
    const expected = compiled.analyze(input).findings;
    assert.deepEqual(fast.analyze(input).findings, expected, input.path);
    findings += expected.length;
  }
  assert.ok(findings > 20, 'the corpus no longer has findings to compare');
});

test('validators built from other schemas, or a broken file, are refused', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-validators-'));
  try {
    const stale = path.join(dir, 'stale.js');
    fs.writeFileSync(stale, "module.exports = { 'inference-stack': () => true, 'pre-porter': () => true, schemasHash: 'other' };");
    assert.equal(loadPrecompiledValidators(stale), null);
    const broken = path.join(dir, 'broken.js');
    fs.writeFileSync(broken, 'module.exports = {');
    assert.equal(loadPrecompiledValidators(broken), null);
    assert.equal(loadPrecompiledValidators(path.join(dir, 'missing.js')), null);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
