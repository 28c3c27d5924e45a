// duplicate-mount-path: one container may not mount two volumes at one mountPath; the API
// server rejects the pod. Paths compare as written, as Kubernetes' own validation does. The
// engine's mounts include the chart's persistentVolumes at their mountPath.
import { type MountView } from '../model-groups';
import { aliasRange } from './duplicate-volume';
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  codes: [{ code: 'duplicate-mount-path', severity: 'error', summary: 'One container mounts two volumes at one path: the pod is rejected.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of context.groups()) {
      for (const container of [group.engine, ...group.initContainers]) {
        const first = new Map<string, MountView>();
        for (const mount of container.mounts) {
          const earlier = first.get(mount.mountPath);
          if (!earlier) {
            first.set(mount.mountPath, mount);
            continue;
          }
          const owner = container.kind === 'engine' ? `the engine container of \`${group.name}\`` : `init container \`${container.name}\``;
          findings.push({
            code: 'duplicate-mount-path',
            message: `\`${mount.mountPath}\` is already a mount path of ${owner} (volume \`${earlier.name}\`): Kubernetes rejects two mounts at one path`,
            range: aliasRange(context, mount.path) ?? aliasRange(context, [...mount.path, 'mountPath'])
              ?? context.rangeFor([...mount.path, 'mountPath'], 'value'),
            related: [{ range: context.rangeFor([...earlier.path, 'mountPath'], 'value'), message: `volume \`${earlier.name}\` is mounted here first` }],
            data: { mountPath: mount.mountPath, group: group.name, container: container.name },
          });
        }
      }
    }
    return findings;
  },
};
