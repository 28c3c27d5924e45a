// Every code the engine can emit has its docs page, which LSP diagnostics and SARIF link to.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { allCodes, docsPath } from '../../server/src/engine/codes';
import { repoRoot } from '../support/markers';

test('every code has a docs page and a kebab-case name', () => {
  const seen = new Set<string>();
  for (const info of allCodes()) {
    assert.match(info.code, /^[a-z]+(-[a-z0-9]+)*$/);
    if (seen.has(info.code)) continue;
    seen.add(info.code);
    assert.ok(existsSync(join(repoRoot(), docsPath(info.code))), `${docsPath(info.code)} exists`);
  }
});
