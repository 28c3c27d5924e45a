// pvc-rwx-concurrent-writes: a ReadWriteMany claim shared by several replicas at the Hugging
// Face cache. Each replica that finds the model missing downloads it into the same directory
// at the same time: partial files, racing renames, a snapshot one replica sees half-written.
// The chart's own mount of a persistentVolumes entry is always writable; only a `volumeMounts`
// entry naming the volume can be read-only.
import { envValue, groupModel, modeOf, replicaCount, volumesHoldingModel } from './persistent-volumes';
import type { Rule, RuleContext, RuleFinding } from './rule';

/** huggingface_hub reads these as true; offline, the engine reads the cache and writes nothing. */
const TRUE_VALUES = new Set(['1', 'true', 'yes', 'on']);

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const replicas = replicaCount(group);
    if (replicas === null || replicas < 2) return [];
    const offline = envValue(group, 'HF_HUB_OFFLINE');
    if (offline?.value && TRUE_VALUES.has(offline.value.trim().toLowerCase())) return [];
    const model = groupModel(group);
    const what = model.hubId ? `\`${model.hubId}\`` : 'the model';
    return volumesHoldingModel(group, model).flatMap(({ volume, home, mount }): RuleFinding[] => {
      const shared = modeOf(volume, 'ReadWriteMany');
      if (home.kind !== 'hub-cache' || !shared || mount.readOnly) return [];
      const mountedBy = mount.path.includes('volumeMounts') ? 'volumeMounts' : 'persistentVolumes';
      const related = [
        { range: context.rangeFor([...group.path, 'replicaCount'], 'value'), message: `${replicas} replicas mount it` },
        { range: context.rangeFor([...mount.path, 'mountPath'], 'value'), message: `mounted writable at \`${mount.mountPath}\`` },
      ];
      if (home.sourcePath) related.push({ range: context.rangeFor(home.sourcePath, 'value'), message: `the cache location: ${home.origin}` });
      return [{
        code: 'pvc-rwx-concurrent-writes',
        // Where the cache location comes from is a related location; how to fill it once is on the docs page.
        message: `${replicas} replicas of \`${group.name}\` write the Hugging Face cache on ReadWriteMany PVC \`${volume.name}\`: empty, they all download ${what} at once and can corrupt it`,
        range: context.rangeFor(shared.path, 'value'),
        related,
        data: { group: group.name, volume: volume.name, path: mount.path, mountPath: mount.mountPath, mountedBy, cacheDir: home.shown },
      }];
    });
  });
}

export const rule: Rule = {
  codes: [{ code: 'pvc-rwx-concurrent-writes', severity: 'info', summary: 'Several replicas write to one ReadWriteMany Hugging Face cache: their first downloads race.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
