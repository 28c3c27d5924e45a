// The size cap and the nesting limit as an editor sees them: one diagnostic, and every request
// answered (empty) without an error logged.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { offlineEnv } from '../support/offline';
import { repoRoot } from '../support/markers';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient, within } from '../support/lsp-client';

describe('limits over the protocol', () => {
  let client: LspTestClient;
  before(async () => (client = await LspTestClient.start()));
  after(() => client.stop());

  async function everyRequest(uri: string): Promise<unknown[]> {
    const textDocument = { uri };
    const position = { line: 1, character: 2 };
    const range = { start: { line: 0, character: 0 }, end: position };
    return Promise.all([
      within(client.connection.sendRequest(CompletionRequest.type, { textDocument, position }), 'completion'),
      within(client.connection.sendRequest(HoverRequest.type, { textDocument, position }), 'hover'),
      within(client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), 'code actions'),
      within(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }), 'symbols'),
      within(client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }), 'folding'),
    ]);
  }

  it('a file over 5 MiB: one file-too-large warning, and empty answers', async () => {
    const uri = 'file:///work/huge/values.yaml';
    const text = 'modelGroups:\n  g:\n    enabled: true\n' + '    # padding to past the size cap\n'.repeat(170_000);
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['file-too-large', 2]]);
    assert.match(String(diagnostics[0].message), /over the 5 MiB limit \(`bitHarbor\.maxFileSize`\)/);
    const [completion, hover, actions, symbols, folding] = await everyRequest(uri);
    assert.deepEqual([completion, hover, actions, symbols, folding], [[], null, [], [], []]);
    assert.deepEqual(client.errors, []);
  });

  it('the limit follows bitHarbor.maxFileSize', async () => {
    const small = await LspTestClient.start({ settings: { maxFileSize: 1024 } });
    try {
      const diagnostics = await small.open('file:///work/values.yaml', 'modelGroups:\n' + '# pad\n'.repeat(200));
      assert.deepEqual(diagnostics.map((d) => d.code), ['file-too-large']);
    } finally {
      await small.stop();
    }
  });

  it('10,000 levels of nesting: one finding, every request answered', async () => {
    const uri = 'file:///work/deep/values.yaml';
    const diagnostics = await client.open(uri, `modelGroups:\n  g: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
    assert.deepEqual(diagnostics.map((d) => d.message), ['YAML: nested more than 1000 levels deep; the file is not read']);
    await everyRequest(uri);
    assert.deepEqual(client.errors, []);
  });

  it('the CLI: --max-file-size, and a usage error for a bad value', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot(), 'dist', 'cli.js'), ...args], { cwd: repoRoot(), encoding: 'utf8', env: offlineEnv() });
    const capped = cli('lint', '--format', 'json', '--max-file-size', '100', 'examples/inference-stack-mistakes.yaml');
    assert.equal(capped.status, 0, capped.stderr);
    assert.deepEqual(JSON.parse(capped.stdout).map((f: { code: string }) => f.code), ['file-too-large']);
    const bad = cli('lint', '--max-file-size', '5MB', 'examples');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /bad --max-file-size value 5MB \(expected a number of bytes\)/);
  });
});
