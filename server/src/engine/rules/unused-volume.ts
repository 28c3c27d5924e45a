// unused-volume: a volume no container of the pod mounts costs nothing at run time but says
// something false about the deployment (often a mount that was renamed or removed). The
// chart mounts every persistentVolumes entry itself, so those are never unused.
import type { Rule, RuleFinding } from './rule';

export const rule: Rule = {
  codes: [{ code: 'unused-volume', severity: 'hint', summary: 'A volume of a model group that no container mounts.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of context.groups()) {
      const mounted = new Set([group.engine, ...group.initContainers].flatMap((container) => container.mounts.map((mount) => mount.name)));
      for (const volume of group.volumes) {
        if (volume.source === 'persistentVolume' || mounted.has(volume.name)) continue;
        findings.push({
          code: 'unused-volume',
          message: `No container of model group \`${group.name}\` mounts volume \`${volume.name}\``,
          range: context.rangeFor([...volume.path, 'name'], 'value'),
          tags: ['unnecessary'],
          data: { name: volume.name, group: group.name },
        });
      }
    }
    return findings;
  },
};
