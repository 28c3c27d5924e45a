// Across files: which Bit Harbor tags the Inference Stack files use and which the Pre-Porter
// files pre-pull. A door keeps one TagSummary per values file it knows (open documents and
// workspace files in the server, the given files in the CLI) and asks for the findings that
// one file gets from the others.
import type { Document } from 'yaml';
import { isPlainMap, type Values } from './merge';
import { enabledGroupValues } from './model-groups';
import type { TagSite } from './tag-sites';
import type { ChartId, Finding, OffsetRange } from './types';
import { keyOrValueRange, locate, valueOrKeyRange, type PathSegment } from './yaml-nodes';
import { isEmpty } from './render/helm';

export interface TagUse {
  tag: string;
  range: OffsetRange;
  /** The model group using it (Inference Stack). */
  group?: string;
}

export interface TagSummary {
  chart: ChartId;
  /** Tags of enabled model groups' Bit Harbor images and image volumes. */
  used: TagUse[];
  /** Tags of Pre-Porter images that render. */
  prepulled: TagUse[];
  /** Where to point a related location in this file (`modelGroups` or `images`). */
  anchor: OffsetRange;
}

export interface SummaryOfFile {
  uri: string;
  summary: TagSummary;
}

function rangeIn(doc: Document, path: PathSegment[], prefer: 'key' | 'value'): OffsetRange | null {
  const location = locate(doc, path);
  if (!location) return null;
  return prefer === 'value' ? valueOrKeyRange(location) : keyOrValueRange(location);
}

/** Where the chart reads a Bit Harbor image that reaches an engine: init containers and image volumes. */
function isGroupImage(path: readonly PathSegment[]): boolean {
  return path[0] === 'modelGroups' && (path[2] === 'initContainers' || path[2] === 'volumes');
}

/** `written`: the file's tag sites (tag-sites); kept here when the merged values render them. */
export function summarizeTags(doc: Document, chart: ChartId, values: Values, written: readonly TagSite[]): TagSummary {
  const used: TagUse[] = [];
  const prepulled: TagUse[] = [];
  const sites = written.filter((site) => site.bitHarbor && site.tag !== '');
  if (chart === 'inference-stack') {
    const enabled = new Set(enabledGroupValues(values).map((group) => group.name));
    for (const site of sites) {
      if (site.slot === 'reference' && isGroupImage(site.path) && enabled.has(String(site.path[1]))) {
        used.push({ tag: site.tag, range: site.tagRange, group: String(site.path[1]) });
      }
    }
  } else {
    const cron = values.advancedCronJob;
    const rendered = isPlainMap(cron) && !isEmpty(cron.enabled);
    const images = Array.isArray(values.images) ? values.images : [];
    for (const site of sites) {
      const image = site.path[0] === 'images' && site.path[2] === 'name' ? images[Number(site.path[1])] : undefined;
      if (rendered && isPlainMap(image) && !isEmpty(image.enabled)) prepulled.push({ tag: site.tag, range: site.tagRange });
    }
  }
  const anchor = rangeIn(doc, [chart === 'inference-stack' ? 'modelGroups' : 'images'], 'key') ?? { start: 0, end: 0 };
  return { chart, used, prepulled, anchor };
}

/** Findings `self` gets from the other values files: `not-prepulled` and `prepulled-unused`. */
export function crossFileFindings(self: SummaryOfFile, others: readonly SummaryOfFile[]): Finding[] {
  const prePorters = others.filter((other) => other.uri !== self.uri && other.summary.chart === 'pre-porter');
  const stacks = others.filter((other) => other.uri !== self.uri && other.summary.chart === 'inference-stack');
  const findings: Finding[] = [];
  if (self.summary.chart === 'inference-stack' && prePorters.length > 0) {
    const pulled = new Set(prePorters.flatMap((other) => other.summary.prepulled.map((use) => use.tag)));
    for (const use of self.summary.used) {
      if (pulled.has(use.tag)) continue;
      findings.push({
        code: 'not-prepulled',
        severity: 'info',
        message: `\`${use.tag}\` is not pre-pulled by any enabled Pre-Porter image, so the first pod on each node waits for the full image pull`,
        range: use.range,
        related: prePorters.map((other) => ({ uri: other.uri, range: other.summary.anchor, message: 'Pre-Porter images' })),
        data: { tag: use.tag, prePorterUris: prePorters.map((other) => other.uri) },
      });
    }
  }
  if (self.summary.chart === 'pre-porter' && stacks.length > 0) {
    const usedTags = new Set(stacks.flatMap((other) => other.summary.used.map((use) => use.tag)));
    for (const use of self.summary.prepulled) {
      if (usedTags.has(use.tag)) continue;
      findings.push({
        code: 'prepulled-unused',
        severity: 'hint',
        message: `\`${use.tag}\` is pre-pulled but no enabled model group of the Inference Stack values uses it: it only fills node disks`,
        range: use.range,
        related: stacks.map((other) => ({ uri: other.uri, range: other.summary.anchor, message: 'Inference Stack model groups' })),
        data: { tag: use.tag },
      });
    }
  }
  return findings;
}
