// Read-only views of Inference Stack model groups, read from the pod the chart renders for each
// (render/), so that every check sees containers, mounts and volumes as Kubernetes receives them.
// Paths point back into the values tree, for rangeFor() to find the node to report on.
import { isPlainMap, type Values } from './merge';
import { field, isEmpty } from './render/helm';
import { groupOwnObjects, renderGroupDeployment } from './render/inference-stack-group';
import { checkRendered, type ObjectValidator, type RenderedCheck } from './render/kubernetes-types';
import { ValuesReader, type RenderedDocument } from './render/provenance';
import { releaseContext, type ReleaseContext } from './render/release';
import type { PathSegment } from './yaml-nodes';

export interface MountView {
  name: string;
  mountPath: string;
  subPath?: string;
  readOnly: boolean;
  path: PathSegment[];
}

export interface ContainerView {
  kind: 'engine' | 'init';
  name: string;
  image: string | undefined;
  command: string[];
  args: string[];
  mounts: MountView[];
  /** Path of the container (the group for the engine, the list item for an init container). */
  path: PathSegment[];
  values: Values;
}

export interface VolumeView {
  name: string;
  /** The volume source key (`emptyDir`, `image`, ...), or `persistentVolume` for the chart's PVCs. */
  source: string;
  spec: Values;
  path: PathSegment[];
}

/** A word of the engine's command or args, with the list item it came from. */
export interface EngineWord {
  word: string;
  path: PathSegment[];
}

export interface GroupView {
  /**
   * The words of the engine's `command` then `args` (a `sh -c` string split), read once per
   * view: several checks ask, and a view outlives the versions that leave its group alone.
   */
  engineWords(): readonly EngineWord[];
  /**
   * The Kubernetes issues of the group's own objects (render/kubernetes-types.ts), checked once
   * per view with the engine's validator: a view kept across versions keeps them.
   */
  kubernetesCheck(validate: ObjectValidator): RenderedCheck;
  name: string;
  enabled: boolean;
  values: Values;
  /** The pod spec deployment.yaml renders for the group (node targeting, containers as Kubernetes gets them). */
  pod: Values;
  path: PathSegment[];
  engine: ContainerView;
  initContainers: ContainerView[];
  volumes: VolumeView[];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] {
  return list(value).filter((item) => typeof item === 'string' || typeof item === 'number').map(String);
}

/**
 * The values path an item of a rendered list came from: a copied item's own (`toYaml`), or, for
 * an item the template writes from a `persistentVolumes` entry, that entry (its `name`'s parent).
 */
function itemOrigin(deployment: RenderedDocument, at: PathSegment[]): PathSegment[] | null {
  const own = deployment.origins.of(at);
  if (own.kind === 'values') return own.path;
  const name = deployment.origins.of([...at, 'name']);
  return name.kind === 'values' ? name.path.slice(0, -1) : null;
}

function mounts(deployment: RenderedDocument, at: PathSegment[], value: unknown): MountView[] {
  return list(value).flatMap((item, index) => {
    const path = itemOrigin(deployment, [...at, index]);
    if (!isPlainMap(item) || typeof item.name !== 'string' || typeof item.mountPath !== 'string' || !path) return [];
    return [{ name: item.name, mountPath: item.mountPath, subPath: typeof item.subPath === 'string' ? item.subPath : undefined, readOnly: item.readOnly === true, path }];
  });
}

/** The release the views render in: copies share the values' objects (ValuesReader.shareCopies). */
function viewContext(values: Values): ReleaseContext {
  const release = releaseContext('inference-stack', values);
  return { ...release, values: new ValuesReader(values, undefined, true) };
}

