// Client configuration -> engine settings. The `bitHarbor` section comes from the user's
// settings.json, so every field is checked rather than trusted.
import { fileURLToPath } from 'node:url';
import { MAX_GLOBS } from '../engine/glob';
import { parseKubernetesVersion } from '../engine/kubernetes/versions';
import { CHART_IDS, CLUSTER_PLATFORMS, DEFAULT_SETTINGS, type ChartId, type ClusterPlatform, type EngineSettings, type Severity } from '../engine/types';

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A list of globs from a repository's settings: at most MAX_GLOBS of them are used. */
function globArray(value: unknown): string[] {
  return stringArray(value).slice(0, MAX_GLOBS);
}

const RULE_LEVELS: readonly (Severity | 'off')[] = ['off', 'error', 'warning', 'info', 'hint'];

function ruleLevels(value: unknown): EngineSettings['rules'] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const rules: EngineSettings['rules'] = {};
  for (const [code, level] of Object.entries(value)) {
    const known = RULE_LEVELS.find((name) => name === level);
    if (known) rules[code] = known;
  }
  return rules;
}

function percent(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000 ? value : DEFAULT_SETTINGS.sizeHeadroomPercent;
}

function positiveBytes(value: unknown): number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : DEFAULT_SETTINGS.maxFileSize;
}

/**
 * Maps the `bitHarbor` configuration section (any shape, possibly null) to EngineSettings. In
 * restricted mode (an untrusted workspace) the settings whose text a fix inserts keep their
 * defaults, whoever set them: VS Code already drops workspace values of the keys listed under
 * restrictedConfigurations, and other editors may send anything.
 */
export function toEngineSettings(section: unknown, restricted = false): EngineSettings {
  const settings = (section ?? {}) as Record<string, unknown>;
  const files = settings.files as Record<string, unknown> | undefined;
  return {
    ...DEFAULT_SETTINGS,
    files: {
      inferenceStack: globArray(files?.inferenceStack),
      prePorter: globArray(files?.prePorter),
    },
    rules: ruleLevels(settings.rules),
    sizeHeadroomPercent: percent(settings.sizeHeadroomPercent),
    registries: stringArray(settings.registries),
    // `bitHarbor.inlayHints.enabled`: on unless explicitly turned off.
    inlayHints: (settings.inlayHints as { enabled?: unknown } | null | undefined)?.enabled !== false,
    gpu: restricted ? DEFAULT_SETTINGS.gpu : gpuTargeting(settings.gpu),
    // From a repository's settings too: bounded like globs (a label key is at most 317 characters).
    gpuNodeLabels: stringArray(settings.gpuNodeLabels).slice(0, MAX_GLOBS).filter((key) => key.length <= 317),
    // Helm allows at most 53 characters; anything else is no release name.
    releaseName: typeof settings.releaseName === 'string' && settings.releaseName.length <= 53 ? settings.releaseName.trim() : '',
    platform: clusterPlatform((settings.cluster as { platform?: unknown } | null | undefined)?.platform),
    kubernetesVersion: kubernetesVersion((settings.cluster as { kubernetesVersion?: unknown } | null | undefined)?.kubernetesVersion),
    copyImage: !restricted && typeof settings.copyImage === 'string' && settings.copyImage.trim() !== '' ? settings.copyImage.trim() : DEFAULT_SETTINGS.copyImage,
    layers: layerGlobs(settings.layers),
    chartNames: chartNames(settings.chartNames),
    maxFileSize: positiveBytes(settings.maxFileSize),
  };
}

/** `bitHarbor.chartNames`: name -> one of our charts; other entries are left out, at most MAX_GLOBS kept. */
function chartNames(value: unknown): Record<string, ChartId> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const entries = Object.entries(value as Record<string, unknown>)
    .filter((entry): entry is [string, ChartId] => entry[0].length <= 512 && CHART_IDS.includes(entry[1] as ChartId))
    .slice(0, MAX_GLOBS);
  // A null prototype: a chart named `__proto__` or `constructor` is only a name.
  return Object.assign(Object.create(null) as Record<string, ChartId>, Object.fromEntries(entries));
}

/** `bitHarbor.cluster.kubernetesVersion`: kept only when it reads as a version. */
function kubernetesVersion(value: unknown): string {
  return typeof value === 'string' && parseKubernetesVersion(value) ? value.trim() : '';
}

function clusterPlatform(value: unknown): ClusterPlatform {
  return CLUSTER_PLATFORMS.find((platform) => platform === value) ?? DEFAULT_SETTINGS.platform;
}

/** `bitHarbor.layers`: a list of glob lists; anything else in it is left out. */
function layerGlobs(value: unknown): string[][] {
  return Array.isArray(value) ? value.slice(0, MAX_GLOBS).map(globArray).filter((globs) => globs.length > 1) : [];
}

/** `bitHarbor.gpu`: each half falls back to the default on its own when absent or malformed. */
function gpuTargeting(value: unknown): EngineSettings['gpu'] {
  const gpu = (value ?? {}) as Record<string, unknown>;
  const selector = gpu.nodeSelector;
  const labels = selector !== null && typeof selector === 'object' && !Array.isArray(selector)
    && Object.values(selector).every((label) => typeof label === 'string')
    ? (selector as Record<string, string>) : DEFAULT_SETTINGS.gpu.nodeSelector;
  const tolerations = Array.isArray(gpu.tolerations) && gpu.tolerations.every((t) => t !== null && typeof t === 'object' && !Array.isArray(t))
    ? (gpu.tolerations as Record<string, unknown>[]) : DEFAULT_SETTINGS.gpu.tolerations;
  return { nodeSelector: labels, tolerations };
}

export function sameSettings(a: EngineSettings, b: EngineSettings): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The path the engine matches globs against: the file system path for file: URIs, the URI's
 * path otherwise (untitled:Untitled-1 -> Untitled-1).
 */
export function documentPath(uri: string): string {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return uri;
  }
  if (url.protocol === 'file:') {
    try {
      return fileURLToPath(url);
    } catch {
      // e.g. a UNC host on a POSIX system: fall through to the plain path.
    }
  }
  try {
    return decodeURIComponent(url.pathname);
  } catch {
    return url.pathname;
  }
}
