// Protocol tests for the language server: spawn dist/server.js over stdio and drive it with a
// real JSON-RPC client, the way an editor would. Run `npm run build` first.
//
// The client below answers workspace/configuration with settings the test controls and
// queues every publishDiagnostics per URI, so each wait is bounded by a timeout.
import assert from 'node:assert/strict';
import { offlineEnv } from '../support/offline';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const WAIT_MS = 5000;

/** Rejects after `ms` with a message that says what never happened. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms}ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** publishDiagnostics notifications, queued per URI in arrival order. */
class DiagnosticsInbox {
  private readonly queues = new Map<string, PublishDiagnosticsParams[]>();
  private readonly wakeups = new Map<string, () => void>();

  push(params: PublishDiagnosticsParams): void {
    const queue = this.queues.get(params.uri) ?? [];
    queue.push(params);
    this.queues.set(params.uri, queue);
    this.wakeups.get(params.uri)?.();
  }

  /** The next publish for `uri`, waiting at most `ms`. */
  async next(uri: string, ms = WAIT_MS): Promise<PublishDiagnosticsParams> {
    const queued = this.queues.get(uri)?.shift();
    if (queued) return queued;
    const arrived = new Promise<void>((resolve) => this.wakeups.set(uri, resolve));
    try {
      await withTimeout(arrived, ms, `publishDiagnostics for ${uri}`);
    } finally {
      this.wakeups.delete(uri);
    }
    return this.queues.get(uri)!.shift()!;
  }

  /** Every publish for `uri` up to and including the first one for `version`. */
  async through(uri: string, version: number, ms = WAIT_MS): Promise<PublishDiagnosticsParams[]> {
    const deadline = Date.now() + ms;
    const seen: PublishDiagnosticsParams[] = [];
    while (seen.at(-1)?.version !== version) {
      seen.push(await this.next(uri, Math.max(1, deadline - Date.now())));
    }
    return seen;
  }

  /** Resolves to the publishes that arrived for `uri` within `ms` (expected: none). */
  async quiet(uri: string, ms: number): Promise<PublishDiagnosticsParams[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.queues.get(uri)?.splice(0) ?? [];
  }
}

class ServerUnderTest {
  readonly inbox = new DiagnosticsInbox();
  readonly errorLogs: string[] = [];
  stderr = '';
  /** The `bitHarbor` section answered to workspace/configuration; tests may replace it. */
  settings: unknown;
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;

  constructor(serverPath: string, settings: unknown) {
    this.settings = settings;
    this.child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: 'pipe', env: offlineEnv() });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.inbox.push(params));
    this.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) this.errorLogs.push(message);
    });
    this.connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map((item) => (item.section === 'bitHarbor' ? this.settings : null)),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  /** Kills the server if it is still running; safe to call twice. */
  dispose(): void {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SERVER_PATH = path.join(REPO_ROOT, 'dist/server.js');
/** Documents never touch the disk; the server only sees their URIs and text. */
const WORKSPACE = path.join(os.tmpdir(), 'bit-harbor-protocol-test');
const uriOf = (relative: string): string => pathToFileURL(path.join(WORKSPACE, relative)).href;

const TYPO_AT_LINE_2 = 'modelGroups:\n  my-group:\n    enabeld: true\n';
const TYPO_AT_LINE_3 = '# moved down a line\n' + TYPO_AT_LINE_2;

function unknownKeys(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.code === 'unknown-key');
}

