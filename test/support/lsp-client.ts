// The one LSP client of the protocol tests, the fuzzer and the benchmark (bench/ bundles it): it
// spawns a language server over stdio (ours, dist/server.js offline, unless told another) and
// drives it with a real JSON-RPC connection as an editor does: initialize, answer
// workspace/configuration, open and edit documents, wait for their diagnostics, send requests.
// Every wait is bounded, so a server that stops answering fails the run instead of hanging it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
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
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { SyncedDocuments } from './lsp-documents';
import { PublishedDiagnostics } from './lsp-publishes';
import { offlineEnv } from './offline';

const WAIT_MS = 10_000;
/** What a server may write to stderr before the oldest of it is dropped (a long fuzz run). */
const STDERR_KEPT = 64 * 1024;

export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** The answer to one workspace/configuration item. */
  configuration(section: string | undefined): unknown;
}

/** Our built server, offline. Resolved from this file, so only for tests compiled to out/test/. */
export function bitHarborServer(configuration: ServerSpec['configuration']): ServerSpec {
  const server = path.resolve(__dirname, '../../../dist/server.js');
  return { name: 'bit-harbor', command: process.execPath, args: [server, '--stdio'], env: offlineEnv(), configuration };
}

export interface StartOptions {
  /** The server; without it ours, answering every configuration item with `settings`. */
  server?: ServerSpec;
  /** The `bitHarbor` section for our server (`catalog.offline` is on unless set). */
  settings?: Record<string, unknown>;
  workspaceFolders?: string[];
  rootUri?: string | null;
  /** What the client announces; `workspace.configuration` alone by default. */
  capabilities?: ClientCapabilities;
  /** As VS Code's client sends them (`{ trusted: false }` is restricted mode). */
  initializationOptions?: unknown;
  /** The bound on every wait, initialize included (10 s by default). */
  timeoutMs?: number;
  /** A publish without a version answers the newest wait on its document (see lsp-publishes.ts). */
  unversionedAnswersNewest?: boolean;
  /** Called before the connection listens: handlers for what the server may send from its first message on. */
  onConnection?: (connection: ProtocolConnection) => void;
}

/** Diagnostics of one document version, and the milliseconds from sending the change to their arrival. */
export interface Published {
  ms: number;
  diagnostics: Diagnostic[];
}

