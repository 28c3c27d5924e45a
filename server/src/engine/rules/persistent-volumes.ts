// The chart's `persistentVolumes` as the pvc-* checks read them: one PVC per entry, shared by
// every replica of the group, mounted writable in the engine container at the entry's
// `mountPath` (the chart passes name, mountPath and subPath, never readOnly: read from the
// public inference-stack templates, which reference/ does not store). Also where the engine
// keeps its model, so that the checks agree on which volume holds it.
import { isPlainMap, type Values } from '../merge';
import type { GroupView, MountView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import { engineModelReference, isAbsolutePath, isAtOrUnder, isHubId, joinPath, normalizePath, type ModelReference } from './engine-weights';
import type { RuleContext } from './rule';

export interface AccessMode {
  mode: string;
  /** The `accessModes` item. */
  path: PathSegment[];
}

export interface PersistentVolume {
  name: string;
  spec: Values;
  /** The `persistentVolumes` item. */
  path: PathSegment[];
  accessModes: AccessMode[];
}

export function persistentVolumes(group: GroupView): PersistentVolume[] {
  return group.volumes.filter((volume) => volume.source === 'persistentVolume').map((volume) => {
    const modes = Array.isArray(volume.spec.accessModes) ? volume.spec.accessModes : [];
    return {
      name: volume.name,
      spec: volume.spec,
      path: volume.path,
      accessModes: modes.flatMap((mode, index) =>
        typeof mode === 'string' ? [{ mode, path: [...volume.path, 'accessModes', index] }] : []),
    };
  });
}

export function modeOf(volume: PersistentVolume, ...modes: string[]): AccessMode | undefined {
  return volume.accessModes.find((item) => modes.includes(item.mode));
}

/** The replicas the Deployment asks for; the chart renders an unset count as none, which Kubernetes reads as 1. */
export function replicaCount(group: GroupView): number | null {
  const count = group.values.replicaCount;
  if (count === undefined || count === null) return 1;
  return typeof count === 'number' && Number.isInteger(count) ? count : null;
}

/**
 * The group's `env` entry of that name (the last, as Kubernetes keeps it), or null when unset.
 * `value` is null when the entry's value is not known here (a `valueFrom`).
 */
export function envValue(group: GroupView, name: string): { value: string | null; path: PathSegment[] } | null {
  const env = Array.isArray(group.values.env) ? group.values.env : [];
  for (let index = env.length - 1; index >= 0; index--) {
    const item: unknown = env[index];
    if (!isPlainMap(item) || item.name !== name) continue;
    // An earlier plain value does not count when a later entry overrides it.
    return { value: typeof item.value === 'string' ? item.value : null, path: [...group.path, 'env', index] };
  }
  return null;
}

/**
 * Why the engine runs as root, or null when it does not: `runAsUser` of the container, else of
 * the pod. Unset, the image decides; the engine images the chart ships (vLLM, SGLang, Triton)
 * run as root, so unset counts as root unless `runAsNonRoot: true` (an inference about those images).
 */
export function rootUser(group: GroupView): string | null {
  const container = isPlainMap(group.values.securityContext) ? group.values.securityContext : {};
  const pod = isPlainMap(group.values.podSecurityContext) ? group.values.podSecurityContext : {};
  const user = container.runAsUser ?? pod.runAsUser;
  if (user !== undefined && user !== null) return user === 0 ? 'with `runAsUser: 0`' : null;
  return (container.runAsNonRoot ?? pod.runAsNonRoot) !== true ? 'no `runAsUser`, and the engine images run as root' : null;
}

export interface ModelHome {
  /** The directory that holds the model: its cache entry or the path the engine is given. */
  dir: string;
  /** The cache directory itself (for messages), or the path the engine is given. */
  shown: string;
  /** How that directory was decided, for messages. */
  origin: string;
  /** The node that decides it (an `env` item or the model reference), or null for a default. */
  sourcePath: PathSegment[] | null;
  kind: 'hub-cache' | 'engine-path';
}

export interface GroupModel {
  /** The hub id the model is known by, or null when nothing names one. */
  hubId: string | null;
  /** Where that hub id (or the path) is written. */
  reference: ModelReference | null;
  homes: ModelHome[];
}

/** Directories the Hugging Face libraries keep downloads in: `HF_HUB_CACHE`, else `HF_HOME/hub`, else root's default; `TRANSFORMERS_CACHE` besides. */
function hubCaches(group: GroupView): Omit<ModelHome, 'kind' | 'shown'>[] {
  const usable = (name: string) => {
    const found = envValue(group, name);
    // `$(VAR)` references are expanded by Kubernetes: their value is not known here.
    return found?.value && isAbsolutePath(found.value) && !found.value.includes('$(') ? { value: found.value, path: found.path } : null;
  };
  const caches: Omit<ModelHome, 'kind' | 'shown'>[] = [];
  const hubCache = usable('HF_HUB_CACHE');
  const home = usable('HF_HOME');
  // Set to something unknown, either variable moves the cache away from the default.
  const moved = envValue(group, 'HF_HUB_CACHE') !== null || envValue(group, 'HF_HOME') !== null;
  if (hubCache) caches.push({ dir: normalizePath(hubCache.value), origin: `\`HF_HUB_CACHE=${hubCache.value}\``, sourcePath: hubCache.path });
  else if (home) caches.push({ dir: joinPath(home.value, 'hub'), origin: `\`HF_HOME=${home.value}\``, sourcePath: home.path });
  const root = moved ? null : rootUser(group);
  if (root) caches.push({ dir: '/root/.cache/huggingface/hub', origin: `root's default, ${root}`, sourcePath: null });
  const legacy = usable('TRANSFORMERS_CACHE');
  if (legacy) caches.push({ dir: normalizePath(legacy.value), origin: `\`TRANSFORMERS_CACHE=${legacy.value}\``, sourcePath: legacy.path });
  return caches;
}

/**
 * What the engine loads and where it keeps it. Told a path, it reads the model there; told a hub
 * id (`--model`, `--model-path`, `vllm serve <id>`), it downloads into the cache, in
 * `models--<org>--<name>`. Only the engine's own arguments say which model that is: `modelName`
 * is the name the gateway forwards (a served name, often not a hub id), so sizes never read it.
 */
export function groupModel(group: GroupView): GroupModel {
  const engine = engineModelReference(group);
  const reference = engine && isHubId(engine.value) ? engine : null;
  const hubId = reference?.value ?? null;
  if (engine && isAbsolutePath(engine.value)) {
    const dir = normalizePath(engine.value);
    const home: ModelHome = { dir, shown: dir, origin: `\`${engine.via} ${engine.value}\``, sourcePath: engine.path, kind: 'engine-path' };
    return { hubId, reference: reference ?? engine, homes: [home] };
  }
  const entry = hubId ? `models--${hubId.replace('/', '--')}` : null;
  const homes = hubCaches(group).map((cache): ModelHome =>
    ({ ...cache, dir: entry ? joinPath(cache.dir, entry) : cache.dir, shown: cache.dir, kind: 'hub-cache' }));
  return { hubId, reference, homes };
}

/** The engine mount whose volume receives files written at `dir`: the deepest one at or above it. */
export function mountHolding(group: GroupView, dir: string): MountView | undefined {
  let deepest: MountView | undefined;
  for (const mount of group.engine.mounts) {
    if (!isAtOrUnder(dir, mount.mountPath)) continue;
    if (!deepest || normalizePath(mount.mountPath).length > normalizePath(deepest.mountPath).length) deepest = mount;
  }
  return deepest;
}

/** Each persistent volume that holds one of the model's homes, with the home and the mount, once. */
export function volumesHoldingModel(group: GroupView, model: GroupModel): { volume: PersistentVolume; home: ModelHome; mount: MountView }[] {
  const volumes = persistentVolumes(group);
  const found = new Map<string, { volume: PersistentVolume; home: ModelHome; mount: MountView }>();
  for (const home of model.homes) {
    const mount = mountHolding(group, home.dir);
    const volume = mount && volumes.find((candidate) => candidate.name === mount.name);
    if (volume && mount && !found.has(volume.name)) found.set(volume.name, { volume, home, mount });
  }
  return [...found.values()];
}

/** A quantity as the file writes it (`3e10`, not 30000000000), else as the merged value has it. */
export function asWritten(context: RuleContext, path: PathSegment[], value: unknown): string {
  const range = context.locate(path)?.value?.range;
  return range ? context.text.slice(range[0], range[1]) : String(value);
}
