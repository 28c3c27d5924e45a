// Re-parsing after an edit: a keystroke inside one model group of a 35,000-line file changes
// one entry of one map, so only that entry's lines are parsed again (by the fast path) and the
// nodes after it move by the edit's length. The result is the document a full parse of the new
// text would give, node for node (test/unit/yaml-incremental.test.ts checks that on thousands
// of random edits), or null when the edit is not of that kind: the caller parses in full then.
//
// Only documents the fast path built are derived this way: their nodes carry nothing but
// ranges, values and scalar details, so moving them is moving their ranges. The previous
// document is changed in place and must not be used for the old text afterwards.
import { lineStartAt } from './lines';
import { isMap, isScalar, type Document, type Pair, type Scalar, type Schema, type YAMLMap } from 'yaml';
import { parseFastPathMap } from './yaml-fast-path';

/** Where two texts differ: `old[start, oldEnd)` became `text[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The entry of a map that was parsed again: its keys from the root, its new pair and its lines in the new text. */
export interface ReparsedEntry {
  keys: string[];
  pair: Pair;
  start: number;
  end: number;
}

/** The smallest change that turns `before` into `after` (common prefix and suffix). */
export function textChange(before: string, after: string): TextChange {
  const limit = Math.min(before.length, after.length);
  let start = 0;
  // Chunks first: comparing slices runs natively, far faster than a character loop.
  const CHUNK = 4096;
  while (start + CHUNK <= limit && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const room = limit - start;
  while (suffix + CHUNK <= room && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) {
    suffix += CHUNK;
  }
  while (suffix < room && before.charCodeAt(before.length - suffix - 1) === after.charCodeAt(after.length - suffix - 1)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * `doc` (the fast path's document of `before`) turned into the document of `after`, re-parsing
 * only the map entry, at the top level or one below, whose lines hold the whole change.
 */
export function reparseEntry(doc: Document, before: string, after: string): ReparsedEntry | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow || doc.range === undefined) return null;
  const change = textChange(before, after);
  const delta = change.newEnd - change.oldEnd;
  const outer = entryHolding(root, before, change, before.length);
  if (outer === null) return null;
  const outerPair = root.items[outer.index];
  const inner = isMap(outerPair.value) && !outerPair.value.flow ? entryHolding(outerPair.value, before, change, outer.end) : null;
  const target = inner ?? outer;
  const map = inner ? (outerPair.value as YAMLMap) : root;
  const oldPair = map.items[target.index];
  // The first content line after the entry: parsed with it, since it decides where the entry ends.
  const sentinel = target.end < before.length ? target.end + delta : null;
  const to = sentinel === null ? after.length : lineEnd(after, sentinel);
  const parsed = parseFastPathMap(after, target.start, to, doc.schema as Schema);
  if (parsed === null) return null;
  const { map: slice } = parsed;
  const keyOf = (pair: Pair | undefined) => (pair && isScalar(pair.key) ? pair.key.value : undefined);
  // Values are spliced by these keys (yaml-source.ts): only keys that are their own property name.
  if (!isPlainKey(keyOf(outerPair)) || !isPlainKey(keyOf(oldPair))) return null;
  const siblingFollows = target.index + 1 < map.items.length;
  if (keyOf(slice.items[0]) !== keyOf(oldPair) || (slice.items[0].key as Scalar).range![0] !== (oldPair.key as Scalar).range![0]) return null;
  // The entry alone, then either the next sibling's key line, a shallower line, or the end.
  if (siblingFollows) {
    if (slice.items.length !== 2 || keyOf(slice.items[1]) !== keyOf(map.items[target.index + 1]) || parsed.used !== parsed.lines) return null;
  } else if (slice.items.length !== 1 || parsed.used !== (sentinel === null ? parsed.lines : parsed.lines - 1)) {
    return null;
  }
  const pair = slice.items[0] as Pair;
  map.items[target.index] = pair;
  for (let i = target.index + 1; i < map.items.length; i++) shiftNode(map.items[i], delta);
  if (inner) {
    fitMap(map);
    for (let i = outer.index + 1; i < root.items.length; i++) shiftNode(root.items[i], delta);
  }
  fitMap(root);
  const rootEnd = root.range![2];
  if (sentinel === null) {
    // The entry ends the document: whether it ends empty may have changed.
    const endsEmpty = rootEnd === parsed.lastLineEnd && parsed.lastLineEnd < after.length;
    doc.range = [doc.range[0], rootEnd, endsEmpty ? rootEnd : after.length];
  } else {
    doc.range = [doc.range[0], rootEnd, doc.range[2] + delta];
  }
  const keys = [String(keyOf(outerPair))];
  if (inner) keys.push(String(keyOf(pair)));
  return { keys, pair, start: target.start, end: to };
}

/**
 * The entry of block map `map` whose lines (its key's line up to the next key's line, or
 * `mapEnd`) hold the whole change; its index and those bounds in the old text.
 */
function entryHolding(map: YAMLMap, text: string, change: TextChange, mapEnd: number): { index: number; start: number; end: number } | null {
  const items = map.items as Pair[];
  let low = 0;
  let high = items.length - 1;
  // The last entry whose line starts at or before the change.
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lineStartAt(text, keyStart(items[middle])) <= change.start) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found === -1) return null;
  const start = lineStartAt(text, keyStart(items[found]));
  const end = found + 1 < items.length ? lineStartAt(text, keyStart(items[found + 1])) : mapEnd;
  // An insertion at `end` belongs to the next entry's line.
  const inside = change.oldEnd <= end && (change.start < end || (change.start === end && end === text.length && change.oldEnd === end));
  return inside ? { index: found, start, end } : null;
}

function isPlainKey(key: unknown): boolean {
  return typeof key === 'string' && key !== '__proto__';
}

function keyStart(pair: Pair): number {
  return (pair.key as Scalar).range![0];
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
}

/** A block map's range as the fast path sets it: first key to the end of the last value. */
function fitMap(map: YAMLMap): void {
  const last = (map.items[map.items.length - 1] as Pair).value as Scalar;
  map.range = [keyStart(map.items[0] as Pair), last.range![2], last.range![2]];
}

/**
 * Moves every range under `node` by `delta`, in place: a new array per node would cost more than
 * the walk. Fast-path nodes only (Scalar, YAMLMap of Pairs, YAMLSeq), so structure is read
 * directly rather than through the library's type guards, which this loop would call 100,000 times.
 */
function shiftNode(node: unknown, delta: number): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const next = stack.pop() as { range?: number[]; items?: unknown[]; key?: unknown; value?: unknown } | null;
    if (next === null || typeof next !== 'object') continue;
    const { range } = next;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (next.items) for (const item of next.items) stack.push(item);
    else if ('key' in next) stack.push(next.key, next.value); // a Pair
  }
}
