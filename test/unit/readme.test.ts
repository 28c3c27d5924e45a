// The README's code table is what users read first: it must list every code the engine emits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allCodes } from '../../server/src/engine/codes';
import { repoRoot } from '../support/markers';

test('the README lists every finding code with a link to its docs', () => {
  const readme = readFileSync(join(repoRoot(), 'README.md'), 'utf8');
  for (const { code } of allCodes()) {
    assert.ok(readme.includes(`[\`${code}\`](docs/rules/${code}.md)`), `README lists ${code}`);
  }
});
