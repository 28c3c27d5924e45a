// The catalogue a door (language server or CLI) works with, and how it stays current. Sources, in
// order: the file setting; the URL (at most every refreshHours, with the cached ETag); the last
// cached copy; the bundled snapshot. A failure keeps the last good catalogue and is reported once:
// a failed fetch is remembered in the cache folder, so a restart neither retries before the
// backoff has passed nor says the same thing again (an editor on a train starts often).
// All state lives in the instance, so a server and a CLI run in one process cannot share it.
import * as fs from 'node:fs';
import { OCI_TAG } from '../engine/bit-harbor';
import { Catalogue, type CatalogueData, type CatalogueOrigin, type ModelSize } from '../engine/catalogue/catalogue';
import { bundledCatalogueData, DEFAULT_CATALOGUE_SETTINGS, describeOrigin, parseCatalogue, parseSizeSettings } from '../engine/catalogue/parse';
import type { CatalogueSettings, ParsedCatalogue } from '../engine/catalogue/parse';
import { CatalogueCache, defaultCliCacheDir, type CachedCatalogue, type CachedRegistryAnswers, type FetchFailure } from './cache';
import { DEFAULT_MAX_BYTES, formatBytes, httpGet, isFailure, type HttpGet } from './http';
import { askRegistry, DEFAULT_REGISTRY_URL, RegistryClient } from './registry';

export { DEFAULT_CATALOGUE_SETTINGS, DEFAULT_CATALOGUE_URL, readCatalogueSettings, type CatalogueSettings } from '../engine/catalogue/parse';

export interface CatalogueManagerOptions {
  settings: CatalogueSettings;
  /** Folder for the disk cache (the client's storage folder, or defaultCliCacheDir()); null: none. */
  cacheDir: string | null;
  http: HttpGet;
  log: (message: string) => void;
  now?: () => number;
  /** Per request; defaults 10 s and 1 MiB (tests pass small ones). */
  timeoutMs?: number;
  maxBytes?: number;
}

export interface RefreshResult {
  catalogue: Catalogue;
  /** Models, sizes or unpublished tags differ from before (a new origin alone is no change). */
  changed: boolean;
  /** Set only the first time a reason occurs; already logged, meant for the client too. */
  problem?: string;
  /** This refresh's problem, new or not (a forced refresh answers with it). */
  failure?: string;
}

/**
 * After failed fetches in a row, the next automatic one waits refreshHours, then twice and four
 * times that: a machine that cannot reach the host is not asked again on every start. The
 * refresh command (bitHarbor.refreshCatalogue) tries at once whatever the wait.
 */
const MAX_BACKOFF_DOUBLINGS = 2;
/**
 * The defaults of bitHarbor.catalog.registryConcurrency (a few questions at a time: fast enough
 * for 18 tags, gentle on an anonymous rate limit) and .registryTagsPerRefresh (each tag is two or
 * three requests: a catalogue of thousands of tags is sized over several refreshes, not in one
 * burst). Tags come in the caller's order, so the ones it lists first (those in use) go first.
 */
export const REGISTRY_TAGS_PER_REFRESH = DEFAULT_CATALOGUE_SETTINGS.registryTagsPerRefresh;
const HOUR_MS = 3_600_000;

export class CatalogueManager {
  private settings: CatalogueSettings;
  private readonly cache: CatalogueCache | null;
  private readonly now: () => number;
  /** The loaded catalogue with its own and bundled sizes, before registry and setting sizes. */
  private base: CatalogueData;
  private baseText: string | undefined;
  private cached: CachedCatalogue | undefined;
  private registry: CachedRegistryAnswers = { registry: '', tags: {} };
  private settingSizes: Record<string, ModelSize> = {};
  private composed!: Catalogue;
  private fingerprint = '';
  private nextFetchAt = 0;
  private lastProblem: string | undefined;
  /** The run of failed fetches of the URL, as remembered on disk. */
  private failure: FetchFailure | undefined;
  private lastRegistryProblem: string | undefined;
  private readonly reportedCacheProblems = new Set<string>();
  private running: Promise<RefreshResult> | undefined;
  private readonly asking = new Set<string>();

  constructor(private readonly options: CatalogueManagerOptions) {
    this.cache = options.cacheDir === null ? null : new CatalogueCache(options.cacheDir);
    this.now = options.now ?? Date.now;
    this.base = bundledCatalogueData();
    this.cached = this.cache?.readCatalogue();
    if (this.cached) {
      const origin: CatalogueOrigin = { kind: 'cache', location: this.cached.location, fetchedAt: this.cached.fetchedAt };
      const parsed = parseCatalogue(this.cached.text, origin);
      if ('error' in parsed) this.cached = undefined;
      else [this.base, this.baseText] = [parsed.catalogue, this.cached.text];
    }
    this.settings = options.settings;
    // A fresh cached copy of this URL is as good as a fetch: no request until it is due.
    const fresh = this.cached?.location === this.settings.url;
    this.nextFetchAt = fresh && this.cached ? this.cached.fetchedAt + this.refreshMs() : 0;
    this.rememberFailure(this.cache?.readFailure());
    this.applySettings();
  }

