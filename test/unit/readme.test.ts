// The README is what users and contributors read first: its code table must list every code the
// engine emits, and its design tree must name the folders that exist, all of them.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

test('the README design tree names every folder and nothing that does not exist', () => {
  const root = repoRoot();
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const block = /## Design\n\n```\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'a tree under ## Design');
  const top: string[] = [];
  const engine: string[] = [];
  for (const line of block[1].split('\n')) {
    // "path   description" at column 0; "  name/, other/   description" under server/src/engine/.
    const named = /^(\S+)/.exec(line)?.[1];
    if (named) top.push(named);
    const nested = /^ {2}(\S.*?)\s{2,}/.exec(line)?.[1];
    if (nested) engine.push(...nested.split(', ').filter((name) => name.endsWith('/')));
  }
  for (const named of top) assert.ok(existsSync(join(root, named)), `${named} exists`);
  for (const named of engine) assert.ok(existsSync(join(root, 'server/src/engine', named)), `server/src/engine/${named} exists`);
  // The folders that hold tracked files: not what installs, builds and scratch work write.
  const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\n');
  const folders = (dir: string) => [...new Set(tracked.filter((file) => file.startsWith(dir)).map((file) => file.slice(dir.length).split('/')).filter((parts) => parts.length > 1).map((parts) => parts[0]))];
  for (const name of folders('').filter((name) => !name.startsWith('.'))) {
    assert.ok(top.some((named) => named === `${name}/` || named.startsWith(`${name}/`)), `the tree names ${name}/`);
  }
  for (const name of folders('server/src/')) assert.ok(top.includes(`server/src/${name}/`), `the tree names server/src/${name}/`);
  for (const name of folders('server/src/engine/')) assert.ok(engine.includes(`${name}/`), `the tree names server/src/engine/${name}/`);
});
