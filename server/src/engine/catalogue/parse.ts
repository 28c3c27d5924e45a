// Validation of a models.json text and of the `bitHarbor.catalog.sizes` setting. Pure: no I/O,
// never throws. A catalogue of the wrong shape is rejected whole (the caller keeps its last good
// one); a bad entry is dropped with a reason so that one typo upstream costs one tag, not all.
import { OCI_TAG } from '../bit-harbor';
import { parseQuantity } from '../quantity';
import { bundledCatalogue, type Catalogue, type CatalogueData, type CatalogueOrigin, type ModelEntry, type ModelSize } from './catalogue';

export interface DroppedEntry {
  entry: unknown;
  reason: string;
}

export interface ParsedCatalogue {
  catalogue: CatalogueData;
  dropped: DroppedEntry[];
  /** Kept entries with a part ignored (an unreadable size field), one line each. */
  notes: string[];
}

/** The catalogue's own data as shipped in the package (registry answers are laid into a copy). */
export function bundledCatalogueData(): CatalogueData {
  const bundled = bundledCatalogue();
  const sizes: Record<string, ModelSize> = Object.create(null); // names from a file: `__proto__` is a name like any
  for (const { name } of bundled.entries()) {
    const size = bundled.sizeOf(name);
    if (size) sizes[name] = size;
  }
  return { models: [...bundled.entries()], sizes, origin: bundled.origin };
}

export type CatalogueParseResult = ParsedCatalogue | { error: string };

/**
 * Parses models.json. Entries without a size of their own (`sizeBytes` or `size`) take the
 * size of the bundled table (`fallback`), each size keeping its source.
 */
export function parseCatalogue(text: string, origin: CatalogueOrigin, fallback: Catalogue = bundledCatalogue()): CatalogueParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `models.json is not JSON (${oneLine(error instanceof Error ? error.message : String(error))})` };
  }
  if (!isObject(json)) return { error: `models.json must be an object with a "models" array, not ${describe(json)}` };
  if (!Array.isArray(json.models)) return { error: `models.json has no "models" array (found ${describe(json.models)})` };

  const models: ModelEntry[] = [];
  const sizes: Record<string, ModelSize> = Object.create(null); // names from a file: `__proto__` is a name like any
  const dropped: DroppedEntry[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  json.models.forEach((entry: unknown, index: number) => {
    const reason = entryProblem(entry, seen);
    if (reason) {
      dropped.push({ entry, reason: `models[${index}]: ${reason}` });
      return;
    }
    const { name, repo } = entry as { name: string; repo: string };
    seen.add(name);
    models.push({ name, repo });
    const own = entrySize(entry as Record<string, unknown>);
    if (typeof own === 'string') notes.push(`models[${index}] (${name}): ${own}; size ignored`);
    const size = typeof own === 'object' ? own : fallback.sizeOf(name);
    if (size) sizes[name] = size;
  });

  if (models.length === 0) {
    const why = dropped.length > 0 ? ` (${dropped.length} dropped; first: ${dropped[0].reason})` : '';
    return { error: `models.json lists no usable models${why}` };
  }
  return { catalogue: { models, sizes, origin }, dropped, notes };
}

/** Why an entry cannot be used, or undefined when it can. */
function entryProblem(entry: unknown, seen: ReadonlySet<string>): string | undefined {
  if (!isObject(entry)) return `not an object (${describe(entry)})`;
  if (typeof entry.name !== 'string') return `"name" is missing or not a string`;
  if (typeof entry.repo !== 'string' || entry.repo.trim() === '') return `"repo" is missing or not a string (name ${shown(entry.name)})`;
  if (!OCI_TAG.test(entry.name)) return `name ${shown(entry.name)} is not a valid OCI tag`;
  if (seen.has(entry.name)) return `duplicate name ${shown(entry.name)}; the first entry is kept`;
  return undefined;
}

/** The entry's own size, a reason it is unreadable, or undefined when it has none. */
function entrySize(entry: Record<string, unknown>): ModelSize | string | undefined {
  if (entry.sizeBytes !== undefined) {
    const bytes = entry.sizeBytes;
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes <= 0) return `"sizeBytes" ${shown(bytes)} is not a positive whole number`;
    return { bytes, source: 'catalogue', detail: 'sizeBytes in models.json' };
  }
  if (entry.size !== undefined) {
    const bytes = typeof entry.size === 'string' ? toBytes(entry.size) : null;
    if (bytes === null) return `"size" ${shown(entry.size)} is not a Kubernetes quantity string`;
    return { bytes, source: 'catalogue', detail: `size ${entry.size} in models.json` };
  }
  return undefined;
}

export interface SizeSettings {
  sizes: Record<string, ModelSize>;
  problems: string[];
}

