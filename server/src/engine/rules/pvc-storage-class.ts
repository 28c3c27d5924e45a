// pvc-storage-class: two storage-class choices that leave a model cache's claim Pending. The
// chart writes `storageClassName` from `storageClassName`, else `storageClass` (the first that is
// not empty); "-" becomes an empty class, and with neither the claim gets the cluster's default.
import type { PathSegment } from '../yaml-nodes';
import { modeOf, persistentVolumes, type PersistentVolume } from './persistent-volumes';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CLASS_KEYS = ['storageClassName', 'storageClass'] as const;

/** The class key the chart uses (a non-empty string), or the first key written empty, or none. */
function classKey(volume: PersistentVolume): { key: (typeof CLASS_KEYS)[number]; value: string } | null {
  for (const key of CLASS_KEYS) {
    const value = volume.spec[key];
    // Any non-empty scalar is truthy to the template; a number is the schema's to report.
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return { key, value: String(value) };
  }
  const empty = CLASS_KEYS.find((key) => volume.spec[key] === '');
  return empty ? { key: empty, value: '' } : null;
}

function checkVolume(context: RuleContext, group: string, volume: PersistentVolume): RuleFinding[] {
  const chosen = classKey(volume);
  const classPath: PathSegment[] | null = chosen ? [...volume.path, chosen.key] : null;
  const data = { group, volume: volume.name, path: volume.path, key: chosen?.key ?? null };
  if (chosen?.value === '-' && classPath) {
    const modes = volume.accessModes.map((item) => item.mode).join(', ') || 'no access mode';
    return [{
      code: 'pvc-storage-class',
      message: `\`${chosen.key}: "-"\` gives PVC \`${volume.name}\` no storage class: nothing provisions it, and it stays Pending until someone creates a classless volume (${modes})`,
      range: context.rangeFor(classPath, 'value'),
      related: [{ range: context.rangeFor([...volume.path, 'size'], 'value'), message: 'the size a pre-provisioned volume must offer' }],
      data: { ...data, reason: 'no-class' },
    }];
  }
  const shared = modeOf(volume, 'ReadWriteMany');
  if (chosen?.value || !shared) return [];
  // Written as "" the class value is the node to change; left out, the ReadWriteMany request is.
  const writtenEmpty = classPath !== null && context.locate(classPath) !== null;
  return [{
    code: 'pvc-storage-class',
    message: `PVC \`${volume.name}\` asks for ReadWriteMany from the default storage class, which is block storage on most clusters and cannot provide it: the claim stays Pending`,
    range: writtenEmpty ? context.rangeFor(classPath, 'value') : context.rangeFor(shared.path, 'value'),
    related: [writtenEmpty
      ? { range: context.rangeFor(shared.path, 'value'), message: 'the ReadWriteMany request' }
      : { range: context.rangeFor([...volume.path, 'name'], 'value'), message: `PVC \`${volume.name}\` sets no storageClass` }],
    data: { ...data, reason: 'rwx-default-class' },
  }];
}

export const rule: Rule = {
  codes: [{ code: 'pvc-storage-class', severity: 'info', summary: 'A persistent volume\'s storage class that likely leaves its claim Pending.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    return context.groups().flatMap((group) => persistentVolumes(group).flatMap((volume) => checkVolume(context, group.name, volume)));
  },
};
