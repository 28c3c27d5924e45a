// gateway-model-mismatch: the Onwards gateway rewrites each request's `model` to the group's
// `modelName` (else the alias) before forwarding it (_helpers.tpl, `onwards_model`), and vLLM and
// SGLang answer 404 for a model name they do not serve (served-names.ts). A name forwarded that
// the engine does not serve fails every request on that route.
import type { Rule, RuleContext, RuleFinding } from './rule';
import { forwardedNames, servedNames } from './served-names';

const CODE = 'gateway-model-mismatch';

function listed(names: readonly string[]): string {
  const shown = names.slice(0, 3).map((name) => `\`${name}\``).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const served = servedNames(group);
    if (!served) return [];
    const seen = new Set<string>();
    return forwardedNames(group).flatMap((forwarded): RuleFinding[] => {
      if (served.names.includes(forwarded.name) || seen.has(forwarded.name)) return [];
      seen.add(forwarded.name);
      const engine = served.engine === 'vllm' ? 'vLLM' : 'SGLang';
      return [{
        code: CODE,
        message: `The gateway forwards \`${forwarded.name}\` to \`${group.name}\`, but ${engine} there serves only ${listed(served.names)}: every request for it gets a 404.`,
        range: context.rangeFor(forwarded.path, 'value'),
        data: { group: group.name, forwarded: forwarded.name, served: served.names, explicit: served.explicit, engine: served.engine },
      }];
    });
  });
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'warning', summary: 'The model name the gateway forwards (modelName, else the alias) is not a name the engine serves: a 404 on every request.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
