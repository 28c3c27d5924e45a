// Protocol tests for the language server: spawn dist/server.js over stdio and drive it with a
// real JSON-RPC client (test/support/lsp-client.ts), the way an editor would. Run `npm run build`
// first. The client answers workspace/configuration with settings the test controls, and every
// wait is bounded by a timeout.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  ExitNotification,
  ShutdownRequest,
  TextDocumentSyncKind,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { bitHarborServer, LspTestClient, within } from '../support/lsp-client';

const WAIT_MS = 5000;

const REPO_ROOT = path.resolve(__dirname, '../../..');
/** Documents never touch the disk; the server only sees their URIs and text. */
const WORKSPACE = path.join(os.tmpdir(), 'bit-harbor-protocol-test');
const uriOf = (relative: string): string => pathToFileURL(path.join(WORKSPACE, relative)).href;

const TYPO_AT_LINE_2 = 'modelGroups:\n  my-group:\n    enabeld: true\n';
const TYPO_AT_LINE_3 = '# moved down a line\n' + TYPO_AT_LINE_2;

function unknownKeys(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'unknown-key');
}

describe('language server over stdio', { timeout: 60_000 }, () => {
  let server: LspTestClient;
  /** The `bitHarbor` section answered to workspace/configuration; tests may replace it. */
  let settings: unknown = { files: { inferenceStack: [], prePorter: ['**/pre-porter/*.yaml'] } };

  before(async () => {
    server = await LspTestClient.start({
      server: bitHarborServer((section) => (section === 'bitHarbor' ? settings : null)),
      rootUri: pathToFileURL(WORKSPACE).href,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
        },
      },
      timeoutMs: WAIT_MS,
    });
    const sync = server.initializeResult.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
  });

  after(() => server?.stop());

  it('reports an unknown key with code, source, range, severity and docs link', async () => {
    const uri = uriOf('inference/values.yaml');
    const [typo, ...others] = unknownKeys(await server.open(uri, TYPO_AT_LINE_2));
    assert.equal(others.length, 0, 'exactly one unknown-key');
    assert.equal(typo.source, 'bit-harbor');
    assert.equal(typo.severity, 1);
    assert.deepEqual(typo.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    assert.ok(typo.codeDescription?.href.endsWith('docs/rules/unknown-key.md'), typo.codeDescription?.href);
    assert.equal(typo.codeDescription?.href, pathToFileURL(path.join(REPO_ROOT, 'docs/rules/unknown-key.md')).href);
  });

  it('republishes for the edited text', async () => {
    const uri = uriOf('inference/values.yaml');
    const moved = unknownKeys(await server.change(uri, TYPO_AT_LINE_3));
    assert.deepEqual(moved.map((d) => d.range.start), [{ line: 3, character: 4 }]);

    const fixed = unknownKeys(await server.change(uri, TYPO_AT_LINE_3.replace('enabeld', 'enabled')));
    assert.deepEqual(fixed, []);
  });

  it('publishes the last version of a burst of changes last', async () => {
    const uri = uriOf('inference/values.yaml');
    const versions = [4, 5, 6, 7, 8, 9];
    const recording = server.record(uri);
    // Each version moves the typo one line further down: version v has it on line v.
    const sent = server.sendChanges(uri, versions.map((v) => '#\n'.repeat(v - 2) + TYPO_AT_LINE_2));
    assert.deepEqual(sent, versions);
    const published = await recording.until(9);
    const seenVersions = published.map((p) => p.version!);
    assert.deepEqual(seenVersions, [...seenVersions].sort((a, b) => a - b), 'versions never go backwards');
    assert.ok(published.length < versions.length, `a burst validates fewer times than it changes (${seenVersions})`);
    assert.deepEqual(unknownKeys(published.at(-1)!.diagnostics).map((d) => d.range.start.line), [9]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(recording.stop().slice(published.length), [], 'nothing arrives after the last version');
  });

  it('clears diagnostics on close', async () => {
    const uri = uriOf('inference/values.yaml');
    const cleared = server.nextDiagnostics(uri);
    await server.close(uri);
    assert.deepEqual(await cleared, []);
  });

  it('leaves unrelated YAML alone', async () => {
    const uri = uriOf('docker-compose.yml');
    assert.deepEqual(await server.open(uri, 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n'), []);
    await server.close(uri);
  });

  it('treats files matching files.prePorter as Pre-Porter whatever their content', async () => {
    const text = 'notAChartKey: 1\n';
    const elsewhere = uriOf('elsewhere/values.yaml');
    assert.deepEqual(await server.open(elsewhere, text), [], 'no chart without the glob');

    const matched = uriOf('pre-porter/values.yaml');
    const typo = unknownKeys(await server.open(matched, text));
    assert.deepEqual(typo.map((d) => d.range), [{ start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }]);
    await Promise.all([server.close(elsewhere), server.close(matched)]);
  });

  it('revalidates open documents when the settings change', async () => {
    const uri = uriOf('late/values.yaml');
    assert.deepEqual(await server.open(uri, 'notAChartKey: 1\n'), []);

    settings = { files: { inferenceStack: [], prePorter: ['**/late/*.yaml'] } };
    const republished = server.nextDiagnostics(uri);
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal(unknownKeys(await republished).length, 1);
    await server.close(uri);
  });

  it('validates untitled documents by content', async () => {
    const uri = 'untitled:Untitled-1';
    assert.equal(unknownKeys(await server.open(uri, TYPO_AT_LINE_2)).length, 1);
    await server.close(uri);
  });

  it('logged no errors and shuts down cleanly', async () => {
    assert.deepEqual(server.errors, [], server.stderr);
    await within(server.connection.sendRequest(ShutdownRequest.type), 'the shutdown response', WAIT_MS);
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await within(server.exited, 'the server to exit', WAIT_MS), 0);
  });
});
