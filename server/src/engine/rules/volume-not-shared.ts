// volume-not-shared: an init container that copies a model's weights into a volume the engine
// container never mounts does its work for no one: the engine starts without them and
// downloads from the hub, or fails to find its model path.
import type { Rule, RuleFinding } from './rule';
import { volumeNamed, weightSources } from './size-limit-too-small';

export const rule: Rule = {
  codes: [{ code: 'volume-not-shared', severity: 'warning', summary: 'An init container writes weights to a volume the engine container does not mount.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const group of context.groups()) {
      const engineMounts = new Set(group.engine.mounts.map((mount) => mount.name));
      for (const { container } of weightSources(group, context.settings.registries)) {
        for (const mount of container.mounts) {
          const volume = volumeNamed(group, mount.name);
          // Image volumes are read-only sources; a missing volume is volume-not-found's.
          if (mount.readOnly || !volume || volume.source === 'image' || engineMounts.has(mount.name)) continue;
          findings.push({
            code: 'volume-not-shared',
            message: `Init container \`${container.name}\` writes to volume \`${mount.name}\`, which the engine of \`${group.name}\` does not mount: what lands there never reaches it.`,
            range: context.rangeFor([...mount.path, 'name'], 'value'),
            related: [{ range: context.rangeFor([...volume.path, 'name'], 'value'), message: `volume \`${volume.name}\`` }],
            data: { volume: volume.name, container: container.name, group: group.name },
          });
        }
      }
    }
    return findings;
  },
};
