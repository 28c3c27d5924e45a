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
import { isMap, isScalar, type Document, type Node, type Pair, type Scalar, type Schema, type YAMLError, type YAMLMap } from 'yaml';
import { parseEntryWithLibrary, quoteMayCloseCleanly, unclosedQuote } from './yaml-entry-library';
import { parseFastPathMap } from './yaml-fast-path';

/** Where two texts differ: `old[start, oldEnd)` became `text[start, newEnd)`. */
export interface TextChange {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The entry of a map that was parsed again, as the entries that replaced it: none (it was
 * deleted), itself, or several (a group pasted before it). Their lines in the new text.
 */
export interface ReparsedEntry {
  /** Keys from the root to the map holding the entry: `[]` or `[outer key]`. */
  mapKeys: string[];
  /** The map, now holding `added` where `replaced` were. */
  map: YAMLMap;
  replaced: Pair[];
  added: Pair[];
  start: number;
  end: number;
  /** The entry has errors: a full parse may read the entries after it otherwise (see yaml-entry-library.ts). */
  divergent: boolean;
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

/** How an entry was read again: by the fast path, or by the library with its errors (yaml-entry-library.ts). */
export interface ReparseOptions {
  /** Derive only when the change is inside the entry starting here (the one whose errors may differ from a full parse). */
  onlyEntryAt?: number;
  /**
   * The document's anchored nodes (a document the library built): an entry that holds one is not
   * re-read alone, since aliases elsewhere read it; an entry's aliases must name one before it.
   */
  anchors?: readonly Node[];
}

/**
 * `doc` (a document of `before` the fast path built, perhaps with entries since re-read by the
 * library) turned into the document of `after`, re-parsing only the map entry, at the top level
 * or one below, whose lines hold the whole change.
 */
export function reparseEntry(doc: Document, before: string, after: string, options: ReparseOptions = {}): ReparsedEntry | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow || doc.range === undefined) return null;
  const change = textChange(before, after);
  const delta = change.newEnd - change.oldEnd;
  const outer = entryHolding(root, before, change, before.length);
  if (outer === null) return null;
  const outerPair = root.items[outer.index];
  const inner = isMap(outerPair.value) && !outerPair.value.flow && outer.last === outer.index ? entryHolding(outerPair.value, before, change, outer.end) : null;
  const target = inner ?? outer;
  if (options.onlyEntryAt !== undefined && (target.start !== options.onlyEntryAt || target.last !== target.index)) return null;
  const map = inner ? (outerPair.value as YAMLMap) : root;
  const oldPairs = map.items.slice(target.index, target.last + 1) as Pair[];
  const oldPair = oldPairs[0];
  const keyOf = (pair: Pair | undefined) => (pair && isScalar(pair.key) ? pair.key.value : undefined);
  // Values are spliced by these keys (yaml-source.ts): only keys that are their own property name.
  if (!isPlainKey(keyOf(outerPair)) || oldPairs.some((pair) => !isPlainKey(keyOf(pair)))) return null;
  const siblingFollows = target.last + 1 < map.items.length;
  // The first content line after the entry: parsed with it, since it decides where the entry ends.
  const sentinel = target.end < before.length ? target.end + delta : null;
  const to = sentinel === null ? after.length : lineEnd(after, sentinel);
  const read = readEntry({ after, start: target.start, sentinel, to, schema: doc.schema as Schema, siblingFollows, nested: inner !== null });
  if (read === null) return null;
  const { map: slice } = read;
  if (!anchorsAllow(options.anchors ?? [], read.aliases, target.start, target.end)) return null;
  // The entries that take the old one's place, then (unless read alone) the next one's key line.
  const withSentinel = siblingFollows && !read.alone;
  const added = (withSentinel ? slice.items.slice(0, -1) : slice.items) as Pair[];
  if (withSentinel && keyOf(slice.items[slice.items.length - 1]) !== keyOf(map.items[target.last + 1])) return null;
  const column = (pair: Pair) => (pair.key as Scalar).range![0] - lineStartAt(after, (pair.key as Scalar).range![0]);
  const oldColumn = (oldPair.key as Scalar).range![0] - lineStartAt(before, (oldPair.key as Scalar).range![0]);
  if (added.some((pair) => !isPlainKey(keyOf(pair)) || column(pair) !== oldColumn || !(pair.value as Scalar | null)?.range)) return null;
  if (added.length > 0 && lineStartAt(after, (added[0].key as Scalar).range![0]) !== target.start) return null;
  if (!(added.length === 1 && oldPairs.length === 1 && keyOf(added[0]) === keyOf(oldPair)) && !keysStayUnique(map, target.index, target.last, added)) return null;
  if (added.length === 0 && !withSentinel) return null;
  // Where the document starts follows its first key: leave a change of that to a full parse.
  if (!inner && target.index === 0 && (added.length === 0 || (added[0].key as Scalar).range![0] !== (oldPair.key as Scalar).range![0])) return null;
  // An error on the next entry's key line may depend on the lines after it (a full parse of which
  // tells), or belong to this entry (a collection left open): either way, not this entry's to say.
  if (sentinel !== null && withSentinel) {
    const onLine = (errors: readonly YAMLError[], from: number, text: string) => errors.some((error) => error.pos[0] >= from && error.pos[0] <= lineEnd(text, from));
    if (onLine(doc.errors, target.end, before) || onLine(read.errors, sentinel, after)) return null;
  }
  // The old entry's errors go, later ones move. An error at the end of the input (an unclosed collection) is the last entry's.
  const ownedEnd = sentinel === null ? Infinity : target.end;
  doc.errors = [
    ...doc.errors.filter((error) => error.pos[0] < target.start),
    ...read.errors,
    ...doc.errors.filter((error) => error.pos[0] >= ownedEnd).map((error) => {
      error.pos = [error.pos[0] + delta, error.pos[1] + delta];
      return error;
    }),
  ];
  map.items.splice(target.index, oldPairs.length, ...added);
  for (let i = target.index + added.length; i < map.items.length; i++) shiftNode(map.items[i], delta);
  if (inner) {
    fitMap(map);
    for (let i = outer.index + 1; i < root.items.length; i++) shiftNode(root.items[i], delta);
  }
  fitMap(root);
  const rootEnd = root.range![2];
  if (sentinel === null) {
    // The entry ends the document: whether it ends empty may have changed.
    const endsEmpty = rootEnd === read.lastLineEnd && read.lastLineEnd < after.length;
    doc.range = [doc.range[0], rootEnd, endsEmpty ? rootEnd : after.length];
  } else {
    doc.range = [doc.range[0], rootEnd, doc.range[2] + delta];
  }
  const mapKeys = inner ? [String(keyOf(outerPair))] : [];
  return { mapKeys, map, replaced: oldPairs, added, start: target.start, end: to, divergent: read.errors.length > 0 };
}

