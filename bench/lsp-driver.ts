// A timing LSP client: spawns a language server over stdio and drives it as an editor does
// (initialize, answer workspace/configuration, didOpen, incremental didChange, requests), with a
// clock around each exchange. Mirrors test/support/lsp-client.ts, which bench does not import
// (test code is not part of a benchmark build), but adds what timing needs: diagnostics awaited
// by document version, the server's declared sync kind honoured, and the server's peak RSS.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const WAIT_MS = 60_000;
/** USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux build Node supports. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** The answer to one workspace/configuration item. */
  configuration(section: string | undefined): unknown;
}

function within<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Waiter {
  version: number;
  resolve(diagnostics: Diagnostic[]): void;
}

export class BenchClient {
  initializeResult!: InitializeResult;
  /** Milliseconds from spawn to the initialize result. */
  startupMs = 0;
  /** Whether the server stamps its diagnostics with the document version. */
  versioned = true;
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly documents = new Map<string, TextDocument>();
  private configured!: Promise<void>;
  readonly stderr: string[] = [];

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(spec: ServerSpec): Promise<BenchClient> {
    const started = performance.now();
    const child = spawn(spec.command, spec.args, { stdio: 'pipe', env: spec.env ?? process.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient(child, connection);
    child.stderr.on('data', (chunk: Buffer) => client.stderr.push(String(chunk)));
    let markConfigured!: () => void;
    client.configured = new Promise((resolve) => (markConfigured = resolve));
    connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, version, diagnostics }) => client.receive(uri, version, diagnostics));
    connection.onRequest(ConfigurationRequest.type, ({ items }) => {
      setImmediate(markConfigured);
      return items.map((item) => spec.configuration(item.section));
    });
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.listen();
    client.initializeResult = await within(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
          },
        },
      }),
      `${spec.name} initialize`,
    );
    client.startupMs = performance.now() - started;
    await connection.sendNotification(InitializedNotification.type, {});
    // VS Code announces the settings once after start; servers that pull answer with a request.
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    return client;
  }

  /** Resolves once the server has asked for its settings (and been answered), then `settleMs` of quiet. */
  async settled(settleMs: number): Promise<void> {
    await within(this.configured, 'a configuration request');
    await new Promise((resolve) => setTimeout(resolve, settleMs));
  }

  private receive(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    const waiting = this.waiters.get(uri) ?? [];
    if (version === undefined || version === null) {
      // No version: the publish answers the newest change sent (each edit waits for its own).
      this.versioned = false;
      const newest = waiting.at(-1);
      if (newest) this.waiters.set(uri, waiting.filter((w) => w !== newest)), newest.resolve(diagnostics);
      return;
    }
    for (const waiter of waiting.filter((w) => w.version === version)) waiter.resolve(diagnostics);
    this.waiters.set(uri, waiting.filter((w) => w.version !== version));
  }

  private diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
    const arrived = new Promise<Diagnostic[]>((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), { version, resolve }]));
    return within(arrived, `diagnostics of ${uri} v${version}`);
  }

  text(uri: string): string {
    return this.documents.get(uri)!.getText();
  }

  /** Opens a document; resolves with the diagnostics of version 1 and the time they took. */
  async open(uri: string, text: string): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
    this.documents.set(uri, TextDocument.create(uri, 'yaml', 1, text));
    const arrived = this.diagnosticsOf(uri, 1);
    const started = performance.now();
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    const diagnostics = await arrived;
    return { ms: performance.now() - started, diagnostics };
  }

  /** Replaces `range` with `text` as an editor does (incremental when the server allows it). */
  async edit(uri: string, range: Range, text: string): Promise<{ ms: number; diagnostics: Diagnostic[] }> {
    const before = this.documents.get(uri)!;
    const version = before.version + 1;
    const after = TextDocument.update(TextDocument.create(uri, 'yaml', before.version, before.getText()), [{ range, text }], version);
    this.documents.set(uri, after);
    const change: TextDocumentContentChangeEvent = this.syncKind() === TextDocumentSyncKind.Incremental ? { range, text } : { text: after.getText() };
    const arrived = this.diagnosticsOf(uri, version);
    const started = performance.now();
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    const diagnostics = await arrived;
    return { ms: performance.now() - started, diagnostics };
  }

  syncKind(): TextDocumentSyncKind {
    const sync = this.initializeResult.capabilities.textDocumentSync;
    return (typeof sync === 'number' ? sync : sync?.change) ?? TextDocumentSyncKind.None;
  }

  /** A request and the time to its answer. */
  async timed<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const started = performance.now();
    const result = await within(this.connection.sendRequest(method, params) as Promise<R>, method);
    return { ms: performance.now() - started, result };
  }

  /** Peak resident set of the server process so far, in MiB (Linux /proc VmHWM). */
  peakRssMiB(): number | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
      return kib === undefined ? null : Number(kib) / 1024;
    } catch {
      return null;
    }
  }

  /**
   * CPU time the server process has used so far, in ms (Linux /proc stat utime + stime). Less
   * sensitive than wall time to other work on a shared machine; 10 ms resolution.
   */
  cpuMs(): number | null {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      // Fields after the parenthesised command name; utime and stime are the 14th and 15th overall.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 5000);
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      await this.connection.sendNotification(ExitNotification.type);
      // A clean exit lets a profiled server (--cpu-prof) write its profile.
      if (this.child.exitCode === null) await within(exited, 'exit', 5000);
    } catch {
      // killed below
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
