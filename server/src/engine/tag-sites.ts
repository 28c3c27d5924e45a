// Where Bit Harbor tags are written in a values file: `<registry>:<tag>` references in container
// `image:` values and in image volumes (Inference Stack), bare tags in Pre-Porter's
// `images[].name` and in an `image.tag` beside a Bit Harbor `repository`. The checks, completion
// and hover all ask this module, so a tag is recognised the same way wherever it is looked at.
// Every value written in the file counts, rendered or not: a disabled group's typo fails the
// day the group is enabled.
import { isMap, isScalar, isSeq, type Document, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { BIT_HARBOR_REGISTRY, parseBitHarborReference } from './bit-harbor';
import type { ChartId, EngineSettings, OffsetRange } from './types';
import { keyText, type PathSegment } from './yaml-nodes';
import { readValuesFile } from './values-file';
import { YamlCache, type YamlSource } from './yaml-source';

/** What a value's place in the file says it holds, before its text is looked at. */
export type TagSlot =
  /** An image reference: a Bit Harbor image when it starts with a known registry and `:`. */
  | { kind: 'reference' }
  /** A bare tag, pulled from `registry`. */
  | { kind: 'bare'; registry: string };

export interface TagSite {
  slot: TagSlot['kind'];
  tag: string;
  registry: string;
  /** The registry is Bit Harbor's own or a mirror listed in `bitHarbor.registries`. */
  bitHarbor: boolean;
  /** A reference with neither `:tag` nor a digest: Kubernetes pulls `latest`. */
  untagged: boolean;
  /** The tag's own text in the source (inside the quotes of a quoted scalar). */
  tagRange: OffsetRange;
  /** The whole scalar, quotes included. */
  valueRange: OffsetRange;
  path: PathSegment[];
}

/** Nesting deeper than this is not a values file anyone writes; it bounds the walk. */
const MAX_DEPTH = 64;

export function isBitHarborRegistry(registry: string, mirrors: readonly string[]): boolean {
  const normalized = registry.trim().replace(/\/+$/, '');
  return [BIT_HARBOR_REGISTRY, ...mirrors].some((known) => known.replace(/\/+$/, '') === normalized);
}

/** Pre-Porter pulls `<imageRegistry>:<name>`; the chart's default registry is Bit Harbor's. */
export function prePorterRegistry(doc: Document): string {
  const root = doc.contents;
  if (!isMap(root)) return BIT_HARBOR_REGISTRY;
  const pair = root.items.find((item) => keyText(item) === 'imageRegistry');
  return isScalar(pair?.value) && typeof pair.value.value === 'string' ? pair.value.value : BIT_HARBOR_REGISTRY;
}

/**
 * Calls `visit` for every scalar written as a map value, with its path and the map holding it;
 * under `from` (a node at `from.path`) alone when given.
 */
export function visitValueScalars(
  doc: Document,
  visit: (scalar: Scalar, path: PathSegment[], parent: YAMLMap) => void,
  from: EntryNode = { node: doc.contents, path: [], parent: null },
  within?: OffsetRange,
): void {
  // Collections wholly outside `within` hold no scalar inside it: not entered. A parse with
  // errors may not nest its ranges: then every collection is.
  const prune = within !== undefined && doc.errors.length === 0;
  const outside = (node: YAMLMap | YAMLSeq) => prune && node.range != null && (node.range[1] < within!.start || node.range[0] > within!.end);
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (path.length > MAX_DEPTH) return;
    if ((isMap(node) || isSeq(node)) && outside(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair);
        if (key === null) continue;
        if (isScalar(pair.value)) visit(pair.value, [...path, key], node);
        else walk(pair.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
  };
  if (isScalar(from.node) && from.parent) visit(from.node, from.path, from.parent);
  else walk(from.node, from.path);
}

/** A value node at `path`, held by map `parent` (null for the document's root). */
export interface EntryNode {
  node: unknown;
  path: PathSegment[];
  parent: YAMLMap | null;
}

/** The slot a scalar at `path` fills, or null when no tag belongs there. */
export function slotOf(path: readonly PathSegment[], parent: YAMLMap, chart: ChartId, doc: Document, mirrors: readonly string[]): TagSlot | null {
  const last = path.at(-1);
  const second = path.at(-2);
  if (chart === 'pre-porter') {
    const isImageName = path.length === 3 && path[0] === 'images' && typeof path[1] === 'number' && path[2] === 'name';
    return isImageName ? { kind: 'bare', registry: prePorterRegistry(doc) } : null;
  }
  if (last === 'image') return { kind: 'reference' };
  // volumes[].image.reference
  if (last === 'reference' && second === 'image' && typeof path.at(-3) === 'number') return { kind: 'reference' };
  if (last === 'tag' && second === 'image') {
    const repository = parent.items.find((pair) => keyText(pair) === 'repository')?.value;
    const registry = isScalar(repository) && typeof repository.value === 'string' ? repository.value : null;
    if (registry !== null && isBitHarborRegistry(registry, mirrors)) return { kind: 'bare', registry };
  }
  return null;
}

/**
 * Source range of `value.slice(start, end)` of a scalar. Quotes shift it by one; escapes, folds
 * and block scalars make value and source differ, so then the piece is searched for instead.
 */
export function sourceRangeOf(node: Scalar, text: string, start: number, end: number): OffsetRange {
  const value = String(node.value ?? '');
  const [nodeStart, nodeEnd] = node.range ?? [0, 0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const contentStart = nodeStart + (quoted ? 1 : 0);
  if (text.slice(contentStart, contentStart + value.length) === value) return { start: contentStart + start, end: contentStart + end };
  const piece = value.slice(start, end);
  const at = piece ? text.slice(nodeStart, nodeEnd).indexOf(piece) : -1;
  return at >= 0 ? { start: nodeStart + at, end: nodeStart + at + piece.length } : { start: nodeStart, end: nodeEnd };
}

function siteOf(scalar: Scalar, slot: TagSlot, text: string, path: PathSegment[], mirrors: readonly string[]): TagSite | null {
  if (typeof scalar.value !== 'string' || !scalar.range) return null;
  const value = scalar.value;
  const valueRange = { start: scalar.range[0], end: scalar.range[1] };
  if (slot.kind === 'bare') {
    const tag = value.trim();
    const at = value.indexOf(tag);
    return {
      slot: 'bare', tag, registry: slot.registry, bitHarbor: isBitHarborRegistry(slot.registry, mirrors), untagged: false,
      tagRange: sourceRangeOf(scalar, text, at, at + tag.length), valueRange, path,
    };
  }
  const reference = parseBitHarborReference(value, mirrors);
  if (!reference) return null;
  const hasColon = value[reference.tagOffset - 1] === ':';
  if (!hasColon && reference.digest !== undefined) return null; // pinned by digest: no tag to check
  return {
    slot: 'reference', tag: reference.tag, registry: reference.registry, bitHarbor: true, untagged: !hasColon,
    tagRange: hasColon ? sourceRangeOf(scalar, text, reference.tagOffset, reference.tagOffset + reference.tag.length) : valueRange,
    valueRange, path,
  };
}

/** Every tag written in one parsed document of the given chart. */
/** The tag sites of a document; of the node at `from.path` alone when given (one model group). */
export function tagSitesInDocument(
  doc: Document,
  text: string,
  chart: ChartId,
  mirrors: readonly string[],
  from?: EntryNode,
  within?: OffsetRange,
): TagSite[] {
  const sites: TagSite[] = [];
  visitValueScalars(doc, (scalar, path, parent) => {
    const slot = slotOf(path, parent, chart, doc, mirrors);
    const site = slot ? siteOf(scalar, slot, text, path, mirrors) : null;
    if (site) sites.push(site);
  }, from, within);
  return sites;
}

/** Every tag written in a file's values (its first YAML document, as Helm reads); files of neither chart have none. */
export function tagSitesInText(text: string, settings: EngineSettings, path?: string, yaml: YamlSource = new YamlCache(), within?: OffsetRange): TagSite[] {
  const file = readValuesFile({ text, path }, settings, yaml);
  const find = () => file.docs.slice(0, 1).flatMap((doc) => {
    const chart = file.chartOf(doc);
    return chart ? tagSitesInDocument(doc, text, chart, settings.registries, undefined, within) : [];
  });
  if (file.refusal) return [];
  // The whole file's sites are asked by every hover on a tag of one version: found once.
  if (within) return find();
  return yaml.memo(`tag-sites:${path ?? ''}`, settings, find);
}

/** Human-readable path for messages and hovers: `modelGroups.a.initContainers[0].image`. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}