  current(): Catalogue {
    return this.composed;
  }

  /** New settings: sizes apply at once; a new file or URL is read on the next refresh. */
  configure(settings: CatalogueSettings): void {
    const old = this.settings;
    this.settings = settings;
    if (settings.path !== old.path || settings.url !== old.url) {
      this.nextFetchAt = 0;
      this.lastProblem = undefined;
      this.rememberFailure(this.failure ?? this.cache?.readFailure());
    }
    this.applySettings();
  }

  private applySettings(): void {
    const registry = this.registryUrl();
    if (this.registry.registry !== registry) {
      const cached = this.cache?.readRegistryAnswers();
      this.registry = cached?.registry === registry ? cached : { registry, tags: {} };
    }
    const sizes = parseSizeSettings(this.settings.sizes);
    sizes.problems.forEach((problem) => this.options.log(problem));
    this.settingSizes = sizes.sizes;
    this.recompose();
  }

  /** Reads the configured source if it is due (or `force`); concurrent calls share one read. */
  refresh(options: { force?: boolean } = {}): Promise<RefreshResult> {
    this.running ??= this.load(options.force ?? false).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Asks the registry about tags not checked within refreshHours (size and whether the tag is
   * published), caches the answers and returns the catalogue with them. No-op offline or when
   * resolveSizes is off. Registry sizes replace only missing or estimated sizes.
   */
  async resolveSizes(tags: readonly string[]): Promise<Catalogue> {
    if (this.settings.offline || !this.settings.resolveSizes) return this.composed;
    const now = this.now();
    const due = [...new Set(tags)].filter((tag) => {
      const answer = this.registry.tags[tag];
      return OCI_TAG.test(tag) && !this.asking.has(tag) && !(answer && now - answer.checkedAt < this.refreshMs());
    }).slice(0, this.settings.registryTagsPerRefresh);
    if (due.length === 0) return this.composed;

    const client = new RegistryClient(this.options.http, { baseUrl: this.registryUrl(), timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes });
    const registry = this.registry; // settings may name another registry while we wait
    due.forEach((tag) => this.asking.add(tag));
    const { answers, failures } = await askRegistry(client, due, this.settings.registryConcurrency, this.now);
    due.forEach((tag) => this.asking.delete(tag));
    Object.assign(registry.tags, answers);
    if (failures.length < due.length) this.note(this.cache?.writeRegistryAnswers(registry));
    const problem = failures.length === 0 ? undefined : `could not ask ${this.registryUrl()} about ${failures.length} of ${due.length} tags: ${failures[0]}`;
    if (problem && problem !== this.lastRegistryProblem) this.options.log(problem);
    this.lastRegistryProblem = problem;
    this.recompose();
    return this.composed;
  }

  private async load(force: boolean): Promise<RefreshResult> {
    const before = this.fingerprint;
    let problem: string | undefined;
    if (this.settings.path) problem = await this.readFile(this.settings.path);
    else if (this.settings.offline || (!force && this.now() < this.nextFetchAt)) return { catalogue: this.composed, changed: false };
    else problem = await this.fetch(this.settings.url);

    this.recompose();
    const result: RefreshResult = { catalogue: this.composed, changed: this.fingerprint !== before, failure: problem };
    if (problem && problem !== this.lastProblem) {
      this.options.log(problem);
      result.problem = problem;
    }
    this.lastProblem = problem;
    return result;
  }

  private async readFile(file: string): Promise<string | undefined> {
    const keeping = `keeping ${describeOrigin(this.base.origin)}`;
    try {
      const stat = await fs.promises.stat(file);
      const maxBytes = this.options.maxBytes ?? DEFAULT_MAX_BYTES;
      if (stat.size > maxBytes) return `the catalogue file ${file} is larger than ${formatBytes(maxBytes)}; ${keeping}`;
      const text = await fs.promises.readFile(file, 'utf8');
      const parsed = parseCatalogue(text, { kind: 'file', location: file, fetchedAt: stat.mtimeMs });
      if ('error' in parsed) return `the catalogue file ${file} was rejected: ${parsed.error}; ${keeping}`;
      this.accept(parsed, text);
      return undefined;
    } catch (error) {
      return `could not read the catalogue file ${file}: ${error instanceof Error ? error.message : String(error)}; ${keeping}`;
    }
  }

  private async fetch(url: string): Promise<string | undefined> {
    const keeping = `keeping ${describeOrigin(this.base.origin)}`;
    const ours = this.cached?.location === url ? this.cached : undefined;
    const outcome = await this.options.http(url, { etag: ours?.etag, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes });
    const now = this.now();
    if (isFailure(outcome)) return this.failed(url, now, `could not refresh the Bit Harbor catalogue: ${outcome.reason}`, keeping);
    if (outcome.notModified && !ours) return this.failed(url, now, `${url} answered 304 Not Modified to a request without an ETag`, keeping);
    const text = outcome.notModified && ours ? ours.text : outcome.body;
    const parsed = parseCatalogue(text, { kind: 'url', location: url, fetchedAt: now });
    if ('error' in parsed) return this.failed(url, now, `the catalogue at ${url} was rejected: ${parsed.error}`, keeping);
    this.nextFetchAt = now + this.refreshMs();
    if (this.failure) this.cache?.clearFailure();
    this.failure = undefined;
    this.cached = { text, location: url, etag: outcome.etag ?? (outcome.notModified ? ours?.etag : undefined), fetchedAt: now };
    this.note(this.cache?.writeCatalogue(this.cached));
    this.accept(parsed, text);
    return undefined;
  }

  /**
   * Records one more failure in a row, on disk too, and waits before the next automatic fetch.
   * Returns the problem, which load() reports unless the run already reported it.
   */
  private failed(url: string, now: number, reason: string, keeping: string): string {
    const previous = this.failure?.location === url ? this.failure : undefined;
    this.failure = { location: url, failedAt: now, failures: (previous?.failures ?? 0) + 1, reason };
    this.note(this.cache?.writeFailure(this.failure));
    this.nextFetchAt = now + this.backoffMs(this.failure.failures);
    const problem = `${reason}; ${keeping}`;
    // Said when the run began (maybe by an earlier start): not said again.
    if (previous?.reason === reason) this.lastProblem = problem;
    return problem;
  }

  /** Takes the remembered run of failures of the configured URL: no fetch until its backoff has passed, no repeat of its problem. */
  private rememberFailure(failure: FetchFailure | undefined): void {
    if (!failure || failure.location !== this.settings.url || this.settings.path) return;
    this.failure = failure;
    this.nextFetchAt = Math.max(this.nextFetchAt, failure.failedAt + this.backoffMs(failure.failures));
  }

  private backoffMs(failures: number): number {
    return this.refreshMs() * 2 ** Math.min(failures - 1, MAX_BACKOFF_DOUBLINGS);
  }

  /** Takes a parsed catalogue as the new base; its dropped entries are logged when the text is new. */
  private accept(parsed: ParsedCatalogue, text: string): void {
    if (text !== this.baseText) {
      const where = parsed.catalogue.origin.location;
      for (const { reason } of parsed.dropped) this.options.log(`catalogue ${where}: dropped ${reason}`);
      for (const note of parsed.notes) this.options.log(`catalogue ${where}: ${note}`);
    }
    [this.base, this.baseText] = [parsed.catalogue, text];
  }

  private recompose(): void {
    const registrySizes: Record<string, ModelSize> = {};
    const unpublished: string[] = [];
    if (this.settings.resolveSizes) {
      for (const [tag, answer] of Object.entries(this.registry.tags)) {
        if (!answer.published) unpublished.push(tag);
        else if ((this.base.sizes[tag]?.source ?? 'estimate') === 'estimate') {
          registrySizes[tag] = { bytes: answer.bytes, source: 'registry', detail: `sum of the image layers at ${this.registryUrl()}` };
        }
      }
    }
    const data: CatalogueData = { ...this.base, unpublished: unpublished.sort(), sizes: { ...this.base.sizes, ...registrySizes } };
    this.composed = new Catalogue(data).withSizes(this.settingSizes);
    this.fingerprint = JSON.stringify([data.models, data.sizes, data.unpublished, this.settingSizes]);
  }

  /** Cache write problems are logged once each: the catalogue still works without the cache. */
  private note(problem: string | undefined): void {
    if (!problem || this.reportedCacheProblems.has(problem)) return;
    this.reportedCacheProblems.add(problem);
    this.options.log(problem);
  }

  private refreshMs(): number {
    return Math.max(0, this.settings.refreshHours) * HOUR_MS;
  }

  private registryUrl(): string {
    return (this.settings.registryUrl ?? DEFAULT_REGISTRY_URL).replace(/\/+$/, '');
  }
}

/**
 * The CLI's catalogue: `--catalog FILE` is the file source, `--offline` keeps off the network,
 * the cache is the XDG one. `problem` is set when the source failed (a bad `--catalog` file).
 */
export async function loadCliCatalogue(options: {
  file?: string;
  offline: boolean;
  log: (message: string) => void;
  cacheDir?: string | null;
  http?: HttpGet;
}): Promise<RefreshResult> {
  const settings = { ...DEFAULT_CATALOGUE_SETTINGS, path: options.file, offline: options.offline };
  const cacheDir = options.cacheDir === undefined ? defaultCliCacheDir() : options.cacheDir;
  return new CatalogueManager({ settings, cacheDir, http: options.http ?? httpGet, log: options.log }).refresh();
}
