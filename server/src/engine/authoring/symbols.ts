// The outline of a values file: every key, as YAML tools show it, with what this product knows
// on top: each model group with whether it renders and what model it serves, each Pre-Porter
// image by its tag, the gateway. Workspace symbols find model groups and images across files.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import { isPlainMap } from '../merge';
import type { GroupView } from '../model-groups';
import { formatGiB } from '../quantity';
import type { EngineSettings, OffsetRange } from '../types';
import { keyText, locate, nodeRange, type PathSegment } from '../yaml-nodes';
import { groupDetail } from './group-model';
import { readValuesFile, type ValuesDocument } from '../values-file';
import { rangeOf, trimEnd } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';
import { isEmpty } from '../render/helm';

export type SymbolKindName = 'module' | 'class' | 'package' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface AuthoringSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole entry: key and value. */
  range: OffsetRange;
  /** The key, or the item's start. */
  selectionRange: OffsetRange;
  children: AuthoringSymbol[];
}

const MAX_DEPTH = 32;
const MAX_DETAIL = 60;

interface OutlineContext {
  document: ValuesDocument;
  text: string;
  groups: Map<string, GroupView>;
  catalogue: Catalogue;
  settings: EngineSettings;
}

function scalarKind(value: unknown): SymbolKindName {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return value === null || value === undefined ? 'null' : 'string';
}

function shortText(value: unknown): string {
  const text = String(value);
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
}

function imageDetail(item: unknown, catalogue: Catalogue): string {
  const enabled = isPlainMap(item) && !isEmpty(item.enabled) ? 'enabled' : 'disabled';
  const tag = isPlainMap(item) && typeof item.name === 'string' ? item.name : '';
  const bytes = catalogue.sizeOf(tag)?.bytes;
  return bytes && bytes > 0 ? `${enabled} · ${formatGiB(bytes)}` : enabled;
}

function symbolOf(context: OutlineContext, name: string, keyNode: Node | null, value: unknown, path: PathSegment[]): AuthoringSymbol | null {
  const valueNode = value as Node | null;
  const keyRange = rangeOf(keyNode);
  const valueRange = rangeOf(valueNode);
  const start = keyRange?.start ?? valueRange?.start;
  if (start === undefined) return null;
  const range = trimEnd(context.text, { start, end: Math.max(valueRange?.end ?? 0, keyRange?.end ?? 0) });
  const selectionRange = keyRange ?? { start, end: start };
  const children = path.length < MAX_DEPTH ? childrenOf(context, valueNode, path) : [];
  let kind: SymbolKindName = isMap(valueNode) || isAlias(valueNode) ? 'object' : isSeq(valueNode) ? 'array' : scalarKind(isScalar(valueNode) ? valueNode.value : null);
  let detail: string | undefined = isScalar(valueNode) ? shortText(valueNode.value ?? '') : isAlias(valueNode) ? `*${valueNode.source}` : undefined;
  const { chart } = context.document;
  if (path.length === 1 && isMap(valueNode)) kind = 'module';
  if (chart === 'inference-stack' && path.length === 2 && path[0] === 'modelGroups') {
    const group = context.groups.get(String(path[1]));
    if (group) {
      kind = 'class';
      detail = groupDetail(group, context.catalogue, context.settings.registries);
    }
  }
  if (chart === 'inference-stack' && path.length === 1 && path[0] === 'onwards') detail = 'the gateway';
  if (chart === 'pre-porter' && path.length === 2 && path[0] === 'images') {
    kind = 'package';
    const item = (context.document.fileValues.images as unknown[] | undefined)?.[Number(path[1])];
    detail = imageDetail(item, context.catalogue);
  }
  return { name, detail, kind, range, selectionRange, children };
}

/** A list item's name: its `name` when it has one, else its index. */
function itemName(item: unknown, index: number): string {
  if (isMap(item)) {
    const pair = item.items.find((candidate: Pair) => keyText(candidate) === 'name');
    if (isScalar(pair?.value) && pair.value.value !== null && pair.value.value !== '') return String(pair.value.value);
  }
  return `[${index}]`;
}

