// The gateway's routing table has one entry per `modelAlias`, built from every enabled group
// (_helpers.tpl: `range $groupName, $group := .Values.modelGroups`, then `set $targets $alias`).
// Go's `range` over a map walks its keys in sorted order, so for an alias two groups claim the
// group whose name sorts last overwrites the other's route, every time; the other group never
// sees those requests. Repeats inside one group are harmless.
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
      // Byte order, as Go sorts map keys (names are ASCII labels; code units compare alike).
      const [loser, winner] = first.group < group.name ? [first.group, group.name] : [group.name, first.group];
      findings.push({
        code: 'duplicate-alias',
        message: `Alias \`${name}\` is also claimed by group \`${first.group}\`: the gateway routes it to \`${winner}\` (the name that sorts last), and \`${loser}\` gets none of its requests.`,
        range: context.rangeFor(path, 'value'),
        related: [{ range: context.rangeFor(first.path, 'value'), message: `\`${name}\` first claimed by group \`${first.group}\`` }],
        data: { alias: name, group: group.name, otherGroup: first.group, routedTo: winner },
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
