// Where a model group's weights are, and where its engine is told to look: shared by the checks
// on Bit Harbor containers, model paths and hub ids, so they agree on one reading of a group.
// The facts behind it are in shared/DOMAIN.md ("Kubernetes behaviour behind the checks").
import { parseBitHarborReference, type BitHarborReference } from '../bit-harbor';
import type { ContainerView, GroupView, MountView, VolumeView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';

const NEEDS_NORMALIZING = /(^|\/)\.\.?(\/|$)|\/\/|.\/$/;

/** A POSIX path with `.`/`..` resolved and no trailing or doubled slash; `/` stays `/`. */
export function normalizePath(path: string): string {
  // Most paths are already normal; the checks ask this thousands of times on a large file.
  if (!NEEDS_NORMALIZING.test(path)) return path;
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return (absolute ? '/' : '') + parts.join('/');
}

/** True when `path` is `base` or lies inside it. Both are normalised; relative or empty bases hold nothing. */
export function isAtOrUnder(path: string, base: string): boolean {
  const p = normalizePath(path);
  const b = normalizePath(base);
  if (!b.startsWith('/')) return false;
  return p === b || b === '/' || p.startsWith(b + '/');
}

export function joinPath(base: string, child: string): string {
  return normalizePath(`${base}/${child}`);
}

/** The Bit Harbor reference of an `image` volume, or null for any other volume. */
export function bitHarborImageVolume(volume: VolumeView | undefined, registries: readonly string[]): BitHarborReference | null {
  if (!volume || volume.source !== 'image') return null;
  return parseBitHarborReference(volume.spec.reference, registries);
}

export function isBitHarborContainer(container: ContainerView, registries: readonly string[]): boolean {
  return parseBitHarborReference(container.image, registries) !== null;
}

/** Whether the group means to load weights from Bit Harbor at all: an image in a container or a volume. */
export function involvesBitHarbor(group: GroupView, registries: readonly string[]): boolean {
  return [group.engine, ...group.initContainers].some((c) => isBitHarborContainer(c, registries))
    || group.volumes.some((v) => bitHarborImageVolume(v, registries) !== null);
}

/**
 * Init containers that could write to `volume`: not Bit Harbor images (those can run nothing but
 * /pause) and not mounting it read-only.
 */
function writers(group: GroupView, volume: VolumeView, registries: readonly string[]): ContainerView[] {
  return group.initContainers.filter((c) => !isBitHarborContainer(c, registries)
    && c.mounts.some((m) => m.name === volume.name && !m.readOnly));
}

/** An emptyDir that a copy init container fills: it mounts a Bit Harbor image volume and this one. */
export function isFilledByCopy(group: GroupView, volume: VolumeView, registries: readonly string[]): boolean {
  if (volume.source !== 'emptyDir') return false;
  return writers(group, volume, registries).some((c) =>
    c.mounts.some((m) => bitHarborImageVolume(volumeNamed(group, m.name), registries) !== null));
}

/** An emptyDir no init container can write: it is empty when the engine starts. */
export function isAlwaysEmpty(group: GroupView, volume: VolumeView, registries: readonly string[]): boolean {
  return volume.source === 'emptyDir' && writers(group, volume, registries).length === 0;
}

export function volumeNamed(group: GroupView, name: string): VolumeView | undefined {
  return group.volumes.find((v) => v.name === name);
}

export interface EngineWeights {
  /** Where the engine sees the weights, e.g. `/weights/models`. */
  path: string;
  mount: MountView;
  volume: VolumeView;
  via: 'image-volume' | 'copy';
}

/** Every place where weights reach the engine container through a volume. */
export function engineWeights(group: GroupView, registries: readonly string[]): EngineWeights[] {
  return group.engine.mounts.flatMap((mount): EngineWeights[] => {
    const volume = volumeNamed(group, mount.name);
    if (!volume) return [];
    if (bitHarborImageVolume(volume, registries)) {
      // The volume shows the image's root; the weights are in its /models directory.
      const subPath = normalizePath(mount.subPath ?? '');
      if (subPath === '') return [{ path: joinPath(mount.mountPath, 'models'), mount, volume, via: 'image-volume' }];
      if (subPath === 'models' || subPath.startsWith('models/')) return [{ path: normalizePath(mount.mountPath), mount, volume, via: 'image-volume' }];
      return [];
    }
    if (isFilledByCopy(group, volume, registries)) return [{ path: normalizePath(mount.mountPath), mount, volume, via: 'copy' }];
    return [];
  });
}

export interface ModelReference {
  /** What the engine is told: a hub id or a path. */
  value: string;
  /** Where it is written: a `command`/`args` item. */
  path: PathSegment[];
  /** How it is passed, for messages: `--model`, `--model-path`, `vllm serve`. */
  via: string;
}

const MODEL_FLAGS = ['--model', '--model-path'];

/**
 * What the engine loads: the last `--model`/`--model-path` (or `vllm serve <model>`) in its
 * command and args, as argparse keeps the last. Never `modelName`: the chart hands that only to
 * the Onwards gateway, as the model name it forwards (`onwards_model` in _helpers.tpl).
 */
export function engineModelReference(group: GroupView): ModelReference | null {
  const list = group.engineWords();
  let found: ModelReference | null = null;
  for (let i = 0; i < list.length; i++) {
    const { word, path } = list[i];
    const next = list[i + 1];
    const flag = MODEL_FLAGS.find((f) => word === f || word.startsWith(f + '='));
    if (flag && word.includes('=')) found = { value: word.slice(flag.length + 1), path, via: flag };
    else if (flag && next && !next.word.startsWith('-')) found = { value: next.word, path: next.path, via: flag };
    else if (word === 'serve' && next && !next.word.startsWith('-') && list.slice(0, i).some((w) => /(^|\/)vllm$/.test(w.word))) {
      found = { value: next.word, path: next.path, via: 'vllm serve' };
    }
  }
  return found;
}

/** `org/name` as the hub knows it: one slash, not a path, no variable. */
export function isHubId(value: string): boolean {
  return /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/.test(value) && !value.startsWith('.');
}

export function isAbsolutePath(value: string): boolean {
  return value.startsWith('/');
}
