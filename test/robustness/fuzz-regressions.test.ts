// Each failure the fuzzers found, kept as a plain test of its own (the fuzz seed and case it
// came from are in the test name).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../server/src/engine/engine';
import { definitionAt } from '../../server/src/engine/authoring/navigation';
import { selectionRanges } from '../../server/src/engine/authoring/structure';
import { completeSnippets } from '../../server/src/engine/completion/snippets';
import { YamlCache } from '../../server/src/engine/yaml-source';

const engine = new Engine();
/** The fuzzers' settings: globs force a chart on files that look like neither. */
const forced = new Engine({ files: { inferenceStack: ['**/inference/*.yaml'], prePorter: ['**/porter/*.yaml'] } });

function fixes(text: string, path = '/work/values.yaml', range = { start: 0, end: text.length }) {
  const findings = engine.analyze({ path, text }).findings;
  return engine.codeActions({ path, text }, range, findings);
}

function parseErrors(text: string): string[] {
  return parseYaml(text).flatMap((doc) => doc.errors.map((e) => e.code));
}

describe('fuzz regressions', () => {
  it('seed 1 case 39: the GPU targeting fix adds top-level keys at column 0 after a byte-order mark', () => {
    const text = '\ufeffimageRegistry: ghcr.io/doublewordai/bit-harbor\nimages:\n  - name: llama\n';
    const fix = fixes(text).find((f) => f.title === 'Add GPU node targeting');
    assert.ok(fix, 'the fix is offered');
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(parseErrors(fixed), []);
    assert.match(fixed, /\nglobalNodeSelector:\n {2}nvidia\.com\/gpu\.present: "true"\n/);
  });

  it('corpus seed 5339 edit 2: a `<<: ` typed before its alias is one yaml-syntax at the key; the other findings stay', () => {
    const text = 'modelGroups:\n  llama:\n    enabled: true\n    command: ["ls", "/src"<<: ]\n    imag: x\n  other:\n    enabled: true\n    <<: [1]\n';
    const findings = new Engine().analyze({ path: '/work/values.yaml', text, chart: 'inference-stack' }).findings;
    const merges = findings.filter((f) => f.code === 'yaml-syntax' && /Merge sources/.test(f.message));
    assert.deepEqual(merges.map((f) => text.slice(f.range.start, f.range.end)), ['<<', '<<']);
    assert.ok(findings.some((f) => f.code === 'unknown-key' && text.slice(f.range.start, f.range.end) === 'imag'), findings.map((f) => f.code).join(', '));
  });

  it('corpus seed 1188: deleting through a line break joins the next key\'s line; the part-parse has the full parse\'s error', () => {
    const before = 'advancedCronJob:\n  enabled: true\nimages:\n  - name: gemma-3-12b-it\n';
    const after = 'advancedCronJob:\n  enabled: trimages:\n  - name: gemma-3-12b-it\n';
    const cache = new YamlCache();
    cache.parse(before);
    const [doc] = cache.parse(after);
    assert.deepEqual(doc.errors.map((e) => e.code), parseYaml(after)[0].errors.map((e) => e.code));
    assert.ok(doc.errors.length > 0);
  });

  it('seed 1 case 36: selection ranges stay inside a CRLF text that ends in an unclosed flow list', () => {
    const text = 'modelGroups:\r\n  g:\r\n    enabled: true\r\n  volumes: [{name: bh}][\r\n';
    const chains = selectionRanges(text, [0, 20, text.length], engine.settings, '/work/values.yaml');
    assert.ok(chains);
    for (const range of chains.flat()) assert.ok(range.start >= 0 && range.end <= text.length, `[${range.start}, ${range.end}) in ${text.length}`);
  });

  it('seed 2 case 84: fix-all does not both rename a key to globalNodeSelector and add another', () => {
    const text = 'advancedCronJob:\n  enabled: true\nglobalNodeSelectr:\n  nvidia.com/gpu.present: "true"\nimages:\n  - name: a\n    enabled: true\n';
    const fixed = applyEdits(text, engine.fixAll({ path: '/work/values.yaml', text }));
    assert.deepEqual(parseErrors(fixed), []);
    assert.equal(fixed.match(/^globalNodeSelector:/gm)?.length, 1, fixed);
  });

  it('seed 3 case 277: no fix edits a half-typed flow map (no closing brace to insert before)', () => {
    const text = 'modelGroups:\n  vllm-gemma: {enabled: true, command: [vllm, serve], volumeMoue/gemma], volumeMounts: [{name: bnts: [{name: bh}], volumes: [{name: bh}]} # x\n  ';
    for (const fix of fixes(text)) {
      for (const edit of fix.edits) assert.ok(edit.start >= 0 && edit.end <= text.length, `${fix.title}: [${edit.start}, ${edit.end})`);
    }
  });

  it('a collection used as a key prints no process warning (the parser stays quiet; findings speak)', async () => {
    const warnings: string[] = [];
    const listen = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listen);
    try {
      engine.analyze({ path: '/work/values.yaml', text: 'modelGroups:\n  ? [a, b]\n  : 1\n' });
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', listen);
    }
    assert.deepEqual(warnings, []);
  });

  it('seed 7 case 357: the GPU fix on an empty group is one edit, and keeps the comment on the key', () => {
    for (const text of ['modelGroups:\n  vllm-gemma: # mine\n  other: {}\n', 'modelGroups:\n  vllm-gemma: ~ # mine\n']) {
      const inGroup = { start: text.indexOf('vllm'), end: text.indexOf('vllm') };
      const fix = fixes(text, '/work/values.yaml', inGroup).find((f) => f.title === 'Add GPU node targeting');
      assert.ok(fix, text);
      assert.equal(fix.edits.length, 1, 'the two halves fill the same empty value: one edit, no overlap');
      const fixed = applyEdits(text, fix.edits);
      assert.deepEqual(parseErrors(fixed), []);
      assert.match(fixed, /# mine\n/, 'the comment stays a comment');
      assert.doesNotMatch(fixed, /NoSchedule#/);
    }
  });

  it('seed 7 case 198: go to definition on an alias beside a pair with no value', () => {
    const text = 'modelG:\n\f vllm<<: *a-gemma:\n    enab';
    for (let offset = 0; offset <= text.length; offset++) definitionAt(text, offset, forced.settings, '/work/inference/values.yaml');
    const anchored = 'modelGroups:\n  a: &x\n  b:\n  c: *x\n';
    assert.deepEqual(definitionAt(anchored, anchored.indexOf('*x') + 1, engine.settings), [{ start: 18, end: 20 }]);
  });

  it('seed 11 case 133: an alias inside the node it names is a finding, not a stack overflow', () => {
    const text = 'modelGroups:\n  g:\n    enabled: true\n    volumeMounts: &mounts\n      more: *mounts\n';
    const result = engine.analyze({ path: '/work/values.yaml', text });
    const problem = result.findings.find((f) => f.code === 'yaml-syntax');
    assert.match(problem?.message ?? '', /alias refers to a node that contains it/);
  });

  it('seed 11 case 243: snippets at offset 0 of a text that starts with a line break', () => {
    const text = '\nmodelgroups: {}\n';
    const items = completeSnippets(text, 0, forced.catalogue, forced.settings, '/work/porter/values.yaml');
    assert.ok(items.length > 0);
    for (const item of items) {
      const indents = item.edit.newText.split('\n').map((line) => line.length - line.trimStart().length);
      assert.ok(indents.every((indent) => indent % 2 === 0), `${item.label} is laid out from column 0`);
    }
  });

  it('seed 101 case 116: both GPU halves at the end of a CRLF file: the filled list stays under its key', () => {
    const text = 'images: []\r\nglobalTolerations: # mine';
    const fix = fixes(text).find((f) => f.title === 'Add GPU node targeting');
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(parseErrors(fixed), []);
    assert.match(fixed, /^globalTolerations: # mine\r\n {2}- key: nvidia\.com\/gpu\r\n/m);
    assert.match(fixed, /\r\nglobalNodeSelector:\r\n {2}nvidia\.com\/gpu\.present: "true"/);
  });

  it('seed 101 case 1621: a byte-order mark before an indented first key: new keys go at the map\'s real column', () => {
    const text = '\ufeff  enabled: true\nadvancedCronJob:\nimages:\n  - name: a\n    enabled: true\n';
    const fix = fixes(text).find((f) => f.title === 'Add GPU node targeting');
    assert.ok(fix);
    assert.deepEqual(parseErrors(applyEdits(text, fix.edits)), []);
  });

  it('seed 202 case 2560: a list whose first item starts on the line after its dash gets items at the dash column', () => {
    const text = 'modelGroups:\n  g:\n    enabled: true\n    initContainers:\n      - name: w\n        image: ghcr.io/doublewordai/bit-harbor\n        volumeMounts: [{name: models, mountPath: /models}]\n    volumes:\n      -\n        emptyDir: {}\n';
    for (const fix of fixes(text).filter((f) => f.title === 'Add volume `models`')) {
      const fixed = applyEdits(text, fix.edits);
      assert.deepEqual(parseErrors(fixed), [], fixed);
      assert.match(fixed, /\n {6}- name: models\n/);
    }
  });

  it('seed 202 case 983: an anchor written before a key does not move new top-level keys right', () => {
    const text = 'advancedCronJob:\n  enabled: true\nimages:\n  - name: a\n    enabled: true\n&a       pool: gpu-large\n';
    const fix = fixes(text).find((f) => f.title === 'Add GPU node targeting');
    assert.ok(fix);
    const fixed = applyEdits(text, fix.edits);
    assert.deepEqual(parseErrors(fixed), [], fixed);
    assert.match(fixed, /\nglobalNodeSelector:\n/);
  });
});
