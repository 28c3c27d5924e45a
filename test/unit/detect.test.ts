import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { chartFromContent, chartFromGlobs, findModeline } from '../../server/src/engine/detect';
import { matchesGlob } from '../../server/src/engine/glob';

const content = (text: string) => chartFromContent(parseDocument(text));

test('content: modelGroups or onwards means Inference Stack', () => {
  assert.equal(content('modelGroups:\n  a: {}\n'), 'inference-stack');
  assert.equal(content('onwards:\n  replicaCount: 2\n'), 'inference-stack');
});

test('content: images needs a Pre-Porter companion key', () => {
  assert.equal(content('images:\n  - name: x\nimageRegistry: r\n'), 'pre-porter');
  assert.equal(content('images: []\nadvancedCronJob: {enabled: true}\n'), 'pre-porter');
  assert.equal(content('images: []\nglobalNodeSelector: {}\n'), 'pre-porter');
  assert.equal(content('images:\n  - name: x\n'), null, 'images alone is too common a key to claim');
});

test('content: unrelated YAML is of neither chart', () => {
  assert.equal(content('services:\n  web:\n    image: nginx\n'), null);
  assert.equal(content('- a\n- b\n'), null);
  assert.equal(content(''), null);
  assert.equal(content('name: ci\non: [push]\n'), null);
});

test('modeline names the chart and where the name is', () => {
  const text = 'x: 1\n# bit-harbor-values: chart=pre-porter\n';
  const modeline = findModeline(text);
  assert.equal(modeline?.chart, 'pre-porter');
  assert.equal(text.slice(modeline!.chartRange.start, modeline!.chartRange.end), 'pre-porter');
  assert.equal(findModeline('#   bit-harbor-values:   chart=inference-stack base=./v.yaml')?.chart, 'inference-stack');
  assert.equal(findModeline('# bit-harbor-values: chart=helmfile')?.chart, null);
  assert.equal(findModeline('key: "# bit-harbor-values: chart=pre-porter"'), null, 'not a comment line');
});

test('globs: name-only patterns match the file name, slashed ones the path end', () => {
  assert.ok(matchesGlob('/w/deploy/values-prod.yaml', 'values-*.yaml'));
  assert.ok(!matchesGlob('/w/deploy/values-prod.yaml.bak', 'values-*.yaml'));
  assert.ok(matchesGlob('/w/deploy/inference/a.yaml', 'inference/*.yaml'));
  assert.ok(matchesGlob('/w/deploy/inference/sub/a.yml', '**/inference/**/*.{yaml,yml}'));
  assert.ok(!matchesGlob('/w/deploy/other/a.yaml', 'inference/*.yaml'));
  assert.ok(matchesGlob('C:\\w\\pre\\p.yaml', 'pre/*.yaml'));
  assert.ok(matchesGlob('/a/b.yaml', '**/*.yaml'));
  assert.ok(!matchesGlob('/a/xb.yaml', 'a/b.yaml'));
});

test('globs: Inference Stack globs are tried before Pre-Porter ones', () => {
  const files = { inferenceStack: ['*.yaml'], prePorter: ['pp.yaml'] };
  assert.equal(chartFromGlobs('/x/pp.yaml', files), 'inference-stack');
  assert.equal(chartFromGlobs('/x/pp.yaml', { inferenceStack: [], prePorter: ['pp.yaml'] }), 'pre-porter');
  assert.equal(chartFromGlobs('/x/pp.yaml', { inferenceStack: [], prePorter: [] }), null);
});