function commandWords(group: Values, path: PathSegment[]): EngineWord[] {
  return (['command', 'args'] as const).flatMap((key) => list(group[key]).flatMap((item, index) => {
    if (typeof item !== 'string' && typeof item !== 'number') return [];
    return String(item).split(/\s+/).filter(Boolean).map((word) => ({ word: word.replace(/^["']+|["']+$/g, ''), path: [...path, key, index] }));
  }));
}

const VOLUME_SOURCES_IGNORED = new Set(['name']);
const POD: PathSegment[] = ['spec', 'template', 'spec'];

/**
 * A group's view, read from the Deployment the chart renders for it (deployment.yaml): the
 * `persistentVolumes` volumes and mounts come first, then `volumes` and `volumeMounts`, as the
 * template writes them, and each item knows the values entry it came from.
 */
function groupView(name: string, group: Values, release: ReleaseContext): GroupView {
  const path: PathSegment[] = ['modelGroups', name];
  const deployment = renderGroupDeployment(name, group, release);
  const pod = field(field(deployment.object.spec, 'template'), 'spec');
  const [engine] = list(field(pod, 'containers'));
  const image = isPlainMap(group.image) && typeof group.image.repository === 'string' && typeof field(engine, 'image') === 'string'
    ? (field(engine, 'image') as string) : undefined;
  const containersAt: PathSegment[] = [...POD, 'containers', 0];
  let words: EngineWord[] | undefined;
  let checked: RenderedCheck | undefined;
  return {
    engineWords: () => (words ??= commandWords(group, path)),
    kubernetesCheck: (validate) => (checked ??= checkRendered(groupOwnObjects(name, group, release, deployment), validate)),
    name,
    // deployment.yaml: `{{- if $group.enabled }}`, Helm's truth (`enabled: "false"` is a non-empty string, and renders).
    enabled: !isEmpty(group.enabled),
    values: group,
    pod: isPlainMap(pod) ? pod : {},
    path,
    engine: {
      kind: 'engine', name, image, command: strings(field(engine, 'command')), args: strings(field(engine, 'args')),
      mounts: mounts(deployment, [...containersAt, 'volumeMounts'], field(engine, 'volumeMounts')), path, values: group,
    },
    initContainers: list(field(pod, 'initContainers')).flatMap((item, index) => {
      const containerPath = itemOrigin(deployment, [...POD, 'initContainers', index]);
      if (!isPlainMap(item) || !containerPath) return [];
      return [{
        kind: 'init' as const,
        name: typeof item.name === 'string' ? item.name : `initContainers[${index}]`,
        image: typeof item.image === 'string' ? item.image : undefined,
        command: strings(item.command),
        args: strings(item.args),
        mounts: mounts(deployment, [...POD, 'initContainers', index, 'volumeMounts'], item.volumeMounts),
        path: containerPath,
        values: item,
      }];
    }),
    volumes: list(field(pod, 'volumes')).flatMap((item, index): VolumeView[] => {
      const volumePath = itemOrigin(deployment, [...POD, 'volumes', index]);
      if (!isPlainMap(item) || typeof item.name !== 'string' || !volumePath) return [];
      // A claim the chart makes from a `persistentVolumes` entry: the checks read the entry (size, access modes).
      if (volumePath.at(-2) === 'persistentVolumes') {
        const key = volumePath.at(-1)!;
        const entry = typeof key === 'number' ? list(group.persistentVolumes)[key] : field(group.persistentVolumes, key);
        return [{ name: item.name, source: 'persistentVolume', spec: isPlainMap(entry) ? entry : {}, path: volumePath }];
      }
      const source = Object.keys(item).find((key) => !VOLUME_SOURCES_IGNORED.has(key)) ?? 'unknown';
      return [{ name: item.name, source, spec: isPlainMap(item[source]) ? (item[source] as Values) : {}, path: volumePath }];
    }),
  };
}

/** Views of a document's last full check, by group name, with the written group values each came from. */
export type KeptViews = Map<string, { written: unknown; fullname: string; view: GroupView }>;

/**
 * Views kept across versions: a view is a function of the group's name, its merged values (a
 * function of its written values: the chart's defaults are fixed) and the release's fullname
 * (the pod's service account is named after it): the same written object and fullname, the same view.
 */
export interface ViewReuse {
  /** The document's written values (before the chart's defaults). */
  written: Values;
  kept: KeptViews;
}

/** Every model group of the merged values, enabled or not, in file order; those named in `only` when given. */
export function modelGroups(values: Values, only?: ReadonlySet<string>, reuse?: ViewReuse): GroupView[] {
  const groups = values.modelGroups;
  if (!isPlainMap(groups)) return [];
  const release = viewContext(values);
  const written = reuse && isPlainMap(reuse.written.modelGroups) ? reuse.written.modelGroups : null;
  const kept: KeptViews = new Map();
  const views = Object.entries(groups).flatMap(([name, group]) => {
    if (!isPlainMap(group) || (only && !only.has(name))) return [];
    const own = written && Object.prototype.hasOwnProperty.call(written, name) ? written[name] : undefined;
    const before = own !== undefined ? reuse!.kept.get(name) : undefined;
    const view = before && before.written === own && before.fullname === release.fullname ? before.view : groupView(name, group, release);
    if (own !== undefined) kept.set(name, { written: own, fullname: release.fullname, view });
    return [view];
  });
  if (reuse && !only) {
    reuse.kept.clear();
    for (const [name, entry] of kept) reuse.kept.set(name, entry);
  }
  return views;
}

/** Group `name` of the merged values, enabled or not (only its pod is rendered). */
export function modelGroup(values: Values, name: string): GroupView | undefined {
  const groups = values.modelGroups;
  const group = isPlainMap(groups) && Object.prototype.hasOwnProperty.call(groups, name) ? groups[name] : undefined;
  return isPlainMap(group) ? groupView(name, group, viewContext(values)) : undefined;
}

/** Group `name` of the merged values, when Helm renders it: the one group an edit re-checks. */
export function enabledGroup(values: Values, name: string): GroupView[] {
  const view = modelGroup(values, name);
  return view?.enabled ? [view] : [];
}

/** The name and values of each group Helm renders, without building views (for checks across groups). */
export function enabledGroupValues(values: Values): { name: string; values: Values; path: PathSegment[] }[] {
  const groups = values.modelGroups;
  if (!isPlainMap(groups)) return [];
  return Object.entries(groups).flatMap(([name, group]) =>
    isPlainMap(group) && !isEmpty(group.enabled) ? [{ name, values: group, path: ['modelGroups', name] as PathSegment[] }] : []);
}

/** The groups Helm renders. */
export function enabledGroups(values: Values): GroupView[] {
  return modelGroups(values).filter((group) => group.enabled);
}