function childrenOf(context: OutlineContext, node: Node | null, path: PathSegment[]): AuthoringSymbol[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) => {
      const key = keyText(pair);
      if (key === null) return [];
      const symbol = symbolOf(context, key, pair.key as Node, pair.value, [...path, key]);
      return symbol ? [symbol] : [];
    });
  }
  if (isSeq(node)) {
    return node.items.flatMap((item, index) => {
      const symbol = symbolOf(context, itemName(item, index), null, item, [...path, index]);
      return symbol ? [symbol] : [];
    });
  }
  return [];
}

export function documentSymbols(text: string, catalogue: Catalogue, settings: EngineSettings, path?: string, yaml: YamlSource = new YamlCache()): AuthoringSymbol[] {
  return outerLevels(readValuesFile({ text, path }, settings, yaml).documents().flatMap((document) => {
    const groups = new Map(document.groups().map((group) => [group.name, group]));
    return childrenOf({ document, text, groups, catalogue, settings }, document.doc.contents as Node | null, []);
  }), MAX_OUTLINE_SYMBOLS);
}

/**
 * The outline of a 1,000-group file has 56,000 entries: megabytes of JSON on every edit, for an
 * outline nobody reads to the last mount. Past this many, only the outer levels that fit are
 * kept (yaml-language-server caps its outline the same way, at 5,000 items by default).
 */
export const MAX_OUTLINE_SYMBOLS = 5000;

/** The symbols down to the deepest level at which the outline still holds at most `max`. */
export function outerLevels(symbols: AuthoringSymbol[], max: number): AuthoringSymbol[] {
  const perLevel: number[] = [];
  const count = (level: AuthoringSymbol[], depth: number): void => {
    if (level.length === 0) return;
    perLevel[depth] = (perLevel[depth] ?? 0) + level.length;
    for (const symbol of level) count(symbol.children, depth + 1);
  };
  count(symbols, 0);
  let kept = 0;
  let depth = 0;
  while (depth < perLevel.length && kept + perLevel[depth] <= max) kept += perLevel[depth++];
  if (depth === perLevel.length) return symbols;
  const cut = (level: AuthoringSymbol[], at: number): AuthoringSymbol[] =>
    level.map((symbol) => ({ ...symbol, children: at + 1 >= Math.max(depth, 1) ? [] : cut(symbol.children, at + 1) }));
  return cut(symbols, 0);
}

export interface WorkspaceFile {
  uri: string;
  text: string;
  path?: string;
}

export interface AuthoringWorkspaceSymbol {
  name: string;
  kind: SymbolKindName;
  /** `modelGroups · enabled · …` or `images · enabled`. */
  containerName: string;
  uri: string;
  range: OffsetRange;
}

/** The query within the name, any case; editors filter further by their own rules. */
function matchesQuery(name: string, query: string): boolean {
  return name.toLowerCase().includes(query.toLowerCase());
}

function keyRangeIn(doc: Document, path: PathSegment[]): OffsetRange | null {
  const location = locate(doc, path);
  return location ? (nodeRange(location.key) ?? nodeRange(location.value)) : null;
}

/** Model groups and Pre-Porter images written in the given files whose names match `query`. */
export function workspaceSymbols(
  files: readonly WorkspaceFile[],
  query: string,
  catalogue: Catalogue,
  settings: EngineSettings,
): AuthoringWorkspaceSymbol[] {
  return files.flatMap((file) => readValuesFile({ text: file.text, path: file.path }, settings).documents().flatMap((document): AuthoringWorkspaceSymbol[] => {
    if (document.chart === 'inference-stack') {
      const written = isPlainMap(document.fileValues.modelGroups) ? document.fileValues.modelGroups : {};
      return document.groups().flatMap((group) => {
        const range = Object.hasOwn(written, group.name) ? keyRangeIn(document.doc, group.path) : null;
        if (!range || !matchesQuery(group.name, query)) return [];
        const containerName = `modelGroups · ${groupDetail(group, catalogue, settings.registries)}`;
        return [{ name: group.name, kind: 'class', containerName, uri: file.uri, range }];
      });
    }
    const images = Array.isArray(document.fileValues.images) ? document.fileValues.images : [];
    return images.flatMap((item, index) => {
      const name = isPlainMap(item) && typeof item.name === 'string' ? item.name : null;
      const range = name === null ? null : keyRangeIn(document.doc, ['images', index, 'name']);
      if (name === null || !range || !matchesQuery(name, query)) return [];
      return [{ name, kind: 'package', containerName: `images · ${imageDetail(item, catalogue)}`, uri: file.uri, range }];
    });
  }));
}
