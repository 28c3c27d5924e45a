// What sits at an offset of a parsed YAML document: the key or value scalar (or alias) under
// the cursor, the path of its entry and the collection holding it. Paths follow the text as
// written (an anchored map is walked where it is defined), which is what hover and navigation
// need; aliases are reported as such rather than followed.
import { isTrimmedSpace } from '../lines';
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { OffsetRange } from '../types';
import { keyText, type PathSegment } from '../yaml-nodes';

export interface NodeAtOffset {
  /** Path of the entry: ends with the key for a key or a map value, with the index for a list item. */
  path: PathSegment[];
  /** On the key of a map entry, or on a value (a map value or a list item). */
  role: 'key' | 'value';
  node: Scalar | Alias;
  /** The map entry, when the node is its key or value. */
  pair: Pair | null;
  /** The collection holding the entry or item. */
  parent: YAMLMap | YAMLSeq | null;
}

/** Nesting deeper than this is not a values file anyone writes; it bounds the walk. */
const MAX_DEPTH = 64;

export function rangeOf(node: { range?: [number, number, number] | null } | null | undefined): OffsetRange | null {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : null;
}

function contains(node: Node | null | undefined, offset: number): boolean {
  const range = rangeOf(node);
  return range !== null && range.start <= offset && offset <= range.end;
}

/** The first scalar or alias, key or value, that `matches`, walking collections that `enter`. */
export function findNode(
  doc: Document,
  matches: (node: Scalar | Alias) => boolean,
  enter: (node: YAMLMap | YAMLSeq) => boolean = () => true,
): NodeAtOffset | null {
  const walk = (node: unknown, path: PathSegment[], parent: YAMLMap | YAMLSeq | null, pair: Pair | null): NodeAtOffset | null => {
    if (path.length > MAX_DEPTH) return null;
    if (isScalar(node) || isAlias(node)) return matches(node) ? { path, role: 'value', node, pair, parent } : null;
    if (isMap(node)) {
      if (!enter(node)) return null;
      for (const item of node.items) {
        const key = keyText(item);
        if (key === null) continue;
        if ((isScalar(item.key) || isAlias(item.key)) && matches(item.key)) {
          return { path: [...path, key], role: 'key', node: item.key, pair: item, parent: node };
        }
        const found = walk(item.value, [...path, key], node, item);
        if (found) return found;
      }
    } else if (isSeq(node)) {
      if (!enter(node)) return null;
      for (const [index, item] of node.items.entries()) {
        const found = walk(item, [...path, index], node, null);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(doc.contents, [], null, null);
}

/**
 * findNode for a node known to hold `offset` (a completion marker): only the collections around
 * it are walked, not the 999 other groups. A parse with errors may not nest its ranges: then all.
 */
export function findNodeAround(doc: Document, offset: number, matches: (node: Scalar | Alias) => boolean): NodeAtOffset | null {
  return doc.errors.length === 0 ? findNode(doc, matches, (collection) => contains(collection, offset)) : findNode(doc, matches);
}

/** The scalar or alias at `offset` (its end included, where a cursor after a word sits). */
export function nodeAt(doc: Document, offset: number): NodeAtOffset | null {
  return findNode(doc, (node) => contains(node, offset), (collection) => contains(collection, offset));
}

/** The pair whose key is `key` directly in `map` (merge keys are not followed). */
export function pairIn(map: unknown, key: string): Pair | null {
  if (!isMap(map)) return null;
  return map.items.find((item) => isPair(item) && keyText(item) === key) ?? null;
}


/** Zero-based column of an offset. */
export function columnOf(text: string, offset: number): number {
  // lastIndexOf('\n', -1) looks at offset 0: a text starting with a line break would give -1.
  return offset === 0 ? 0 : offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The file's indentation step: the commonest increase of indentation from one content line to
 * the next, 2 when the file has none yet.
 */
export function indentUnit(text: string): number {
  const counts = new Map<number, number>();
  let previous: number | null = null;
  // One pass over character codes, no line strings: completion asks on every keystroke, of
  // files of 35,000 lines. A byte-order mark is no indentation.
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    let newline = text.indexOf('\n', at);
    if (newline === -1) newline = text.length;
    let content = at;
    while (content < newline && isTrimmedSpace(text.charCodeAt(content))) content++;
    const first = text.charCodeAt(content);
    const empty = content === newline;
    if (!empty && first !== 35 /* # */ && !text.startsWith('---', content)) {
      const indent = content - at;
      if (previous !== null && indent > previous) counts.set(indent - previous, (counts.get(indent - previous) ?? 0) + 1);
      previous = indent + (first === 45 /* - */ && text.charCodeAt(content + 1) === 32 ? 2 : 0);
    }
    at = newline + 1;
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}

/** A range without the line breaks and spaces a block node's end carries. */
export function trimEnd(text: string, range: OffsetRange): OffsetRange {
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return { start: range.start, end };
}
