// A cloned repository as an attacker writes it (issue #21): modelines that name bases outside
// the workspace, through `..`, absolute paths, symlinks, /proc, devices and FIFOs; a base too
// large to read; settings with glob patterns that backtrack; a 90,000-digit quantity; and, from
// the network, a catalogue host whose answer carries a command link. Each goes through the
// server over stdio (or the CLI), which must refuse it with a finding that reveals nothing,
// and answer the next request within a second. The file-system layer is spied on to show that
// nothing outside the workspace is opened. All hosts are 127.0.0.1.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine } from '../../server/src/engine/engine';
import { NODE_FILE_ACCESS, type FileAccess } from '../../server/src/files/confined-read';
import { CatalogueService } from '../../server/src/server/catalogue-service';
import { LayerService } from '../../server/src/server/layers';
import { LspTestClient } from '../support/lsp-client';
import { repoRoot } from '../support/markers';

/** The bound: after each attack, the next request is answered within this. */
const NEXT_REQUEST_MS = 1_000;
const SECRET = 'hunter2-do-not-show';
const VALUES = 'modelGroups:\n  g:\n    enabled: true\n';
const MAX_FILE_SIZE = 64 * 1024;

let root = '';
let workspace = '';
let outside = '';
let fifo = false;

function withBase(base: string): string {
  return `# bit-harbor-values: base=${base}\n${VALUES}`;
}

/** Every attack: the `base=` written, and what the refusal must say. */
function attacks(): { base: string; says: RegExp }[] {
  const list = [
    { base: '/etc/passwd', says: /outside the workspace folders/ },
    { base: '../outside/secret.yaml', says: /outside the workspace folders/ },
    { base: path.join(outside, 'secret.yaml'), says: /outside the workspace folders/ },
    { base: './link-out.yaml', says: /outside the workspace folders/ },
    { base: './link-zero.yaml', says: /outside the workspace folders/ },
    { base: '/dev/zero', says: /outside the workspace folders/ },
    { base: '/proc/self/environ', says: /outside the workspace folders/ },
    { base: './big.yaml', says: /larger than 64 KiB/ },
    { base: './missing.yaml', says: /no such file/ },
    { base: './folder', says: /it is a folder/ },
  ];
  if (fifo) list.push({ base: './pipe.yaml', says: /not a regular file/ });
  return list;
}

before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-hostile-')));
  workspace = path.join(root, 'workspace');
  outside = path.join(root, 'outside');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  fs.mkdirSync(path.join(workspace, 'folder'));
  fs.writeFileSync(path.join(outside, 'secret.yaml'), `modelGroups:\n  ${SECRET}:\n    enabled: maybe\n    ${SECRET}: [\n`);
  fs.writeFileSync(path.join(workspace, 'base.yaml'), VALUES);
  fs.writeFileSync(path.join(workspace, 'big.yaml'), `# ${'x'.repeat(MAX_FILE_SIZE)}\n${VALUES}`);
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'link-out.yaml'));
  fs.symlinkSync('/dev/zero', path.join(workspace, 'link-zero.yaml'));
  fifo = spawnSync('mkfifo', [path.join(workspace, 'pipe.yaml')]).status === 0;
});

after(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

function unreadable(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'base-unreadable');
}

/** The real file system, recording every path it is asked to open. */
function spyingAccess(opened: string[]): FileAccess {
  return {
    realpath: (file) => NODE_FILE_ACCESS.realpath(file),
    open: (file, flags) => {
      opened.push(file);
      return NODE_FILE_ACCESS.open(file, flags);
    },
  };
}

