// Text edits that add entries to YAML maps and items to lists without touching anything else:
// comments, key order, quoting and the file's indentation and line endings survive, because
// the edits are computed against the source text around the parsed nodes, never by
// re-serialising the document.
import { isTrimmedSpace } from '../lines';
import { isCollection, isMap, isPair, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyText, type PathSegment } from '../yaml-nodes';
import { besideIndentedBom, column, entryStart, insertionAfter, lineStartAfter, type Layout } from './layout';

export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

interface Source extends Layout {
  doc: Document;
  unit: number;
}

function source(text: string, doc: Document): Source {
  return { text, doc, eol: text.includes('\r\n') ? '\r\n' : '\n', unit: indentUnit(text) };
}

/** The file's indentation step: the smallest indentation of any content line (2 if none). */
export function indentUnit(text: string): number {
  let unit = 0;
  // One pass over character codes, no line strings: a code action asks on every cursor move.
  // A byte-order mark is no indentation.
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length && unit !== 1) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    let content = at;
    while (content < end && isTrimmedSpace(text.charCodeAt(content))) content++;
    const indent = content - at;
    if (indent > 0 && content < end && text.charCodeAt(content) !== 35 /* # */ && (unit === 0 || indent < unit)) unit = indent;
    at = end + 1;
  }
  return unit === 0 ? 2 : unit;
}


/** Block YAML for `value`, each line indented by `indent` spaces, ending with an end of line. */
function block(src: Source, value: unknown, indent: number): string {
  return blockYaml(src.text, value, indent);
}

/** `value` as block YAML in the style of `text` (its indent step and line ends), for node edits. */
export function blockYaml(text: string, value: unknown, indent: number): string {
  const rendered = stringify(value, { indent: indentUnit(text), lineWidth: 0 }).replace(/\n$/, '');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return rendered.split('\n').map((line) => ' '.repeat(indent) + line + eol).join('');
}

export function flow(value: unknown): string {
  // The yaml package pads flow collections (`{ a: b }`); values files usually write `{a: b}`.
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0 }).trim().replace(/([{[]) /g, '$1').replace(/ ([}\]])/g, '$1');
}

/** The `:` that ends a pair's key, so a value can be replaced from just after it. */
function colonAfterKey(src: Source, pair: Pair): number {
  const key = pair.key as Node;
  const colon = src.text.indexOf(':', key.range![1]);
  return colon < 0 ? key.range![1] : colon + 1;
}

export interface Found {
  /** The node at the deepest existing path segment. */
  node: Node | null;
  /** The pair holding it, when it is a map value. */
  pair: Pair | null;
  /** How many path segments exist in the file. */
  depth: number;
}

/** Follows `path` through the file's own maps and lists (no aliases, no merge keys). */
export function walk(doc: Document, path: readonly PathSegment[]): Found {
  let node = doc.contents as Node | null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const next = node.items.find((item) => keyText(item) === String(segment));
      if (!next) break;
      pair = next;
      node = (next.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      pair = null;
      node = node.items[segment] as Node;
    } else break;
    depth++;
  }
  return { node, pair, depth };
}

function nest(path: readonly PathSegment[], leaf: unknown): unknown {
  return path.reduceRight<unknown>((value, segment) => ({ [String(segment)]: value }), leaf);
}

