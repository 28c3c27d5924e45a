// unpublished-model: a catalogue tag the registry answered it does not have. models.json lists a
// tag before its image is built, and a failed build leaves it listed but missing, so "in the
// catalogue" is not "pullable". The registry's answer comes through Catalogue.isUnpublished().
import { OCI_TAG } from '../bit-harbor';
import type { Rule } from './rule';

export const rule: Rule = {
  codes: [{ code: 'unpublished-model', severity: 'warning', summary: 'A catalogue tag whose image the registry does not have (yet).' }],
  charts: ['inference-stack', 'pre-porter'],
  scope: 'group',
  check(ctx) {
    return ctx.tagSites()
      .filter((site) => site.bitHarbor && OCI_TAG.test(site.tag) && ctx.catalogue.get(site.tag) && ctx.catalogue.isUnpublished(site.tag))
      .map((site) => ({
        code: 'unpublished-model',
        message: `\`${site.tag}\` is in the Bit Harbor catalogue, but the registry has no image for it (its build failed or has not run yet), so the pull will fail`,
        range: site.tagRange,
        data: { tag: site.tag, registry: site.registry },
      }));
  },
};
