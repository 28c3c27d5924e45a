// The LSP door: keeps open documents, runs the engine on them and publishes diagnostics.
// Everything chart-specific lives in the engine; this file only speaks the protocol.
import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Engine } from './engine/engine';
import { DEFAULT_SETTINGS, type EngineSettings } from './engine/types';
import { toDiagnostic } from './server/diagnostics';
import { CATALOGUE_CAPABILITIES, registerCatalogueFeatures } from './server/features';
import { ValidationScheduler } from './server/scheduler';
import { documentPath, sameSettings, toEngineSettings } from './server/settings';

const SETTINGS_SECTION = 'bitHarbor';
/** How long to hold validation back for the client's first configuration answer. */
const FIRST_SETTINGS_WAIT_MS = 2000;

class BitHarborServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly scheduler = new ValidationScheduler((uri) => this.validate(uri));
  private settings: EngineSettings = DEFAULT_SETTINGS;
  private engine = new Engine(DEFAULT_SETTINGS);
  /** False until the first settings arrive, so no file is published under the wrong chart. */
  private settingsReady = false;
  private canPullConfiguration = false;
  private canRegisterConfiguration = false;
  /** Numbers configuration pulls, so an older answer never overwrites a newer one. */
  private pullCount = 0;

  constructor(
    private readonly connection: Connection,
    /** The folder above dist/, which holds docs/rules/. */
    private readonly packageRoot: string,
  ) {
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => void this.initialized());
    connection.onDidChangeConfiguration((params) => void this.configurationChanged(params));
    connection.onShutdown(() => this.scheduler.dispose());
    // onDidChangeContent also fires on open, with the opened text.
    this.documents.onDidChangeContent(({ document }) => this.scheduler.schedule(document.uri));
    this.documents.onDidClose(({ document }) => {
      this.scheduler.cancel(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    registerCatalogueFeatures(connection, { documents: this.documents, engine: () => this.engine, logError: (what, error) => this.logError(what, error) });
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const workspace = params.capabilities.workspace;
    this.canPullConfiguration = workspace?.configuration === true;
    this.canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    // Without pull support, settings only come with didChangeConfiguration, which may never
    // be sent: validate with defaults straight away.
    if (!this.canPullConfiguration) this.settingsReady = true;
    return { capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full }, ...CATALOGUE_CAPABILITIES } };
  }

  private async initialized(): Promise<void> {
    if (this.canRegisterConfiguration) {
      await this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error: unknown) => this.logError('registering for configuration changes', error));
    }
    if (!this.canPullConfiguration) return;
    // A client that never answers must not keep documents unvalidated forever.
    const fallback = setTimeout(() => this.applySettings(this.settings), FIRST_SETTINGS_WAIT_MS);
    await this.pullSettings();
    clearTimeout(fallback);
  }

  private async configurationChanged(params: DidChangeConfigurationParams): Promise<void> {
    if (this.canPullConfiguration) await this.pullSettings();
    else this.applySettings(toEngineSettings((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]));
  }

  private async pullSettings(): Promise<void> {
    const pull = ++this.pullCount;
    let section: unknown;
    try {
      section = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
    } catch (error) {
      this.logError('reading the bitHarbor settings', error);
      section = undefined; // fall back to defaults rather than never validating
    }
    if (pull === this.pullCount) this.applySettings(toEngineSettings(section));
  }

  private applySettings(settings: EngineSettings): void {
    const changed = !sameSettings(settings, this.settings);
    if (changed) {
      this.settings = settings;
      this.engine = new Engine(settings);
    }
    if (changed || !this.settingsReady) {
      this.settingsReady = true;
      for (const document of this.documents.all()) this.scheduler.schedule(document.uri);
    }
  }

  private validate(uri: string): void {
    if (!this.settingsReady) return; // applySettings revalidates every open document
    const document = this.documents.get(uri);
    if (!document) return; // closed since it was scheduled
    const version = document.version;
    let diagnostics: Diagnostic[];
    try {
      const result = this.engine.analyze({ path: documentPath(uri), text: document.getText() });
      const context = { document, packageRoot: this.packageRoot, lookup: (other: string) => this.documents.get(other) };
      diagnostics = result.findings.map((finding) => toDiagnostic(finding, context));
    } catch (error) {
      this.logError(`analysing ${uri}`, error);
      return; // keep whatever was published before rather than a half result
    }
    // Never publish for text the editor no longer shows.
    if (this.documents.get(uri)?.version !== version) return;
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      this.connection.console.error(`bit-harbor: error ${what}: ${detail}`);
    } catch {
      process.stderr.write(`bit-harbor: error ${what}: ${detail}\n`); // the connection is gone
    }
  }
}

function main(): void {
  // Reads --stdio / --node-ipc / --socket from the command line.
  const connection = createConnection(ProposedFeatures.all);
  const server = new BitHarborServer(connection, path.resolve(__dirname, '..'));
  // A bug in one request must not take the editor's diagnostics down with it.
  process.on('uncaughtException', (error) => server.logError('(uncaught exception)', error));
  process.on('unhandledRejection', (reason) => server.logError('(unhandled rejection)', reason));
  connection.listen();
}

main();
