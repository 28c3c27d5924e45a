// The catalogue failures test/protocol/catalogue-http.test.ts does not cover: a TLS error (a
// server presenting a self-signed certificate made at test time, and an https URL answered in
// plain HTTP), a 10 MB body against the default 1 MiB cap, and a crash in the middle of writing
// the cache (a leftover or truncated temp file). Each keeps the last good catalogue and says
// why once. Local servers only; the real network is never used.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CatalogueCache } from '../../server/src/catalogue/cache';
import { httpGet, isFailure } from '../../server/src/catalogue/http';
import { CatalogueManager, DEFAULT_CATALOGUE_SETTINGS } from '../../server/src/catalogue/manager';

const GOOD = { models: [{ name: 'qwen-3-8b', repo: 'https://huggingface.co/Qwen/Qwen3-8B' }] };

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function listen(server: http.Server | https.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A key and a self-signed certificate for 127.0.0.1, made now with openssl; null without it. */
function selfSigned(dir: string): { key: Buffer; cert: Buffer } | null {
  const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    return { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  } catch {
    return null;
  }
}

describe('catalogue failures beyond the HTTP tests', () => {
  let dir: string;
  let plain: http.Server;
  let plainHost: string;
  let route: Handler;
  let logged: string[];
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-robust-catalogue-'));
    plain = http.createServer((req, res) => route(req, res));
    plainHost = await listen(plain);
  });
  after(async () => {
    await close(plain);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function manager(url: string, cacheDir: string): CatalogueManager {
    logged = [];
    return new CatalogueManager({
      settings: { ...DEFAULT_CATALOGUE_SETTINGS, url, resolveSizes: false },
      cacheDir,
      http: httpGet,
      log: (message) => logged.push(message),
      timeoutMs: 5000, // the default 1 MiB cap stays: the 10 MB body meets the real limit
    });
  }

  async function withGoodCatalogue(cacheDir: string): Promise<CatalogueManager> {
    route = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(GOOD));
    const catalogues = manager(`http://${plainHost}/models.json`, cacheDir);
    await catalogues.refresh();
    assert.deepEqual(catalogues.current().entries().map((e) => e.name), ['qwen-3-8b']);
    return catalogues;
  }

  it('a 10 MB body is abandoned at the 1 MiB cap; the last good catalogue stays', async () => {
    const catalogues = await withGoodCatalogue(fs.mkdtempSync(path.join(dir, 'big-')));
    let sent = 0;
    route = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, ' ');
      const pump = (): void => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('{}');
      };
      res.on('error', () => undefined);
      pump();
    };
    const result = await catalogues.refresh({ force: true });
    assert.match(result.problem ?? '', /larger than 1 MiB; not read; keeping the catalogue from http:/);
    assert.deepEqual(catalogues.current().entries().map((e) => e.name), ['qwen-3-8b']);
    assert.ok(sent < 10 * 1024 * 1024, `the client hung up early (${sent} bytes sent)`);
    assert.deepEqual(logged, [result.problem]);
  });

  it('a TLS error (an https URL answered in plain HTTP) keeps the last good catalogue, said once', async () => {
    const catalogues = await withGoodCatalogue(fs.mkdtempSync(path.join(dir, 'tls-')));
    catalogues.configure({ ...DEFAULT_CATALOGUE_SETTINGS, url: `https://${plainHost}/models.json`, resolveSizes: false });
    const first = await catalogues.refresh({ force: true });
    assert.match(first.problem ?? '', /^could not refresh the Bit Harbor catalogue: https:\/\/127\.0\.0\.1:\d+\/models\.json: TLS error: wrong version number \(EPROTO\); keeping the catalogue from http:/);
    assert.doesNotMatch(first.problem ?? '', /\n/);
    assert.deepEqual(catalogues.current().entries().map((e) => e.name), ['qwen-3-8b']);
    assert.equal((await catalogues.refresh({ force: true })).problem, undefined, 'the same reason is not shown twice');
  });

  it('a self-signed certificate is refused, not trusted, and the last good catalogue stays', async (t) => {
    const credentials = selfSigned(dir);
    if (!credentials) return t.skip('openssl is not installed');
    const server = https.createServer(credentials, (_req, res) => res.writeHead(200).end(JSON.stringify({ models: [{ name: 'evil-model', repo: 'https://example.invalid/x' }] })));
    const host = await listen(server);
    try {
      const catalogues = await withGoodCatalogue(fs.mkdtempSync(path.join(dir, 'cert-')));
      catalogues.configure({ ...DEFAULT_CATALOGUE_SETTINGS, url: `https://${host}/models.json`, resolveSizes: false });
      const result = await catalogues.refresh({ force: true });
      assert.match(result.problem ?? '', /: TLS error: self[- ]signed certificate \(DEPTH_ZERO_SELF_SIGNED_CERT\); keeping/);
      assert.doesNotMatch(result.problem ?? '', /\n/);
      assert.match(result.problem ?? '', /; keeping the catalogue from http:/);
      assert.deepEqual(catalogues.current().entries().map((e) => e.name), ['qwen-3-8b']);
    } finally {
      await close(server);
    }
  });

  it('a crash mid-write (a leftover or truncated temp file) never corrupts the cache', async () => {
    const cacheDir = fs.mkdtempSync(path.join(dir, 'crash-'));
    await withGoodCatalogue(cacheDir);
    const good = fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8');
    // What a process killed between write and rename leaves: a temp file, whole or cut short.
    fs.writeFileSync(path.join(cacheDir, `.catalogue.json.999.1.abc.tmp`), good.slice(0, good.length >> 1));
    fs.writeFileSync(path.join(cacheDir, `.catalogue.json.998.1.def.tmp`), '{"format": 1, "text": "{\\"models\\": []}", "location": "x", "fetchedAt": 1}');
    const restarted = manager(`http://${plainHost}/models.json`, cacheDir);
    assert.equal(restarted.current().origin.kind, 'cache', 'the cache is read from catalogue.json, never from a temp file');
    assert.deepEqual(restarted.current().entries().map((e) => e.name), ['qwen-3-8b']);
    // The next write goes to a fresh temp name and replaces the target whole.
    route = (_req, res) => res.writeHead(200).end(JSON.stringify({ models: [{ name: 'another-model', repo: 'https://huggingface.co/a/b' }] }));
    await restarted.refresh({ force: true });
    assert.equal(JSON.parse(fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8')).format, 1);
    assert.match(new CatalogueCache(cacheDir).readCatalogue()?.text ?? '', /another-model/);
  });

  it('a write that fails (the cache folder is a file) leaves the old cache whole and says why', async () => {
    const cacheDir = fs.mkdtempSync(path.join(dir, 'full-'));
    await withGoodCatalogue(cacheDir);
    const before = fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8');
    const cache = new CatalogueCache(cacheDir);
    const failing = new CatalogueCache(path.join(cacheDir, 'catalogue.json')); // a file, not a folder
    assert.match(failing.writeCatalogue({ text: '{}', location: 'x', fetchedAt: 1 }) ?? '', /could not write the catalogue cache/);
    assert.equal(fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8'), before);
    assert.equal(cache.readCatalogue()?.location, `http://${plainHost}/models.json`);
  });
});
