// unknown-model: a Bit Harbor image whose tag the catalogue does not list. The pull fails with
// ImagePullBackOff minutes after the deploy; here it fails as the tag is typed, with the tags
// that were probably meant. Invalid tags are invalid-tag's, so each mistake is reported once.
import { OCI_TAG } from '../bit-harbor';
import { boundedEditDistance, comparisonCost, MAX_SUGGESTION_INPUT, nearFilter, SUGGESTION_BUDGET } from '../did-you-mean';
import type { TagSite } from '../tag-sites';
import type { Rule, RuleFinding } from './rule';

const SUGGESTION_LIMIT = 3;

/** Case and separators are the usual slips: `Qwen3-8B` is `qwen-3-8b`. */
function squash(tag: string): string {
  return tag.toLowerCase().replace(/[-_.]/g, '');
}

function isSeparator(c: string): boolean {
  return c === '-' || c === '_' || c === '.';
}

/**
 * How `name`, squashed, relates to `typed` (already squashed): the extra characters when it
 * begins with it (0 when equal), or -1. Walks both without building the squashed name, and
 * stops at the first difference: this runs on every catalogue tag per keystroke.
 */
function squashedExtension(typed: string, name: string): number {
  let t = 0;
  let extra = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (isSeparator(c)) continue;
    if (t < typed.length) {
      if (c.toLowerCase() !== typed[t]) return -1;
      t++;
    } else extra++;
  }
  return t === typed.length ? extra : -1;
}

/**
 * Catalogue tags close to `tag`, nearest first: the same tag up to case and separators, then
 * tags that `tag` begins (`llama-3.1-8b` -> `llama-3.1-8b-instruct`, shortest first), then tags
 * within a few edits.
 */
export function suggestTags(tag: string, names: readonly string[], limit = SUGGESTION_LIMIT): string[] {
  if (tag.length > MAX_SUGGESTION_INPUT) return [];
  const typed = squash(tag);
  const lowered = tag.toLowerCase();
  const maxEdits = Math.max(2, Math.floor(tag.length / 4));
  // A catalogue can hold tens of thousands of tags: the edit distances share one budget (see did-you-mean.ts).
  let budget = SUGGESTION_BUDGET;
  const near = nearFilter(tag, maxEdits);
  const score = (name: string): number | null => {
    const extension = squashedExtension(typed, name);
    if (extension === 0) return 0;
    if (typed.length >= 3 && extension > 0) return 1 + extension / 1000;
    if (Math.abs(name.length - tag.length) > maxEdits || !near(name)) return null;
    budget -= comparisonCost(tag.length, maxEdits);
    if (budget < 0) return null;
    const distance = boundedEditDistance(lowered, name.toLowerCase(), maxEdits);
    return distance <= maxEdits ? 2 + distance : null;
  };
  return names
    .filter((name) => name !== tag)
    .flatMap((name) => {
      const distance = score(name);
      return distance === null ? [] : [{ name, distance }];
    })
    .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((scored) => scored.name);
}

/** `a`, `a or b`, `a, b or c`, each in backticks. */
export function orList(items: readonly string[]): string {
  const quoted = items.map((item) => `\`${item}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

function untaggedFinding(site: TagSite): RuleFinding {
  return {
    code: 'unknown-model',
    message: `\`${site.registry}\` has no tag, so Kubernetes pulls \`:latest\`, which Bit Harbor does not publish; add \`:<tag>\` of a catalogue model`,
    range: site.tagRange,
    data: { tag: '', registry: site.registry, suggestions: [] },
  };
}

export const rule: Rule = {
  codes: [{ code: 'unknown-model', severity: 'warning', summary: 'A Bit Harbor image tag that is not in the model catalogue; the pull would fail.' }],
  charts: ['inference-stack', 'pre-porter'],
  scope: 'group',
  check(ctx) {
    const names = ctx.catalogue.entries().map((entry) => entry.name);
    return ctx.tagSites().flatMap((site): RuleFinding[] => {
      if (!site.bitHarbor) return [];
      if (site.untagged) return [untaggedFinding(site)];
      if (!OCI_TAG.test(site.tag) || ctx.catalogue.get(site.tag)) return [];
      const suggestions = suggestTags(site.tag, names);
      const hint = suggestions.length > 0 ? `; did you mean ${orList(suggestions)}?` : '';
      return [{
        code: 'unknown-model',
        message: `\`${site.tag}\` is not a model of the Bit Harbor catalogue, so its image cannot be pulled${hint}`,
        range: site.tagRange,
        data: { tag: site.tag, registry: site.registry, suggestions },
      }];
    });
  },
};
