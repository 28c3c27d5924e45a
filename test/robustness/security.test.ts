// What a repository or the network can and cannot do (the README's threat model):
// - the catalogue URL, registries, the catalogue file, the network switch and the size cap are
//   machine-scoped, and restricted mode keeps the server off the network and off the file;
// - a hostile models.json is data: entries are shape-checked, and its strings reach hovers and
//   completion docs escaped, so a name or repo cannot inject a link, an image or a command: URI;
// - no code path sends telemetry or evaluates fetched text;
// - the CLI writes nothing but its cache folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { parseCatalogue } from '../../server/src/engine/catalogue/parse';
import { Catalogue } from '../../server/src/engine/catalogue/catalogue';
import { CatalogueService } from '../../server/src/server/catalogue-service';
import { LspTestClient, within } from '../support/lsp-client';
import { repoRoot } from '../support/markers';

const ROOT = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Settings that decide which host is asked, which file is read, or how much is read. */
const GUARDED = ['bitHarbor.catalog.url', 'bitHarbor.catalog.path', 'bitHarbor.catalog.offline', 'bitHarbor.catalog.resolveSizes', 'bitHarbor.catalog.refreshHours', 'bitHarbor.registries', 'bitHarbor.maxFileSize'];

const HOSTILE: { models: Record<string, unknown>[] } = {
  models: [
    { name: 'evil-model', repo: 'https://huggingface.co/a/b)](command:workbench.action.terminal.new) [x](https://evil.example' },
    { name: 'evil-two', repo: '[click](command:workbench.action.files.delete?%5B%5D) <img src=x onerror=alert(1)> javascript:alert(1) ![i](https://evil.example/p.png)' },
    { name: '[link](command:x)', repo: 'https://huggingface.co/a/c' },
    { name: 'evil-three', repo: 'https://huggingface.co/a/d', size: '10Gi', PROTO: { polluted: true }, constructor: 'x' },
  ],
};

/** The hostile file's text: `__proto__` as a JSON key, which an object literal cannot hold. */
const HOSTILE_TEXT = JSON.stringify(HOSTILE).replace('"PROTO"', '"__proto__"');

/** Markdown that would render as a link, an image, HTML or a command: a hostile string got through. */
function assertInert(markdown: string, where: string): void {
  const links = [...markdown.matchAll(/(?<!\\)\[[^\]]*?(?<!\\)\]\((?<target>[^)]*)\)/g)].map((m) => m.groups!.target);
  for (const target of links) assert.match(target, /^https:\/\/huggingface\.co\/a\/[bcd]$/, `${where}: link to ${target} in ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)<img|(?<!\\)<[a-z]/i, `${where}: HTML in ${markdown}`);
  assert.doesNotMatch(markdown, /(?<![\\`])command(?<!\\):/, `${where}: command: in ${markdown}`);
  assert.doesNotMatch(markdown, /(?<!\\)!(?<!\\)\[/, `${where}: an image in ${markdown}`);
}

