// bad-value for a mount's `subPath` that the API server rejects: an absolute path ("must be a
// relative path") or one with a `..` element ("must not contain '..'"), as Kubernetes' pod
// validation (validateLocalDescendingPath) words it. The chart renders subPath as written, in
// every mount of the engine (its volumeMounts and persistentVolumes) and of its init containers.
// `a..b` is a name, not a `..` element, and is fine.
import type { ContainerView } from '../model-groups';
import type { Rule, RuleContext, RuleFinding } from './rule';

/** Kubernetes' reason for rejecting `subPath`, or null when it admits it. */
export function subPathProblem(subPath: string): string | null {
  if (subPath.startsWith('/')) return 'must be a relative path';
  // Either separator: the validation splits on both, so Windows nodes get the same answer.
  if (subPath.split(/[\\/]/).includes('..')) return "must not contain '..'";
  return null;
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group) => {
    const containers: ContainerView[] = [group.engine, ...group.initContainers];
    return containers.flatMap((container) => container.mounts.flatMap((mount): RuleFinding[] => {
      const problem = mount.subPath === undefined ? null : subPathProblem(mount.subPath);
      if (problem === null) return [];
      const path = [...mount.path, 'subPath'];
      return [{
        code: 'bad-value',
        message: `\`subPath\` ${problem} (Kubernetes rejects the Deployment): \`${mount.subPath}\` in the mount of \`${mount.name}\``,
        range: context.rangeFor(path, 'value'),
        data: { path, value: mount.subPath, group: group.name },
      }];
    }));
  });
}

export const rule: Rule = {
  // Its findings are bad-value's (engine/codes.ts lists the code once).
  codes: [{ code: 'bad-value', severity: 'error', summary: 'A value of the right type that the chart or Kubernetes rejects.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