function isEmptyValue(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** Indentation for the children of the value held by `pair` (or of the root). */
function childIndent(src: Source, pair: Pair | null): number {
  return pair ? column(src, entryStart(src.text, (pair.key as Node).range![0])) + src.unit : 0;
}

/** Adds `entries` to the map at `mapNode`, appended after its last entry. */
function appendToMap(src: Source, map: YAMLMap, pair: Pair | null, entries: Record<string, unknown>): TextEdit[] {
  if (map.flow) {
    const close = closingBracket(src, map, '}');
    if (close === null) return [];
    if (map.items.length > 0) return [{ start: close, end: close, newText: ', ' + flow(entries).slice(1, -1) }];
    if (!pair) return [{ start: map.range![0], end: map.range![1], newText: flow(entries) }];
    // `key: {}` in a block file becomes a block map under the key.
    return [{ start: colonAfterKey(src, pair), end: map.range![1], newText: src.eol + block(src, entries, childIndent(src, pair)).replace(/\r?\n$/, '') }];
  }
  // A collection as a key (`? a: 1`): the parser's range for it starts after its first line.
  if (map.items.some((item) => isCollection(item.key))) return [];
  const last = map.items[map.items.length - 1];
  const end = Math.max((last.key as Node).range![2], (last.value as Node | null)?.range?.[2] ?? 0);
  // The smallest entry column, not the first's or the last's: after a byte-order mark the parser
  // lets the first line be indented (`\ufeff  a: 1\nb: 2`), so that line's column says nothing.
  const columns = map.items.flatMap((item) => {
    const start = ((item.key ?? item.value) as Node | null)?.range?.[0];
    return start === undefined || besideIndentedBom(src, start) ? [] : [column(src, entryStart(src.text, start))];
  });
  if (columns.length === 0) return [];
  const indent = Math.min(...columns);
  const place = insertionAfter(src, end, indent);
  return place ? [{ start: place.at, end: place.at, newText: place.prefix + block(src, entries, indent) }] : [];
}

/**
 * The offset of a flow collection's closing bracket, or null when it has none (a half-typed
 * `{a: 1`): there is then no end to insert before, and no edit.
 */
function closingBracket(src: Source, node: YAMLMap | YAMLSeq, bracket: '}' | ']'): number | null {
  const close = src.text.lastIndexOf(bracket, node.range![1]);
  const last = node.items[node.items.length - 1] as Pair | Node | undefined;
  const lastEnd = last === undefined ? node.range![0] : Math.max(endOf(isPair(last) ? last.key : last), isPair(last) ? endOf(last.value) : 0);
  return close > node.range![0] && close >= lastEnd ? close : null;
}

function endOf(node: unknown): number {
  return (node as Node | null)?.range?.[1] ?? 0;
}

/** Replaces an empty value (`key:`, `key: null`) or adds a value under a key with none. */
function fillEmpty(src: Source, pair: Pair, value: unknown): TextEdit[] {
  const node = pair.value as Node | null;
  const colon = colonAfterKey(src, pair);
  const newText = src.eol + block(src, value, childIndent(src, pair)).replace(/\r?\n$/, '');
  if (!node?.range || node.range[1] <= node.range[0]) {
    // Nothing written (`key:`, perhaps with a comment): the block goes after the line, so a
    // comment on it stays a comment rather than being glued to the new value.
    const at = lineEnd(src, colon);
    return [{ start: at, end: at, newText }];
  }
  // `key: ~` loses the `~`; a comment between the colon and the value stays.
  const start = src.text.slice(colon, node.range[0]).trim() === '' ? colon : node.range[0];
  return [{ start, end: node.range[1], newText }];
}

/** The end of the line holding `offset`, before its line break. */
function lineEnd(src: Source, offset: number): number {
  const newline = src.text.indexOf('\n', offset);
  if (newline < 0) return src.text.length;
  return src.text[newline - 1] === '\r' ? newline - 1 : newline;
}

/**
 * Ensures the map at `path` holds each of `entries`' keys; keys already present are left as
 * they are (their values are the user's). Missing maps along the path are created.
 */
export function ensureMapEntries(text: string, doc: Document, path: readonly PathSegment[], entries: Record<string, unknown>): TextEdit[] {
  const src = source(text, doc);
  const found = walk(doc, path);
  if (found.depth === path.length) {
    if (isMap(found.node)) {
      const present = new Set(found.node.items.map((item) => keyText(item)));
      const missing = Object.fromEntries(Object.entries(entries).filter(([key]) => !present.has(key)));
      return Object.keys(missing).length === 0 ? [] : appendToMap(src, found.node, found.pair, missing);
    }
    if (isEmptyValue(found.node) && found.pair) return fillEmpty(src, found.pair, entries);
    return [];
  }
  return addUnder(src, found, path, nest(path.slice(found.depth + 1), entries));
}

/** Adds `path[found.depth]: value` to the deepest existing node, if it is a map or empty. */
function addUnder(src: Source, found: Found, path: readonly PathSegment[], value: unknown): TextEdit[] {
  const key = String(path[found.depth]);
  if (isMap(found.node)) {
    if (found.node.items.length === 0 && !found.node.flow) return [];
    return appendToMap(src, found.node, found.pair, { [key]: value });
  }
  if (isEmptyValue(found.node) && found.pair) return fillEmpty(src, found.pair, { [key]: value });
  if (found.node === null && found.depth === 0) {
    const { at, prefix } = lineStartAfter(src, src.text.length);
    return [{ start: at, end: at, newText: prefix + block(src, { [key]: value }, 0) }];
  }
  return [];
}

/** Appends `items` to the list at `path`, creating it (and its parents) when absent. */
export function appendListItems(text: string, doc: Document, path: readonly PathSegment[], items: unknown[]): TextEdit[] {
  if (items.length === 0) return [];
  const src = source(text, doc);
  const found = walk(doc, path);
  if (found.depth < path.length) return addUnder(src, found, path, nest(path.slice(found.depth + 1), items));
  const list = found.node;
  if (isEmptyValue(list) && found.pair) return fillEmpty(src, found.pair, items);
  if (!isSeq(list)) return [];
  if (list.flow) {
    const close = closingBracket(src, list, ']');
    if (close === null) return [];
    if (list.items.length > 0) return [{ start: close, end: close, newText: ', ' + flow(items).slice(1, -1) }];
    if (!found.pair) return [{ start: list.range![0], end: list.range![1], newText: flow(items) }];
    return [{ start: colonAfterKey(src, found.pair), end: list.range![1], newText: src.eol + block(src, items, childIndent(src, found.pair)).replace(/\r?\n$/, '') }];
  }
  // The dash before the first item (which may start on a later line: `-\n  key: value`).
  const first = list.items[0] as Node | null;
  const dash = first?.range ? src.text.lastIndexOf('-', first.range[0] - 1) : -1;
  if (dash < 0 || dash < list.range![0] || besideIndentedBom(src, dash)) return [];
  const last = list.items[list.items.length - 1] as Node;
  const place = insertionAfter(src, last.range![2], column(src, dash));
  return place ? [{ start: place.at, end: place.at, newText: place.prefix + block(src, items, column(src, dash)) }] : [];
}

/**
 * Applies non-overlapping edits to `text` as LSP does: inserts at one position appear in the
 * order of the array (for tests and for the CLI's fix mode).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.start - a.edit.start || b.edit.end - a.edit.end || b.index - a.index)
    .reduce((result, { edit }) => result.slice(0, edit.start) + edit.newText + result.slice(edit.end), text);
}
