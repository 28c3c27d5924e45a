// ephemeral-storage-too-small: a disk-backed emptyDir that an init container fills with a model
// counts toward the pod's local ephemeral storage, and the kubelet evicts the pod once that
// usage exceeds the pod's limit ("Pod ephemeral local storage usage exceeds the total limit of
// containers"). The pod's limit is the kubelet's PodLimits: the sum of the app containers'
// `ephemeral-storage` limits (a model group's pod has one: the engine), or an init container's
// when larger; with no container setting one there is no pod limit, and nothing to check.
import { isPlainMap } from '../merge';
import type { ContainerView, GroupView } from '../model-groups';
import { formatGiB, parseQuantity } from '../quantity';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { modelRoom, volumeNamed, weightSources, type WeightSource } from './size-limit-too-small';

interface Limit {
  container: ContainerView;
  bytes: number;
  path: PathSegment[];
}

function ephemeralLimit(container: ContainerView): Limit | null {
  const resources = container.values.resources;
  const limits = isPlainMap(resources) ? resources.limits : undefined;
  const value = isPlainMap(limits) ? limits['ephemeral-storage'] : undefined;
  const bytes = value === undefined || value === null ? null : parseQuantity(value);
  return bytes === null ? null : { container, bytes, path: [...container.path, 'resources', 'limits', 'ephemeral-storage'] };
}

/** The pod's limit as the kubelet computes it, and the container whose limit it is. */
function podLimit(group: GroupView): Limit | null {
  let found = ephemeralLimit(group.engine);
  for (const init of group.initContainers) {
    const limit = ephemeralLimit(init);
    if (limit && (!found || limit.bytes > found.bytes)) found = limit;
  }
  return found;
}

/** Disk-backed emptyDirs an init container writes weights into, each once. */
function diskTargets(group: GroupView, registries: readonly string[]): { volume: string; source: WeightSource }[] {
  const seen = new Set<string>();
  return weightSources(group, registries).flatMap((source) => source.container.mounts.flatMap((mount) => {
    const volume = volumeNamed(group, mount.name);
    if (mount.readOnly || volume?.source !== 'emptyDir' || volume.spec.medium === 'Memory' || seen.has(volume.name)) return [];
    seen.add(volume.name);
    return [{ volume: volume.name, source }];
  }));
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const limit = podLimit(group);
    if (!limit) return [];
    return diskTargets(group, context.settings.registries).flatMap(({ volume, source }): RuleFinding[] => {
      const size = context.catalogue.sizeOf(source.model);
      if (!size || !Number.isFinite(size.bytes) || size.bytes <= 0) return [];
      const room = modelRoom(size.bytes, context.settings);
      if (room.holds(limit.bytes)) return [];
      const whose = limit.container.kind === 'engine' ? 'the engine\'s' : `init container \`${limit.container.name}\`'s`;
      const range = context.rangeFor(limit.path, 'value');
      const written = context.text.slice(range.start, range.end).trim() || formatGiB(limit.bytes);
      return [{
        code: 'ephemeral-storage-too-small',
        message: `The pod's ephemeral-storage limit (${whose}, ${written}) is below \`${source.model}\` (${formatGiB(size.bytes)}) in volume \`${volume}\`: the kubelet evicts the pod`,
        range,
        related: [{ range: context.rangeFor(source.referencePath, 'value'), message: 'the Bit Harbor image the weights come from' }],
        data: { tag: source.model, modelBytes: size.bytes, minimum: room.minimum, volume, group: group.name, container: limit.container.name },
      }];
    });
  });
}

export const rule: Rule = {
  codes: [{ code: 'ephemeral-storage-too-small', severity: 'warning', summary: 'The pod\'s ephemeral-storage limit cannot hold the model copied into a disk-backed emptyDir; the kubelet evicts the pod.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
