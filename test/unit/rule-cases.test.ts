// Runs every rule's case table (server/src/engine/rules/<code>.cases.ts): each `trigger` case
// must produce the code on exactly the lines marked `# expect`, pointing at a node there (and at
// the text `at` names, with the `data` the case lists); each `silent` case must not produce it
// at all. Findings of other codes are ignored here.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import type { RuleCases } from '../../server/src/engine/rules/cases';

const rulesDir = join(__dirname, '../../server/src/engine/rules');
const tables: RuleCases[] = readdirSync(rulesDir)
  .filter((file) => file.endsWith('.cases.js'))
  .sort()
  .map((file) => (require(join(rulesDir, file)) as { cases: RuleCases }).cases);

function run(text: string, settings: RuleCases['settings'], path = '/work/values.yaml') {
  const engine = new Engine(settings ?? {});
  const result = engine.analyze({ path, text });
  const lines = new LineIndex(text);
  return result.findings.map((f) => ({ ...f, line: lines.positionAt(f.range.start).line }));
}

for (const table of tables) {
  test(`${table.code}: at least 5 triggering and 5 silent cases`, () => {
    assert.ok(table.trigger.length >= 5, `${table.trigger.length} triggering`);
    assert.ok(table.silent.length >= 5, `${table.silent.length} silent`);
  });
  for (const c of table.trigger) {
    test(`${table.code} fires: ${c.name}`, () => {
      const expected = c.text.split('\n').flatMap((line, i) => (line.includes('# expect') ? [i] : []));
      assert.ok(expected.length > 0, 'the case marks at least one line with # expect');
      const findings = run(c.text, c.settings ?? table.settings, c.path);
      const got = findings.filter((f) => f.code === table.code);
      const shown = findings.map((f) => `${f.code}@${f.line + 1}: ${f.message}`).join('\n');
      assert.deepEqual(got.map((f) => f.line).sort((a, b) => a - b), expected, shown);
      for (const finding of got) {
        assert.ok(finding.message.length > 0);
        if (c.message) assert.match(finding.message, c.message);
        // The column: a finding points at a node, never at indentation or past the line.
        const pointed = c.text.slice(finding.range.start, finding.range.end);
        assert.ok(pointed.trim().length > 0 && pointed === pointed.trimStart(), `${finding.code} points at ${JSON.stringify(pointed)}`);
        if (c.at !== undefined) assert.equal(pointed, c.at);
        for (const [key, value] of Object.entries(c.data ?? {})) assert.deepEqual(finding.data?.[key], value, `data.${key}`);
      }
    });
  }
  for (const c of table.silent) {
    test(`${table.code} stays silent: ${c.name}`, () => {
      const findings = run(c.text, c.settings ?? table.settings, c.path);
      const shown = findings.map((f) => `${f.code}@${f.line + 1}: ${f.message}`).join('\n');
      assert.deepEqual(findings.filter((f) => f.code === table.code), [], shown);
    });
  }
}
