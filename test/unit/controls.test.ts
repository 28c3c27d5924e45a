import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';

const TYPO = 'modelGroups:\n  vllm-gemma:\n    enabeld: true\n';

// The fixtures misspell `enabled`, which also leaves the group off (group-not-rendered, at the
// group's key); these tests are about unknown-key's controls, so that code is off throughout.
const QUIET = { 'group-not-rendered': 'off' } as const;

function codesAndLines(engine: Engine, text: string) {
  const lines = new LineIndex(text);
  return engine.analyze({ path: '/v.yaml', text }).findings.map((f) => `${f.code}:${f.severity}@${lines.positionAt(f.range.start).line + 1}`);
}

test('bitHarbor.rules sets a severity or turns a code off', () => {
  assert.deepEqual(codesAndLines(new Engine({ rules: QUIET }), TYPO), ['unknown-key:error@3']);
  assert.deepEqual(codesAndLines(new Engine({ rules: { ...QUIET, 'unknown-key': 'info' } }), TYPO), ['unknown-key:info@3']);
  assert.deepEqual(codesAndLines(new Engine({ rules: { ...QUIET, 'unknown-key': 'off' } }), TYPO), []);
});

test('disable-next-line silences the named codes on the next line only', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    # bit-harbor-disable-next-line unknown-key\n    enabeld: true\n    imag: {}\n';
  assert.deepEqual(codesAndLines(new Engine({ rules: QUIET }), text), ['unknown-key:error@5']);
});

test('a file-level disable silences a code everywhere', () => {
  const text = '# bit-harbor-disable unknown-key\nmodelGroups:\n  vllm-gemma:\n    enabeld: true\n    imag: {}\n';
  assert.deepEqual(codesAndLines(new Engine({ rules: QUIET }), text), []);
});

test('several codes, and none meaning all', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    # bit-harbor-disable-next-line wrong-type, unknown-key\n    enabeld: true\n    # bit-harbor-disable-next-line\n    replicaCount: "1"\n';
  assert.deepEqual(codesAndLines(new Engine({ rules: QUIET }), text), []);
});

test('an unused suppression is reported as a hint', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    # bit-harbor-disable-next-line unknown-key\n    enabled: true\n';
  const result = new Engine({ rules: QUIET }).analyze({ path: '/v.yaml', text });
  const unused = result.findings.filter((f) => f.code === 'unused-suppression');
  assert.equal(unused.length, 1);
  assert.equal(unused[0].severity, 'hint');
  assert.deepEqual(unused[0].tags, ['unnecessary']);
  assert.match(text.slice(unused[0].range.start, unused[0].range.end), /^# bit-harbor-disable-next-line unknown-key$/);
});

test('a directive inside a quoted value is not a directive', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    modelName: "x# bit-harbor-disable unknown-key"\n    enabeld: true\n';
  assert.deepEqual(codesAndLines(new Engine({ rules: QUIET }), text), ['unknown-key:error@4']);
});
