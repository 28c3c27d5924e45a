// Declaring layers: modeline `base=` entries, `bitHarbor.layers` globs, and the setting's parsing.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findBaseDeclarations } from '../../server/src/engine/detect';
import { basesFromGlobs, mayHaveBases, planLayers } from '../../server/src/engine/layers/plan';
import { toEngineSettings } from '../../server/src/server/settings';

it('reads every base= of the modeline, in order, with where each is written', () => {
  const text = '# bit-harbor-values: chart=inference-stack base=./values.yaml base="my base.yaml"\nmodelGroups: {}\n';
  const bases = findBaseDeclarations(text);
  assert.deepEqual(bases.map((base) => base.path), ['./values.yaml', 'my base.yaml']);
  assert.deepEqual(bases.map((base) => text.slice(base.range.start, base.range.end)), ['./values.yaml', '"my base.yaml"']);
  assert.deepEqual(findBaseDeclarations('modelGroups: {}\n# base=./x.yaml\n'), []);
});

it('layer globs put a file over the files matching the earlier globs of its folder', () => {
  const layers = [['values.yaml', 'values-*.yaml', 'values-*-eu.yaml']];
  const siblings = ['values.yaml', 'values-prod.yaml', 'values-gpu.yaml', 'values-prod-eu.yaml', 'other.yaml'];
  assert.deepEqual(basesFromGlobs('values.yaml', layers, siblings), []);
  assert.deepEqual(basesFromGlobs('values-gpu.yaml', layers, siblings), ['values.yaml']);
  assert.deepEqual(basesFromGlobs('other.yaml', layers, siblings), []);
  assert.ok(mayHaveBases('/w/values-gpu.yaml', 'a: 1\n', layers));
  assert.ok(!mayHaveBases('/w/values.yaml', 'a: 1\n', layers));
});

it('asks for each base once, then resolves bases of bases first (Helm order)', () => {
  const files = new Map();
  const input = { path: '/w/values-prod.yaml', text: '# bit-harbor-values: base=./values-gpu.yaml\n', layers: [], files };
  const first = planLayers(input);
  assert.deepEqual(first, { kind: 'read', missing: ['/w/values-gpu.yaml'] });
  files.set('/w/values-gpu.yaml', { text: '# bit-harbor-values: base=./values.yaml\n' });
  assert.deepEqual(planLayers(input), { kind: 'read', missing: ['/w/values.yaml'] });
  files.set('/w/values.yaml', { text: 'modelGroups: {}\n' });
  const ready = planLayers(input);
  assert.ok(ready.kind === 'ready');
  assert.deepEqual(ready.bases.map((base) => base.path), ['/w/values.yaml', '/w/values-gpu.yaml']);
});

it('bitHarbor.layers keeps lists of at least two globs', () => {
  assert.deepEqual(toEngineSettings({ layers: [['values.yaml', 'values-*.yaml'], ['alone.yaml'], 'x', [1, 'a.yaml', 'b.yaml']] }).layers,
    [['values.yaml', 'values-*.yaml'], ['a.yaml', 'b.yaml']]);
  assert.deepEqual(toEngineSettings({}).layers, []);
});
