// Bit Harbor image references: `<registry>:<tag>`, where the registry is Bit Harbor's own or a
// mirror the user listed, and the tag names a model of the catalogue.

export const BIT_HARBOR_REGISTRY = 'ghcr.io/doublewordai/bit-harbor';

/** OCI tag grammar: what a models.json `name` must be to be usable as an image tag. */
export const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

export interface BitHarborReference {
  registry: string;
  tag: string;
  /** Offset of the tag inside the reference string. */
  tagOffset: number;
  /** Set when the reference is pinned by digest (`...:tag@sha256:...` or `...@sha256:...`). */
  digest?: string;
}

/** Splits an image reference; returns null when it is not a Bit Harbor image. */
export function parseBitHarborReference(image: unknown, registries: readonly string[] = []): BitHarborReference | null {
  if (typeof image !== 'string') return null;
  const trimmed = image.trim();
  const at = trimmed.indexOf('@');
  const withoutDigest = at >= 0 ? trimmed.slice(0, at) : trimmed;
  const digest = at >= 0 ? trimmed.slice(at + 1) : undefined;
  for (const registry of [BIT_HARBOR_REGISTRY, ...registries]) {
    const base = registry.replace(/\/+$/, '');
    if (withoutDigest === base) return { registry: base, tag: '', tagOffset: base.length, digest };
    if (withoutDigest.startsWith(base + ':')) {
      return { registry: base, tag: withoutDigest.slice(base.length + 1), tagOffset: image.indexOf(base) + base.length + 1, digest };
    }
  }
  return null;
}

export function isBitHarborImage(image: unknown, registries: readonly string[] = []): boolean {
  return parseBitHarborReference(image, registries) !== null;
}
