// weights-shadowed / init-cannot-run / weights-unreachable: a Bit Harbor image run as an init
// container delivers nothing (FROM scratch: the weights in /models, only /pause to run). Two
// rewrites into the recipes that work (shared/DOMAIN.md): (a) the image as an image volume the
// engine mounts with `subPath: models`, zero copy and read-only; (b) the same image volume copied
// into the group's existing emptyDir by a small init container with a shell, for an engine
// that writes next to its weights.
import { removeListItem, removeMapEntry, replaceListItem, replaceMapValue } from '../edit/node-edit';
import { imageVolumeSubPath, imageVolumeSupport, parseKubernetesVersion } from '../kubernetes/versions';
import { ensureMapEntries, walk } from '../edit/yaml-edit';
import type { TextEdit } from '../edit/yaml-edit';
import type { ContainerView, GroupView, VolumeView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import { engineModelReference, isAbsolutePath, isAtOrUnder, normalizePath, volumeNamed } from '../rules/engine-weights';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { appendToList, freshName, groupNamed, setEntries } from './group-edits';
import { pointEngineAt } from './model-path';

const ZERO_COPY = 'Mount the Bit Harbor image as a volume (zero copy, read-only; Kubernetes 1.33+, on by default from 1.35)';
const WRITABLE_COPY = 'Copy the weights into the emptyDir with a busybox init container (Kubernetes 1.33+ image volumes)';
/** Where the copy container sees the image volume. */
const SOURCE_MOUNT = '/bit-harbor';

interface Situation {
  group: GroupView;
  container: ContainerView;
  /** The image as written, so a mirror registry or a digest survives the rewrite. */
  image: string;
  /** The emptyDir the container was meant to fill, when only it mounts that one. */
  emptyDir: VolumeView | undefined;
  /** Other volumes only this container mounts: unused once it is gone. */
  orphans: VolumeView[];
}

function situation(context: FixContext, finding: FixFinding): Situation | null {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const index = finding.data.containerIndex;
  const container = group?.initContainers.find((c) => c.path[c.path.length - 1] === index && c.name === finding.data.container);
  if (!group || finding.data.kind !== 'init' || !container || typeof container.image !== 'string') return null;
  const others = group.initContainers.filter((c) => c !== container);
  const emptyDir = container.mounts
    .filter((m) => !m.readOnly && !others.some((c) => c.mounts.some((o) => o.name === m.name)))
    .map((m) => volumeNamed(group, m.name))
    .find((v) => v?.source === 'emptyDir');
  const elsewhere = new Set([group.engine, ...others].flatMap((c) => c.mounts.map((m) => m.name)));
  const orphans = [...new Set(container.mounts.map((m) => m.name))]
    .map((name) => volumeNamed(group, name))
    .filter((v): v is VolumeView => v !== undefined && v !== emptyDir && v.source !== 'persistentVolume' && !elsewhere.has(v.name));
  return { group, container, image: container.image.trim(), emptyDir, orphans };
}

/**
 * All the parts' edits, or none when a part that the rewrite needs cannot be written (an alias,
 * or a layout the edit helpers do not trust in a file with syntax errors).
 */
function whole(...parts: TextEdit[][]): TextEdit[] {
  return parts.some((part) => part.length === 0) ? [] : parts.flat();
}

/** Edits that make the engine read `path`, unless it already reads there or a path below. */
function engineReads(context: FixContext, group: GroupView, path: string): TextEdit[] {
  const reference = engineModelReference(group);
  if (reference && isAbsolutePath(reference.value) && isAtOrUnder(reference.value, path)) return [];
  return pointEngineAt(context, group, path).edits;
}

/** A rewrite's title, saying so when it also changes what the engine reads (a fix does only what its title says). */
function titled(title: string, engineEdits: readonly TextEdit[], path: string): string {
  return engineEdits.length === 0 ? title : `${title}, and point the engine at \`${path}\``;
}

/**
 * The container at `path` given these entries (replaced where written, added where not) and
 * without `drop`: every other key it has (resources, securityContext, env...) stays as written.
 */
function rewriteContainer(context: FixContext, path: readonly PathSegment[], entries: Record<string, unknown>, drop: readonly string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const missing: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    if (walk(context.doc, [...path, key]).depth < path.length + 1) missing[key] = value;
    else if (!appendRequired(edits, replaceMapValue(context.text, context.doc, [...path, key], value))) return [];
  }
  if (Object.keys(missing).length > 0 && !appendRequired(edits, ensureMapEntries(context.text, context.doc, path, missing))) return [];
  for (const key of drop) {
    if (walk(context.doc, [...path, key]).depth === path.length + 1 && !appendRequired(edits, removeMapEntry(context.text, context.doc, [...path, key]))) return [];
  }
  return edits;
}