export class LspTestClient {
  readonly errors: string[] = [];
  /** The tail of what the server wrote to stderr. */
  stderr = '';
  initializeResult!: InitializeResult;
  /** Milliseconds from spawn to the initialize result. */
  startupMs = 0;
  readonly exited: Promise<number | null>;
  private readonly published: PublishedDiagnostics;
  private readonly documents = new SyncedDocuments();
  private readonly configurationAnswered: Promise<void>;
  private markConfigurationAnswered!: () => void;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    private readonly timeoutMs: number,
    unversionedAnswersNewest: boolean,
  ) {
    this.published = new PublishedDiagnostics(unversionedAnswersNewest);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.configurationAnswered = new Promise((resolve) => (this.markConfigurationAnswered = resolve));
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const settings = { catalog: { offline: true }, ...options.settings };
    const spec = options.server ?? bitHarborServer(() => settings);
    const started = performance.now();
    const child = spawn(spec.command, spec.args, { stdio: 'pipe', env: spec.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection, options.timeoutMs ?? WAIT_MS, options.unversionedAnswersNewest ?? false);
    child.stderr.on('data', (chunk: Buffer) => (client.stderr = (client.stderr + String(chunk)).slice(-STDERR_KEPT)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => client.published.receive(params));
    connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) client.errors.push(message);
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      setImmediate(client.markConfigurationAnswered);
      return items.map((item) => spec.configuration(item.section));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    options.onConnection?.(connection);
    connection.listen();
    const folders = options.workspaceFolders?.map((folder) => ({ uri: `file://${folder}`, name: path.basename(folder) })) ?? null;
    client.initializeResult = await client.bounded(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: options.rootUri ?? null,
        workspaceFolders: folders,
        capabilities: options.capabilities ?? { workspace: { configuration: true } },
        ...(options.initializationOptions === undefined ? {} : { initializationOptions: options.initializationOptions }),
      }),
      `${spec.name} initialize`,
    );
    client.startupMs = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Whether every publish so far carried the document version. */
  get versioned(): boolean {
    return this.published.versioned;
  }

  syncKind(): TextDocumentSyncKind {
    const sync = this.initializeResult.capabilities.textDocumentSync;
    return (typeof sync === 'number' ? sync : sync?.change) ?? TextDocumentSyncKind.None;
  }

  /** Resolves once the server has asked for its settings (and been answered), then `settleMs` of quiet. */
  async settled(settleMs: number): Promise<void> {
    await this.bounded(this.configurationAnswered, 'a configuration request');
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  }

  private bounded<T>(promise: Promise<T>, what: string, ms = this.timeoutMs): Promise<T> {
    return within(promise, what, ms);
  }

  /** Opens a document (version 1) and resolves with the diagnostics published for it. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    return (await this.openTimed(uri, text)).diagnostics;
  }

  /** Replaces the whole text and resolves with the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    return (await this.editTimed(uri, null, text)).diagnostics;
  }

  /** Opens a document (version 1): its diagnostics, timed from sending didOpen (what the benchmark measures). */
  async openTimed(uri: string, text: string): Promise<Published> {
    const params = this.documents.opened(uri, text);
    return this.exchange(uri, 1, () => this.connection.sendNotification(DidOpenTextDocumentNotification.type, params));
  }

  /** Replaces `range` (the whole text when null) as an editor does: incremental when the server allows it. */
  async editTimed(uri: string, range: Range | null, text: string): Promise<Published> {
    const params = this.documents.edited(uri, range, text, this.syncKind() === TextDocumentSyncKind.Incremental);
    return this.exchange(uri, params.textDocument.version, () => this.connection.sendNotification(DidChangeTextDocumentNotification.type, params));
  }

  /** Opens a document without waiting for diagnostics (from a server that may publish none). */
  async sendOpen(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, this.documents.opened(uri, text));
  }

  /** Replaces the whole text without waiting for diagnostics (one change of a burst); resolves with its version. */
  async sendChange(uri: string, text: string): Promise<number> {
    const params = this.documents.edited(uri, null, text, false);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, params);
    return params.textDocument.version;
  }

  /**
   * Several whole-text changes in one write to the server's stdin, as a fast typist's editor
   * batches them: the server reads them together, whatever the machine's timing. Their versions.
   */
  sendChanges(uri: string, texts: readonly string[]): number[] {
    const all = texts.map((text) => this.documents.edited(uri, null, text, false));
    const frame = (params: unknown) => {
      const body = JSON.stringify({ jsonrpc: '2.0', method: DidChangeTextDocumentNotification.method, params });
      return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    };
    this.child.stdin.write(all.map(frame).join(''));
    return all.map((params) => params.textDocument.version);
  }

  /** Sends a document notification; the clock runs from sending it to the diagnostics of `version`. */
  private async exchange(uri: string, version: number, send: () => Promise<void>): Promise<Published> {
    const arrived = this.bounded(this.published.wait(uri, version), `diagnostics of ${uri} v${version}`);
    const started = performance.now();
    await send();
    const diagnostics = await arrived;
    return { ms: performance.now() - started, diagnostics };
  }

  text(uri: string): string | undefined {
    return this.documents.text(uri);
  }

  async close(uri: string): Promise<void> {
    this.documents.closed(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next diagnostics published for `uri`, whatever their version (revalidation by others). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return this.bounded(this.published.wait(uri, 'next'), `the next diagnostics of ${uri}`);
  }

  /** Records every publish for `uri` from now on: how often, and in which order, the server publishes. */
  record(uri: string): { until(version: number): Promise<PublishDiagnosticsParams[]>; stop(): PublishDiagnosticsParams[] } {
    const recording = this.published.record(uri);
    return { until: (version) => this.bounded(recording.until(version), `diagnostics of ${uri} v${version}`), stop: () => recording.stop() };
  }

  /** A request and the milliseconds to its answer. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const started = performance.now();
    const result = await this.bounded(this.connection.sendRequest(method, params) as Promise<R>, method);
    return { ms: performance.now() - started, result };
  }

  async completion(uri: string, position: Position, ms?: number): Promise<CompletionItem[]> {
    const result: CompletionItem[] | CompletionList | null = await this.bounded(this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'completion', ms);
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  hover(uri: string, position: Position, ms?: number): Promise<Hover | null> {
    return this.bounded(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover', ms);
  }

  private running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    try {
      if (this.running()) {
        await within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 5000);
        await this.connection.sendNotification(ExitNotification.type);
        // A clean exit lets a profiled server (--cpu-prof) write its profile.
        await within(this.exited, 'exit', 5000);
      }
    } catch {
      // A server that does not shut down cleanly is killed below; the run has its answer.
    }
    this.connection.dispose();
    if (this.running()) this.child.kill();
  }
}
