// Each failure the fuzzers found, kept as a plain test of its own (the fuzz seed and case it
// came from are in the test name).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../../server/src/engine/document';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../server/src/engine/engine';
import { selectionRanges } from '../../server/src/engine/authoring/structure';

const engine = new Engine();

function fixes(text: string, path = '/work/values.yaml') {
  const findings = engine.analyze({ path, text }).findings;
  return engine.codeActions({ path, text }, { start: 0, end: text.length }, findings);
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
});
