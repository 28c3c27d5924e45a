import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import { BROKEN_FILES } from '../fixtures/broken-files';

const engine = new Engine();

/** The structural codes this table is about; the checks' findings have their own case tables. */
const STRUCTURAL = new Set(['yaml-syntax', 'unknown-key', 'wrong-type', 'bad-value', 'missing-key', 'legacy-key', 'ignored-document']);

test('the broken-file table covers both charts with at least 40 cases', () => {
  assert.ok(BROKEN_FILES.length >= 40, `${BROKEN_FILES.length} cases`);
  const names = new Set(BROKEN_FILES.map((c) => c.name));
  assert.equal(names.size, BROKEN_FILES.length, 'case names are unique');
});

for (const broken of BROKEN_FILES) {
  test(`broken: ${broken.name} -> ${broken.code}`, () => {
    const expectedLine = broken.text.split('\n').findIndex((line) => line.includes('# expect'));
    assert.ok(expectedLine >= 0, 'the case marks its line');
    const result = engine.analyze({ path: '/work/values.yaml', text: broken.text });
    const lines = new LineIndex(broken.text);
    const findings = result.findings.filter((f) => STRUCTURAL.has(f.code));
    const got = result.findings.map((f) => `${f.code}@${lines.positionAt(f.range.start).line + 1}: ${f.message}`);
    assert.equal(findings.length, 1, `exactly one structural finding, got:\n${got.join('\n')}`);
    const [finding] = findings;
    assert.equal(finding.code, broken.code, got.join('\n'));
    assert.equal(lines.positionAt(finding.range.start).line, expectedLine, got.join('\n'));
    assert.ok(finding.range.end > finding.range.start, 'the range is not empty');
  });
}
