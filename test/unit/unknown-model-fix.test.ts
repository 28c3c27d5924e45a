// The unknown-model quick fix: one edit per suggestion, the nearest preferred, driven by the
// finding's code and data exactly as the engine publishes them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { unknownModelFixes } from '../../server/src/engine/fixes/unknown-model';
import type { Finding } from '../../server/src/engine/types';

const BH = 'ghcr.io/doublewordai/bit-harbor';

function unknownModel(text: string): Finding {
  const finding = new Engine().analyze({ path: '/work/values.yaml', text }).findings.find((f) => f.code === 'unknown-model');
  assert.ok(finding, 'an unknown-model finding');
  return finding;
}

function apply(text: string, edit: { range: { start: number; end: number }; newText: string }): string {
  return text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end);
}

describe('unknown-model quick fix', () => {
  it('replaces the tag with the nearest suggestion, marked preferred, and the fixed file is clean', () => {
    const text = `modelGroups:\n  g:\n    initContainers:\n      - name: w\n        image: ${BH}:llama-3.1-8b\n`;
    const finding = unknownModel(text);
    const fixes = unknownModelFixes(finding, text);
    assert.equal(fixes[0].title, 'Change to llama-3.1-8b-instruct');
    assert.equal(fixes[0].isPreferred, true);
    assert.ok(fixes.slice(1).every((fix) => !fix.isPreferred));
    const fixed = apply(text, fixes[0].edit);
    assert.equal(fixed, text.replace(':llama-3.1-8b\n', ':llama-3.1-8b-instruct\n'));
    assert.equal(new Engine().analyze({ path: '/work/values.yaml', text: fixed }).findings.filter((f) => f.code === 'unknown-model').length, 0);
  });

  it('offers one fix per suggestion, in the finding\'s order, keeping quotes', () => {
    const text = `imageRegistry: ${BH}\nimages:\n  - name: "qwen"\n`;
    const finding = unknownModel(text);
    const suggestions = finding.data?.suggestions as string[];
    assert.ok(suggestions.length > 1);
    const fixes = unknownModelFixes(finding, text);
    assert.deepEqual(fixes.map((fix) => fix.edit.newText), suggestions);
    assert.equal(apply(text, fixes[0].edit), `imageRegistry: ${BH}\nimages:\n  - name: "${suggestions[0]}"\n`);
  });

  it('does nothing for other codes, missing data, or a tag that is no longer there', () => {
    const text = `modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:qwen3-8b\n`;
    const finding = unknownModel(text);
    assert.ok(unknownModelFixes(finding, text).length > 0);
    assert.deepEqual(unknownModelFixes({ ...finding, code: 'invalid-tag' }, text), []);
    assert.deepEqual(unknownModelFixes({ ...finding, data: undefined }, text), []);
    assert.deepEqual(unknownModelFixes({ ...finding, data: { tag: 'qwen3-8b', suggestions: ['bad/tag', 42] } }, text), []);
    assert.deepEqual(unknownModelFixes(finding, text.replace('qwen3-8b', 'qwen3-9b')), []);
  });

  it('a message reworded by hand changes nothing', () => {
    const text = `modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:Qwen3-8B\n`;
    const finding = unknownModel(text);
    const fixes = unknownModelFixes({ ...finding, message: 'something else entirely' } as Finding, text);
    assert.equal(fixes[0].edit.newText, 'qwen-3-8b');
  });
});
