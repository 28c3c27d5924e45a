// Our completion and hover beside yaml-language-server 2.0.0's, given the same schemas, at the
// positions of yls-positions.ts: ours must offer every label theirs offers (but those recorded
// as theirs being wrong, with why) and hover wherever theirs hovers. Both servers run over
// stdio, offline. Run `npm run build` first; `node scripts/compare-yaml-language-server.mjs`
// writes the same comparison to docs/comparison-yaml-language-server.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { compareWithYamlLanguageServer, type ComparedRow } from './yls-comparison';
import { POSITIONS } from './yls-positions';

describe('completion and hover beside yaml-language-server', { timeout: 180_000 }, () => {
  let rows: ComparedRow[] = [];
  before(async () => {
    rows = await compareWithYamlLanguageServer();
  });

  it('compares at least 20 completion and hover positions, and theirs answers at most of them', () => {
    assert.equal(rows.length, POSITIONS.length);
    assert.ok(rows.length >= 20);
    const completions = rows.filter((row) => row.position.kind === 'completion');
    const hovers = rows.filter((row) => row.position.kind === 'hover');
    // yaml-language-server really had the schemas: a comparison against silence proves nothing.
    assert.ok(completions.filter((row) => row.theirs.length > 0).length >= 20, 'theirs completes at 20 positions or more');
    assert.ok(hovers.every((row) => row.theirsHover), `theirs hovers at every hover position: ${hovers.filter((row) => !row.theirsHover).map((row) => row.position.id).join(', ')}`);
  });

  it('ours offers every label theirs offers, position by position', () => {
    const missing = rows.filter((row) => row.missing.length > 0).map((row) => `${row.position.id}: ${row.missing.join(', ')} (ours: ${row.ours.join(', ')})`);
    assert.deepEqual(missing, []);
  });

  it('ours hovers wherever theirs hovers', () => {
    assert.deepEqual(rows.filter((row) => row.theirsHover && !row.oursHover).map((row) => row.position.id), []);
  });

  it('every excuse still applies: theirs offers the label and ours does not', () => {
    for (const position of POSITIONS) {
      const row = rows.find((candidate) => candidate.position.id === position.id)!;
      for (const label of Object.keys(position.theirsWrong ?? {})) {
        assert.ok(row.theirs.includes(label) && !row.ours.includes(label), `${position.id}: ${label} is still a difference`);
      }
    }
  });

  it('the generated table in docs covers every compared position', () => {
    const table = readFileSync(join(__dirname, '../../../docs/comparison-yaml-language-server.md'), 'utf8');
    for (const position of POSITIONS) assert.ok(table.includes(`(\`${position.id}\`)`), `${position.id} in the table: rerun scripts/compare-yaml-language-server.mjs`);
  });
});
