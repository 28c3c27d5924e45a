// Volumes and the mounts that name them, per pod: each model group, and the gateway. Hover,
// completion, navigation and rename all ask this module which volume a name means, so a name
// is matched the same way everywhere. Names are found as nodes of the text (through aliases,
// as locate() finds them), so an answer always points at something that can be edited.
import type { Document, Node } from 'yaml';
import { isPlainMap, type Values } from '../merge';
import { codeSpan } from '../model-markdown';
import type { ValuesDocument } from '../values-file';
import type { ChartId } from '../types';
import { locate, type PathSegment } from '../yaml-nodes';

export interface VolumeDeclaration {
  name: string;
  /** `emptyDir`, `image`, `persistentVolumeClaim`…, or `persistentVolume` for the chart's PVCs. */
  source: string;
  spec: Values;
  /** Path of the volume item (a `volumes` or `persistentVolumes` entry). */
  path: PathSegment[];
}

export interface VolumeMountSite {
  name: string;
  /** Who mounts it, for people (markdown): `the engine`, ``init container `fetch` ``, `the gateway`. */
  container: string;
  mountPath: string;
  subPath?: string;
  readOnly: boolean;
  /** Path of the mount item; for a persistentVolumes entry, the entry itself. */
  path: PathSegment[];
  /** A persistentVolumes entry mounts itself: its name is the declaration's own node. */
  implicit: boolean;
}

export interface VolumeScope {
  /** Path of the pod's owner: `modelGroups.<name>` or `onwards`. */
  owner: PathSegment[];
  /** `model group \`llama\``, `the gateway` (markdown). */
  label: string;
  volumes: VolumeDeclaration[];
  mounts: VolumeMountSite[];
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function gatewayScope(onwards: unknown): VolumeScope | null {
  if (!isPlainMap(onwards)) return null;
  const owner: PathSegment[] = ['onwards'];
  const volumes = list(onwards.volumes).flatMap((item, index) => {
    if (!isPlainMap(item) || typeof item.name !== 'string') return [];
    const source = Object.keys(item).find((key) => key !== 'name') ?? 'unknown';
    return [{ name: item.name, source, spec: isPlainMap(item[source]) ? item[source] : {}, path: [...owner, 'volumes', index] }];
  });
  const mounts = list(onwards.volumeMounts).flatMap((item, index) => {
    if (!isPlainMap(item) || typeof item.name !== 'string') return [];
    return [{
      name: item.name, container: 'the gateway', mountPath: typeof item.mountPath === 'string' ? item.mountPath : '',
      subPath: typeof item.subPath === 'string' ? item.subPath : undefined, readOnly: item.readOnly === true,
      path: [...owner, 'volumeMounts', index], implicit: false,
    }];
  });
  return { owner, label: 'the gateway', volumes, mounts };
}

/** Every pod's volumes and mounts in the merged values of an Inference Stack document. */
export function volumeScopes(document: Pick<ValuesDocument, 'chart' | 'merged' | 'groups'>): VolumeScope[] {
  const { chart, merged } = document;
  if (chart !== 'inference-stack') return [];
  const groups = document.groups().map((group): VolumeScope => {
    const engineMounts = group.engine.mounts.map((mount) => ({
      ...mount, container: 'the engine', implicit: mount.path.at(-2) === 'persistentVolumes',
    }));
    const initMounts = group.initContainers.flatMap((container) =>
      container.mounts.map((mount) => ({ ...mount, container: `init container ${codeSpan(container.name)}`, implicit: false })));
    return {
      owner: group.path,
      label: `model group ${codeSpan(group.name)}`,
      volumes: group.volumes.map(({ name, source, spec, path }) => ({ name, source, spec, path })),
      mounts: [...engineMounts, ...initMounts],
    };
  });
  const gateway = gatewayScope(merged.onwards);
  return gateway ? [gateway, ...groups] : groups;
}

/** The node holding the `name` of a volume or mount item, where the text writes it. */
export function nameNode(doc: Document, itemPath: readonly PathSegment[]): Node | null {
  return locate(doc, [...itemPath, 'name'])?.value ?? null;
}

export interface VolumeAt {
  scope: VolumeScope;
  name: string;
  /** The declaration when the cursor is on it, or the mount it is on. */
  site: { kind: 'declaration'; volume: VolumeDeclaration } | { kind: 'mount'; mount: VolumeMountSite };
  node: Node;
}

/**
 * The volume whose name (declared or mounted) is the node `target`, found at `textPath` in the
 * text. The pod that owns that path is asked first: in a file of a thousand groups the others
 * only matter when the name comes through an alias.
 */
export function volumeNamedBy(doc: Document, scopes: readonly VolumeScope[], target: Node, textPath: readonly PathSegment[]): VolumeAt | null {
  // Names are written under `name:` (an anchor of a name elsewhere is not followed back).
  if (textPath.at(-1) !== 'name') return null;
  const owns = (scope: VolumeScope) => scope.owner.every((segment, index) => textPath[index] === segment);
  const ordered = [...scopes.filter(owns), ...scopes.filter((scope) => !owns(scope))];
  for (const scope of ordered) {
    for (const volume of scope.volumes) {
      if (nameNode(doc, volume.path) === target) return { scope, name: volume.name, site: { kind: 'declaration', volume }, node: target };
    }
    for (const mount of scope.mounts) {
      if (!mount.implicit && nameNode(doc, mount.path) === target) return { scope, name: mount.name, site: { kind: 'mount', mount }, node: target };
    }
  }
  return null;
}

/** Every name node that refers to volume `name` of `scope`: its declaration first, then its mounts. */
export function nameNodes(doc: Document, scope: VolumeScope, name: string): { declaration: Node | null; mounts: Node[] } {
  const volume = scope.volumes.find((candidate) => candidate.name === name);
  const declaration = volume ? nameNode(doc, volume.path) : null;
  const mounts = scope.mounts
    .filter((mount) => mount.name === name && !mount.implicit)
    .flatMap((mount) => {
      const node = nameNode(doc, mount.path);
      return node ? [node] : [];
    });
  return { declaration, mounts: [...new Set(mounts)] };
}
