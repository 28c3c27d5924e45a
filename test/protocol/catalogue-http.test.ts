// The catalogue over the network, against a LOCAL server that plays the raw-file host and the
// registry: every failure the network can produce, and the manager keeping its last good
// catalogue with one clear message for each. The real network is never used; every wait is
// bounded by a short timeout passed in options.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, beforeEach, describe, it, mock } from 'node:test';
import { CatalogueCache, defaultCliCacheDir } from '../../server/src/catalogue/cache';
import { httpGet, isFailure, type HttpOutcome, type HttpResponse } from '../../server/src/catalogue/http';
import { CatalogueManager, DEFAULT_CATALOGUE_SETTINGS, loadCliCatalogue, REGISTRY_TAGS_PER_REFRESH, type CatalogueSettings } from '../../server/src/catalogue/manager';
import { RegistryClient } from '../../server/src/catalogue/registry';

const TIMEOUT_MS = 300;
const CAP = 16 * 1024;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface FakeHost {
  url: string;
  /** Paths requested, with the request headers, in order. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  routes: Map<string, Handler>;
  close(): Promise<void>;
}

async function fakeHost(): Promise<FakeHost> {
  const requests: FakeHost['requests'] = [];
  const routes = new Map<string, Handler>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    req.socket.on('error', () => undefined); // the client hangs up on purpose in some tests
    const handler = routes.get(url.pathname);
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routes,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

const json = (body: unknown, headers: http.OutgoingHttpHeaders = {}): Handler => (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

const GOOD = { models: [{ name: 'qwen-3-8b', repo: 'https://huggingface.co/Qwen/Qwen3-8B' }, { name: 'fork-only-model', repo: 'https://huggingface.co/acme/m' }] };
const OTHER = { models: [{ name: 'another-model', repo: 'https://huggingface.co/acme/other' }] };

/** models.json with an ETag; a matching If-None-Match gets 304. */
function withEtag(body: unknown, etag: string): Handler {
  return (req, res) => {
    if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
    else json(body, { etag })(req, res);
  };
}

const slow: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"models": ['); // and never the rest
};

const oversize: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' }); // chunked: no length to check up front
  for (let i = 0; i < 8; i++) res.write(Buffer.alloc(CAP / 2, ' '));
  res.end('{}');
};

function response(outcome: HttpOutcome): HttpResponse {
  if (isFailure(outcome)) assert.fail(`expected a response, got: ${outcome.reason}`);
  return outcome;
}

function failure(outcome: HttpOutcome): string {
  if (!isFailure(outcome)) assert.fail(`expected a failure, got status ${outcome.status}`);
  assert.doesNotMatch(outcome.reason, /\n/);
  return outcome.reason;
}