describe('language server over stdio', { timeout: 60_000 }, () => {
  let server: ServerUnderTest;

  const open = (uri: string, text: string, version = 1): Promise<void> =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
  const change = (uri: string, text: string, version: number): Promise<void> =>
    server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  const close = (uri: string): Promise<void> =>
    server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });

  before(async () => {
    server = new ServerUnderTest(SERVER_PATH, { files: { inferenceStack: [], prePorter: ['**/pre-porter/*.yaml'] } });
    const result = await withTimeout(
      server.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(WORKSPACE).href,
        workspaceFolders: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
          textDocument: {
            publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true, relatedInformation: true },
          },
        },
      }),
      WAIT_MS,
      'the initialize response',
    );
    const sync = result.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'object' ? sync.change : sync, TextDocumentSyncKind.Incremental);
    await server.connection.sendNotification(InitializedNotification.type, {});
  });

  after(() => server?.dispose());

  it('reports an unknown key with code, source, range, severity and docs link', async () => {
    const uri = uriOf('inference/values.yaml');
    await open(uri, TYPO_AT_LINE_2, 1);
    const published = await server.inbox.through(uri, 1);
    const [typo, ...others] = unknownKeys(published.at(-1)!.diagnostics);
    assert.equal(others.length, 0, 'exactly one unknown-key');
    assert.equal(typo.source, 'bit-harbor');
    assert.equal(typo.severity, 1);
    assert.deepEqual(typo.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 11 } });
    assert.ok(typo.codeDescription?.href.endsWith('docs/rules/unknown-key.md'), typo.codeDescription?.href);
    assert.equal(typo.codeDescription?.href, pathToFileURL(path.join(REPO_ROOT, 'docs/rules/unknown-key.md')).href);
  });

  it('republishes for the edited text', async () => {
    const uri = uriOf('inference/values.yaml');
    await change(uri, TYPO_AT_LINE_3, 2);
    const moved = unknownKeys((await server.inbox.through(uri, 2)).at(-1)!.diagnostics);
    assert.deepEqual(moved.map((d) => d.range.start), [{ line: 3, character: 4 }]);

    await change(uri, TYPO_AT_LINE_3.replace('enabeld', 'enabled'), 3);
    const fixed = unknownKeys((await server.inbox.through(uri, 3)).at(-1)!.diagnostics);
    assert.deepEqual(fixed, []);
  });

  it('publishes the last version of a burst of changes last', async () => {
    const uri = uriOf('inference/values.yaml');
    const versions = [4, 5, 6, 7, 8, 9];
    // Each version moves the typo one line further down: version v has it on line v.
    await Promise.all(versions.map((v) => change(uri, '#\n'.repeat(v - 2) + TYPO_AT_LINE_2, v)));
    const published = await server.inbox.through(uri, 9);
    const seenVersions = published.map((p) => p.version!);
    assert.deepEqual(seenVersions, [...seenVersions].sort((a, b) => a - b), 'versions never go backwards');
    assert.ok(published.length < versions.length, `a burst validates fewer times than it changes (${seenVersions})`);
    assert.deepEqual(unknownKeys(published.at(-1)!.diagnostics).map((d) => d.range.start.line), [9]);
    assert.deepEqual(await server.inbox.quiet(uri, 300), [], 'nothing arrives after the last version');
  });

  it('clears diagnostics on close', async () => {
    const uri = uriOf('inference/values.yaml');
    await close(uri);
    const cleared = await server.inbox.next(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('leaves unrelated YAML alone', async () => {
    const uri = uriOf('docker-compose.yml');
    await open(uri, 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "80:80"\n');
    assert.deepEqual((await server.inbox.through(uri, 1)).at(-1)!.diagnostics, []);
    await close(uri);
  });

  it('treats files matching files.prePorter as Pre-Porter whatever their content', async () => {
    const text = 'notAChartKey: 1\n';
    const elsewhere = uriOf('elsewhere/values.yaml');
    await open(elsewhere, text);
    assert.deepEqual((await server.inbox.through(elsewhere, 1)).at(-1)!.diagnostics, [], 'no chart without the glob');

    const matched = uriOf('pre-porter/values.yaml');
    await open(matched, text);
    const typo = unknownKeys((await server.inbox.through(matched, 1)).at(-1)!.diagnostics);
    assert.deepEqual(typo.map((d) => d.range), [{ start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }]);
    await Promise.all([close(elsewhere), close(matched)]);
  });

  it('revalidates open documents when the settings change', async () => {
    const uri = uriOf('late/values.yaml');
    await open(uri, 'notAChartKey: 1\n');
    assert.deepEqual((await server.inbox.through(uri, 1)).at(-1)!.diagnostics, []);

    server.settings = { files: { inferenceStack: [], prePorter: ['**/late/*.yaml'] } };
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const republished = await server.inbox.through(uri, 1);
    assert.equal(unknownKeys(republished.at(-1)!.diagnostics).length, 1);
    await close(uri);
  });

  it('validates untitled documents by content', async () => {
    const uri = 'untitled:Untitled-1';
    await open(uri, TYPO_AT_LINE_2);
    assert.equal(unknownKeys((await server.inbox.through(uri, 1)).at(-1)!.diagnostics).length, 1);
    await close(uri);
  });

  it('logged no errors and shuts down cleanly', async () => {
    assert.deepEqual(server.errorLogs, [], server.stderr);
    await withTimeout(server.connection.sendRequest(ShutdownRequest.type), WAIT_MS, 'the shutdown response');
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(server.exited, WAIT_MS, 'the server to exit'), 0);
  });
});
