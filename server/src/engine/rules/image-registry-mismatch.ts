// image-registry-mismatch: Pre-Porter pulls `<imageRegistry>:<name>`. When the names are Bit
// Harbor tags but the registry is neither Bit Harbor's nor a mirror the user listed, the jobs
// pull from a registry that probably has no such images (or the mirror is simply not listed).
import { BIT_HARBOR_REGISTRY } from '../bit-harbor';
import { isBitHarborRegistry } from '../tag-sites';
import type { Rule } from './rule';

export const rule: Rule = {
  codes: [{ code: 'image-registry-mismatch', severity: 'info', summary: "Pre-Porter's imageRegistry is not a known Bit Harbor registry, yet its images are Bit Harbor tags." }],
  charts: ['pre-porter'],
  check(ctx) {
    const registry = ctx.values.imageRegistry;
    if (typeof registry !== 'string' || isBitHarborRegistry(registry, ctx.settings.registries)) return [];
    if (!ctx.locate(['imageRegistry'])) return []; // the chart's default is Bit Harbor's own
    const tags = ctx.tagSites()
      .filter((site) => site.slot === 'bare' && ctx.catalogue.get(site.tag))
      .map((site) => site.tag);
    if (tags.length === 0) return [];
    const others = tags.length > 1 ? ` (and ${tags.length - 1} more)` : '';
    return [{
      code: 'image-registry-mismatch',
      // The alternatives (the Bit Harbor registry, or listing a mirror in bitHarbor.registries) are on the docs page.
      message: `\`${tags[0]}\`${others} ${tags.length > 1 ? 'are' : 'is a'} Bit Harbor tag${tags.length > 1 ? 's' : ''}, but Pre-Porter will pull \`${registry.replace(/\/+$/, '')}:${tags[0]}\`.`,
      range: ctx.rangeFor(['imageRegistry'], 'value'),
      data: { registry, tags, suggestions: [BIT_HARBOR_REGISTRY] },
    }];
  },
};
