// What `npm run build` (run by the test command first) puts in dist/ for a fast start: the
// server's entry carries neither the engine nor the protocol library but requires them beside it,
// the protocol library exists once, the extension's entry leaves the language client library to
// a bundle of its own (loaded after activation), and every bundle is plain ASCII (one other character makes
// Node decode the whole file into a two-byte string on every start).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/markers';

const dist = path.join(repoRoot(), 'dist');
const read = (name: string) => fs.readFileSync(path.join(dist, name), 'latin1');

test('the server entry requires the protocol library and the server proper instead of carrying them', () => {
  const entry = read('server.js');
  assert.match(entry, /require\("\.\/lsp\.js"\)/);
  assert.match(entry, /require\("\.\/server-core\.js"\)/);
  assert.ok(entry.length < 16 * 1024, `dist/server.js is ${entry.length} bytes`);
  const core = read('server-core.js');
  assert.match(core, /require\("\.\/lsp\.js"\)/);
  assert.doesNotMatch(core, /node_modules\/vscode-jsonrpc\//, 'the server proper carries a second protocol library');
  assert.match(read('lsp.js'), /node_modules\/vscode-jsonrpc\//);
});

test('the extension entry requires the language client library instead of carrying it', () => {
  const entry = read('extension.js');
  assert.match(entry, /require\("\.\/language-client\.js"\)/);
  assert.doesNotMatch(entry, /node_modules\/vscode-languageclient\//);
  assert.ok(entry.length < 32 * 1024, `dist/extension.js is ${entry.length} bytes`);
  assert.match(read('language-client.js'), /node_modules\/vscode-languageclient\//);
});

test('every bundle is plain ASCII', () => {
  const bundles = fs.readdirSync(dist).filter((name) => name.endsWith('.js'));
  assert.ok(bundles.length >= 6, bundles.join(', '));
  for (const name of bundles) {
    const at = read(name).search(/[^\x00-\x7f]/);
    assert.equal(at, -1, `${name} has a non-ASCII character at ${at}: ${read(name).slice(Math.max(0, at - 40), at + 10)}`);
  }
});

test('the CLI loads its bundles through the code cache that the build left beside them', () => {
  const example = path.join(repoRoot(), 'examples', 'pre-porter-gpu-nodes.yaml');
  const run = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'lint', '--offline', example], { env: { ...process.env, BIT_HARBOR_CODE_CACHE: 'report' }, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  for (const bundle of ['cli-core.js', 'validators.js']) assert.match(run.stderr, new RegExp(`code cache of ${bundle}: used`), run.stderr);
});
