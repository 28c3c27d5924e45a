// The gateway's routing table has one entry per `modelAlias`, built from every enabled group: an
// alias that two groups claim routes all its requests to one of them (inferred from the chart's
// template), and the other group never sees them. Repeats inside one group are harmless.
import { enabledGroupValues } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

interface Claim {
  group: string;
  path: PathSegment[];
}

function check(context: RuleContext): RuleFinding[] {
  const firstClaim = new Map<string, Claim>();
  const findings: RuleFinding[] = [];
  // Names and aliases only: no need to build every group's view on each keystroke.
  for (const group of enabledGroupValues(context.values)) {
    const aliases = Array.isArray(group.values.modelAlias) ? group.values.modelAlias : [];
    aliases.forEach((alias, index) => {
      if (typeof alias !== 'string' && typeof alias !== 'number') return;
      const name = String(alias);
      const path: PathSegment[] = [...group.path, 'modelAlias', index];
      const first = firstClaim.get(name);
      if (!first) {
        firstClaim.set(name, { group: group.name, path });
        return;
      }
      if (first.group === group.name) return;
      findings.push({
        code: 'duplicate-alias',
        message: `Alias \`${name}\` is also an alias of group \`${first.group}\`; the gateway keeps one route per alias, `
          + `so requests for \`${name}\` reach only one of the two groups. Give each group its own aliases.`,
        range: context.rangeFor(path, 'value'),
        related: [{ range: context.rangeFor(first.path, 'value'), message: `\`${name}\` first claimed by group \`${first.group}\`` }],
        data: { alias: name, group: group.name, otherGroup: first.group },
      });
    });
  }
  return findings;
}

export const rule: Rule = {
  codes: [{ code: 'duplicate-alias', severity: 'warning', summary: 'One modelAlias in two enabled groups; the gateway routes it to only one.' }],
  charts: ['inference-stack'],
  check,
};
