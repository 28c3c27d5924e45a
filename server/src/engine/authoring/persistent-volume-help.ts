// Authoring help for a model group's `persistentVolumes`: what the chart makes of an entry (the
// claim's name, what its access mode means for the group) and the model it is expected to hold,
// read the way the pvc-* checks read it; and the paths where the engine keeps its model, for
// completing a `mountPath`.
import type { Catalogue } from '../catalogue/catalogue';
import type { Values } from '../merge';
import { codeSpan } from '../model-markdown';
import type { GroupView } from '../model-groups';
import { formatGiB } from '../quantity';
import { envValue, groupModel, persistentVolumes, rootUser, volumesHoldingModel, type PersistentVolume } from '../rules/persistent-volumes';
import { isAbsolutePath } from '../rules/engine-weights';
import { modelRoom } from '../rules/size-limit-too-small';
import type { EngineSettings } from '../types';

/** What each access mode means for a group whose pods all mount the one claim, in one line (in the schema's order). */
export const ACCESS_MODE_CONSEQUENCES: Readonly<Record<string, string>> = {
  ReadWriteOnce: 'one node at a time: every replica runs on that node, and a rolling update\'s new pod on another node waits for the old one to let go.',
  ReadOnlyMany: 'every node, read-only: it must be filled before the engine starts, since the engine cannot download into it.',
  ReadWriteMany: 'every node, read-write: replicas share one cache, and on an empty volume their first downloads race.',
  ReadWriteOncePod: 'one pod at a time: a second replica, or a rolling update\'s new pod, never starts while another holds it.',
};

/**
 * The claim's name with the release as a placeholder: `<fullname>-<group>-<name>` (CHARTS.md),
 * where the fullname is Helm's usual one: `fullnameOverride`, else `<release>-<nameOverride or
 * chart name>`. The release is no part of the values, and the helper's shortcut (a release name
 * that contains the chart's name is the fullname alone) depends on it: stated, not applied.
 */
export function claimName(merged: Values, group: string, volume: string): { name: string; chartName: string | null } {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const override = text(merged.fullnameOverride);
  const chartName = override ? null : text(merged.nameOverride) || 'inference-stack';
  return { name: `${override || `<release>-${chartName}`}-${group}-${volume}`, chartName };
}

function modeLine(volume: PersistentVolume): string {
  if (volume.accessModes.length === 0) return 'No `accessModes` written: pvc.yaml then writes none, and Kubernetes rejects a claim without one.';
  const modes = volume.accessModes.map((item) => item.mode);
  // A claim that lists ReadWriteMany binds only to a volume offering it: that mode decides.
  const decisive = modes.includes('ReadWriteMany') ? 'ReadWriteMany' : modes[0];
  const consequence = ACCESS_MODE_CONSEQUENCES[decisive];
  return consequence ? `${modes.map(codeSpan).join(', ')}: the claim attaches to ${consequence}` : `${modes.map(codeSpan).join(', ')}: not an access mode Kubernetes knows.`;
}

function modelLine(group: GroupView, volume: PersistentVolume, catalogue: Catalogue, settings: EngineSettings): string {
  const model = groupModel(group);
  const held = volumesHoldingModel(group, model).find((candidate) => candidate.volume.name === volume.name);
  if (!held) {
    const homes = model.homes.map((home) => codeSpan(home.shown));
    return homes.length > 0
      ? `Does not hold the engine's model: it lives under ${homes.join(' or ')}.`
      : 'Where the engine keeps its model is not known here (a non-root user without a cache in `env`).';
  }
  const where = held.home.kind === 'engine-path' ? `at the path the engine loads (${held.home.origin})` : `in the Hugging Face cache ${codeSpan(held.home.shown)} (${held.home.origin})`;
  if (!model.hubId) return `Holds the engine's model ${where}; no hub id names it, so its size is unknown.`;
  const entry = catalogue.byRepo(model.hubId);
  const size = entry ? catalogue.sizeOf(entry.name) : undefined;
  if (!entry || !size || !(size.bytes > 0)) return `Expected to hold ${codeSpan(model.hubId)} ${where}; its size is unknown to the catalogue.`;
  const room = modelRoom(size.bytes, settings);
  return `Expected to hold ${codeSpan(model.hubId)} ${where}: ${codeSpan(entry.name)} is ${formatGiB(size.bytes)} (${size.source}), `
    + `so with ${room.percent}% headroom the claim needs at least ${codeSpan(room.minimum)}.`;
}

/** The hover lines for the persistentVolumes entry at `index` of `group`, or null when there is none. */
export function persistentVolumeLines(merged: Values, group: GroupView, index: number, catalogue: Catalogue, settings: EngineSettings): string[] | null {
  const volume = persistentVolumes(group).find((candidate) => candidate.path[3] === index);
  if (!volume) return null;
  const { name, chartName } = claimName(merged, group.name, volume.name);
  // Helm's usual fullname helper takes a release name that already contains the chart's name as is.
  const shortcut = chartName ? ` (a release whose name contains ${codeSpan(chartName)} is the whole ${codeSpan(`<release>-${chartName}`)} part)` : '';
  return [
    `PersistentVolumeClaim ${codeSpan(name)}${shortcut}: one claim, shared by every pod of the group.`,
    '',
    modeLine(volume),
    '',
    modelLine(group, volume, catalogue, settings),
  ];
}

export interface CachePath {
  path: string;
  why: string;
}

/**
 * Where a volume should be mounted to hold the group's model: the cache directory from `env`
 * (`HF_HOME`, `HF_HUB_CACHE`, `TRANSFORMERS_CACHE`), else root's default, and the path the
 * engine is told to load, when it is one.
 */
export function cacheMountPaths(group: GroupView): CachePath[] {
  const paths: CachePath[] = [];
  for (const name of ['HF_HOME', 'HF_HUB_CACHE', 'TRANSFORMERS_CACHE']) {
    const value = envValue(group, name)?.value;
    if (value && isAbsolutePath(value) && !value.includes('$(')) paths.push({ path: value, why: `the engine's cache, \`${name}\` in \`env\`` });
  }
  const moved = envValue(group, 'HF_HOME') !== null || envValue(group, 'HF_HUB_CACHE') !== null;
  const root = moved ? null : rootUser(group);
  if (root) paths.push({ path: '/root/.cache/huggingface', why: `the Hugging Face cache of root (${root})` });
  const enginePath = groupModel(group).homes.find((home) => home.kind === 'engine-path');
  if (enginePath) paths.push({ path: enginePath.dir, why: `where the engine loads its model (${enginePath.origin})` });
  const seen = new Set<string>();
  return paths.filter((candidate) => !seen.has(candidate.path) && Boolean(seen.add(candidate.path)));
}

/** The group a values path of the file is in, by name (`modelGroups.<name>…`). */
export function groupAt(groups: readonly GroupView[], path: readonly unknown[]): GroupView | undefined {
  return path[0] === 'modelGroups' ? groups.find((group) => group.name === path[1]) : undefined;
}
