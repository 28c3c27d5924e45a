// The default configuration on a machine that cannot reach the catalogue host: the server
// started without BIT_HARBOR_OFFLINE, its catalogue URL on 127.0.0.1 (a port that refuses, or a
// server that drops every connection, counting them). It must say so once, as a
// window/showMessage notification, never a window/showMessageRequest (an editor waits on a
// request: Neovim stops at a `Request Actions` prompt), and publish diagnostics anyway. A second
// start within refreshHours neither connects nor says it again; the refresh command retries now.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, ShowMessageNotification, ShowMessageRequest, type ProtocolConnection, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { CatalogueCache } from '../../server/src/catalogue/cache';
import { CatalogueManager, DEFAULT_CATALOGUE_SETTINGS } from '../../server/src/catalogue/manager';
import type { HttpGet } from '../../server/src/catalogue/http';
import { refusingPort } from '../support/catalogue-host';
import { bitHarborServer, LspTestClient, within } from '../support/lsp-client';

const BROKEN = 'modelGroups:\n  llama:\n    enabled: true\n    replicas: many\n';
const HOUR = 3_600_000;

interface Said {
  notifications: string[];
  requests: string[];
}

/** A TCP server on 127.0.0.1 that accepts and at once drops every connection, counting them. */
async function droppingServer(): Promise<{ server: net.Server; port: number; connections: () => number }> {
  let count = 0;
  const server = net.createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as net.AddressInfo).port, connections: () => count };
}

/** Our server with the user's default settings but the catalogue URL, and a cache folder of the test's own. */
async function start(url: string, cacheHome: string, said: Said): Promise<LspTestClient> {
  const settings = { catalog: { url, resolveSizes: false } };
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.BIT_HARBOR_OFFLINE;
  return LspTestClient.start({
    server: { ...bitHarborServer(() => settings), env },
    onConnection: (connection: ProtocolConnection) => {
      connection.onNotification(ShowMessageNotification.method, ({ message }: ShowMessageParams) => void said.notifications.push(message));
      connection.onRequest(ShowMessageRequest.type, ({ message }) => {
        said.requests.push(message);
        return null;
      });
    },
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  await within((async () => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 25));
  })(), what);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('an unreachable catalogue host never blocks the editor', { timeout: 60_000 }, () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-unreachable-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a refused port: one notification, no request, diagnostics arrive', async () => {
    const said: Said = { notifications: [], requests: [] };
    const client = await start(`http://127.0.0.1:${await refusingPort()}/models.json`, path.join(dir, 'refused'), said);
    try {
      const diagnostics = await client.open('file:///tmp/bhv-unreachable/values.yaml', BROKEN);
      assert.ok(diagnostics.length > 0, 'diagnostics of the broken file');
      await until(() => said.notifications.length > 0, 'the failure notification');
      await pause(300);
      assert.equal(said.notifications.length, 1);
      assert.match(said.notifications[0], /^Bit Harbor catalogue: could not refresh/);
      assert.deepEqual(said.requests, []);
    } finally {
      await client.stop();
    }
  });

  it('a second start within refreshHours neither connects nor says it again; the refresh command retries now', async () => {
    const host = await droppingServer();
    const url = `http://127.0.0.1:${host.port}/models.json`;
    const cacheHome = path.join(dir, 'dropped');
    try {
      const first: Said = { notifications: [], requests: [] };
      const one = await start(url, cacheHome, first);
      try {
        assert.ok((await one.open('file:///tmp/bhv-unreachable/a.yaml', BROKEN)).length > 0);
        await until(() => first.notifications.length > 0, 'the failure notification');
      } finally {
        await one.stop();
      }
      assert.equal(host.connections(), 1);
      assert.deepEqual([first.notifications.length, first.requests.length], [1, 0]);
      const remembered = new CatalogueCache(path.join(cacheHome, 'bit-harbor-values')).readFailure();
      assert.equal(remembered?.location, url);
      assert.equal(remembered?.failures, 1);

      const second: Said = { notifications: [], requests: [] };
      const two = await start(url, cacheHome, second);
      try {
        assert.ok((await two.open('file:///tmp/bhv-unreachable/a.yaml', BROKEN)).length > 0);
        await two.settled(500);
        assert.equal(host.connections(), 1, 'no connection within the backoff');
        assert.deepEqual(second, { notifications: [], requests: [] });

        // The user asks: the command fetches whatever the wait, and says how it went.
        const answer = await within(two.connection.sendRequest(ExecuteCommandRequest.type, { command: 'bitHarbor.refreshCatalogue', arguments: [] }), 'the refresh command') as { problem?: string };
        assert.match(answer.problem ?? '', /could not refresh/);
        assert.equal(host.connections(), 2);
        await until(() => second.notifications.length > 0, 'the retry notification');
        assert.deepEqual([second.notifications.length, second.requests.length], [1, 0]);
      } finally {
        await two.stop();
      }
    } finally {
      await new Promise<void>((resolve) => host.server.close(() => resolve()));
    }
  });
});

describe('the remembered failure and its backoff', () => {
  const failing: HttpGet = async () => ({ reason: 'connect ECONNREFUSED 127.0.0.1:9' });
  const good: HttpGet = async () => ({ status: 200, notModified: false, body: JSON.stringify({ models: [{ name: 'qwen-3-8b', repo: 'https://huggingface.co/Qwen/Qwen3-8B' }] }) });

  function manager(cacheDir: string, http: HttpGet, now: number, calls: string[]): CatalogueManager {
    const counted: HttpGet = (url, options) => {
      calls.push(url);
      return http(url, options);
    };
    return new CatalogueManager({ settings: { ...DEFAULT_CATALOGUE_SETTINGS, url: 'http://127.0.0.1:9/models.json', resolveSizes: false }, cacheDir, http: counted, log: () => undefined, now: () => now });
  }

  it('waits refreshHours after one failure, twice that after two, and a good fetch forgets them', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-backoff-'));
    const calls: string[] = [];
    const t0 = 1_000 * HOUR;
    try {
      const first = await manager(cacheDir, failing, t0, calls).refresh();
      assert.match(first.problem ?? '', /ECONNREFUSED/);
      assert.equal(calls.length, 1);

      // Restarts: within 24 h nothing; after it one more fetch, the same reason, not reported again.
      assert.equal((await manager(cacheDir, failing, t0 + 23 * HOUR, calls).refresh()).problem, undefined);
      assert.equal(calls.length, 1);
      const again = await manager(cacheDir, failing, t0 + 25 * HOUR, calls).refresh();
      assert.equal(calls.length, 2);
      assert.equal(again.problem, undefined);
      assert.match(again.failure ?? '', /ECONNREFUSED/);

      // Two in a row: the next waits 48 h from the second.
      await manager(cacheDir, failing, t0 + 70 * HOUR, calls).refresh();
      assert.equal(calls.length, 2);
      await manager(cacheDir, good, t0 + 74 * HOUR, calls).refresh();
      assert.equal(calls.length, 3);
      assert.equal(new CatalogueCache(cacheDir).readFailure(), undefined);

      // Forced, within the wait: fetches.
      await manager(cacheDir, failing, t0 + 75 * HOUR, calls).refresh({ force: true });
      assert.equal(calls.length, 4);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('a remembered failure of another URL does not delay this one', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-backoff-'));
    try {
      new CatalogueCache(cacheDir).writeFailure({ location: 'http://127.0.0.1:8/other.json', failedAt: 0, failures: 3, reason: 'x' });
      const calls: string[] = [];
      await manager(cacheDir, good, 1, calls).refresh();
      assert.equal(calls.length, 1);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