describe('httpGet', () => {
  let host: FakeHost;
  let elsewhere: FakeHost;
  beforeEach(async () => [host, elsewhere] = [await fakeHost(), await fakeHost()]);
  afterEach(async () => Promise.all([host.close(), elsewhere.close()]));
  const get = (pathname: string, etag?: string) => httpGet(host.url + pathname, { timeoutMs: TIMEOUT_MS, maxBytes: CAP, etag });

  it('returns body and ETag, and "not modified" for a matching If-None-Match', async () => {
    host.routes.set('/models.json', withEtag(GOOD, '"v1"'));
    const first = response(await get('/models.json'));
    assert.deepEqual([first.status, first.etag, first.notModified, JSON.parse(first.body)], [200, '"v1"', false, GOOD]);
    const second = response(await get('/models.json', '"v1"'));
    assert.deepEqual([second.status, second.notModified, second.body], [304, true, '']);
    assert.equal(host.requests[1].headers['if-none-match'], '"v1"');
  });

  it('fails with the status on an error answer', async () => {
    host.routes.set('/models.json', (_req, res) => res.writeHead(500).end('boom'));
    const outcome = await get('/models.json');
    assert.match(failure(outcome), /models\.json answered 500 Internal Server Error$/);
    assert.equal((outcome as { status?: number }).status, 500);
    assert.match(failure(await get('/missing')), /answered 404/);
  });

  it('gives up on a slow answer at the timeout', async () => {
    host.routes.set('/models.json', slow);
    const started = Date.now();
    assert.match(failure(await get('/models.json')), /no complete answer within 300 ms/);
    assert.ok(Date.now() - started < TIMEOUT_MS + 1000);
  });

  it('abandons a body past the cap, with or without a Content-Length', async () => {
    host.routes.set('/chunked', oversize);
    host.routes.set('/declared', (_req, res) => res.writeHead(200, { 'content-length': CAP + 1 }).end(Buffer.alloc(CAP + 1, ' ')));
    assert.match(failure(await get('/chunked')), /larger than 16 KiB; not read/);
    assert.match(failure(await get('/declared')), /larger than 16 KiB; not read/);
  });

  it('follows up to three redirects on the same host, none to another', async () => {
    host.routes.set('/models.json', json(GOOD));
    host.routes.set('/moved', (_req, res) => res.writeHead(301, { location: '/models.json' }).end());
    host.routes.set('/loop', (_req, res) => res.writeHead(302, { location: '/loop' }).end());
    host.routes.set('/away', (_req, res) => res.writeHead(302, { location: `${elsewhere.url}/models.json` }).end());
    assert.deepEqual(JSON.parse(response(await get('/moved')).body), GOOD);
    assert.match(failure(await get('/loop')), /more than 3 redirects/);
    assert.match(failure(await get('/away')), new RegExp(`redirected to another host \\(${elsewhere.url}\\); not followed`));
    assert.equal(elsewhere.requests.length, 0);
  });

  it('turns a refused connection and a bad URL into failures, never a throw', async () => {
    const closed = await fakeHost();
    await closed.close();
    assert.match(failure(await httpGet(`${closed.url}/models.json`, { timeoutMs: TIMEOUT_MS })), /ECONNREFUSED/);
    assert.match(failure(await httpGet('not a url')), /^not a URL/);
    assert.match(failure(await httpGet('ftp://example.test/x')), /unsupported protocol/);
  });
});

const REPO = '/v2/doublewordai/bit-harbor/manifests';
const AMD64 = 'sha256:' + 'a'.repeat(64);
const ARM64 = 'sha256:' + 'b'.repeat(64);

/** A registry with one multi-arch tag, one single-manifest tag and whatever a test adds. */
function playRegistry(host: FakeHost): void {
  host.routes.set('/token', json({ token: 'anonymous-token' }));
  host.routes.set(`${REPO}/qwen-3-8b`, json({
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { digest: ARM64, platform: { os: 'linux', architecture: 'arm64' } },
      { digest: 'sha256:' + 'c'.repeat(64), platform: { os: 'unknown', architecture: 'unknown' } },
      { digest: AMD64, platform: { os: 'linux', architecture: 'amd64' } },
    ],
  }));
  host.routes.set(`${REPO}/${AMD64}`, json({ layers: [{ size: 1000 }, { size: 16_000_000_000 }] }));
  host.routes.set(`${REPO}/${ARM64}`, json({ layers: [{ size: 1 }] }));
  host.routes.set(`${REPO}/dw-gemma-3-12b-it`, json({ mediaType: 'application/vnd.docker.distribution.manifest.v2+json', layers: [{ size: 24_000_000_000 }] }));
  host.routes.set(`${REPO}/gemma-3-4b-it`, json({ layers: [{ size: 8_700_000_000 }, { size: 5 }] }));
}

