// What the online editor tests point the product at instead of GitHub: a catalogue host on
// 127.0.0.1 serving the bundled catalogue plus one tag the bundled copy lacks (completion offers
// it only once the editor's server has fetched it), and a port on which connections are refused
// (an air-gapped machine, as far as the server can tell).
import { readFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './markers';

/** A tag no bundled or cached catalogue has: seen in completion only after a fetch. */
export const EXTRA_TAG = 'editor-test-extra-model';

export interface CatalogueHost {
  /** The models.json URL, for `bitHarbor.catalog.url`. */
  url: string;
  /** How many requests it has answered. */
  requests: () => number;
  close: () => Promise<void>;
}

export async function startCatalogueHost(): Promise<CatalogueHost> {
  const snapshot = JSON.parse(readFileSync(join(repoRoot(), 'server/src/engine/catalogue/snapshot.json'), 'utf8')) as { models: { name: string; repo: string }[] };
  const body = JSON.stringify({ models: [...snapshot.models.map(({ name, repo }) => ({ name, repo })), { name: EXTRA_TAG, repo: 'https://huggingface.co/bit-harbor-values/editor-test' }] });
  let count = 0;
  const server = http.createServer((request, response) => {
    // How many catalogue requests came, for a test inside an editor's extension host; not counted.
    if (request.url === '/requests') return void response.writeHead(200).end(String(count));
    count++;
    response.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/models.json`,
    requests: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port on 127.0.0.1 nothing listens on: connections are refused. */
export async function refusingPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