/** Adds a part the rewrite needs to `edits`; false when it cannot be written. */
function appendRequired(edits: TextEdit[], part: TextEdit[]): boolean {
  edits.push(...part);
  return part.length > 0;
}

function removeAll(context: FixContext, volumes: readonly VolumeView[]): TextEdit[] {
  return volumes.flatMap((volume) => removeListItem(context.text, context.doc, volume.path));
}

/** (a) Image volume mounted by the engine at the path it reads (or /models/<tag>), the init container gone. */
function zeroCopy(context: FixContext, s: Situation, tag: string): Fix[] {
  const { group, container } = s;
  const reference = engineModelReference(group);
  const target = reference && isAbsolutePath(reference.value) ? normalizePath(reference.value) : `/models/${tag || 'weights'}`;
  // The volume the container could never fill becomes the image volume, under the same name.
  const slot = s.emptyDir ?? s.orphans[0];
  const own = slot ? group.engine.mounts.filter((m) => m.name === slot.name && m.path.includes('volumeMounts')) : [];
  if (group.engine.mounts.some((m) => !own.includes(m) && normalizePath(m.mountPath) === target)) return [];
  const name = slot?.name ?? freshName('weights', group.volumes.map((v) => v.name));
  const volume = { name, image: { reference: s.image } };
  const mount = { mountPath: target, subPath: 'models', readOnly: true } as const;
  const [first, ...extra] = own;
  const edits = whole(
    removeListItem(context.text, context.doc, container.path),
    slot ? replaceListItem(context.text, context.doc, slot.path, volume) : appendToList(context, [...group.path, 'volumes'], [volume]),
  );
  if (edits.length === 0) return [];
  edits.push(...removeAll(context, s.orphans.filter((v) => v !== slot)));
  if (first) edits.push(...setEntries(context, first.path, mount), ...extra.flatMap((m) => removeListItem(context.text, context.doc, m.path)));
  else if (!appendRequired(edits, appendToList(context, [...group.path, 'volumeMounts'], [{ name, ...mount }]))) return [];
  const engineEdits = engineReads(context, group, target);
  edits.push(...engineEdits);
  return fixOf({ title: titled(ZERO_COPY, engineEdits, target), kind: 'quickfix', safe: false }, edits);
}

/**
 * (b) The init container rewritten in place into one that copies the image volume's models/ into
 * the emptyDir: its image, command and mounts replaced, its `args` (meant for the old image)
 * dropped; its name, resources, securityContext, env and anything else kept.
 */
function writableCopy(context: FixContext, s: Situation): Fix[] {
  const { group, container, emptyDir } = s;
  if (!emptyDir) return [];
  const into = normalizePath(container.mounts.find((m) => m.name === emptyDir.name)!.mountPath);
  const engineMount = group.engine.mounts.find((m) => m.name === emptyDir.name);
  if (!engineMount && group.engine.mounts.some((m) => normalizePath(m.mountPath) === into)) return [];
  const source = isAtOrUnder(into, SOURCE_MOUNT) || isAtOrUnder(SOURCE_MOUNT, into) ? '/bit-harbor-image' : SOURCE_MOUNT;
  const volume = freshName('bit-harbor', group.volumes.map((v) => v.name));
  const copier = {
    image: context.settings.copyImage,
    command: ['sh', '-c', `cp -a ${source}/models/. ${into.replace(/\/$/, '')}/`],
    volumeMounts: [{ name: volume, mountPath: source, readOnly: true }, { name: emptyDir.name, mountPath: into }],
  };
  const edits = whole(
    rewriteContainer(context, container.path, copier, ['args']),
    appendToList(context, [...group.path, 'volumes'], [{ name: volume, image: { reference: s.image } }]),
  );
  if (edits.length === 0) return [];
  edits.push(...removeAll(context, s.orphans));
  if (!engineMount && !appendRequired(edits, appendToList(context, [...group.path, 'volumeMounts'], [{ name: emptyDir.name, mountPath: into }]))) return [];
  const reads = normalizePath(engineMount?.mountPath ?? into);
  const engineEdits = engineReads(context, group, reads);
  edits.push(...engineEdits);
  return fixOf({ title: titled(WRITABLE_COPY, engineEdits, reads), kind: 'quickfix', safe: false }, edits);
}

export function bitHarborContainerFixes(context: FixContext, finding: FixFinding): Fix[] {
  const found = situation(context, finding);
  if (!found) return [];
  const tag = stringData(finding.data, 'tag') ?? '';
  // Both recipes read the image through an image volume; the zero-copy one mounts it with
  // subPath. A cluster known not to give these gets neither (image-volume-unavailable).
  const version = parseKubernetesVersion(context.settings.kubernetesVersion);
  if (version && imageVolumeSupport(version) === 'none') return [];
  return [...(version && !imageVolumeSubPath(version) ? [] : zeroCopy(context, found, tag)), ...writableCopy(context, found)];
}
