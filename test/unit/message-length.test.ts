// A finding's message is one sentence: what is wrong and what happens, at most 200 characters
// over every case table; the recipe, the reasoning and the alternatives belong to the docs page
// (linked from every diagnostic) and to hover. The codes written before that rule were listed
// until their messages were shortened; the list is empty and may only stay so.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import type { RuleCases } from '../../server/src/engine/rules/cases';

const LIMIT = 200;

const LONGER_FOR_NOW = new Set<string>([]);

test('every finding message over the case tables fits in 200 characters (but the listed codes, for now)', () => {
  const dir = join(__dirname, '../../server/src/engine/rules');
  const longest = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cases.js'))) {
    const table = (require(join(dir, file)) as { cases: RuleCases }).cases;
    for (const c of [...table.trigger, ...table.silent]) {
      const engine = new Engine({ ...table.settings, ...c.settings });
      for (const finding of engine.analyze({ path: c.path ?? '/work/values.yaml', text: c.text }).findings) {
        longest.set(finding.code, Math.max(longest.get(finding.code) ?? 0, finding.message.length));
      }
    }
  }
  const over = [...longest].filter(([code, length]) => length > LIMIT && !LONGER_FOR_NOW.has(code));
  assert.deepEqual(over, [], 'messages over 200 characters');
  const fitting = [...LONGER_FOR_NOW].filter((code) => (longest.get(code) ?? 0) <= LIMIT);
  assert.deepEqual(fitting, [], 'listed codes whose messages now fit: take them off the list');
});