/**
 * Whether the keys of `added`, put in place of the entries at `index`..`last`, are unique in `map`; a map
 * with a merge key is not judged (its keys come from elsewhere too).
 */
function keysStayUnique(map: YAMLMap, index: number, last: number, added: readonly Pair[]): boolean {
  const keys = new Set<unknown>();
  for (let i = 0; i < map.items.length; i++) {
    if (i >= index && i <= last) continue;
    const key = isScalar(map.items[i].key) ? (map.items[i].key as Scalar).value : undefined;
    if (!isPlainKey(key)) return false;
    keys.add(key);
  }
  for (const pair of added) {
    const key = (pair.key as Scalar).value;
    if (keys.has(key)) return false;
    keys.add(key);
  }
  return true;
}

interface EntrySlice {
  after: string;
  start: number;
  /** Start of the line after the entry, or null when the entry ends the text. */
  sentinel: number | null;
  /** End of that line (or of the text). */
  to: number;
  schema: Schema;
  siblingFollows: boolean;
  /** An entry of a map one level down (a model group), not of the root map. */
  nested: boolean;
}

interface ReadEntry {
  map: YAMLMap;
  aliases: string[];
  errors: YAMLError[];
  lastLineEnd: number;
  /** Parsed without the line after it (no sibling key to check). */
  alone: boolean;
}

/**
 * The entry's lines (with the next line, which decides where it ends) as a one- or two-item map:
 * by the fast path, else by the library, with the errors of text that is not valid YAML yet.
 */
