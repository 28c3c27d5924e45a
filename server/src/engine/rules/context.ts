// Builds the RuleContext for one document: the lookups every check needs, done the same way.
import type { Document } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import type { Values } from '../merge';
import type { ChartId, EngineSettings, OffsetRange } from '../types';
import { enabledGroups, type GroupView } from '../model-groups';
import { tagSitesInDocument, type TagSite } from '../tag-sites';
import { indexedPairLookup, keyOrValueRange, locate, valueOrKeyRange, type PathSegment } from '../yaml-nodes';
import type { RuleContext } from './rule';

export function createRuleContext(input: {
  chart: ChartId;
  doc: Document;
  text: string;
  values: Values;
  fileValues: Values;
  catalogue: Catalogue;
  settings: EngineSettings;
  /** Finds a path's node across several files (layers); one file's own lookup by default. */
  locate?: RuleContext['locate'];
  /** The tag sites of several files (layers); the document's own by default. */
  tagSites?: () => TagSite[];
  /** Every model group's view (enabled or not), when the caller keeps them; built here otherwise. */
  groups?: () => GroupView[];
}): RuleContext {
  const { doc } = input;
  const lookup = indexedPairLookup(doc);
  const find = input.locate ?? ((path: readonly PathSegment[]) => locate(doc, path, lookup));
  let groups: GroupView[] | undefined;
  let sites: TagSite[] | undefined;
  const rangeFor = (path: readonly PathSegment[], prefer: 'key' | 'value' = 'key'): OffsetRange => {
    for (let length = path.length; length >= 0; length--) {
      const location = find(path.slice(0, length));
      if (!location) continue;
      const range = prefer === 'value' && length === path.length ? valueOrKeyRange(location) : keyOrValueRange(location);
      if (range) return length === 0 ? { start: range.start, end: range.start } : range;
    }
    return { start: 0, end: 0 };
  };
  return {
    ...input,
    locate: find,
    rangeFor,
    // Every Inference Stack check walks the same groups: build the views once per analysis.
    groups: () => (groups ??= input.groups ? input.groups().filter((group) => group.enabled) : enabledGroups(input.values)),
    tagSites: () => (sites ??= input.tagSites?.() ?? tagSitesInDocument(doc, input.text, input.chart, input.settings.registries)),
  };
}
