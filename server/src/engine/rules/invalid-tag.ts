// invalid-tag: a Bit Harbor tag that is not an OCI tag at all (`meta-llama/Llama-3.1-8B`, an
// empty tag, a leading dot). No registry can serve it, whatever the catalogue says, so it is an
// error and it takes the place of unknown-model for that tag.
import { OCI_TAG } from '../bit-harbor';
import type { Catalogue } from '../catalogue/catalogue';
import type { Rule } from './rule';
import { orList, suggestTags } from './unknown-model';

/** A tag this long is shown by its start: the message stays one short sentence (the grammar is on the docs page). */
const SHOWN_TAG = 48;

function whatIsWrong(tag: string): string {
  if (tag === '') return 'it is empty';
  if (tag.length > 128) return `it is ${tag.length} characters long`;
  const bad = /[^A-Za-z0-9_.-]/.exec(tag);
  if (bad) return bad[0] === ' ' ? 'it contains a space' : `it contains \`${bad[0]}\``;
  return `it starts with \`${tag[0]}\``;
}

/** A Hugging Face id written as the tag names its model exactly; otherwise its last part is the clue. */
function suggestionsFor(tag: string, catalogue: Catalogue): string[] {
  const byRepo = tag.includes('/') ? catalogue.byRepo(tag) : undefined;
  if (byRepo) return [byRepo.name];
  const lastPart = tag.split('/').at(-1)?.trim() ?? '';
  return lastPart ? suggestTags(lastPart, catalogue.entries().map((entry) => entry.name)) : [];
}

export const rule: Rule = {
  codes: [{ code: 'invalid-tag', severity: 'error', summary: 'A Bit Harbor tag that is not a valid OCI image tag.' }],
  charts: ['inference-stack', 'pre-porter'],
  scope: 'group',
  check(ctx) {
    return ctx.tagSites()
      .filter((site) => !site.untagged && !OCI_TAG.test(site.tag))
      .map((site) => {
        const suggestions = suggestionsFor(site.tag, ctx.catalogue);
        const hint = suggestions.length > 0 ? `; did you mean ${orList(suggestions)}?` : '';
        const tag = site.tag.length > SHOWN_TAG ? `${site.tag.slice(0, SHOWN_TAG - 8)}…` : site.tag;
        const shown = site.tag === '' ? `\`${site.registry}:\`` : `\`${tag}\``;
        return {
          code: 'invalid-tag',
          message: `${shown} is not a valid image tag: ${whatIsWrong(site.tag)}${hint}`,
          range: site.tag === '' ? site.valueRange : site.tagRange,
          data: { tag: site.tag, registry: site.registry, suggestions },
        };
      });
  },
};