/** `bitHarbor.catalog.sizes` (tag -> quantity) as sizes with source 'setting'. */
export function parseSizeSettings(record: Record<string, string>): SizeSettings {
  const sizes: Record<string, ModelSize> = {};
  const problems: string[] = [];
  // The record comes from user JSON: values are checked, not trusted to be strings.
  for (const [tag, quantity] of Object.entries(isObject(record) ? record : {})) {
    if (!OCI_TAG.test(tag)) {
      problems.push(`bitHarbor.catalog.sizes: ${shown(tag)} is not a valid OCI tag`);
      continue;
    }
    const bytes = toBytes(quantity as unknown);
    if (bytes === null) {
      problems.push(`bitHarbor.catalog.sizes.${tag}: ${shown(quantity)} is not a positive Kubernetes quantity`);
      continue;
    }
    sizes[tag] = { bytes, source: 'setting', detail: `bitHarbor.catalog.sizes: ${quantity}` };
  }
  return { sizes, problems };
}

/** A positive quantity in whole bytes (`1.1G` is not exact in binary floating point). */
function toBytes(quantity: unknown): number | null {
  const value = parseQuantity(quantity);
  if (value === null || value <= 0) return null;
  const bytes = Math.round(value);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : null;
}

/** A value from the catalogue or the settings as a problem quotes it: JSON, cut to a readable length. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function oneLine(message: string): string {
  return message.replace(/\s+/g, ' ').trim();
}

/** Where a catalogue came from, for log lines and the CLI footer; with `now`, also its age. */
export function describeOrigin(origin: CatalogueOrigin, now?: number): string {
  const where = {
    bundled: `the bundled catalogue (${origin.location})`,
    cache: `the cached catalogue from ${origin.location}`,
    file: `the catalogue file ${origin.location}`,
    url: `the catalogue from ${origin.location}`,
  }[origin.kind];
  if (now === undefined || origin.fetchedAt === undefined) return where;
  const hours = Math.max(0, now - origin.fetchedAt) / 3_600_000;
  const age = hours < 1 ? `${Math.round(hours * 60)} min` : hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} days`;
  return `${where}, ${age} old`;
}

export const DEFAULT_CATALOGUE_URL = 'https://raw.githubusercontent.com/doublewordai/bit-harbor/main/models.json';

/** The `bitHarbor.catalog.*` settings, as the catalogue manager takes them. */
export interface CatalogueSettings {
  path?: string;
  url: string;
  refreshHours: number;
  offline: boolean;
  sizes: Record<string, string>;
  resolveSizes: boolean;
  /** Scheme and host of the registry to ask (default https://ghcr.io); for mirrors and tests. */
  registryUrl?: string;
  /** At most this many registry lookups at once (`bitHarbor.catalog.registryConcurrency`). */
  registryConcurrency: number;
  /** At most this many tags asked about per refresh (`bitHarbor.catalog.registryTagsPerRefresh`). */
  registryTagsPerRefresh: number;
}

export const DEFAULT_CATALOGUE_SETTINGS: CatalogueSettings = {
  url: DEFAULT_CATALOGUE_URL, refreshHours: 24, offline: false, sizes: {}, resolveSizes: true, registryConcurrency: 4, registryTagsPerRefresh: 64,
};

/** A whole number within [low, high], else the fallback. */
function boundedCount(value: unknown, low: number, high: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= low && value <= high ? value : fallback;
}

/** The `bitHarbor.catalog` object of the user's settings (any shape) as CatalogueSettings. */
export function readCatalogueSettings(section: unknown): CatalogueSettings {
  const raw = isObject(section) ? section : {};
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  const sizes: Record<string, string> = {};
  for (const [tag, quantity] of Object.entries(isObject(raw.sizes) ? raw.sizes : {})) {
    if (typeof quantity === 'string' || typeof quantity === 'number') sizes[tag] = String(quantity);
  }
  const hours = raw.refreshHours;
  return {
    path: text(raw.path),
    url: text(raw.url) ?? DEFAULT_CATALOGUE_URL,
    refreshHours: typeof hours === 'number' && Number.isFinite(hours) && hours >= 0 ? hours : DEFAULT_CATALOGUE_SETTINGS.refreshHours,
    offline: raw.offline === true,
    sizes,
    resolveSizes: raw.resolveSizes !== false,
    registryUrl: text(raw.registryUrl),
    registryConcurrency: boundedCount(raw.registryConcurrency, 1, 16, DEFAULT_CATALOGUE_SETTINGS.registryConcurrency),
    registryTagsPerRefresh: boundedCount(raw.registryTagsPerRefresh, 1, 1000, DEFAULT_CATALOGUE_SETTINGS.registryTagsPerRefresh),
  };
}