describe('RegistryClient', () => {
  let host: FakeHost;
  beforeEach(async () => {
    host = await fakeHost();
    playRegistry(host);
  });
  afterEach(() => host.close());
  const client = () => new RegistryClient(httpGet, { baseUrl: host.url, timeoutMs: TIMEOUT_MS, maxBytes: CAP });

  it('follows an index to the linux/amd64 manifest and sums its layers', async () => {
    assert.deepEqual(await client().lookup('qwen-3-8b'), { published: true, bytes: 16_000_001_000, source: 'registry', digest: AMD64 });
    const token = host.requests[0];
    assert.equal(token.path, '/token?scope=repository:doublewordai/bit-harbor:pull&service=' + encodeURIComponent(new URL(host.url).host));
    const manifest = host.requests[1];
    assert.equal(manifest.headers.authorization, 'Bearer anonymous-token');
    for (const type of ['oci.image.index.v1', 'oci.image.manifest.v1', 'docker.distribution.manifest.list.v2', 'docker.distribution.manifest.v2']) {
      assert.ok(manifest.headers.accept?.includes(`application/vnd.${type}+json`), type);
    }
    assert.ok(!host.requests.some((r) => r.path.endsWith(ARM64)), 'the arm64 manifest is never fetched');
  });

  it('reads a single manifest, fetches the token once per client, and says 404 is unpublished', async () => {
    const registry = client();
    assert.deepEqual(await registry.lookup('dw-gemma-3-12b-it'), { published: true, bytes: 24_000_000_000, source: 'registry' });
    assert.deepEqual(await registry.lookup('never-pushed'), { published: false });
    assert.equal(host.requests.filter((r) => r.path.startsWith('/token')).length, 1);
  });

  it('reports a server error, malformed JSON, a missing token and an invalid tag as reasons', async () => {
    host.routes.set(`${REPO}/broken`, (_req, res) => res.writeHead(500).end());
    host.routes.set(`${REPO}/garbled`, (_req, res) => res.writeHead(200).end('{"layers": ['));
    host.routes.set(`${REPO}/no-layers`, json({ layers: [] }));
    assert.match((await client().lookup('broken') as { reason: string }).reason, /answered 500/);
    assert.match((await client().lookup('garbled') as { reason: string }).reason, /the manifest is not a JSON object/);
    assert.match((await client().lookup('no-layers') as { reason: string }).reason, /lists no layers/);
    assert.match((await client().lookup('llama/3') as { reason: string }).reason, /not a valid OCI tag/);
    host.routes.set('/token', (_req, res) => res.writeHead(403).end());
    assert.match((await client().lookup('qwen-3-8b') as { reason: string }).reason, /^no anonymous pull token: .*answered 403/);
  });

  it('asks for no digest that is not sha256 and 64 lowercase hex digits', async () => {
    for (const digest of ['../../token', 'sha256:' + 'A'.repeat(64), 'sha256:' + 'a'.repeat(63), 'sha512:' + 'a'.repeat(128), `sha256:${'a'.repeat(64)}?x=1`]) {
      host.routes.set(`${REPO}/odd`, json({ manifests: [{ digest, platform: { os: 'linux', architecture: 'amd64' } }] }));
      const before = host.requests.length;
      assert.match((await client().lookup('odd') as { reason: string }).reason, /not a sha256 digest/, digest);
      assert.ok(host.requests.slice(before).every((r) => r.path.startsWith('/token') || r.path === `${REPO}/odd`), digest);
    }
  });
});

