// pvc-rwo-blocks-rollout: the chart makes one PVC per persistentVolumes entry, shared by every
// pod of the group. A ReadWriteOnce claim attaches to one node (ReadWriteOncePod: one pod), so
// an extra replica, or the surge pod of a rolling update, on another node waits for it
// forever; with maxUnavailable 0 the old pod never lets go of it.
import { isPlainMap } from '../merge';
import type { GroupView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import { modeOf, persistentVolumes, replicaCount, type AccessMode, type PersistentVolume } from './persistent-volumes';
import type { Rule, RuleContext, RuleFinding } from './rule';

const SINGLE_ATTACH = ['ReadWriteOnce', 'ReadWriteOncePod'];

/** Extra pods a rolling update starts, as Kubernetes computes them (percentages round up); null when unreadable. */
export function rolloutSurge(group: GroupView, replicas: number): number | null {
  const strategy = group.values.strategy;
  // The chart writes no strategy when the group has none: Kubernetes' default is RollingUpdate, maxSurge 25%.
  const type = isPlainMap(strategy) && strategy.type !== undefined ? strategy.type : 'RollingUpdate';
  if (type !== 'RollingUpdate') return 0;
  const rolling = isPlainMap(strategy) && isPlainMap(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  const surge = rolling.maxSurge ?? '25%';
  if (typeof surge === 'number') return Number.isInteger(surge) ? Math.max(0, surge) : null;
  const percent = typeof surge === 'string' ? /^(\d+)%$/.exec(surge.trim()) : null;
  return percent ? Math.ceil((Number(percent[1]) * replicas) / 100) : null;
}

/** The strategy node a person edits: maxSurge's value as written, else `type`'s, else the `strategy` key, else the group's. */
function strategyRange(context: RuleContext, group: GroupView): { start: number; end: number } {
  const strategy: PathSegment[] = [...group.path, 'strategy'];
  const written = [[...strategy, 'rollingUpdate', 'maxSurge'], [...strategy, 'type']].find((path) => context.locate(path));
  return written ? context.rangeFor(written, 'value') : context.rangeFor(strategy, 'key');
}

function volumesNamed(volumes: { volume: PersistentVolume }[]): string {
  return volumes.map(({ volume }) => `\`${volume.name}\``).join(', ');
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const replicas = replicaCount(group);
    if (replicas === null || replicas < 1) return [];
    // A claim that may also be ReadWriteMany binds only to a volume that offers it: no single-node limit.
    const single = persistentVolumes(group).flatMap((volume) => {
      const mode = modeOf(volume, ...SINGLE_ATTACH);
      return mode && !modeOf(volume, 'ReadWriteMany') ? [{ volume, mode }] : [];
    });
    if (single.length === 0) return [];
    const related = single.map(({ volume, mode }: { volume: PersistentVolume; mode: AccessMode }) => ({
      range: context.rangeFor(mode.path, 'value'), message: `PVC \`${volume.name}\` is ${mode.mode}`,
    }));
    const names = volumesNamed(single);
    const onePod = single.some(({ mode }) => mode.mode === 'ReadWriteOncePod');
    const findings: RuleFinding[] = [];

    if (replicas > 1) {
      const where = onePod ? 'a ReadWriteOncePod claim admits one pod, so every replica but one' : 'every replica scheduled on another node';
      findings.push({
        code: 'pvc-rwo-blocks-rollout',
        message: `${replicas} replicas share ${names}, but ${where} waits for the claim and never starts`,
        range: context.rangeFor([...group.path, 'replicaCount'], 'value'),
        related,
        data: { group: group.name, volumes: single.map(({ volume }) => volume.name), cause: 'replicas', replicas },
      });
    }

    const surge = rolloutSurge(group, replicas);
    if (surge !== null && surge > 0) {
      const strategy = group.values.strategy;
      const inheritsRolling = isPlainMap(strategy) && isPlainMap(strategy.rollingUpdate);
      findings.push({
        code: 'pvc-rwo-blocks-rollout',
        // The way out (Recreate, with rollingUpdate: null when one is inherited; or ReadWriteMany) is the fix and the docs page.
        message: `A rolling update of \`${group.name}\` starts a new pod first, but ${names} ${single.length === 1 ? 'is' : 'are'} ${onePod ? 'ReadWriteOncePod' : 'ReadWriteOnce'}: it cannot attach the claim the old pod holds, and the upgrade stalls`,
        range: strategyRange(context, group),
        related,
        data: { group: group.name, volumes: single.map(({ volume }) => volume.name), cause: 'surge', surge, clearRollingUpdate: inheritsRolling },
      });
    }
    return findings;
  });
}

export const rule: Rule = {
  codes: [{ code: 'pvc-rwo-blocks-rollout', severity: 'warning', summary: 'A ReadWriteOnce persistent volume in a group whose rolling updates or extra replicas need it on another node.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
