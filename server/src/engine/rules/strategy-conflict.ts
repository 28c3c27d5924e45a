// strategy-conflict: the chart copies a group's merged `strategy` into the Deployment whole
// (deployment.yaml: `with $group.strategy` / toYaml). The default groups carry
// `strategy: {type: RollingUpdate, rollingUpdate: {...}}`, so a file that sets only
// `type: Recreate` keeps the inherited `rollingUpdate`, and the API server rejects the Deployment:
// "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"
// (apps validation, ValidateDeploymentStrategy). `rollingUpdate: null` removes it in the merge.
import { isPlainMap } from '../merge';
import type { Rule, RuleContext, RuleFinding } from './rule';

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const strategy = group.values.strategy;
    if (!isPlainMap(strategy) || strategy.type !== 'Recreate') return [];
    // Any rollingUpdate but null is specified, an empty map too (the validation tests for nil).
    if (strategy.rollingUpdate === undefined || strategy.rollingUpdate === null) return [];
    const path = [...group.path, 'strategy'];
    const written = context.locate([...path, 'rollingUpdate']) !== null;
    const typePath = [...path, 'type'];
    return [{
      code: 'strategy-conflict',
      message: `\`${group.name}\` has \`strategy.type: Recreate\` and a \`rollingUpdate\` ${written ? 'beside it' : 'inherited from the chart defaults'}: `
        + 'the API server rejects the Deployment. Set `rollingUpdate: null`.',
      range: context.locate(typePath) ? context.rangeFor(typePath, 'value') : context.rangeFor(path, 'key'),
      data: { group: group.name, inherited: !written },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'strategy-conflict', severity: 'error', summary: 'A Recreate strategy beside a rollingUpdate (often inherited): the API server rejects the Deployment.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