describe('CatalogueManager', () => {
  let host: FakeHost;
  let elsewhere: FakeHost;
  let cacheDir: string;
  let clock: number;
  let logged: string[];
  beforeEach(async () => {
    [host, elsewhere] = [await fakeHost(), await fakeHost()];
    playRegistry(host);
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-catalogue-'));
    clock = Date.UTC(2025, 0, 1);
    logged = [];
  });
  afterEach(async () => {
    await Promise.all([host.close(), elsewhere.close()]);
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  after(() => mock.restoreAll());

  function manager(settings: Partial<CatalogueSettings> = {}, dir: string | null = cacheDir): CatalogueManager {
    return new CatalogueManager({
      settings: { ...DEFAULT_CATALOGUE_SETTINGS, url: `${host.url}/models.json`, registryUrl: host.url, ...settings },
      cacheDir: dir,
      http: httpGet,
      log: (message) => logged.push(message),
      now: () => clock,
      timeoutMs: TIMEOUT_MS,
      maxBytes: CAP,
    });
  }
  const names = (m: CatalogueManager) => m.current().entries().map((e) => e.name);

  it('starts from the bundled snapshot, then refreshes from the URL and caches it', async () => {
    host.routes.set('/models.json', withEtag(GOOD, '"v1"'));
    const catalogues = manager();
    assert.equal(catalogues.current().origin.kind, 'bundled');
    assert.equal(catalogues.current().entries().length, 18);
    const result = await catalogues.refresh();
    assert.deepEqual([result.changed, result.problem, result.catalogue.origin.kind], [true, undefined, 'url']);
    assert.deepEqual(names(catalogues), ['qwen-3-8b', 'fork-only-model']);
    assert.equal(catalogues.current().sizeOf('qwen-3-8b')?.source, 'measured', 'bundled sizes still apply');
    assert.deepEqual(fs.readdirSync(cacheDir), ['catalogue.json'], 'no temp file left behind');
    assert.equal(new CatalogueCache(cacheDir).readCatalogue()?.etag, '"v1"');
  });

  it('fetches at most every refreshHours unless forced, and revalidates with the ETag', async () => {
    host.routes.set('/models.json', withEtag(GOOD, '"v1"'));
    const catalogues = manager({ refreshHours: 2 });
    await catalogues.refresh();
    clock += 3_600_000;
    assert.equal((await catalogues.refresh()).changed, false);
    assert.equal(host.requests.length, 1, 'not due yet');
    const forced = await catalogues.refresh({ force: true });
    assert.deepEqual([forced.changed, forced.problem], [false, undefined]);
    assert.equal(host.requests[1].headers['if-none-match'], '"v1"');
    clock += 3 * 3_600_000;
    await catalogues.refresh();
    assert.equal(host.requests.length, 3, 'due again after refreshHours');
  });

  it('a second manager starts from the cache and sends no request while the copy is fresh', async () => {
    host.routes.set('/models.json', withEtag(GOOD, '"v1"'));
    await manager().refresh();
    const restarted = manager();
    assert.equal(restarted.current().origin.kind, 'cache');
    assert.deepEqual(names(restarted), ['qwen-3-8b', 'fork-only-model']);
    assert.equal((await restarted.refresh()).changed, false);
    assert.equal(host.requests.length, 1);
  });

  it('survives each failure, keeping the last good catalogue and saying why once', async () => {
    host.routes.set('/models.json', json(GOOD));
    const catalogues = manager();
    await catalogues.refresh();
    const failures: [string, Handler, RegExp][] = [
      ['500', (_req, res) => res.writeHead(500).end(), /answered 500/],
      ['404', (_req, res) => res.writeHead(404).end(), /answered 404/],
      ['slow', slow, /no complete answer within 300 ms/],
      ['malformed JSON', (_req, res) => res.writeHead(200).end('{"models": [}'), /rejected: models\.json is not JSON/],
      ['wrong shape', json({ items: [] }), /rejected: models\.json has no "models" array/],
      ['oversize', oversize, /larger than 16 KiB/],
      ['redirect elsewhere', (_req, res) => res.writeHead(302, { location: `${elsewhere.url}/models.json` }).end(), /redirected to another host/],
    ];
    for (const [label, handler, reason] of failures) {
      host.routes.set('/models.json', handler);
      logged = [];
      const first = await catalogues.refresh({ force: true });
      assert.match(first.problem ?? '', reason, label);
      assert.match(first.problem ?? '', new RegExp(`; keeping the catalogue from ${host.url}/models\\.json$`), label);
      assert.equal(first.changed, false, label);
      assert.deepEqual(names(catalogues), ['qwen-3-8b', 'fork-only-model'], label);
      const again = await catalogues.refresh({ force: true });
      assert.equal(again.problem, undefined, `${label}: the same reason is not reported twice in a row`);
      assert.deepEqual(logged, [first.problem], `${label}: logged once`);
    }
    assert.equal(elsewhere.requests.length, 0);
    host.routes.set('/models.json', json(OTHER));
    const recovered = await catalogues.refresh({ force: true });
    assert.deepEqual([recovered.changed, recovered.problem, names(catalogues)], [true, undefined, ['another-model']]);
  });

  it('offline never touches the network, for the catalogue or the registry', async () => {
    host.routes.set('/models.json', json(GOOD));
    const catalogues = manager({ offline: true });
    assert.deepEqual(await catalogues.refresh({ force: true }), { catalogue: catalogues.current(), changed: false });
    await catalogues.resolveSizes(['qwen-3-8b', 'dw-gemma-3-12b-it']);
    assert.equal(catalogues.current().origin.kind, 'bundled');
    assert.equal(host.requests.length, 0);
    assert.deepEqual(logged, []);
  });

  it('reads the file setting before the URL, and keeps the last good file when it turns bad', async () => {
    const file = path.join(cacheDir, 'fork-models.json');
    fs.writeFileSync(file, JSON.stringify(OTHER));
    const catalogues = manager({ path: file });
    assert.deepEqual([(await catalogues.refresh()).changed, names(catalogues), catalogues.current().origin.kind], [true, ['another-model'], 'file']);
    fs.writeFileSync(file, '{"models": "oops"}');
    assert.match((await catalogues.refresh()).problem ?? '', /fork-models\.json was rejected: models\.json has no "models" array \(found a string\); keeping the catalogue file/);
    fs.rmSync(file);
    assert.match((await catalogues.refresh()).problem ?? '', /could not read the catalogue file .*ENOENT/);
    assert.deepEqual(names(catalogues), ['another-model']);
    assert.equal(host.requests.length, 0, 'the URL is not used while a file is set');
  });

  it('ignores a corrupted cache and starts from the bundled snapshot', async () => {
    fs.writeFileSync(path.join(cacheDir, 'catalogue.json'), '{"format": 1, "text": "{\\"mod');
    fs.writeFileSync(path.join(cacheDir, 'registry-sizes.json'), 'garbage');
    const catalogues = manager();
    assert.equal(catalogues.current().origin.kind, 'bundled');
    fs.writeFileSync(path.join(cacheDir, 'catalogue.json'), JSON.stringify({ format: 1, text: '[]', location: 'x', fetchedAt: 1 }));
    assert.equal(manager().current().origin.kind, 'bundled', 'a cached text that is not a catalogue is ignored too');
  });

  it('writes the cache atomically: a failed rename leaves the old copy whole and no temp file', async () => {
    host.routes.set('/models.json', json(GOOD));
    const catalogues = manager();
    await catalogues.refresh();
    const before = fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8');
    const rename = mock.method(fs, 'renameSync', () => {
      throw new Error('simulated crash');
    });
    try {
      host.routes.set('/models.json', json(OTHER));
      const result = await catalogues.refresh({ force: true });
      assert.deepEqual(names(catalogues), ['another-model'], 'the fetch itself still counts');
      assert.equal(result.problem, undefined);
      assert.match(logged.at(-1) ?? '', /could not write the catalogue cache .*simulated crash/);
    } finally {
      rename.mock.restore();
    }
    assert.equal(fs.readFileSync(path.join(cacheDir, 'catalogue.json'), 'utf8'), before);
    assert.deepEqual(fs.readdirSync(cacheDir), ['catalogue.json']);
  });

  it('asks the registry for sizes and publication, caches the answers, and keeps each source', async () => {
    const catalogues = manager({ sizes: { 'qwen-3-14b': '30Gi' } });
    const tags = ['qwen-3-8b', 'dw-gemma-3-12b-it', 'gemma-3-4b-it', 'never-pushed', 'qwen-3-14b'];
    const catalogue = await catalogues.resolveSizes(tags);
    assert.deepEqual(catalogue.sizeOf('dw-gemma-3-12b-it'), { bytes: 24_000_000_000, source: 'registry', detail: `sum of the image layers at ${host.url}` });
    assert.equal(catalogue.sizeOf('gemma-3-4b-it')?.source, 'registry', 'a registry answer beats an estimate');
    assert.equal(catalogue.sizeOf('qwen-3-8b')?.source, 'measured', 'but not a measured size');
    assert.deepEqual(catalogue.sizeOf('qwen-3-14b'), { bytes: 30 * 2 ** 30, source: 'setting', detail: 'bitHarbor.catalog.sizes: 30Gi' });
    assert.ok(catalogue.isUnpublished('never-pushed'));
    assert.ok(!catalogue.isUnpublished('qwen-3-8b'));
    assert.deepEqual(logged, []);

    const asked = host.requests.length;
    await catalogues.resolveSizes(tags);
    assert.equal(host.requests.length, asked, 'answers are not asked again within refreshHours');
    const restarted = manager();
    assert.ok(restarted.current().isUnpublished('never-pushed'), 'answers survive a restart through the cache');
    assert.equal(restarted.current().sizeOf('dw-gemma-3-12b-it')?.source, 'registry');
    assert.equal(manager({ resolveSizes: false }).current().sizeOf('dw-gemma-3-12b-it'), undefined);
  });

  it('asks about at most REGISTRY_TAGS_PER_REFRESH tags per refresh, the first listed first', async () => {
    const catalogues = manager();
    const tags = ['dw-gemma-3-12b-it', ...Array.from({ length: 300 }, (_, i) => `unknown-${i}`)];
    await catalogues.resolveSizes(tags);
    const manifests = host.requests.filter((r) => r.path.startsWith(REPO)).map((r) => r.path.slice(REPO.length + 1));
    assert.equal(manifests.length, REGISTRY_TAGS_PER_REFRESH);
    assert.ok(manifests.includes('dw-gemma-3-12b-it'));
    assert.ok(!manifests.includes(`unknown-${REGISTRY_TAGS_PER_REFRESH}`));
  });

  it('reports a registry failure once and keeps asking later', async () => {
    host.routes.set('/token', (_req, res) => res.writeHead(500).end());
    const catalogues = manager();
    await catalogues.resolveSizes(['qwen-3-8b', 'dw-gemma-3-12b-it']);
    await catalogues.resolveSizes(['qwen-3-8b', 'dw-gemma-3-12b-it']);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^could not ask http:\/\/127\.0\.0\.1:\d+ about 2 of 2 tags: no anonymous pull token: .*answered 500/);
    playRegistry(host);
    assert.equal((await catalogues.resolveSizes(['dw-gemma-3-12b-it'])).sizeOf('dw-gemma-3-12b-it')?.source, 'registry');
  });
});

describe('loadCliCatalogue', () => {
  it('reads --catalog FILE, honours --offline, and never calls the network for either', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-cli-'));
    const calls: string[] = [];
    const http = async (url: string): Promise<HttpOutcome> => {
      calls.push(url);
      return { reason: 'the test allows no network' };
    };
    const log = (): void => undefined;
    try {
      const file = path.join(dir, 'models.json');
      fs.writeFileSync(file, JSON.stringify(OTHER));
      const fromFile = await loadCliCatalogue({ file, offline: false, log, cacheDir: dir, http });
      assert.deepEqual([fromFile.catalogue.origin.kind, fromFile.catalogue.entries().map((e) => e.name)], ['file', ['another-model']]);
      const offline = await loadCliCatalogue({ offline: true, log, cacheDir: null, http });
      assert.deepEqual([offline.catalogue.origin.kind, offline.catalogue.entries().length, offline.problem], ['bundled', 18, undefined]);
      fs.writeFileSync(file, 'not json');
      const bad = await loadCliCatalogue({ file, offline: true, log, cacheDir: null, http });
      assert.match(bad.problem ?? '', /models\.json was rejected: models\.json is not JSON .*; keeping the bundled catalogue/);
      assert.deepEqual(calls, []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('defaultCliCacheDir', () => {
  it('uses an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: '/xdg' }, '/home/u'), '/xdg/bit-harbor-values');
    assert.equal(defaultCliCacheDir({ XDG_CACHE_HOME: 'relative' }, '/home/u'), '/home/u/.cache/bit-harbor-values');
    assert.equal(defaultCliCacheDir({}, '/home/u'), '/home/u/.cache/bit-harbor-values');
  });
});