async function answersNextRequest(client: LspTestClient, uri: string): Promise<number> {
  const { ms } = await client.timed('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
  assert.ok(ms < NEXT_REQUEST_MS, `the next request took ${ms.toFixed(0)} ms`);
  return ms;
}

describe('hostile bases in the editor', { timeout: 120_000 }, () => {
  it('every base outside the workspace, special or too large is refused, and the server stays responsive', async () => {
    const client = await LspTestClient.start({ workspaceFolders: [workspace], settings: { maxFileSize: MAX_FILE_SIZE } });
    try {
      for (const [index, attack] of attacks().entries()) {
        const uri = pathToFileURL(path.join(workspace, `values-${index}.yaml`)).toString();
        const diagnostics = await client.open(uri, withBase(attack.base));
        const [refusal, ...rest] = unreadable(diagnostics);
        assert.ok(refusal, `${attack.base}: no base-unreadable in ${JSON.stringify(diagnostics)}`);
        assert.deepEqual(rest, []);
        assert.match(String(refusal.message), attack.says, attack.base);
        for (const diagnostic of diagnostics) assert.ok(!String(diagnostic.message).includes(SECRET), `${attack.base}: ${String(diagnostic.message)}`);
        await answersNextRequest(client, uri);
      }
      // The control: a base inside the workspace is read.
      const good = pathToFileURL(path.join(workspace, 'values-good.yaml')).toString();
      assert.deepEqual(unreadable(await client.open(good, withBase('./base.yaml'))), []);
      assert.deepEqual(client.errors, []);
    } finally {
      await client.stop();
    }
  });

  it('in restricted mode a base on disk is not read; the same base open in the editor is', async () => {
    const client = await LspTestClient.start({ workspaceFolders: [workspace], initializationOptions: { trusted: false } });
    try {
      const uri = pathToFileURL(path.join(workspace, 'values-restricted.yaml')).toString();
      const [refusal] = unreadable(await client.open(uri, withBase('./base.yaml')));
      assert.match(String(refusal?.message ?? ''), /not trusted/);
      await answersNextRequest(client, uri);
      await client.open(pathToFileURL(path.join(workspace, 'base.yaml')).toString(), VALUES);
      assert.deepEqual(unreadable(await client.change(uri, withBase('./base.yaml') + '# edited\n')), []);
    } finally {
      await client.stop();
    }
  });

  it('the file-system layer is never asked to open anything outside the workspace', async () => {
    const opened: string[] = [];
    const spy = spyingAccess(opened);
    const layers = new LayerService({ all: () => [] } as never, spy);
    for (const attack of attacks()) {
      const document = TextDocument.create(pathToFileURL(path.join(workspace, 'v.yaml')).toString(), 'yaml', 1, withBase(attack.base));
      const input = await layers.load(document, [], { roots: [workspace], maxBytes: MAX_FILE_SIZE, restricted: false });
      assert.equal(input.problems?.length, 1, attack.base);
    }
    assert.ok(opened.length > 0, 'the spy sees the reads it should');
    for (const file of opened) assert.ok(file.startsWith(workspace + path.sep), `opened ${file}`);
  });

  it('the values files a GitOps manifest names are read within the same bounds, and a refused one reveals nothing', async () => {
    const opened: string[] = [];
    const spy = spyingAccess(opened);
    const layers = new LayerService({ all: () => [] } as never, spy);
    const entries = attacks().map((attack) => `      - ${JSON.stringify(attack.base)}`).join('\n');
    const text = `releases:\n  - name: llm\n    chart: doubleword/inference-stack\n    values:\n${entries}\n      - onwards: {replicaCount: 2}\n`;
    const uri = pathToFileURL(path.join(workspace, 'helmfile.yaml')).toString();
    const engine = new Engine();
    const named = engine.manifestFiles({ path: path.join(workspace, 'helmfile.yaml'), text });
    // `../outside/secret.yaml` and its absolute path are one file, asked for once.
    assert.equal(named.length, new Set(attacks().map((attack) => path.resolve(workspace, attack.base))).size);
    const files = await layers.readNamed(TextDocument.create(uri, 'yaml', 1, text), named, { roots: [workspace], maxBytes: MAX_FILE_SIZE, restricted: false });
    const findings = engine.analyze({ path: path.join(workspace, 'helmfile.yaml'), text, files }).findings;
    const unread = findings.filter((f) => f.code === 'values-source-unread');
    assert.equal(unread.length, attacks().length, findings.map((f) => f.message).join('\n'));
    attacks().forEach((attack, index) => assert.match(unread[index].message, attack.says, attack.base));
    assert.ok(!JSON.stringify(findings).includes(SECRET), 'nothing of a refused file is shown');
    for (const file of opened) assert.ok(file.startsWith(workspace + path.sep), `opened ${file}`);
  });
});

describe('a base on a disk that never answers', () => {
  it('is given up after the timeout, with a reason, and the check goes on without it', async () => {
    const hanging: FileAccess = { realpath: (file) => NODE_FILE_ACCESS.realpath(file), open: () => new Promise(() => undefined) };
    const layers = new LayerService({ all: () => [] } as never, hanging);
    const document = TextDocument.create(pathToFileURL(path.join(workspace, 'v.yaml')).toString(), 'yaml', 1, withBase('./base.yaml'));
    const started = performance.now();
    const input = await layers.load(document, [], { roots: [workspace], maxBytes: MAX_FILE_SIZE, restricted: false, timeoutMs: 200 });
    assert.ok(performance.now() - started < NEXT_REQUEST_MS);
    assert.match(String(input.problems?.[0]?.message), /took longer than 0\.2 s/);
    assert.deepEqual(input.bases, []);
  });
});

describe('hostile settings and values in the editor', { timeout: 120_000 }, () => {
  it('a backtracking glob in bitHarbor.files and bitHarbor.layers does not stall the server', async () => {
    const bomb = '*a*a*a*a*a*a*a*a*a*a*ab';
    const client = await LspTestClient.start({
      workspaceFolders: [workspace],
      settings: { files: { inferenceStack: [bomb, `**/${bomb}`], prePorter: [bomb] }, layers: [[bomb, `x${bomb}`, '{a,b}'.repeat(30)]] },
    });
    try {
      const uri = pathToFileURL(path.join(workspace, `${'a'.repeat(200)}.yaml`)).toString();
      const { ms } = await client.openTimed(uri, VALUES);
      assert.ok(ms < 5_000, `diagnostics took ${ms.toFixed(0)} ms`);
      await answersNextRequest(client, uri);
    } finally {
      await client.stop();
    }
  });

  it('a 90,000-digit sizeLimit is checked in milliseconds, on open and on every keystroke', async () => {
    const digits = '9'.repeat(90_000);
    const text = `modelGroups:\n  g:\n    enabled: true\n    volumes:\n      - name: w\n        emptyDir:\n          sizeLimit: ${digits}x\n`;
    const client = await LspTestClient.start({ workspaceFolders: [workspace] });
    try {
      const uri = pathToFileURL(path.join(workspace, 'quantity.yaml')).toString();
      const opened = await client.openTimed(uri, text);
      assert.ok(opened.ms < 5_000, `open took ${opened.ms.toFixed(0)} ms`);
      const [tooLong] = opened.diagnostics.filter((d) => d.code === 'quantity-too-long');
      assert.match(String(tooLong?.message), /90,001 characters long/);
      assert.equal(tooLong.range.start.line, 6);
      const edited = await client.editTimed(uri, { start: { line: 2, character: 17 }, end: { line: 2, character: 17 } }, ' ');
      assert.ok(edited.ms < 5_000, `a keystroke took ${edited.ms.toFixed(0)} ms`);
      await answersNextRequest(client, uri);
    } finally {
      await client.stop();
    }
  });
});

describe('a hostile catalogue host', () => {
  it('a reason phrase with a command link reaches the notification without its link', async () => {
    const server = http.createServer((_req, res) => res.writeHead(500, '[Fix it](command:workbench.action.terminal.new)').end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models.json`;
    const shown: string[] = [];
    // The failure goes out as a window/showMessage notification (never a request an editor must answer).
    const connection = { console: { log: () => undefined, error: () => undefined }, sendNotification: async (_type: unknown, params: { message: string }) => void shown.push(params.message) };
    const saved = process.env.BIT_HARBOR_OFFLINE;
    delete process.env.BIT_HARBOR_OFFLINE;
    try {
      const service = new CatalogueService(connection as never, null, () => undefined, false);
      service.configure({ url, offline: false, resolveSizes: false });
      await service.refresh(true);
      assert.ok(shown.length > 0, 'the failure is shown');
      for (const message of shown) {
        assert.doesNotMatch(message, /\]\((?:https?:\/\/|command:|file:)/, message);
        assert.doesNotMatch(message, /\u202E/);
      }
    } finally {
      if (saved !== undefined) process.env.BIT_HARBOR_OFFLINE = saved;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a catalogue of many tags', () => {
  it('asks the registry about at most registryTagsPerRefresh tags, those in use first', async () => {
    const names = Array.from({ length: 50 }, (_, i) => `model-${i}`);
    const asked: string[] = [];
    const server = http.createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/models.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ models: names.map((name) => ({ name, repo: `https://huggingface.co/o/${name}` })) }));
      if (url.startsWith('/token')) return void res.writeHead(200).end(JSON.stringify({ token: 't' }));
      asked.push(url.slice(url.lastIndexOf('/') + 1));
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const connection = { console: { log: () => undefined, error: () => undefined }, window: { showWarningMessage: async () => undefined, showMessage: async () => undefined } };
    const saved = process.env.BIT_HARBOR_OFFLINE;
    delete process.env.BIT_HARBOR_OFFLINE;
    try {
      const service = new CatalogueService(connection as never, null, () => undefined, false, () => ['model-42', 'not-in-the-catalogue', 'model-7']);
      service.configure({ url: `${host}/models.json`, offline: false, resolveSizes: true, registryUrl: host, registryTagsPerRefresh: 3, registryConcurrency: 1 });
      await service.refresh(true); // configure() started one refresh too: two in all
      assert.ok(asked.length <= 2 * 3, `asked ${asked.length}: ${asked.join(', ')}`);
      // model-42 would not be among the first six of the catalogue's fifty: it is, being in use.
      assert.ok(asked.includes('model-42') && asked.includes('model-7'), 'the tags in use first');
      assert.ok(!asked.includes('not-in-the-catalogue'), 'only catalogue tags are asked about');
    } finally {
      if (saved !== undefined) process.env.BIT_HARBOR_OFFLINE = saved;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('hostile bases on the command line', { timeout: 120_000 }, () => {
  const cli = path.join(repoRoot(), 'dist', 'cli.js');
  const lint = (args: string[], cwd: string) => spawnSync(process.execPath, [cli, 'lint', '--offline', '--format', 'json', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

  it('refuses every base outside the working folder and the named files\' folders, unless --allow-outside names it', () => {
    for (const [index, attack] of attacks().entries()) {
      const file = path.join(workspace, `cli-${index}.yaml`);
      fs.writeFileSync(file, withBase(attack.base));
      const started = performance.now();
      const run = lint(['--max-file-size', String(MAX_FILE_SIZE), file], workspace);
      assert.ok(performance.now() - started < 20_000);
      assert.ok(run.status === 1 || run.status === 0, `${attack.base}: exit ${run.status} ${run.stderr}`);
      assert.ok(!run.stdout.includes(SECRET), `${attack.base}: ${run.stdout}`);
      const findings: { code: string; message: string }[] = JSON.parse(run.stdout);
      const refusal = findings.find((finding) => finding.code === 'base-unreadable');
      const says = attack.says.source.includes('workspace') ? /outside the working folder and the folders named/ : attack.says;
      assert.match(refusal?.message ?? JSON.stringify(findings), says, attack.base);
    }
    const file = path.join(workspace, 'cli-allowed.yaml');
    fs.writeFileSync(file, withBase('../outside/secret.yaml'));
    const allowed = lint(['--allow-outside', outside, file], workspace);
    assert.ok(!allowed.stdout.includes('outside the working folder'), allowed.stdout);
    assert.ok(!(JSON.parse(allowed.stdout) as { code: string }[]).some((finding) => finding.code === 'base-unreadable'), 'the control: with --allow-outside the base is read');
  });

  it('a FIFO or a device named on the command line or found in a folder does not stall the run', () => {
    const run = lint(['/dev/zero'], workspace);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /not a regular file/);
    if (fifo) {
      const walked = lint(['.'], workspace);
      assert.notEqual(walked.status, null, 'the walk finished');
      const named = lint(['pipe.yaml'], workspace);
      assert.match(named.stderr, /not a regular file/);
    }
  });
});
