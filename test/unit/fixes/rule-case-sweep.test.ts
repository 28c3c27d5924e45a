// A sweep over every rule's case table: each fix offered for each finding yields a file that
// parses and keeps the file's line endings, and fix-all settles in one run. The per-family
// tables check exact results; this catches a provider that breaks on inputs they did not foresee.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import type { RuleCases } from '../../../server/src/engine/rules/cases';

const rulesDir = join(__dirname, '../../../server/src/engine/rules');
const tables: RuleCases[] = readdirSync(rulesDir)
  .filter((file) => file.endsWith('.cases.js'))
  .sort()
  .map((file) => (require(join(rulesDir, file)) as { cases: RuleCases }).cases);

function parses(text: string): boolean {
  const docs = parseAllDocuments(text, { version: '1.1' });
  return (Array.isArray(docs) ? docs : []).every((doc) => doc.errors.length === 0);
}

// One set of compiled validators for the whole sweep; each case only changes settings.
const base = new Engine();

for (const table of tables) {
  test(`every fix on the ${table.code} cases parses, keeps CRLF, and fix-all settles`, () => {
    for (const c of [...table.trigger, ...table.silent]) {
      for (const text of [c.text, c.text.replace(/\n/g, '\r\n')]) {
        const engine = base.derive({ settings: c.settings ?? table.settings ?? {} });
        const input = { path: c.path ?? '/work/values.yaml', text };
        const findings = engine.analyze(input).findings;
        for (const fix of engine.codeActions(input, null, findings)) {
          if (fix.uri !== undefined) continue;
          const fixed = applyEdits(text, fix.edits);
          assert.ok(parses(fixed), `${c.name}: "${fix.title}" leaves a file that parses`);
          if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(fixed), `${c.name}: "${fix.title}" keeps CRLF`);
        }
        const once = applyEdits(text, engine.fixAll(input));
        assert.ok(parses(once), `${c.name}: fix-all leaves a file that parses`);
        assert.deepEqual(engine.fixAll({ ...input, text: once }), [], `${c.name}: a second fix-all changes nothing`);
      }
    }
  });
}
