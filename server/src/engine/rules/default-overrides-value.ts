// default-overrides-value: Pre-Porter passes some values through Go's `default`, which takes the
// fallback when the value is empty (0, false, "", [], {}, null), so an empty value written to
// mean "none" or "zero" is replaced (advancedcronjob.yaml):
//   successfulJobsHistoryLimit | default 3, failedJobsHistoryLimit | default 1;
//   an image's nodeSelector / tolerations / affinity / resources | default the global one;
//   podTemplate.securityContext | default globalSecurityContext, containerSecurityContext |
//   default globalContainerSecurityContext.
// Reported only where the fallback differs from what was written (an empty global is no change).
import { cronEnabled, isTruthy, prePorterImages } from './pre-porter-images';
import { valueAt, type Values } from '../merge';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'default-overrides-value';

interface Fallback {
  path: PathSegment[];
  /** What renders instead, for the message. */
  instead: string;
  /** The fallback's value: no finding when it is empty too. */
  fallback: unknown;
}

function fallbacks(values: Values): Fallback[] {
  const cron: PathSegment[] = ['advancedCronJob'];
  const pod: PathSegment[] = [...cron, 'broadcastJobTemplate', 'podTemplate'];
  const list: Fallback[] = [
    { path: [...cron, 'successfulJobsHistoryLimit'], instead: '3', fallback: 3 },
    { path: [...cron, 'failedJobsHistoryLimit'], instead: '1', fallback: 1 },
    { path: [...pod, 'securityContext'], instead: '`globalSecurityContext`', fallback: values.globalSecurityContext },
    { path: [...pod, 'containerSecurityContext'], instead: '`globalContainerSecurityContext`', fallback: values.globalContainerSecurityContext },
  ];
  for (const image of prePorterImages(values).filter((i) => i.enabled)) {
    for (const [key, global] of [['nodeSelector', 'globalNodeSelector'], ['tolerations', 'globalTolerations'], ['affinity', 'globalAffinity'], ['resources', 'globalResources']]) {
      list.push({ path: [...image.path, key], instead: `\`${global}\``, fallback: values[global] });
    }
  }
  return list;
}

function check(context: RuleContext): RuleFinding[] {
  if (!cronEnabled(context.values)) return [];
  return fallbacks(context.values).flatMap((item): RuleFinding[] => {
    const written = valueAt(context.fileValues, item.path);
    // Only a value the file writes, empty in Go's sense, where the fallback is not.
    if (written === undefined || isTruthy(written) || !isTruthy(item.fallback) || !context.locate(item.path)) return [];
    const key = String(item.path[item.path.length - 1]);
    return [{
      code: CODE,
      message: `The chart passes \`${key}\` through \`default\`, which treats ${JSON.stringify(written)} as unset: ${item.instead} renders instead.`,
      range: context.rangeFor(item.path, 'value'),
      data: { path: item.path.join('.'), written },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'info', summary: 'An empty value (0, "", [], {}) that the chart passes through `default`, so the fallback renders instead.' }],
  charts: ['pre-porter'],
  check,
};
