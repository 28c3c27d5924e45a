// The Bit Harbor model catalogue as the engine sees it: tags, their Hugging Face repositories
// and their sizes, each size with where it came from. Immutable once built; a refresh builds a
// new one. Loading, fetching and caching live outside the engine (server/src/catalogue/).
import snapshot from './snapshot.json';

export interface ModelEntry {
  /** The image tag (models.json `name`). */
  name: string;
  /** Hugging Face model page, e.g. https://huggingface.co/google/gemma-3-12b-it */
  repo: string;
}

export type SizeSource = 'measured' | 'estimate' | 'setting' | 'catalogue' | 'registry';

export interface ModelSize {
  bytes: number;
  source: SizeSource;
  /** How the figure was found, for hovers and messages. */
  detail?: string;
}

export interface CatalogueOrigin {
  kind: 'bundled' | 'file' | 'url' | 'cache';
  /** Path or URL it was read from. */
  location?: string;
  /** When the data was fetched or read (ms since epoch); absent for the bundled snapshot. */
  fetchedAt?: number;
}

export interface CatalogueData {
  models: ModelEntry[];
  sizes: Record<string, ModelSize>;
  origin: CatalogueOrigin;
  /** Tags the registry answered do not exist (unpublished-model). */
  unpublished?: string[];
}

/** `org/name` of a Hugging Face URL or hub id, lower-cased for lookups. */
export function hubId(repoOrUrl: string): string {
  return repoOrUrl
    .trim()
    .replace(/^https?:\/\/(www\.)?huggingface\.co\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
}

export class Catalogue {
  private readonly byName: Map<string, ModelEntry>;
  private readonly byHubId: Map<string, ModelEntry>;
  private readonly unpublished: Set<string>;

  constructor(private readonly data: CatalogueData) {
    this.byName = new Map(data.models.map((m) => [m.name, m]));
    this.byHubId = new Map(data.models.map((m) => [hubId(m.repo), m]));
    this.unpublished = new Set(data.unpublished ?? []);
  }

  get origin(): CatalogueOrigin {
    return this.data.origin;
  }

  entries(): readonly ModelEntry[] {
    return this.data.models;
  }

  get(tag: string): ModelEntry | undefined {
    return this.byName.get(tag);
  }

  /** The entry whose repository is this hub id (`meta-llama/Llama-3.1-8B-Instruct`), any case. */
  byRepo(id: string): ModelEntry | undefined {
    return this.byHubId.get(hubId(id));
  }

  sizeOf(tag: string): ModelSize | undefined {
    // Own entries only: a tag may be written `constructor` or `__proto__`.
    return Object.hasOwn(this.data.sizes, tag) ? this.data.sizes[tag] : undefined;
  }

  isUnpublished(tag: string): boolean {
    return this.unpublished.has(tag);
  }

  /** The same catalogue with sizes from another source laid over (settings, registry answers). */
  withSizes(sizes: Record<string, ModelSize>): Catalogue {
    return new Catalogue({ ...this.data, sizes: { ...this.data.sizes, ...sizes } });
  }
}

interface SnapshotFile {
  commit: string;
  models: ModelEntry[];
  sizes: Record<string, { bytes: number; basis: 'measured' | 'estimate'; method: string }>;
}

/** The catalogue shipped in the package, so the first start works offline. */
export function bundledCatalogue(): Catalogue {
  const file = snapshot as SnapshotFile;
  const sizes: Record<string, ModelSize> = {};
  for (const [tag, size] of Object.entries(file.sizes)) {
    sizes[tag] = { bytes: size.bytes, source: size.basis, detail: `${size.method}, bundled table` };
  }
  return new Catalogue({
    models: file.models,
    sizes,
    origin: { kind: 'bundled', location: `bit-harbor@${file.commit.slice(0, 7)}` },
  });
}
