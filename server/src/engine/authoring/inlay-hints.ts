// Inlay hints: after a sizeLimit, what it is in GiB against the size of the model copied into
// the volume (`≈ 46.6 GiB · model 22.7 GiB`); after a Bit Harbor tag, the model's size. Both
// answer "will it fit?" without a hover. Off with `bitHarbor.inlayHints.enabled: false`.
import { isMap, isScalar, type Node } from 'yaml';
import type { Catalogue, ModelSize } from '../catalogue/catalogue';
import { hubRepo } from '../model-markdown';
import { modelGroups } from '../model-groups';
import { formatGiB, parseQuantity } from '../quantity';
import { weightSources } from '../rules/size-limit-too-small';
import { tagSitesInDocument } from '../tag-sites';
import type { EngineSettings, OffsetRange } from '../types';
import { keyText, locate } from '../yaml-nodes';
import { readValuesFile, type ValuesDocument } from '../values-file';
import { pairIn, rangeOf } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';

export interface AuthoringInlayHint {
  /** Where the hint shows: right after the value. */
  offset: number;
  label: string;
  tooltip: string;
}

function describeSize(size: ModelSize): string {
  return `${formatGiB(size.bytes)} (${size.detail ? `${size.source}: ${size.detail}` : size.source})`;
}

/**
 * The groups whose lines meet `range`, when every value of a group is written in its own lines
 * (plain YAML: no alias brings one from elsewhere); null for all of them.
 */
function groupsMeeting(document: ValuesDocument, range: OffsetRange | null, plain: boolean): Set<string> | null {
  const groups = range && plain && isMap(document.doc.contents) ? pairIn(document.doc.contents, 'modelGroups')?.value : null;
  if (!range || !isMap(groups)) return null;
  const meeting = new Set<string>();
  for (const pair of groups.items) {
    const key = keyText(pair);
    const start = rangeOf(pair.key as Node)?.start;
    const end = (pair.value as Node | null)?.range?.[1] ?? start;
    if (key !== null && start !== undefined && end !== undefined && start <= range.end && end >= range.start) meeting.add(key);
  }
  return meeting;
}

function sizeLimitHints(document: ValuesDocument, text: string, catalogue: Catalogue, settings: EngineSettings, only: Set<string> | null): AuthoringInlayHint[] {
  if (document.chart !== 'inference-stack') return [];
  return (only ? modelGroups(document.merged, only) : document.groups()).flatMap((group) => {
    const sources = weightSources(group, settings.registries);
    return group.volumes.flatMap((volume) => {
      if (volume.source !== 'emptyDir') return [];
      const node = locate(document.doc, [...volume.path, 'emptyDir', 'sizeLimit'])?.value;
      const range = rangeOf(node);
      if (!range || !isScalar(node)) return [];
      const written = text.slice(range.start, range.end).replace(/^["']|["']$/g, '');
      const bytes = parseQuantity(written);
      if (bytes === null) return [];
      const parts: string[] = [];
      const tooltip: string[] = [`sizeLimit ${written} is ${bytes.toLocaleString('en-US')} bytes.`];
      // A limit written in Gi already reads as GiB; only other units need the translation.
      if (!/Gi$/.test(written.trim())) parts.push(`≈ ${formatGiB(bytes)}`);
      const source = sources.find((candidate) => candidate.container.mounts.some((mount) => mount.name === volume.name && !mount.readOnly));
      const size = source ? catalogue.sizeOf(source.model) : undefined;
      if (source && size && size.bytes > 0) {
        parts.push(`model ${formatGiB(size.bytes)}`);
        tooltip.push(`Init container \`${source.container.name}\` copies ${source.model} into it: ${describeSize(size)}.`);
      }
      return parts.length > 0 ? [{ offset: range.end, label: parts.join(' · '), tooltip: tooltip.join(' ') }] : [];
    });
  });
}

function tagHints(document: ValuesDocument, text: string, catalogue: Catalogue, settings: EngineSettings, range: OffsetRange | null): AuthoringInlayHint[] {
  return tagSitesInDocument(document.doc, text, document.chart, settings.registries, undefined, range ?? undefined).flatMap((site) => {
    if (!site.bitHarbor || site.untagged || site.tag === '') return [];
    const entry = catalogue.get(site.tag);
    const size = catalogue.sizeOf(site.tag);
    if (!entry || !size || !(size.bytes > 0)) return [];
    return [{ offset: site.valueRange.end, label: formatGiB(size.bytes), tooltip: `${hubRepo(entry)}: ${describeSize(size)}` }];
  });
}

/** The hints whose place lies in `range` (the whole text when absent). */
export function inlayHints(
  text: string,
  range: OffsetRange | null,
  catalogue: Catalogue,
  settings: EngineSettings,
  path?: string,
  yaml: YamlSource = new YamlCache(),
): AuthoringInlayHint[] {
  if (!settings.inlayHints) return [];
  const within = (hint: AuthoringInlayHint) => !range || (range.start <= hint.offset && hint.offset <= range.end);
  // A screenful of a 1,000-group file: only the groups on it are looked at.
  const hints = readValuesFile({ text, path }, settings, yaml).documents().flatMap((document) => [
    ...sizeLimitHints(document, text, catalogue, settings, groupsMeeting(document, range, yaml.plain(document.doc))),
    ...tagHints(document, text, catalogue, settings, range),
  ]);
  // A sizeLimit written once under an anchor serves every group that aliases it: one hint.
  const seen = new Set<string>();
  return hints
    .filter((hint) => within(hint) && !seen.has(`${hint.offset}|${hint.label}`) && seen.add(`${hint.offset}|${hint.label}`))
    .sort((a, b) => a.offset - b.offset);
}
