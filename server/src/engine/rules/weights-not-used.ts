// The weights reach the engine through a volume, yet the engine is told a hub id: it looks in
// the Hugging Face cache, where plain-layout weights are not found, and downloads them again.
import { engineModelReference, engineWeights, isHubId } from './engine-weights';
import type { Rule, RuleContext, RuleFinding } from './rule';

/**
 * A mount inside the cache's own `models--org--name` tree is someone laying out the cache by
 * hand; the hub id may well find it there, so it is left alone.
 */
const HF_CACHE_ENTRY = /(^|\/)models--/;

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const weights = engineWeights(group, context.settings.registries).filter((w) => !HF_CACHE_ENTRY.test(w.mount.mountPath));
    const reference = engineModelReference(group);
    if (weights.length === 0 || !reference || !isHubId(reference.value)) return [];
    const [first] = weights;
    return [{
      code: 'weights-not-used',
      message: `Group \`${group.name}\` mounts the weights at \`${first.path}\`, but gives the engine the hub id \`${reference.value}\`: it looks in the Hugging Face cache and downloads them again`,
      range: context.rangeFor(reference.path, 'value'),
      related: [{ range: context.rangeFor([...first.mount.path, 'mountPath'], 'value'), message: `the weights are mounted here` }],
      data: { group: group.name, hubId: reference.value, path: first.path },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'weights-not-used', severity: 'info', summary: 'Weights are mounted, but the engine is told a hub id and downloads them again.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
