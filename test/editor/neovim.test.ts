// The same language server in a second editor: headless Neovim (Debian's neovim) with its
// built-in LSP client (neovim/check.lua) opens the fixture values file and reports the
// diagnostics, completions and hovers it received and every message the server showed. Five
// starts: offline; as the README says (its init snippet, default settings, this machine's
// network: none here, so the catalogue fetch fails); the catalogue at a port that refuses; the
// catalogue on a local host with a tag the bundled copy lacks; and an Argo CD manifest whose
// values are a block string. Provisions Neovim first
// (apt-get as root, else it fails with the command to run). Run `npm run build` first.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXTRA_TAG, refusingPort, startCatalogueHost, type CatalogueHost } from '../support/catalogue-host';
import { provisionEditorTools, ROOT } from './tools';

interface Report {
  errors: string[];
  /** window/showMessage texts, and window/showMessageRequest texts (a prompt in a real session). */
  messages: string[];
  requests: string[];
  filetype?: string;
  diagnosticsArrived?: boolean;
  diagnostics?: { lnum: number; col: number; end_col: number; severity: number; message: string; source: string; code?: string }[];
  completion?: string[];
  tagHover?: string;
  volumeCompletion?: string[];
  keyHover?: string;
}

interface Start {
  name: string;
  /** The `bitHarbor` settings the script's client starts with; absent, an init file starts it. */
  settings?: Record<string, unknown>;
  /** An init file (`-u`) instead of `--clean`. */
  init?: string;
  env?: Record<string, string>;
  expectTag?: string;
  /** The fixture to open (default: inference-values.yaml). */
  file?: string;
}

/** Runs Neovim asynchronously (a catalogue host in this process must be able to answer). */
async function runNeovim(start: Start): Promise<Report> {
  const runDir = join(ROOT, '.test-run', `neovim-${start.name}`);
  rmSync(runDir, { recursive: true, force: true });
  const home = join(runDir, 'home');
  mkdirSync(home, { recursive: true });
  cpSync(join(ROOT, 'test/editor/fixtures/workspace'), join(runDir, 'workspace'), { recursive: true });
  const out = join(runDir, 'report.json');
  const startArgs = start.init ? ['-u', start.init] : ['--clean'];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // An empty cache folder of its own: the server starts as on a new machine.
    HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'),
    XDG_STATE_HOME: join(home, '.local/state'), XDG_CACHE_HOME: join(home, '.cache'),
    BIT_HARBOR_SERVER: join(ROOT, 'dist/server.js'),
    BIT_HARBOR_FILE: join(runDir, 'workspace', start.file ?? 'inference-values.yaml'),
    BIT_HARBOR_OUT: out,
    ...(start.settings ? { BIT_HARBOR_SETTINGS: JSON.stringify(start.settings) } : {}),
    ...(start.expectTag ? { BIT_HARBOR_EXPECT_TAG: start.expectTag } : {}),
    ...start.env,
  };
  // Only the offline start may have it: the others test what users run.
  if (!start.env?.BIT_HARBOR_OFFLINE) delete env.BIT_HARBOR_OFFLINE;
  const child = spawn('nvim', ['--headless', ...startArgs, '-c', `luafile ${join(ROOT, 'test/editor/neovim/check.lua')}`], {
    cwd: join(runDir, 'workspace'), env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const status = await new Promise<number | null>((resolve) => child.once('exit', resolve)).finally(() => clearTimeout(timer));
  assert.equal(status, 0, `nvim exited ${status}:\n${output}`);
  const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
  assert.deepEqual(report.errors, []);
  return report;
}

/** The diagnostics of the fixture: one unknown tag, whatever the catalogue's source. */
function assertDiagnostics(report: Report): void {
  assert.equal(report.filetype, 'yaml');
  assert.equal(report.diagnosticsArrived, true, 'diagnostics reached Neovim');
  assert.deepEqual(report.diagnostics?.map(({ lnum, col, end_col, severity, source, code }) => ({ lnum, col, end_col, severity, source, code })), [
    // Line 27, `llama-3.1-8b-instruc` after `bit-harbor:`; severity 2 is a warning.
    { lnum: 26, col: 53, end_col: 73, severity: 2, source: 'bit-harbor', code: 'unknown-model' },
  ]);
  assert.match(report.diagnostics![0].message, /did you mean `llama-3\.1-8b-instruct`/);
}

/** The README's Neovim snippet for this Neovim (0.7 has no vim.lsp.start), pointed at our build. */
function readmeInit(dir: string): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim'), readme.indexOf('### Helix'));
  const blocks = [...section.matchAll(/```lua\n([\s\S]*?)```/g)].map((match) => match[1]);
  const version = /NVIM v0\.(\d+)/.exec(spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout)?.[1];
  const snippet = Number(version) >= 8 ? blocks[0] : blocks.find((block) => block.includes('vim.lsp.start_client'));
  assert.ok(snippet && snippet.includes('/path/to/dist/server.js'), 'the README has a Neovim snippet for this version');
  const file = join(dir, 'readme-init.lua');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, snippet.replace('/path/to/dist/server.js', join(ROOT, 'dist/server.js')));
  return file;
}

