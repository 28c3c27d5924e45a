// Read-only views of Inference Stack model groups over the merged values, so that every check
// sees containers, mounts and volumes the same way. Paths point back into the values tree, for
// rangeFor() to find the node to report on.
import { isPlainMap, type Values } from './merge';
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

export interface GroupView {
  name: string;
  enabled: boolean;
  values: Values;
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

function mounts(value: unknown, path: PathSegment[]): MountView[] {
  return list(value).flatMap((item, index) => {
    if (!isPlainMap(item) || typeof item.name !== 'string' || typeof item.mountPath !== 'string') return [];
    return [{
      name: item.name,
      mountPath: item.mountPath,
      subPath: typeof item.subPath === 'string' ? item.subPath : undefined,
      readOnly: item.readOnly === true,
      path: [...path, index],
    }];
  });
}

const VOLUME_SOURCES_IGNORED = new Set(['name']);

function groupView(name: string, group: Values): GroupView {
  const path: PathSegment[] = ['modelGroups', name];
  // The chart makes a PVC per persistentVolumes entry and mounts it in the engine container
  // at its mountPath (inferred from CHARTS.md; the templates are not in reference/).
  const persistent = list(group.persistentVolumes).flatMap((item, index) =>
    isPlainMap(item) && typeof item.name === 'string' ? [{ item, index, name: item.name }] : []);
  const engineMounts = [
    ...mounts(group.volumeMounts, [...path, 'volumeMounts']),
    ...persistent.flatMap(({ item, index, name: volume }) => typeof item.mountPath === 'string'
      ? [{ name: volume, mountPath: item.mountPath, subPath: typeof item.subPath === 'string' ? item.subPath : undefined,
          readOnly: false, path: [...path, 'persistentVolumes', index] as PathSegment[] }]
      : []),
  ];
  const image = isPlainMap(group.image) && typeof group.image.repository === 'string'
    ? `${group.image.repository}${group.image.tag ? ':' + String(group.image.tag) : ''}` : undefined;
  return {
    name,
    enabled: group.enabled === true,
    values: group,
    path,
    engine: { kind: 'engine', name, image, command: strings(group.command), args: strings(group.args), mounts: engineMounts, path, values: group },
    initContainers: list(group.initContainers).flatMap((item, index) => {
      if (!isPlainMap(item)) return [];
      const containerPath: PathSegment[] = [...path, 'initContainers', index];
      return [{
        kind: 'init' as const,
        name: typeof item.name === 'string' ? item.name : `initContainers[${index}]`,
        image: typeof item.image === 'string' ? item.image : undefined,
        command: strings(item.command),
        args: strings(item.args),
        mounts: mounts(item.volumeMounts, [...containerPath, 'volumeMounts']),
        path: containerPath,
        values: item,
      }];
    }),
    volumes: [
      ...list(group.volumes).flatMap((item, index) => {
        if (!isPlainMap(item) || typeof item.name !== 'string') return [];
        const source = Object.keys(item).find((key) => !VOLUME_SOURCES_IGNORED.has(key)) ?? 'unknown';
        const spec = isPlainMap(item[source]) ? (item[source] as Values) : {};
        return [{ name: item.name, source, spec, path: [...path, 'volumes', index] }];
      }),
      ...persistent.map(({ item, index, name: volume }) => ({
        name: volume, source: 'persistentVolume', spec: item, path: [...path, 'persistentVolumes', index] as PathSegment[],
      })),
    ],
  };
}

/** Every model group of the merged values, enabled or not, in file order; those named in `only` when given. */
export function modelGroups(values: Values, only?: ReadonlySet<string>): GroupView[] {
  const groups = values.modelGroups;
  if (!isPlainMap(groups)) return [];
  return Object.entries(groups).flatMap(([name, group]) => (isPlainMap(group) && (!only || only.has(name)) ? [groupView(name, group)] : []));
}

/** Group `name` of the merged values, when Helm renders it: the one group an edit re-checks. */
export function enabledGroup(values: Values, name: string): GroupView[] {
  const groups = values.modelGroups;
  const group = isPlainMap(groups) && Object.prototype.hasOwnProperty.call(groups, name) ? groups[name] : undefined;
  return isPlainMap(group) && group.enabled === true ? [groupView(name, group)] : [];
}

/** The name and values of each group Helm renders, without building views (for checks across groups). */
export function enabledGroupValues(values: Values): { name: string; values: Values; path: PathSegment[] }[] {
  const groups = values.modelGroups;
  if (!isPlainMap(groups)) return [];
  return Object.entries(groups).flatMap(([name, group]) =>
    isPlainMap(group) && group.enabled === true ? [{ name, values: group, path: ['modelGroups', name] as PathSegment[] }] : []);
}

/** The groups Helm renders. */
export function enabledGroups(values: Values): GroupView[] {
  return modelGroups(values).filter((group) => group.enabled);
}
