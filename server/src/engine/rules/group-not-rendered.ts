// group-not-rendered: a model group the file writes (keys besides `enabled`) that renders
// nothing, because it has no `enabled: true` anywhere in the merged values. The chart renders a
// group's Deployment, Service, PVCs and routes only `if $group.enabled` (deployment.yaml,
// pvc.yaml, networkpolicy.yaml), and its own default groups ship `enabled: false`; the loading
// guide's own fragment has no `enabled`, so a file copied from it deploys nothing. A group the
// file turns off itself (`enabled: false` written in it or a base) is deliberate: not reported.
import { isPlainMap } from '../merge';
import { suggest } from '../did-you-mean';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { isEmpty } from '../render/helm';

const CODE = 'group-not-rendered';

function check(context: RuleContext): RuleFinding[] {
  const written = context.fileValues.modelGroups;
  const merged = context.values.modelGroups;
  if (!isPlainMap(written) || !isPlainMap(merged)) return [];
  return Object.entries(written).flatMap(([name, own]): RuleFinding[] => {
    const group = merged[name];
    if (!isPlainMap(own) || !isPlainMap(group) || !isEmpty(group.enabled)) return [];
    // Turned off on purpose, or nothing written but the switch.
    if (own.enabled !== undefined || Object.keys(own).length === 0) return [];
    const near = Object.keys(own).find((key) => suggest(key, ['enabled']).length > 0);
    return [{
      code: CODE,
      message: `Model group \`${name}\` renders nothing: it has no \`enabled: true\` (groups are off unless enabled), so no Deployment, Service or route is created.`
        + (near ? ` The chart reads \`enabled\`, not \`${near}\`.` : ''),
      range: context.rangeFor(['modelGroups', name], 'key'),
      data: { group: name },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'info', summary: 'A model group the file configures that has no `enabled: true`, so the chart renders nothing of it.' }],
  charts: ['inference-stack'],
  check,
};
