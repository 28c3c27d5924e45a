// A small LSP client for protocol tests: spawns the built server (dist/server.js --stdio, offline)
// and drives it with a real JSON-RPC connection. Every wait is bounded, so a server that stops
// answering fails the test instead of hanging the run.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  MessageType,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { offlineEnv } from './offline';

const WAIT_MS = 10_000;

export function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface StartOptions {
  /** The `bitHarbor` settings section the client answers configuration requests with. */
  settings?: Record<string, unknown>;
  workspaceFolders?: string[];
}

export class LspTestClient {
  readonly errors: string[] = [];
  initializeResult!: InitializeResult;
  private readonly published = new Map<string, Diagnostic[]>();
  private readonly waiting = new Map<string, ((diagnostics: Diagnostic[]) => void)[]>();
  private readonly versions = new Map<string, number>();

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const server = path.resolve(__dirname, '../../../dist/server.js');
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: 'pipe', env: offlineEnv() });
    child.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new LspTestClient(child, connection);
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => client.receive(uri, version, diagnostics));
    connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) client.errors.push(message);
    });
    const settings = { catalog: { offline: true }, ...options.settings };
    connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map(() => settings));
    connection.listen();
    const folders = options.workspaceFolders?.map((folder) => ({ uri: `file://${folder}`, name: path.basename(folder) })) ?? null;
    client.initializeResult = await within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: folders,
        capabilities: { workspace: { configuration: true } },
      }),
      'initialize',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private receive(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const key = `${uri}@${version ?? 'none'}`;
    this.published.set(key, diagnostics);
    this.published.set(`${uri}@latest`, diagnostics);
    for (const resolve of this.waiting.get(key) ?? []) resolve(diagnostics);
    for (const resolve of this.waiting.get(`${uri}@next`) ?? []) resolve(diagnostics);
    this.waiting.delete(key);
    this.waiting.delete(`${uri}@next`);
  }

  private wait(key: string, what: string): Promise<Diagnostic[]> {
    const arrived = new Promise<Diagnostic[]>((resolve) => this.waiting.set(key, [...(this.waiting.get(key) ?? []), resolve]));
    return within(arrived, what);
  }

  /** Opens a document and resolves with the diagnostics published for that version. */
  async open(uri: string, text: string): Promise<Diagnostic[]> {
    const version = 1;
    this.versions.set(uri, version);
    const arrived = this.wait(`${uri}@${version}`, `diagnostics of ${uri} v${version}`);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version, text } });
    return arrived;
  }

  /** Replaces the whole text and resolves with the diagnostics of the new version. */
  async change(uri: string, text: string): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const arrived = this.wait(`${uri}@${version}`, `diagnostics of ${uri} v${version}`);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return arrived;
  }

  /** The next diagnostics published for `uri`, whatever their version (revalidation by others). */
  nextDiagnostics(uri: string): Promise<Diagnostic[]> {
    return this.wait(`${uri}@next`, `the next diagnostics of ${uri}`);
  }

  latest(uri: string): Diagnostic[] | undefined {
    return this.published.get(`${uri}@latest`);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 3000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // A server that does not shut down cleanly is killed below; the test has its answer.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
