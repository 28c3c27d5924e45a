// The requests the VS Code status item and catalogue picker use, through the protocol.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspTestClient } from '../support/lsp-client';

describe('status requests over stdio', { timeout: 30_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client.stop());

  it('reports the chart a document was detected as, and how', async () => {
    await client.open('file:///tmp/bhv-status/values.yaml', 'modelGroups: {}\n');
    await client.open('file:///tmp/bhv-status/compose.yaml', 'services: {}\n');
    const values = await client.connection.sendRequest('bitHarbor/documentStatus', { uri: 'file:///tmp/bhv-status/values.yaml' });
    assert.deepEqual(values, { chart: 'inference-stack', detectedBy: 'content', catalogue: 'the bundled catalogue (bit-harbor@61975bd)' });
    const compose = (await client.connection.sendRequest('bitHarbor/documentStatus', { uri: 'file:///tmp/bhv-status/compose.yaml' })) as { chart: unknown };
    assert.equal(compose.chart, null);
  });

  it('lists the catalogue with sizes and their sources', async () => {
    const entries = (await client.connection.sendRequest('bitHarbor/catalogue')) as { tag: string; size: string }[];
    assert.equal(entries.length, 18);
    assert.deepEqual(entries.find((e) => e.tag === 'llama-3.1-8b-instruct')?.size, '15.0 GiB (measured)');
    assert.equal(entries.find((e) => e.tag === 'dw-gemma-3-12b-it')?.size, 'size unknown');
  });

  it('reports its memory, after a full collection when asked', async () => {
    const plain = (await client.connection.sendRequest('bitHarbor/memory')) as { heapUsed: number; rss: number; collected: boolean };
    assert.equal(plain.collected, false);
    const collected = (await client.connection.sendRequest('bitHarbor/memory', { collect: true })) as typeof plain;
    assert.equal(collected.collected, true);
    assert.ok(collected.heapUsed > 1024 * 1024 && collected.heapUsed < collected.rss, JSON.stringify(collected));
  });
});
