// The on-disk cache of the catalogue: the last good models.json with its ETag and fetch time, and
// the registry's answers about tags. Each file is replaced by rename from a temp file in the same
// folder, so a crash mid-write leaves the old file or the new one, never half of either. A file
// that is unreadable anyway (hand-edited, another version) reads as empty, never as a throw.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Bumped when a file's shape changes; a file of another format is ignored, not migrated. */
const FORMAT = 1;
const CATALOGUE_FILE = 'catalogue.json';
const REGISTRY_FILE = 'registry-sizes.json';
const FAILURE_FILE = 'fetch-failure.json';

export interface CachedCatalogue {
  /** The models.json text exactly as fetched (it parsed as a good catalogue). */
  text: string;
  /** The URL it came from; its ETag is only sent back to that URL. */
  location: string;
  etag?: string;
  /** When the server last confirmed this text (a 200 or a 304), ms since epoch. */
  fetchedAt: number;
}

/** The last failed fetches of one URL in a row: kept so a restart neither retries at once nor says it again. */
export interface FetchFailure {
  location: string;
  /** When the latest of them failed, ms since epoch. */
  failedAt: number;
  /** How many fetches of this URL failed in a row (the backoff grows with it). */
  failures: number;
  /** What went wrong, as reported to the user the first time. */
  reason: string;
}

export type RegistryAnswer = { published: true; bytes: number; checkedAt: number } | { published: false; checkedAt: number };

export interface CachedRegistryAnswers {
  /** The registry asked; answers from another registry do not apply. */
  registry: string;
  tags: Record<string, RegistryAnswer>;
}

export class CatalogueCache {
  constructor(private readonly dir: string) {}

  readCatalogue(): CachedCatalogue | undefined {
    const json = this.read(CATALOGUE_FILE);
    if (!json || typeof json.text !== 'string' || typeof json.location !== 'string' || !isTime(json.fetchedAt)) return undefined;
    if (json.etag !== undefined && typeof json.etag !== 'string') return undefined;
    return { text: json.text, location: json.location, etag: json.etag, fetchedAt: json.fetchedAt };
  }

  /** Returns a one-line problem when the cache could not be written (the fetch still counts). */
  writeCatalogue(entry: CachedCatalogue): string | undefined {
    return this.write(CATALOGUE_FILE, entry);
  }

  readFailure(): FetchFailure | undefined {
    const json = this.read(FAILURE_FILE);
    if (!json || typeof json.location !== 'string' || !isTime(json.failedAt) || typeof json.reason !== 'string') return undefined;
    if (typeof json.failures !== 'number' || !Number.isSafeInteger(json.failures) || json.failures < 1) return undefined;
    return { location: json.location, failedAt: json.failedAt, failures: json.failures, reason: json.reason };
  }

  writeFailure(failure: FetchFailure): string | undefined {
    return this.write(FAILURE_FILE, failure);
  }

  /** A good fetch ends the run of failures. */
  clearFailure(): void {
    try {
      fs.rmSync(path.join(this.dir, FAILURE_FILE), { force: true });
    } catch {
      // the next good fetch tries again; until then the record only delays an automatic retry
    }
  }

  readRegistryAnswers(): CachedRegistryAnswers | undefined {
    const json = this.read(REGISTRY_FILE);
    if (!json || typeof json.registry !== 'string' || !isRecord(json.tags)) return undefined;
    const tags: Record<string, RegistryAnswer> = Object.create(null); // keys from a file: `__proto__` is a key like any
    for (const [tag, answer] of Object.entries(json.tags)) {
      if (isRegistryAnswer(answer)) tags[tag] = answer;
    }
    return { registry: json.registry, tags };
  }

  writeRegistryAnswers(answers: CachedRegistryAnswers): string | undefined {
    return this.write(REGISTRY_FILE, answers);
  }

  private read(name: string): Record<string, unknown> | undefined {
    try {
      const json: unknown = JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8'));
      return isRecord(json) && json.format === FORMAT ? json : undefined;
    } catch {
      return undefined; // missing, unreadable or not JSON: there is simply no cache
    }
  }

  private write(name: string, content: object): string | undefined {
    const target = path.join(this.dir, name);
    const temp = path.join(this.dir, `.${name}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temp, JSON.stringify({ format: FORMAT, ...content }), { encoding: 'utf8', flag: 'wx' });
      fs.renameSync(temp, target);
      return undefined;
    } catch (error) {
      try {
        fs.rmSync(temp, { force: true });
      } catch {
        // the temp file is garbage either way; the next write uses a new name
      }
      return `could not write the catalogue cache ${target}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** The CLI's cache folder: $XDG_CACHE_HOME/bit-harbor-values, else ~/.cache/bit-harbor-values. */
export function defaultCliCacheDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'bit-harbor-values');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function isRegistryAnswer(value: unknown): value is RegistryAnswer {
  if (!isRecord(value) || !isTime(value.checkedAt)) return false;
  if (value.published === false) return true;
  return value.published === true && typeof value.bytes === 'number' && Number.isSafeInteger(value.bytes) && value.bytes > 0;
}
