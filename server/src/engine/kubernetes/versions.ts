// What a cluster's Kubernetes version allows, for the settings `bitHarbor.cluster.kubernetesVersion`
// and `--kubernetes-version`. Image volumes (KEP-4639): alpha in 1.31, beta but off by default in
// 1.33 and 1.34 (the `ImageVolume` feature gate), on by default from 1.35; `subPath` on an image
// volume's mount from 1.33 (DOMAIN.md, "Recipes that do deliver the weights").

export interface KubernetesVersion {
  major: number;
  minor: number;
}

/** `1.32`, `v1.32.4`, `1.33.0-gke.1` -> 1.32 / 1.33; anything else is no version (nothing is assumed). */
export function parseKubernetesVersion(text: string): KubernetesVersion | null {
  const match = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d{1,6})?(?:[-+][0-9A-Za-z.+-]{0,64})?$/.exec(text.trim());
  return match ? { major: Number(match[1]), minor: Number(match[2]) } : null;
}

export function formatKubernetesVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

function atLeast(version: KubernetesVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}

/** `none`: the API has no image volumes; `gate`: they need the ImageVolume feature gate; `default`: on. */
export function imageVolumeSupport(version: KubernetesVersion): 'none' | 'gate' | 'default' {
  if (atLeast(version, 35)) return 'default';
  return atLeast(version, 31) ? 'gate' : 'none';
}

/** Whether a mount of an image volume may use `subPath`. */
export function imageVolumeSubPath(version: KubernetesVersion): boolean {
  return atLeast(version, 33);
}
