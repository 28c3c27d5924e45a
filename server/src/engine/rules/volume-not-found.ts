// volume-not-found: every volumeMount must name a volume of the pod, or the API server rejects
// the pod and the Deployment never gets a replica. The pod's volumes are the group's `volumes`
// plus the ones the chart makes from `persistentVolumes`.
import { suggest } from '../did-you-mean';
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  codes: [{ code: 'volume-not-found', severity: 'error', summary: 'A volumeMount names no volume of its model group: the pod is rejected.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of context.groups()) {
      const names = new Set(group.volumes.map((volume) => volume.name));
      const volumesPath = [...group.path, 'volumes'];
      const related = context.locate(volumesPath) ? [{ range: context.rangeFor(volumesPath, 'key'), message: `the volumes of \`${group.name}\`` }] : [];
      for (const container of [group.engine, ...group.initContainers]) {
        for (const mount of container.mounts) {
          if (names.has(mount.name)) continue;
          const suggestions = suggest(mount.name, names);
          const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '';
          const owner = container.kind === 'engine' ? 'the engine container' : `init container \`${container.name}\``;
          findings.push({
            code: 'volume-not-found',
            message: `No volume named \`${mount.name}\` in model group \`${group.name}\` (mounted by ${owner}): Kubernetes rejects the pod${hint}`,
            range: context.rangeFor([...mount.path, 'name'], 'value'),
            related,
            data: { name: mount.name, group: group.name, suggestions, mount: mount.path },
          });
        }
      }
    }
    return findings;
  },
};
