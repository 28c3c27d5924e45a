// duplicate-volume: volume names are unique within a pod; the API server rejects a pod with two
// volumes of one name. deployment.yaml makes a pod volume of each persistentVolumes entry, named
// after its `name`, before the `volumes` list: the group's view (model-groups.ts) reads that pod.
import { isAlias, isMap, isSeq } from 'yaml';
import { type VolumeView } from '../model-groups';
import type { OffsetRange } from '../types';
import { keyText, nodeRange, type PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

/**
 * The range of `*anchor` when the value at `path` is written as an alias, else null. rangeFor()
 * resolves aliases to their anchor, which for a duplicate is the first of the pair; the alias
 * is the copy to change.
 */
export function aliasRange(context: RuleContext, path: readonly PathSegment[]): OffsetRange | null {
  const parent = context.locate(path.slice(0, -1))?.value;
  const last = path[path.length - 1];
  let written: unknown;
  if (isSeq(parent) && typeof last === 'number') written = parent.items[last];
  else if (isMap(parent)) written = parent.items.find((pair) => keyText(pair) === String(last))?.value;
  return isAlias(written) ? nodeRange(written) : null;
}

export const rule: Rule = {
  codes: [{ code: 'duplicate-volume', severity: 'error', summary: 'Two volumes of one model group share a name: the pod is rejected.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of context.groups()) {
      const first = new Map<string, VolumeView>();
      for (const volume of group.volumes) {
        const earlier = first.get(volume.name);
        if (!earlier) {
          first.set(volume.name, volume);
          continue;
        }
        const where = (v: VolumeView) => (v.source === 'persistentVolume' ? 'persistentVolumes' : 'volumes');
        findings.push({
          code: 'duplicate-volume',
          message: `Model group \`${group.name}\` already has a volume named \`${volume.name}\` (in \`${where(earlier)}\`): Kubernetes rejects a pod with two volumes of one name`,
          range: aliasRange(context, volume.path) ?? context.rangeFor([...volume.path, 'name'], 'value'),
          related: [{ range: context.rangeFor([...earlier.path, 'name'], 'value'), message: `the first volume named \`${volume.name}\`` }],
          data: { name: volume.name, group: group.name },
        });
      }
    }
    return findings;
  },
};
