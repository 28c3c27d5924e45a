// How much work the server does per event, counted (never timed) through its verbose trace:
// unchanged text is never analysed again (a save, a settings pull that changes nothing, a change
// that restores the same text), while changed text and changed settings are. Also drives the
// incremental text sync an editor uses, so ranges are applied where the editor put them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  SetTraceNotification,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lsp-client';

const URI = 'file:///work/validation-work/values.yaml';
const VALUES = 'modelGroups:\n  llama:\n    enabeld: true # typo\n    image: {repository: vllm/vllm-openai}\n';

/** Resolves with the next diagnostics of `uri`, or null when none arrive within `ms`. */
function publishedWithin(client: LspTestClient, uri: string, ms: number): Promise<Diagnostic[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const quiet = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  return Promise.race([client.nextDiagnostics(uri), quiet]).finally(() => clearTimeout(timer));
}

describe('validation work', () => {
  let client: LspTestClient;
  const traces: string[] = [];
  const analysed = () => traces.filter((t) => t.startsWith(`bit-harbor: analysed ${URI}`)).length;
  const reused = () => traces.filter((t) => t.startsWith(`bit-harbor: reused the analysis of ${URI}`)).length;
  let version = 1;

  async function edit(change: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }) {
    version++;
    const arrived = client.nextDiagnostics(URI); // nothing else is pending: the next publish is this version's
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version }, contentChanges: [change] });
    return arrived;
  }

  before(async () => {
    client = await LspTestClient.start();
    client.connection.onNotification('$/logTrace', ({ message }: { message: string }) => void traces.push(message));
    await client.connection.sendNotification(SetTraceNotification.type, { value: 'verbose' });
  });
  after(() => client.stop());

  it('offers incremental sync', () => {
    const sync = client.initializeResult.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  });

  it('analyses an opened document once', async () => {
    const diagnostics = await client.open(URI, VALUES);
    assert.ok(diagnostics.some((d) => d.code === 'unknown-key'), 'the typo is reported');
    assert.equal(analysed(), 1);
  });

  it('does nothing on save', async () => {
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: URI } });
    assert.equal(await publishedWithin(client, URI, 300), null, 'nothing is republished');
    assert.equal(analysed(), 1);
  });

  it('does nothing when a settings pull changes nothing', async () => {
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal(await publishedWithin(client, URI, 300), null, 'nothing is republished');
    assert.equal(analysed(), 1);
  });

  it('republishes without analysing when a change leaves the text as it was', async () => {
    const reusedBefore = reused();
    // Replace `enabeld` by the same word, as an editor's "replace all" with no effect would.
    const diagnostics = await edit({ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } }, text: 'enabeld' });
    assert.ok(diagnostics.some((d) => d.code === 'unknown-key'), 'the same findings, for the new version');
    assert.equal(analysed(), 1);
    assert.equal(reused(), reusedBefore + 1);
  });

  it('analyses again when an incremental change alters the text, applying it at its range', async () => {
    // Fix the typo by swapping two letters: `enabeld` -> `enabled`.
    const diagnostics = await edit({ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } }, text: 'le' });
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-key'), `the typo is gone: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    assert.equal(analysed(), 2);
  });

  it('analyses again when a restored text follows a different one', async () => {
    const diagnostics = await edit({ range: { start: { line: 2, character: 8 }, end: { line: 2, character: 10 } }, text: 'el' });
    assert.ok(diagnostics.some((d) => d.code === 'unknown-key'), 'the typo is back');
    assert.equal(analysed(), 3);
  });

  it('analyses again when the settings change', async () => {
    client.connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map(() => ({ catalog: { offline: true }, rules: { 'unknown-key': 'hint' } })));
    const arrived = client.nextDiagnostics(URI);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const typo = (await arrived).find((d) => d.code === 'unknown-key');
    assert.equal(typo?.severity, 4, 'the new severity applies');
    assert.equal(analysed(), 4);
  });
});