describe('Neovim', { timeout: 6 * 60_000 }, () => {
  let host: CatalogueHost;
  before(async () => {
    provisionEditorTools('neovim');
    host = await startCatalogueHost();
  });
  after(() => host.close());

  it('serves diagnostics, completion and chart-aware hovers offline', async () => {
    const report = await runNeovim({ name: 'offline', settings: { catalog: { offline: true } }, env: { BIT_HARBOR_OFFLINE: '1' } });
    assertDiagnostics(report);
    assert.ok(report.completion?.includes('llama-3.1-8b-instruct'), `tag completion: ${report.completion?.join(', ')}`);
    // Chart-aware answers: the model's size, the group's volumes, the value's provenance.
    assert.match(report.tagHover ?? '', /GiB/, `tag hover: ${report.tagHover}`);
    assert.ok(report.volumeCompletion?.includes('weights'), `volume names: ${report.volumeCompletion?.join(', ')}`);
    assert.match(report.keyHover ?? '', /Set in this file/, `key hover: ${report.keyHover}`);
    assert.deepEqual(report.messages, []);
  });

  it('inside an Argo CD manifest\'s values block string: the diagnostic on the manifest line and column, and a key hover', async () => {
    const report = await runNeovim({ name: 'gitops', file: 'argo-app.yaml', settings: { catalog: { offline: true } }, env: { BIT_HARBOR_OFFLINE: '1' } });
    assert.equal(report.diagnosticsArrived, true, 'diagnostics reached Neovim');
    assert.deepEqual(report.diagnostics?.map(({ lnum, col, end_col, code }) => ({ lnum, col, end_col, code })), [
      // Line 16, `replicaCont` inside `values: |-`, at the manifest's column 12.
      { lnum: 15, col: 12, end_col: 23, code: 'unknown-key' },
    ]);
    assert.match(report.keyHover ?? '', /containerPort/, `key hover: ${report.keyHover}`);
    assert.deepEqual(report.messages, []);
  });

  it('started exactly as the README says, with default settings, shows diagnostics and never prompts', async () => {
    const report = await runNeovim({ name: 'readme', init: readmeInit(join(ROOT, '.test-run', 'neovim-readme-init')) });
    assertDiagnostics(report);
    assert.deepEqual(report.requests, [], 'no window/showMessageRequest (a prompt that stops the editor)');
    // Without network the catalogue fetch fails and says so once; with network it says nothing.
    assert.ok(report.messages.length <= 1 && report.messages.every((message) => /catalogue/.test(message)), report.messages.join('\n'));
  });

  it('with the catalogue host refusing connections: one notification, no prompt, diagnostics', async () => {
    const url = `http://127.0.0.1:${await refusingPort()}/models.json`;
    const report = await runNeovim({ name: 'refused', settings: { catalog: { url } } });
    assertDiagnostics(report);
    assert.deepEqual(report.requests, []);
    assert.equal(report.messages.length, 1, report.messages.join('\n'));
    assert.match(report.messages[0], /^Bit Harbor catalogue: could not refresh the Bit Harbor catalogue: .*ECONNREFUSED.*; keeping the bundled catalogue/);
    assert.ok(report.completion?.includes('llama-3.1-8b-instruct'), 'the bundled catalogue still completes');
  });

  it('with a catalogue host on 127.0.0.1: completion offers its extra tag after the refresh', async () => {
    const report = await runNeovim({ name: 'online', settings: { catalog: { url: host.url } }, expectTag: EXTRA_TAG });
    assertDiagnostics(report);
    assert.ok(report.completion?.includes(EXTRA_TAG), `tag completion: ${report.completion?.join(', ')}`);
    assert.ok(host.requests() >= 1);
    assert.deepEqual([...report.messages, ...report.requests], []);
  });
});