describe('settings a repository cannot change', () => {
  it('every setting that names a host or a file, or turns on the network, is machine-scoped', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
    for (const key of GUARDED) assert.equal(properties[key]?.scope, 'machine', key);
  });

  it('restricted mode lists the catalogue and registry settings', () => {
    const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    for (const key of ['bitHarbor.catalog.path', 'bitHarbor.catalog.url', 'bitHarbor.registries']) assert.ok(restricted.includes(key), key);
  });

  it('in restricted mode the server fetches nothing and reads no catalogue file, whatever the settings say', async () => {
    const requests: string[] = [];
    const server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(200).end(HOSTILE_TEXT);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models.json`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-restricted-')), 'models.json');
    fs.writeFileSync(file, HOSTILE_TEXT);
    const messages: string[] = [];
    const connection = { console: { log: (m: string) => messages.push(m), error: (m: string) => messages.push(m) }, window: { showWarningMessage: async (m: string) => void messages.push(m) } };
    const catalogues: Catalogue[] = [];
    const saved = process.env.BIT_HARBOR_OFFLINE;
    delete process.env.BIT_HARBOR_OFFLINE;
    try {
      const service = new CatalogueService(connection as never, null, (c) => catalogues.push(c), true);
      service.configure({ url, offline: false, resolveSizes: true, path: file });
      await service.refresh(true);
      assert.deepEqual(requests, []);
      assert.equal(service.current()?.origin.kind, 'bundled');
      assert.ok(!service.current()?.get('evil-model'));
      // The same settings, trusted: the file is read (the control that shows the test can fail).
      const trusted = new CatalogueService(connection as never, null, () => undefined, false);
      trusted.configure({ url, offline: true, path: file });
      await trusted.refresh(true);
      assert.ok(trusted.current()?.get('evil-model'));
    } finally {
      if (saved !== undefined) process.env.BIT_HARBOR_OFFLINE = saved;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('a hostile catalogue is data', () => {
  it('entries are shape-checked: a name that is no OCI tag is dropped, extra fields are ignored', () => {
    const parsed = parseCatalogue(HOSTILE_TEXT, { kind: 'file', location: 'hostile.json', fetchedAt: 0 });
    assert.ok(!('error' in parsed));
    assert.deepEqual(parsed.catalogue.models.map((m) => Object.keys(m).sort()), [['name', 'repo'], ['name', 'repo'], ['name', 'repo']]);
    assert.deepEqual(parsed.catalogue.models.map((m) => m.name), ['evil-model', 'evil-two', 'evil-three']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const catalogue = new Catalogue(parsed.catalogue);
    assert.equal(catalogue.sizeOf('constructor'), undefined, 'names of Object.prototype are not sizes');
    assert.equal(catalogue.sizeOf('evil-three')?.bytes, 10 * 2 ** 30);
  });

  describe('through the server: hovers and completion docs escape every catalogue string', () => {
    let client: LspTestClient;
    const uri = 'file:///work/values.yaml';
    before(async () => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-hostile-')), 'models.json');
      fs.writeFileSync(file, HOSTILE_TEXT);
      client = await LspTestClient.start({ settings: { catalog: { offline: true, path: file } } });
    });
    after(() => client.stop());

    it('hover on each hostile tag and completion of tags show no link but the model page', async () => {
      const text = ['modelGroups:', '  g:', '    enabled: true', '    initContainers:',
        ...['evil-model', 'evil-two', 'evil-three'].map((tag) => `      - {name: w-${tag}, image: "ghcr.io/doublewordai/bit-harbor:${tag}", command: [/pause]}`),
        '      - {name: x, image: "ghcr.io/doublewordai/bit-harbor:"}', ''].join('\n');
      // The catalogue file is read in the background after start-up: wait until a hover shows it.
      let markdowns: string[] = [];
      for (let attempt = 0; attempt < 50; attempt++) {
        await (attempt === 0 ? client.open(uri, text) : client.change(uri, text));
        markdowns = [];
        for (const [line, tag] of [[4, 'evil-model'], [5, 'evil-two'], [6, 'evil-three']] as const) {
          const character = text.split('\n')[line].lastIndexOf(tag) + 2;
          const hover = (await within(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }), 'hover')) as Hover | null;
          markdowns.push((hover?.contents as MarkupContent | undefined)?.value ?? '');
        }
        if (markdowns.every((m) => /evil/.test(m) && !/not a model/.test(m))) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(markdowns.every((m) => /evil/.test(m) && !/not a model/.test(m)), `the hostile catalogue was loaded: ${markdowns.join('\n---\n')}`);
      const line = 7;
      const character = text.split('\n')[line].indexOf('harbor:') + 'harbor:'.length;
      const answer = await within(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }), 'completion');
      const items = (Array.isArray(answer) ? answer : answer?.items ?? []) as CompletionItem[];
      const evil = items.filter((item) => /evil/.test(item.label));
      assert.equal(evil.length, 3, items.map((i) => i.label).join(', '));
      for (const item of evil) markdowns.push((item.documentation as MarkupContent).value);
      for (const [index, markdown] of markdowns.entries()) assertInert(markdown, `answer ${index}`);
      assert.ok(markdowns.some((m) => m.includes('[a/d](https://huggingface.co/a/d)')), 'a real model page is still a link');
      assert.deepEqual(client.errors, []);
    });
  });
});

describe('nothing leaves the machine but the catalogue and registry requests', () => {
  it('no telemetry, and fetched text is never evaluated: the source has no such call', () => {
    const sources = ['server/src', 'client/src'].flatMap((dir) => listFiles(path.join(ROOT, dir))).filter((file) => file.endsWith('.ts'));
    for (const file of sources) {
      const text = fs.readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /\btelemetry\b|applicationinsights|sendTelemetry/i, file);
      assert.doesNotMatch(text, /\beval\(|new Function\(|\bvm\.run/, file);
      // The one computed require loads the build's own dist/validators.js, by its fixed name beside
      // the bundle (a test passes another path); no setting, file or network answer names it.
      if (path.relative(ROOT, file) !== path.join('server', 'src', 'precompiled-validators.ts')) assert.doesNotMatch(text, /require\(\s*[^'"]/, file);
    }
    const networkUsers = sources.filter((file) => /from 'node:(http|https|net|tls|dgram)'/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(networkUsers.map((file) => path.relative(ROOT, file)), ['server/src/catalogue/http.ts'], 'one module speaks to the network');
  });
});

describe('the CLI writes only its cache folder', () => {
  it('a lint run with the network allowed leaves HOME, the working folder and the linted folder as they were', () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-home-'));
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-cwd-'));
    const lintDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-lint-'));
    fs.copyFileSync(path.join(ROOT, 'examples', 'inference-stack-mistakes.yaml'), path.join(lintDir, 'values.yaml'));
    const catalog = path.join(lintDir, 'models.json.txt');
    fs.writeFileSync(catalog, JSON.stringify({ models: [{ name: 'qwen-3-8b', repo: 'https://huggingface.co/Qwen/Qwen3-8B' }] }));
    const before = snapshot([home, cwd, lintDir]);
    const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_CACHE_HOME: '', NO_COLOR: '1' };
    for (const args of [['lint', lintDir], ['lint', '--format', 'sarif', lintDir], ['lint', '--catalog', catalog, lintDir], ['lint', '--offline', lintDir]]) {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 });
      assert.ok(run.status === 0 || run.status === 1, `${args.join(' ')}: ${run.stderr}`);
    }
    const after = snapshot([home, cwd, lintDir]);
    const added = [...after].filter((file) => !before.has(file));
    assert.ok(added.every((file) => file.startsWith(path.join(home, '.cache', 'bit-harbor-values') + path.sep)), `files outside the cache folder: ${added.join(', ')}`);
    for (const file of before) assert.ok(after.has(file), `${file} is still there`);
    assert.equal(fs.readFileSync(path.join(lintDir, 'values.yaml'), 'utf8'), fs.readFileSync(path.join(ROOT, 'examples', 'inference-stack-mistakes.yaml'), 'utf8'));
  });
});

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? listFiles(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
}

function snapshot(dirs: string[]): Set<string> {
  return new Set(dirs.flatMap((dir) => listFiles(dir)));
}
