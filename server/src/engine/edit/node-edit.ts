// Edits on one node of a values file: replace a scalar keeping its quotes, replace a list item
// or a map value in place, set a value to null, remove a list item or a map entry with its lines. Like yaml-edit.ts they are
// computed against the source text around the parsed node, so nothing outside it moves, and
// a comment is lost only when it sits on the lines of the node that goes.
import { lineStartAt } from '../lines';
import { isCollection, isMap, isScalar, isSeq, parse, visit, type Document, type Node, type Pair, type Scalar } from 'yaml';
import { LineIndex } from '../lines';
import type { PathSegment } from '../yaml-nodes';
import { blockYaml, flow, walk, type TextEdit } from './yaml-edit';

export type ScalarValue = string | number | boolean;

/** Whether `source` reads back as exactly `value` when written plain (YAML 1.1, as Helm reads). */
function readsBackAs(source: string, value: string): boolean {
  if (source === '' || /[\n\r,[\]{}]/.test(source) || source !== source.trim()) return false;
  try {
    return parse(source, { version: '1.1' }) === value;
  } catch {
    return false;
  }
}

/** `value` written as YAML in the style of `original`: its quotes kept, plain only when safe. */
export function scalarSource(original: Scalar | null, value: ScalarValue): string {
  if (typeof value !== 'string') return String(value);
  if (original?.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (original?.type !== 'QUOTE_DOUBLE' && readsBackAs(value, value)) return value;
  // JSON's escapes are valid in a YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** Replaces a scalar node (a value or a key) with `value`, keeping its quoting style. */
export function replaceScalar(node: Scalar, value: ScalarValue): TextEdit[] {
  if (!node.range) return [];
  return [{ start: node.range[0], end: node.range[1], newText: scalarSource(node, value) }];
}

/** Replaces the scalar at `path` (written in the file, not through an alias) with `value`. */
export function replaceScalarAt(doc: Document, path: readonly PathSegment[], value: ScalarValue): TextEdit[] {
  const found = walk(doc, path);
  return found.depth === path.length && isScalar(found.node) ? replaceScalar(found.node, value) : [];
}

/** Whether removing `node` would leave an alias pointing at nothing. */
function definesAnchor(node: unknown): boolean {
  let anchored = false;
  visit(node as Node, (_key, child) => {
    if ((isScalar(child) || isCollection(child)) && child.anchor) anchored = true;
  });
  return anchored;
}

/** After `offset`: past the rest of the line when only spaces or a comment follow, else `offset`. */
function throughLineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  const rest = text.slice(offset, newline < 0 ? text.length : newline);
  if (!/^[ \t\r]*(#.*)?$/.test(rest)) return offset;
  return newline < 0 ? text.length : newline + 1;
}

/** The same offset without the line break it may end with. */
function beforeLineBreak(text: string, offset: number): number {
  if (text[offset - 1] === '\n') offset--;
  if (text[offset - 1] === '\r') offset--;
  return offset;
}

/** The `-` that introduces a block list item starting at `start` (it may sit lines above). */
function dashBefore(text: string, start: number): number {
  let at = start - 1;
  while (at >= 0 && /\s/.test(text[at])) at--;
  return text[at] === '-' ? at : start;
}

function nodeEnd(node: Node): number {
  return node.range![2];
}

/**
 * Empties a block collection whose last entry goes: `key: []` (or `{}`) on the key's line, its
 * comment kept, and the entry's lines removed. Without a key (a list item) the node becomes `[]`.
 */
function emptyBlock(text: string, pair: Pair | null, first: number, end: number, empty: '[]' | '{}'): TextEdit[] {
  const start = lineStartAt(text, first);
  if (!pair || text.slice(start, first).trim() !== '' || (pair.value as Node | null)?.anchor) {
    return [{ start: first, end: beforeLineBreak(text, end), newText: empty }];
  }
  const colon = text.indexOf(':', (pair.key as Node).range![1]);
  return [{ start: colon + 1, end: colon + 1, newText: ' ' + empty }, { start, end, newText: '' }];
}

/** Removes the list item at `path` with its lines; the last item leaves `[]` behind. */
export function removeListItem(text: string, doc: Document, path: readonly PathSegment[]): TextEdit[] {
  const index = path[path.length - 1];
  const parent = walk(doc, path.slice(0, -1));
  const list = parent.node;
  if (parent.depth !== path.length - 1 || !isSeq(list) || typeof index !== 'number') return [];
  const item = list.items[index] as Node | undefined;
  if (!item?.range || definesAnchor(item)) return [];
  if (list.flow) {
    if (list.items.length === 1) return [{ start: list.range![0], end: list.range![1], newText: '[]' }];
    const next = list.items[index + 1] as Node | undefined;
    if (next) return [{ start: item.range[0], end: next.range![0], newText: '' }];
    const previous = list.items[index - 1] as Node;
    return [{ start: previous.range![1], end: item.range[1], newText: '' }];
  }
  const dash = dashBefore(text, item.range[0]);
  const end = throughLineEnd(text, nodeEnd(item));
  if (list.items.length === 1) return emptyBlock(text, parent.pair, dash, end, '[]');
  const start = lineStartAt(text, dash);
  return [{ start: text.slice(start, dash).trim() === '' ? start : dash, end, newText: '' }];
}

/** Removes the map entry at `path` with its lines; the last entry leaves `{}` behind. */
export function removeMapEntry(text: string, doc: Document, path: readonly PathSegment[]): TextEdit[] {
  const key = String(path[path.length - 1]);
  const parent = walk(doc, path.slice(0, -1));
  const map = parent.node;
  if (parent.depth !== path.length - 1 || !isMap(map)) return [];
  const index = map.items.findIndex((pair) => isScalar(pair.key) && String(pair.key.value) === key);
  const pair = map.items[index];
  if (!pair || definesAnchor(pair.value)) return [];
  const keyNode = pair.key as Node;
  const valueEnd = Math.max(keyNode.range![2], (pair.value as Node | null)?.range?.[2] ?? 0);
  const next = map.items[index + 1];
  if (map.flow) {
    if (map.items.length === 1) return [{ start: map.range![0], end: map.range![1], newText: '{}' }];
    if (next) return [{ start: keyNode.range![0], end: (next.key as Node).range![0], newText: '' }];
    const previous = map.items[index - 1];
    const previousEnd = (previous.value as Node | null)?.range?.[1] ?? (previous.key as Node).range![1];
    return [{ start: previousEnd, end: valueEnd, newText: '' }];
  }
  const end = throughLineEnd(text, valueEnd);
  if (map.items.length === 1) return emptyBlock(text, parent.pair, keyNode.range![0], end, '{}');
  const start = lineStartAt(text, keyNode.range![0]);
  // The first entry of a list item shares its line with the `-`: the next entry moves up.
  if (text.slice(start, keyNode.range![0]).trim() !== '') return next ? [{ start: keyNode.range![0], end: (next.key as Node).range![0], newText: '' }] : [];
  return [{ start, end, newText: '' }];
}

/** Replaces the list item at `path` with `value`, in place and in the list's style. */
export function replaceListItem(text: string, doc: Document, path: readonly PathSegment[], value: unknown): TextEdit[] {
  const index = path[path.length - 1];
  const parent = walk(doc, path.slice(0, -1));
  const list = parent.node;
  if (parent.depth !== path.length - 1 || !isSeq(list) || typeof index !== 'number') return [];
  const item = list.items[index] as Node | undefined;
  if (!item?.range || definesAnchor(item)) return [];
  if (list.flow || (isCollection(item) && item.flow)) return [{ start: item.range[0], end: item.range[1], newText: flow(value) }];
  const column = new LineIndex(text).positionAt(item.range[0]).character;
  const block = blockYaml(text, value, column);
  const rendered = block.slice(column, beforeLineBreak(block, block.length));
  return [{ start: item.range[0], end: beforeLineBreak(text, throughLineEnd(text, nodeEnd(item))), newText: rendered }];
}

/**
 * Replaces the value of the entry at `path` (which must exist) with `value`, and its key with
 * `key` when given: in flow style where the map or the old value is flow, else as a block under
 * the key. The entry's place, the other entries and their comments stay; what was on the old
 * value's lines goes.
 */
export function replaceMapValue(text: string, doc: Document, path: readonly PathSegment[], value: unknown, key?: string): TextEdit[] {
  const found = walk(doc, path);
  const map = walk(doc, path.slice(0, -1)).node;
  const node = found.node;
  if (found.depth !== path.length || !found.pair || !isMap(map) || !node?.range || definesAnchor(node)) return [];
  const keyNode = found.pair.key as Node;
  if (map.flow || (isCollection(node) && node.flow)) {
    if (key === undefined) return [{ start: node.range[0], end: node.range[1], newText: flow(value) }];
    return [{ start: keyNode.range![0], end: node.range[1], newText: flow({ [key]: value }).slice(1, -1).trim() }];
  }
  const column = new LineIndex(text).positionAt(keyNode.range![0]).character;
  const block = blockYaml(text, { [key ?? String(path[path.length - 1])]: value }, column);
  const rendered = block.slice(column, beforeLineBreak(block, block.length));
  return [{ start: keyNode.range![0], end: beforeLineBreak(text, throughLineEnd(text, nodeEnd(node))), newText: rendered }];
}

/** Sets a written map value (block or flow) to `null`, keeping a comment on the key's line. */
export function setNull(text: string, doc: Document, path: readonly PathSegment[]): TextEdit[] {
  const found = walk(doc, path);
  const value = found.node as Node | null;
  if (found.depth !== path.length || !found.pair || !value?.range) return [];
  if (isScalar(value)) return value.value === null ? [] : [{ start: value.range[0], end: value.range[1], newText: 'null' }];
  const colon = text.indexOf(':', (found.pair.key as Node).range![1]) + 1;
  const keyLineEnd = text.slice(colon).search(/\r?\n/);
  // A flow value, or a block value on the key's own line: replaced where it stands.
  if (keyLineEnd < 0 || value.range[0] < colon + keyLineEnd) return [{ start: value.range[0], end: value.range[1], newText: 'null' }];
  let end = value.range[1];
  while (end > colon && /[\r\n]/.test(text[end - 1])) end--;
  return [{ start: colon, end: colon, newText: ' null' }, { start: colon + keyLineEnd, end, newText: '' }];
}
