// Size and existence of a Bit Harbor tag, asked of the registry through the OCI distribution
// API. The sum of the layer sizes of the linux/amd64 manifest is what a node pulls, which is the
// figure a volume must hold; a 404 on the tag says the image was never pushed (models.json lists
// tags before their build succeeds).
import { OCI_TAG } from '../engine/bit-harbor';
import type { RegistryAnswer } from './cache';
import { isFailure, type GetOptions, type HttpGet } from './http';

export const DEFAULT_REGISTRY_URL = 'https://ghcr.io';
const REPOSITORY = 'doublewordai/bit-harbor';

/** Every manifest shape a tag may point at: multi-arch lists first, then single manifests. */
const MANIFEST_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export type TagLookup =
  | { published: true; bytes: number; source: 'registry'; digest?: string }
  | { published: false }
  | { reason: string };

export interface RegistryOptions {
  /** Scheme and host of the registry, e.g. https://ghcr.io (tests use a local server). */
  baseUrl?: string;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * One client per batch of questions: the anonymous pull token is fetched once and reused for the
 * batch, and nothing outlives the client.
 */
export class RegistryClient {
  private readonly baseUrl: string;
  private token: Promise<string | { reason: string }> | undefined;

  constructor(
    private readonly http: HttpGet,
    private readonly options: RegistryOptions = {},
  ) {
    this.baseUrl = (options.baseUrl ?? DEFAULT_REGISTRY_URL).replace(/\/+$/, '');
  }

  async lookup(tag: string): Promise<TagLookup> {
    // The tag goes into a URL path; only a valid tag can be asked about.
    if (!OCI_TAG.test(tag)) return { reason: `${JSON.stringify(tag)} is not a valid OCI tag` };
    this.token ??= this.fetchToken();
    const token = await this.token;
    if (typeof token !== 'string') return token;

    const top = await this.manifest(tag, token);
    if ('published' in top || 'reason' in top) return top;
    if (!Array.isArray(top.json.manifests)) return sumLayers(top.json, tag);

    // A multi-arch index: the nodes that run inference pull the linux/amd64 image.
    const entry = top.json.manifests.find(isLinuxAmd64);
    if (!entry || typeof entry.digest !== 'string') return { reason: `${tag}: the index has no linux/amd64 manifest` };
    // The digest comes from the registry's answer and goes into a URL path: only a SHA-256 digest may.
    if (!SHA256_DIGEST.test(entry.digest)) return { reason: `${tag}: the index names a linux/amd64 manifest whose digest is not a sha256 digest` };
    const platform = await this.manifest(entry.digest, token);
    if ('published' in platform) return { reason: `${tag}: the index names ${entry.digest}, which the registry does not have` };
    if ('reason' in platform) return platform;
    const size = sumLayers(platform.json, tag);
    return 'bytes' in size ? { ...size, digest: entry.digest } : size;
  }

  private async fetchToken(): Promise<string | { reason: string }> {
    // The token service is named after the registry's host: `ghcr.io` for GHCR.
    const url = `${this.baseUrl}/token?scope=repository:${REPOSITORY}:pull&service=${encodeURIComponent(hostOf(this.baseUrl))}`;
    const outcome = await this.http(url, this.limits());
    if (isFailure(outcome)) return { reason: `no anonymous pull token: ${outcome.reason}` };
    const json = parseJson(outcome.body);
    const token = json?.token ?? json?.access_token;
    return typeof token === 'string' && token !== '' ? token : { reason: `no anonymous pull token: ${url} answered without a token` };
  }

  /** The manifest or index at a tag or digest; 404 means unpublished. */
  private async manifest(reference: string, token: string): Promise<{ json: Record<string, unknown> } | { published: false } | { reason: string }> {
    const url = `${this.baseUrl}/v2/${REPOSITORY}/manifests/${reference}`;
    const outcome = await this.http(url, { ...this.limits(), headers: { accept: MANIFEST_ACCEPT, authorization: `Bearer ${token}` } });
    if (isFailure(outcome)) return outcome.status === 404 ? { published: false } : { reason: outcome.reason };
    const json = parseJson(outcome.body);
    return json ? { json } : { reason: `${url}: the manifest is not a JSON object` };
  }

  private limits(): GetOptions {
    return { timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxBytes };
  }
}

/** The only digest form asked for by URL: OCI's registered sha256 algorithm, lowercase hex. */
export const SHA256_DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Asks about `tags`, `concurrency` at a time; never rejects (lookup never does). */
export async function askRegistry(
  client: RegistryClient,
  tags: readonly string[],
  concurrency: number,
  now: () => number,
): Promise<{ answers: Record<string, RegistryAnswer>; failures: string[] }> {
  const answers: Record<string, RegistryAnswer> = {};
  const failures: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tags.length) {
      const tag = tags[next++];
      const answer = await client.lookup(tag);
      if ('reason' in answer) failures.push(answer.reason);
      else answers[tag] = answer.published ? { published: true, bytes: answer.bytes, checkedAt: now() } : { published: false, checkedAt: now() };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tags.length) }, worker));
  return { answers, failures };
}

function isLinuxAmd64(entry: unknown): entry is { digest: unknown } {
  const platform = (entry as { platform?: { os?: unknown; architecture?: unknown } } | null)?.platform;
  return platform?.os === 'linux' && platform.architecture === 'amd64';
}

function sumLayers(manifest: Record<string, unknown>, tag: string): TagLookup {
  const layers = manifest.layers;
  if (!Array.isArray(layers) || layers.length === 0) return { reason: `${tag}: the manifest lists no layers` };
  let bytes = 0;
  for (const layer of layers) {
    const size = (layer as { size?: unknown } | null)?.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return { reason: `${tag}: a layer of the manifest has no size` };
    bytes += size;
  }
  return { published: true, bytes, source: 'registry' };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url; // the GET of this URL fails with its own clear reason
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(text);
    return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
