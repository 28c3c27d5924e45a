// The same language server in a second editor: headless Neovim (Debian's neovim) starts
// dist/server.js with its built-in LSP client (neovim/check.lua), opens the fixture values file
// and reports the diagnostics and a completion it received. Provisions Neovim first (apt-get as
// root, else it fails with the command to run). Run `npm run build` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { provisionEditorTools, ROOT } from './tools';

interface Report {
  errors: string[];
  filetype?: string;
  diagnosticsArrived?: boolean;
  diagnostics?: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string; code?: string }[];
  completion?: string[];
  tagHover?: string;
  volumeCompletion?: string[];
  keyHover?: string;
}

it('serves diagnostics, completion and chart-aware hovers to Neovim', { timeout: 5 * 60_000 }, () => {
  provisionEditorTools('neovim');
  const runDir = join(ROOT, '.test-run', 'neovim');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(join(runDir, 'home'), { recursive: true });
  cpSync(join(ROOT, 'test/editor/fixtures/workspace'), join(runDir, 'workspace'), { recursive: true });
  const out = join(runDir, 'report.json');
  const home = join(runDir, 'home');
  const result = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(ROOT, 'test/editor/neovim/check.lua')}`], {
    cwd: join(runDir, 'workspace'),
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'),
      XDG_STATE_HOME: join(home, '.local/state'), XDG_CACHE_HOME: join(home, '.cache'),
      BIT_HARBOR_OFFLINE: '1',
      BIT_HARBOR_SERVER: join(ROOT, 'dist/server.js'),
      BIT_HARBOR_FILE: join(runDir, 'workspace/inference-values.yaml'),
      BIT_HARBOR_OUT: out,
    },
  });
  assert.equal(result.status, 0, `nvim exited ${result.status} (${result.error?.message ?? ''}):\n${result.stdout}${result.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assert.deepEqual(report.errors, []);
  assert.equal(report.filetype, 'yaml');
  assert.equal(report.diagnosticsArrived, true, 'diagnostics reached Neovim');
  assert.deepEqual(report.diagnostics?.map(({ lnum, col, end_col, severity, source, code }) => ({ lnum, col, end_col, severity, source, code })), [
    // Line 27, `llama-3.1-8b-instruc` after `bit-harbor:`; severity 2 is a warning.
    { lnum: 26, col: 53, end_col: 73, severity: 2, source: 'bit-harbor', code: 'unknown-model' },
  ]);
  assert.match(report.diagnostics![0].message, /did you mean `llama-3\.1-8b-instruct`/);
  assert.ok(report.completion?.includes('llama-3.1-8b-instruct'), `tag completion: ${report.completion?.join(', ')}`);
  // Chart-aware answers: the model's size, the group's volumes, the value's provenance.
  assert.match(report.tagHover ?? '', /GiB/, `tag hover: ${report.tagHover}`);
  assert.ok(report.volumeCompletion?.includes('weights'), `volume names: ${report.volumeCompletion?.join(', ')}`);
  assert.match(report.keyHover ?? '', /Set in this file/, `key hover: ${report.keyHover}`);
});
