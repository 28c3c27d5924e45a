// Fixes for the volumes of a model group: a mount that names no volume (take a did-you-mean, or
// add the volume as an emptyDir sized for the model it receives), a weights volume the engine
// never mounts (mount it where the init container writes, and load the model from there when a
// copy fills it), and a volume nobody mounts (remove it).
import { removeListItem, replaceScalarAt } from '../edit/node-edit';
import type { GroupView, VolumeView } from '../model-groups';
import { engineModelReference, isFilledByCopy, isHubId, normalizePath } from '../rules/engine-weights';
import { weightSources } from '../rules/size-limit-too-small';
import { locate, type PathSegment } from '../yaml-nodes';
import { fixOf, stringData, stringsData, type Fix, type FixContext, type FixFinding } from './fix';
import { appendToList, groupNamed, valueAt, weightsSizeLimit } from './group-edits';
import { pointEngineAt } from './model-path';

function mountPathOf(data: Record<string, unknown>): PathSegment[] | null {
  const path = data.mount;
  return Array.isArray(path) && path.every((s) => typeof s === 'string' || typeof s === 'number') ? path : null;
}

/** The sizeLimit for a new volume that an init container fills with a Bit Harbor model, if it is one. */
function sizeLimitFor(context: FixContext, group: GroupView, volume: string): string | null {
  const source = weightSources(group, context.settings.registries)
    .find(({ container }) => container.mounts.some((m) => m.name === volume && !m.readOnly));
  return source ? weightsSizeLimit(context, source.model) : null;
}

export function volumeNotFoundFixes(context: FixContext, finding: FixFinding): Fix[] {
  const name = stringData(finding.data, 'name');
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const mount = mountPathOf(finding.data);
  // The mount must still name the missing volume (the diagnostic may predate an edit).
  if (!name || !group || !mount || valueAt(context.merged, [...mount, 'name']) !== name) return [];
  const renames = stringsData(finding.data, 'suggestions').flatMap((suggestion, index) =>
    fixOf({ title: `Change to \`${suggestion}\``, kind: 'quickfix', isPreferred: index === 0, safe: false },
      replaceScalarAt(context.doc, [...mount, 'name'], suggestion)));
  const sizeLimit = sizeLimitFor(context, group, name);
  const volume = { name, emptyDir: sizeLimit ? { sizeLimit } : {} };
  const add = fixOf({ title: `Add volume \`${name}\``, kind: 'quickfix', isPreferred: renames.length === 0, safe: false },
    appendToList(context, [...group.path, 'volumes'], [volume]));
  return [...renames, ...add];
}

export function volumeNotSharedFixes(context: FixContext, finding: FixFinding): Fix[] {
  const volume = stringData(finding.data, 'volume');
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const container = group?.initContainers.find((c) => c.name === finding.data.container);
  const mountPath = container?.mounts.find((m) => m.name === volume && !m.readOnly)?.mountPath;
  const target = group?.volumes.find((v) => v.name === volume);
  if (!group || !volume || !mountPath || !target) return [];
  // Another engine mount at that path would be rejected: mounting there is not a fix then.
  if (group.engine.mounts.some((m) => normalizePath(m.mountPath) === normalizePath(mountPath))) return [];
  const edits = appendToList(context, [...group.path, 'volumeMounts'], [{ name: volume, mountPath }]);
  // Weights a copy delivers are not found by hub id: an engine told one is pointed at them too.
  const reference = engineModelReference(group);
  const repoint = isFilledByCopy(group, target, context.settings.registries) && reference !== null && isHubId(reference.value);
  if (repoint) edits.push(...pointEngineAt(context, group, normalizePath(mountPath)).edits);
  const title = `Mount \`${volume}\` in the engine at \`${mountPath}\`${repoint ? ' and load the model from there' : ''}`;
  return fixOf({ title, kind: 'quickfix', isPreferred: true, safe: false }, edits);
}

/** The volume the finding is about: of duplicates, the one whose name it points at. */
function reportedVolume(context: FixContext, group: GroupView, name: string, at: number): VolumeView | undefined {
  const named = group.volumes.filter((v) => v.name === name && v.source !== 'persistentVolume');
  return named.find((v) => locate(context.doc, [...v.path, 'name'])?.value?.range?.[0] === at) ?? named[0];
}

export function unusedVolumeFixes(context: FixContext, finding: FixFinding): Fix[] {
  const name = stringData(finding.data, 'name');
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const volume = group && name ? reportedVolume(context, group, name, finding.range.start) : undefined;
  if (!group || !volume) return [];
  // A mount naming no volume may have meant this one (a typo): removing it is then no sure thing.
  const names = new Set(group.volumes.map((v) => v.name));
  const dangling = [group.engine, ...group.initContainers].some((c) => c.mounts.some((m) => !names.has(m.name)));
  const edits = removeListItem(context.text, context.doc, volume.path);
  return fixOf({ title: `Remove unused volume \`${name}\``, kind: 'quickfix', isPreferred: true, safe: !dangling }, edits);
}