function readEntry(slice: EntrySlice): ReadEntry | null {
  const { after, start, sentinel, to, siblingFollows } = slice;
  const fast = parseFastPathMap(after, start, to, slice.schema);
  if (fast !== null) {
    // The entry alone, then either the next sibling's key line, a shallower line, or the end.
    if (siblingFollows ? fast.used !== fast.lines : fast.used !== (sentinel === null ? fast.lines : fast.lines - 1)) return null;
    return { map: fast.map, aliases: [], errors: [], lastLineEnd: fast.lastLineEnd, alone: false };
  }
  // A shallower line after the last entry of a nested map is no item of the entry's map: leave it out.
  const end = siblingFollows || sentinel === null ? to : sentinel;
  // A line shallower than the entry's key inside it belongs to an outer map: the file's outer structure changed.
  if (!indentedUnder(after, start, sentinel ?? end)) return null;
  const library = parseEntryWithLibrary(after, start, end, slice.nested);
  if (library === null) return null;
  // A comment after the last entry of a map stretches the range of a node that depends on what
  // follows (the fast path leaves such text to a full parse too).
  if (!siblingFollows && after.slice(library.lastLineEnd, end).includes('#')) return null;
  const quote = unclosedQuote(library.errors);
  if (quote === null || sentinel === null) return { ...library, alone: !siblingFollows };
  // A quote left open runs on into the next entry: read the entry alone when a full parse fails as well.
  if (quoteMayCloseCleanly(after, sentinel, quote)) return null;
  const alone = siblingFollows ? parseEntryWithLibrary(after, start, sentinel, slice.nested) : library;
  return alone !== null && alone.errors.length > 0 ? { ...alone, alone: true } : null;
}

/**
 * The lines of the entry, at the top level or one below, that hold [start, end) of `text` (the
 * text `doc` was parsed from), with the key of the top-level entry it sits in when one below;
 * null when they lie outside every entry (before the first key, or across two).
 */
export function entryLinesAround(doc: Document, text: string, start: number, end: number): { start: number; end: number; outerKey: string | null } | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return null;
  const change = { start, oldEnd: end, newEnd: end };
  const outer = entryHolding(root, text, change, text.length);
  if (outer === null) return null;
  const outerPair = root.items[outer.index];
  const inner = isMap(outerPair.value) && !outerPair.value.flow ? entryHolding(outerPair.value, text, change, outer.end) : null;
  const outerKey = isScalar(outerPair.key) ? outerPair.key.value : undefined;
  if (inner === null) return { start: outer.start, end: outer.end, outerKey: null };
  return isPlainKey(outerKey) ? { start: inner.start, end: inner.end, outerKey: outerKey as string } : null;
}

/**
 * The entry of block map `map` whose lines (its key's line up to the next key's line, or
 * `mapEnd`) hold the whole change; its index and those bounds in the old text.
 */
function entryHolding(map: YAMLMap, text: string, change: TextChange, mapEnd: number): { index: number; last: number; start: number; end: number } | null {
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
  // A change that runs into later entries' lines (a group deleted along with the next one's first
  // characters, as the shortest difference often reads) holds them all.
  let last = found;
  // A change from inside a line through the line break before the next key joins that key's line
  // to the partial line (`enabled: tr|ue\n|images:` becomes `enabled: trimages:`): it holds that entry too.
  const joinsLineAt = (lineStart: number) => lineStart === change.oldEnd && change.start < change.oldEnd && change.start > 0 && text[change.start - 1] !== '\n';
  while (last + 1 < items.length && (lineStartAt(text, keyStart(items[last + 1])) < change.oldEnd || joinsLineAt(lineStartAt(text, keyStart(items[last + 1]))))) last++;
  const start = lineStartAt(text, keyStart(items[found]));
  const end = last + 1 < items.length ? lineStartAt(text, keyStart(items[last + 1])) : mapEnd;
  // An insertion at `end` belongs to the next entry's line.
  const inside = change.oldEnd <= end && (change.start < end || (change.start === end && end === text.length && change.oldEnd === end));
  return inside ? { index: found, last, start, end } : null;
}

/**
 * Whether re-reading the entry at [start, end) of the old text leaves every alias reading what a
 * full parse would: the old entry holds no anchor, and each alias of the new one names an anchor
 * on a node that ends before the entry (so it cannot contain the entry, either).
 */
function anchorsAllow(anchors: readonly Node[], aliases: readonly string[], start: number, end: number): boolean {
  if (anchors.length === 0) return aliases.length === 0;
  if (anchors.some((node) => node.range![0] >= start && node.range![0] < end)) return false;
  return aliases.every((name) => anchors.some((node) => node.anchor === name && node.range![1] <= start));
}

/** Whether every line with content after the first in [start, end) is indented at least as deep as the first. */
function indentedUnder(text: string, start: number, end: number): boolean {
  let column = 0;
  while (text.charCodeAt(start + column) === 32) column++;
  for (let line = lineEnd(text, start) + 1; line < end; line = lineEnd(text, line) + 1) {
    let indent = 0;
    while (line + indent < end && (text[line + indent] === ' ' || text[line + indent] === '\t')) indent++;
    const first = text[line + indent];
    if (line + indent >= end || first === '\n' || first === '\r' || first === '#') continue;
    if (indent < column) return false;
  }
  return true;
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
