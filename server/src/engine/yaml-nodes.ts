// Finding the node a person would fix, given a path into the values (a JSON pointer split into
// segments). Aliases resolve to their anchors and `<<` merge keys are searched, because that
// is where the text to change lives.
import { isAlias, isMap, isNode, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { OffsetRange } from './types';

export type PathSegment = string | number;

export interface NodeLocation {
  /** The node holding the value at the path. */
  value: Node | null;
  /** The key node when the path ends in a map entry. */
  key: Node | null;
}

const MAX_ALIAS_HOPS = 64;

/** Where a document's table of alias targets is kept: on the document, built on first use. */
const ALIAS_TARGETS = Symbol('aliasTargets');

/**
 * Each alias of `doc` and the node it refers to: the last node before it with its anchor, as
 * the library resolves it. Built in one walk: the library's own `Alias.resolve(doc)` walks the
 * whole document for each alias, which on a fleet of 1,000 groups that alias one shared block
 * cost seconds per check. A document re-parsed in part keeps it true (replaceAliasTargets).
 */
function aliasTargets(doc: Document): Map<Alias, Node> {
  const holder = doc as unknown as { [ALIAS_TARGETS]?: Map<Alias, Node> };
  let targets = holder[ALIAS_TARGETS];
  if (!targets) {
    const table = new Map<Alias, Node>();
    const latest = new Map<string, Node>();
    visit(doc, (_key, node) => {
      if (isAlias(node)) {
        const target = latest.get(node.source);
        if (target) table.set(node, target);
      } else if (isNode(node) && node.anchor) {
        latest.set(node.anchor, node);
      }
    });
    targets = holder[ALIAS_TARGETS] = table;
  }
  return targets;
}

/**
 * Keeps a document's table of alias targets (when built) true after an entry was re-read: the
 * old entry's aliases go, the new one's refer to the last node before the entry with their anchor
 * (`anchors` in document order; the entry holds none: yaml-incremental.ts).
 */
export function replaceAliasTargets(doc: Document, removed: readonly unknown[], added: readonly unknown[], anchors: readonly Node[]): void {
  const table = (doc as unknown as { [ALIAS_TARGETS]?: Map<Alias, Node> })[ALIAS_TARGETS];
  if (!table) return;
  for (const pair of removed) visit(pair as Node, (_key, node) => {
    if (isAlias(node)) table.delete(node);
  });
  for (const pair of added) visit(pair as Node, (_key, node) => {
    if (!isAlias(node) || !node.range) return;
    const at = node.range[0];
    let target: Node | undefined;
    for (const anchored of anchors) if (anchored.anchor === node.source && anchored.range![0] < at) target = anchored;
    if (target) table.set(node, target);
  });
}

/** `node`, or what it refers to when it is an alias (of an alias...). */
export function resolveNode(doc: Document, node: unknown): Node | null {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < MAX_ALIAS_HOPS; hops++) current = aliasTargets(doc).get(current) ?? null;
  return (isAlias(current) ? null : (current ?? null)) as Node | null;
}

const resolve = resolveNode;

export function keyText(pair: Pair): string | null {
  const key = pair.key;
  if (!isScalar(key)) return null;
  // YAML 1.1 merge keys parse to a symbol; everything else is read as the text Helm would see.
  return typeof key.value === 'symbol' ? '<<' : String(key.value);
}

function findPair(doc: Document, map: Node, key: string, depth = 0): Pair | null {
  if (!isMap(map) || depth > 8) return null;
  let merged: Pair | null = null;
  for (const pair of map.items) {
    const text = keyText(pair);
    if (text === key) return pair;
    if (text === '<<' && merged === null) {
      const sources = resolve(doc, pair.value);
      const list = isSeq(sources) ? sources.items.map((item) => resolve(doc, item)) : [sources];
      for (const source of list) {
        const found = source ? findPair(doc, source, key, depth + 1) : null;
        if (found) {
          merged = found;
          break;
        }
      }
    }
  }
  return merged;
}

/** Walks `path` from the document root; returns null when the path is not written in the file. */
export type PairLookup = (map: Node, key: string) => Pair | null;

/**
 * A pair lookup that indexes each map the first time it is searched: checks that locate many
 * paths in a file of a thousand model groups would otherwise scan the groups again each time.
 * Owned by one analysis; the document must not change while it is used.
 */
export function indexedPairLookup(doc: Document): PairLookup {
  const indexes = new Map<Node, Map<string, Pair>>();
  return (map, key) => {
    if (!isMap(map)) return null;
    let index = indexes.get(map);
    if (!index) {
      index = new Map();
      for (const pair of map.items) {
        const text = keyText(pair);
        if (text !== null && !index.has(text)) index.set(text, pair);
      }
      indexes.set(map, index);
    }
    // Keys that come through `<<` merge keys are rare: fall back to the full search for them.
    return index.get(key) ?? (index.has('<<') ? findPair(doc, map, key) : null);
  };
}

export function locate(doc: Document, path: readonly PathSegment[], lookup?: PairLookup): NodeLocation | null {
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  for (const segment of path) {
    if (node === null) return null;
    if (isMap(node)) {
      const pair = lookup ? lookup(node, String(segment)) : findPair(doc, node, String(segment));
      if (!pair) return null;
      key = pair.key as Node;
      node = resolve(doc, pair.value);
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) return null;
      key = null;
      node = resolve(doc, node.items[index]);
    } else {
      return null;
    }
  }
  return { value: node, key };
}

export function nodeRange(node: Node | null | undefined): OffsetRange | null {
  const range = node?.range;
  if (!range) return null;
  return { start: range[0], end: range[1] };
}

/** The range of the value, or of its key when the value is empty (`key:` with nothing after). */
export function valueOrKeyRange(location: NodeLocation): OffsetRange | null {
  const value = nodeRange(location.value);
  if (value && value.end > value.start) return value;
  return nodeRange(location.key) ?? value;
}

/** The range of the key of the entry, or of the value for list items and the root. */
export function keyOrValueRange(location: NodeLocation): OffsetRange | null {
  return nodeRange(location.key) ?? nodeRange(location.value);
}

/** The key node of `name` inside the map at `location`, for unknown-key findings. */
export function childKeyRange(doc: Document, location: NodeLocation, name: string): OffsetRange | null {
  if (!location.value) return null;
  const pair = findPair(doc, location.value, name);
  return pair ? nodeRange(pair.key as Node) : null;
}

/** The nodes with an anchor of a library-built document, in document order. */
export function anchoredNodes(docs: readonly Document[]): Node[] {
  const nodes: Node[] = [];
  if (docs.length !== 1) return nodes;
  visit(docs[0], (_key, node) => {
    if (isNode(node) && node.anchor && node.range) nodes.push(node);
  });
  return nodes;
}
