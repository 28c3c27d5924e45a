// The LSP door: keeps open documents, runs the engine on them and publishes diagnostics.
// Everything chart-specific lives in the engine; this file only speaks the protocol.
import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  TextDocuments,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCliCacheDir } from './catalogue/cache';
import type { Catalogue } from './engine/catalogue/catalogue';
import { Engine } from './engine/engine';
import { BUILT_IN_SCHEMAS, SchemaValidator } from './engine/schema/validator';
import { loadPrecompiledValidators } from './precompiled-validators';
import { layerAnchor, layeredFindingsOfFile, publishOnFile } from './engine/layers/publish';
import { DEFAULT_SETTINGS, type AnalysisResult, type EngineSettings, type Finding } from './engine/types';
import { crossFileFindings } from './engine/workspace';
import { YamlCache, type YamlSource } from './engine/yaml-source';
import { AnalysisHistory } from './engine/incremental';
import { CatalogueService } from './server/catalogue-service';
import { toDiagnostic } from './server/diagnostics';
import { registerAuthoringFeatures } from './server/authoring';
import { REFRESH_CATALOGUE_COMMAND, RENDER_MANIFESTS_COMMAND } from './server/capabilities';
import { renderManifestsCommand } from './server/render';
import { registerCatalogueFeatures } from './server/features';
import { AnalysisMemo, debounceMs, ValidationScheduler } from './server/scheduler';
import { documentPath, sameSettings, toEngineSettings } from './server/settings';
import { LayerService } from './server/layers';
import { registerStatusRequests } from './server/status-requests';
import { TagIndex } from './server/tag-index';
import { exposedGc, MemoryPacer } from './server/memory-pacer';
import { warmUp, warmUpEditing, WARM_UP_DELAY_MS } from './server/warm-up';

const SETTINGS_SECTION = 'bitHarbor';
/** How long to hold validation back for the client's first configuration answer. */
const FIRST_SETTINGS_WAIT_MS = 2000;
/**
 * A client that cannot be asked for settings may push them right after `initialized` (Neovim 0.7
 * does it from on_init, as the README shows): the catalogue waits this long for them before it
 * starts with the defaults, so it does not first fetch, and fail at, a URL the settings replace.
 * Validation does not wait; it uses the bundled catalogue meanwhile.
 */
const PUSHED_SETTINGS_WAIT_MS = 500;

class BitHarborServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly scheduler = new ValidationScheduler(
    (uri) => this.validate(uri),
    (uri) => debounceMs(this.documents.get(uri)?.lineCount ?? 0),
  );
  /**
   * Each open document's parse, shared by its analysis and every request (engine/yaml-source.ts),
   * and its last analysis, from which the next re-checks only an edited group (engine/incremental.ts).
   */
  private readonly memories = new Map<string, { yaml: YamlCache; history: AnalysisHistory }>();
  /** Each open document's last analysis, so unchanged text is never analysed twice. */
  private readonly analyses = new AnalysisMemo<Engine, AnalysisResult>();
  /** What was last published per document, so a revalidation that changes nothing sends nothing. */
  private readonly published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private settings: EngineSettings = DEFAULT_SETTINGS;
  private engine = new Engine(DEFAULT_SETTINGS, undefined, new SchemaValidator(BUILT_IN_SCHEMAS, loadPrecompiledValidators()));
  /** False until the first settings arrive, so no file is published under the wrong chart. */
  private settingsReady = false;
  private canPullConfiguration = false;
  private canRegisterConfiguration = false;
  /** Numbers configuration pulls, so an older answer never overwrites a newer one. */
  private pullCount = 0;
  private readonly tagIndex = new TagIndex();
  private readonly layers = new LayerService(this.documents);
  /** The chart each open document was last analysed as, for the client's status display. */
  private readonly charts = new Map<string, { chart: string | null; detectedBy: string | null }>();
  private catalogue: CatalogueService | null = null;
  private workspaceFolders: string[] = [];
  /** An untrusted workspace (VS Code's restricted mode): see SECURITY.md for what that turns off. */
  private restricted = false;

  constructor(
    private readonly connection: Connection,
    /** The folder above dist/, which holds docs/rules/. */
    private readonly packageRoot: string,
  ) {
    connection.onInitialized(() => void this.initialized());
    connection.onDidChangeConfiguration((params) => void this.configurationChanged(params));
    connection.onShutdown(() => this.scheduler.dispose());
    connection.onExecuteCommand(async (params) => {
      if (params.command === REFRESH_CATALOGUE_COMMAND) return this.catalogue?.refresh(true);
      if (params.command === RENDER_MANIFESTS_COMMAND) {
        return renderManifestsCommand({ documents: this.documents, engine: () => this.engine, layersOf: (uri) => this.layers.basesOf(uri), filesOf: (uri) => this.layers.namedFilesOf(uri) }, params.arguments);
      }
      return undefined;
    });
    // onDidChangeContent also fires on open, with the opened text. Files checked over this one
    // as a base are checked again: an edit in a base changes their findings.
    this.documents.onDidChangeContent(({ document }) => {
      this.scheduler.schedule(document.uri);
      for (const over of this.layers.filesOver(document.uri)) this.scheduler.schedule(over);
    });
    this.documents.onDidClose(({ document }) => {
      this.scheduler.cancel(document.uri);
      this.charts.delete(document.uri);
      this.analyses.forget(document.uri);
      this.memories.delete(document.uri);
      this.published.delete(document.uri);
      this.layers.forget(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      // Files over it now read it from the disk, which may differ from the closed editor's text.
      for (const over of this.layers.filesOver(document.uri)) this.scheduler.schedule(over);
    });
    const layersOf = (uri: string) => this.layers.basesOf(uri);
    const yamlOf = (uri: string) => this.yamlOf(uri);
    registerCatalogueFeatures(connection, { documents: this.documents, engine: () => this.engine, logError: (what, error) => this.logError(what, error), layersOf, yamlOf });
    registerAuthoringFeatures(connection, {
      documents: this.documents,
      engine: () => this.engine,
      logError: (what, error) => this.logError(what, error),
      layersOf,
      yamlOf,
      // Workspace symbols also search the values files the start-up scan read from disk.
      workspaceFiles: () => this.tagIndex.all().flatMap(({ uri }) => {
        const text = this.tagIndex.diskText(uri);
        return text === undefined ? [] : [{ uri, text, path: documentPath(uri) }];
      }),
    });
    registerStatusRequests(connection, {
      engine: () => this.engine,
      chartOf: (uri) => this.charts.get(uri),
      catalogueStatus: () => this.catalogue?.status() ?? { source: 'not loaded' },
      gc: exposedGc,
    });
    this.documents.listen(connection);
  }

  /** Takes in the editor's `initialize` request, which boot.ts has already answered. */
  initialize(params: InitializeParams): void {
    const workspace = params.capabilities.workspace;
    this.canPullConfiguration = workspace?.configuration === true;
    this.canRegisterConfiguration = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    // Without pull support, settings only come with didChangeConfiguration, which may never
    // be sent: validate with defaults straight away.
    if (!this.canPullConfiguration) this.settingsReady = true;
    this.workspaceFolders = workspaceFolderPaths(params);
    // VS Code passes its storage folder; other editors share the CLI's cache folder.
    const options = params.initializationOptions as { storagePath?: unknown; trusted?: unknown } | null | undefined;
    const storage = options?.storagePath;
    const cacheDir = typeof storage === 'string' && storage !== '' ? path.join(storage, 'catalogue') : defaultCliCacheDir();
    const restricted = options?.trusted === false;
    this.restricted = restricted;
    this.catalogue = new CatalogueService(this.connection, cacheDir, (catalogue) => this.useCatalogue(catalogue), restricted, () => this.tagIndex.usedTags());
  }

  private async initialized(): Promise<void> {
    // While no file is open yet: the editor's first file is then analysed by warm code.
    setTimeout(() => {
      if (this.documents.all().length > 0) return;
      warmUp(this.engine);
      // A task of its own: a file opened during the analysis warm-up is analysed before it.
      setTimeout(() => warmUpEditing(this.engine), 0).unref();
    }, WARM_UP_DELAY_MS).unref();
    if (this.canRegisterConfiguration) {
      await this.connection.client
        .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error: unknown) => this.logError('registering for configuration changes', error));
    }
    if (this.canPullConfiguration) {
      // A client that never answers must not keep documents unvalidated forever.
      const fallback = setTimeout(() => this.applySection(undefined), FIRST_SETTINGS_WAIT_MS);
      await this.pullSettings();
      clearTimeout(fallback);
    } else {
      setTimeout(() => {
        if (!this.catalogue?.current()) this.applySection(undefined);
      }, PUSHED_SETTINGS_WAIT_MS);
    }
    const isOpen = (uri: string) => this.documents.get(uri) !== undefined;
    if (await this.tagIndex.scan(this.workspaceFolders, () => this.engine, isOpen)) this.revalidateAll();
  }

  private async configurationChanged(params: DidChangeConfigurationParams): Promise<void> {
    if (this.canPullConfiguration) await this.pullSettings();
    else this.applySection((params.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION]);
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
    if (pull === this.pullCount) this.applySection(section);
  }

  /** The whole `bitHarbor` section: engine settings, and the catalogue's own. */
  private applySection(section: unknown): void {
    const settings = toEngineSettings(section, this.restricted);
    const changed = !sameSettings(settings, this.settings);
    if (changed) {
      this.settings = settings;
      this.engine = this.engine.derive({ settings });
    }
    this.catalogue?.configure((section as { catalog?: unknown } | null | undefined)?.catalog);
    if (changed || !this.settingsReady) {
      this.settingsReady = true;
      this.revalidateAll();
    }
  }

  private useCatalogue(catalogue: Catalogue): void {
    if (catalogue === this.engine.catalogue) return;
    this.engine = this.engine.derive({ catalogue });
    if (this.settingsReady) this.revalidateAll();
  }

  private revalidateAll(): void {
    for (const document of this.documents.all()) this.scheduler.schedule(document.uri);
  }

  private validate(uri: string): void {
    if (!this.settingsReady) return; // applySettings revalidates every open document
    const document = this.documents.get(uri);
    if (!document) return; // closed since it was scheduled
    if (this.layers.hasBases(document, this.settings.layers)) {
      void this.validateLayered(document);
      return;
    }
    const named = this.engine.manifestFiles({ path: documentPath(uri), text: document.getText() }, this.memoryOf(uri).yaml);
    if (named.length > 0) {
      void this.validateManifest(document, named);
      return;
    }
    this.layers.forget(uri);
    const version = document.version;
    let diagnostics: Diagnostic[];
    let reused: boolean;
    try {
      const text = document.getText();
      const started = performance.now();
      const engine = this.engine;
      const memory = this.memoryOf(uri);
      const analysis = this.analyses.get(uri, text, engine, () => engine.analyze({ path: documentPath(uri), text }, memory.yaml, memory.history));
      const result = analysis.result;
      reused = analysis.reused;
      // Visible with `bitHarbor.trace.server: verbose`; protocol tests count analyses with it.
      this.connection.tracer.log(reused
        ? `bit-harbor: reused the analysis of ${uri} v${version} (text unchanged)`
        : `bit-harbor: analysed ${uri} v${version} (${document.lineCount} lines${this.regrouped(uri)}) in ${(performance.now() - started).toFixed(1)} ms`);
      diagnostics = this.diagnosticsOf(document, result, result.findings);
    } catch (error) {
      this.logError(`analysing ${uri}`, error);
      return; // keep whatever was published before rather than a half result
    }
    // Never publish for text the editor no longer shows.
    if (this.documents.get(uri)?.version !== version) return;
    const last = this.published.get(uri);
    // The same analysis for the same version: only cross-file findings could differ.
    if (reused && last?.version === version && JSON.stringify(last.diagnostics) === JSON.stringify(diagnostics)) return;
    this.published.set(uri, { version, diagnostics });
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * A file over base files: the bases are read (open documents win), the merge is checked, and
   * the findings the file causes in a base are shown on the file, pointing into the base.
   */
  private async validateLayered(document: TextDocument): Promise<void> {
    const { uri, version } = document;
    const run = this.layers.startRun(uri);
    let diagnostics: Diagnostic[];
    try {
      const input = await this.layers.load(document, this.settings.layers, { roots: this.workspaceFolders, maxBytes: this.settings.maxFileSize, restricted: this.restricted });
      if (!this.layers.isLatest(uri, run) || this.documents.get(uri)?.version !== version) return;
      const engine = this.engine;
      const result = engine.analyzeLayers(input);
      const findings = publishOnFile(layeredFindingsOfFile(engine, input, result), uri, layerAnchor(input.text));
      diagnostics = this.diagnosticsOf(document, result, findings);
    } catch (error) {
      this.logError(`analysing ${uri} over its base files`, error);
      return;
    }
    if (!this.layers.isLatest(uri, run) || this.documents.get(uri)?.version !== version) return;
    // What the single-file path last published no longer stands for this document.
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** A GitOps manifest whose releases name values files: they are read, then the releases checked with them. */
  private async validateManifest(document: TextDocument, named: readonly string[]): Promise<void> {
    const { uri, version } = document;
    const run = this.layers.startRun(uri);
    let diagnostics: Diagnostic[];
    try {
      const policy = { roots: this.workspaceFolders, maxBytes: this.settings.maxFileSize, restricted: this.restricted };
      const input = { path: documentPath(uri), text: document.getText() };
      let files = await this.layers.readNamed(document, named, policy);
      // A generated ConfigMap's values file is named by the kustomization read in the first round.
      const more = this.engine.manifestFiles({ ...input, files }, this.memoryOf(uri).yaml);
      if (more.some((path) => !files.has(path))) files = await this.layers.readNamed(document, more, policy);
      if (!this.layers.isLatest(uri, run) || this.documents.get(uri)?.version !== version) return;
      const result = this.engine.analyze({ ...input, files }, this.memoryOf(uri).yaml);
      diagnostics = this.diagnosticsOf(document, result, result.findings);
    } catch (error) {
      this.logError(`analysing ${uri} with the values files it names`, error);
      return;
    }
    if (!this.layers.isLatest(uri, run) || this.documents.get(uri)?.version !== version) return;
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** The parse cache of an open document; a closed one gets none kept (a fresh parse each time). */
  private yamlOf(uri: string): YamlSource {
    return this.documents.get(uri) ? this.memoryOf(uri).yaml : new YamlCache();
  }

  private memoryOf(uri: string): { yaml: YamlCache; history: AnalysisHistory } {
    let memory = this.memories.get(uri);
    if (!memory) this.memories.set(uri, (memory = { yaml: new YamlCache(), history: new AnalysisHistory() }));
    return memory;
  }

  private regrouped(uri: string): string {
    const group = this.memories.get(uri)?.history.lastGroup;
    if (group === null || group === undefined) return '';
    return group === '' ? ', no group re-checked (one removed)' : `, group ${group} re-checked alone`;
  }

  /** Records the file's chart and tags, adds the findings other files give it, and converts. */
  private diagnosticsOf(document: TextDocument, result: AnalysisResult, findings: readonly Finding[]): Diagnostic[] {
    const { uri } = document;
    const text = document.getText();
    this.charts.set(uri, { chart: result.chart, detectedBy: result.detectedBy });
    if (this.tagIndex.update(uri, result.tags)) this.revalidateOthers(uri);
    const own = this.tagIndex.get(uri);
    const crossFile = own ? this.engine.controlCrossFile(text, crossFileFindings(own, this.tagIndex.all())) : [];
    const context = { document, packageRoot: this.packageRoot, lookup: (other: string) => this.lookup(other) };
    return [...findings, ...crossFile].map((finding) => toDiagnostic(finding, context));
  }

  /** Another file's tags changed: the open files of the other chart may gain or lose findings. */
  private revalidateOthers(changedUri: string): void {
    for (const document of this.documents.all()) {
      if (document.uri !== changedUri) this.scheduler.schedule(document.uri);
    }
  }

  /** Text of another file for related locations: the editor's copy, else the scanned one. */
  private lookup(uri: string): TextDocument | undefined {
    const open = this.documents.get(uri);
    if (open) return open;
    const text = this.tagIndex.diskText(uri) ?? this.layers.baseText(uri);
    return text === undefined ? undefined : TextDocument.create(uri, 'yaml', 0, text);
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

function workspaceFolderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.filter((uri) => uri.startsWith('file:')).map((uri) => documentPath(uri));
}

/** The server proper: boot.ts answers `initialize` and hands the request on to it. */
export interface StartedServer {
  initialize(params: InitializeParams): void;
  logError(what: string, error: unknown): void;
}

/** Registers every handler on a connection that boot.ts made, before it handles another message. */
export function startServer(connection: Connection): StartedServer {
  new MemoryPacer(exposedGc()).start();
  return new BitHarborServer(connection, path.resolve(__dirname, '..'));
}
