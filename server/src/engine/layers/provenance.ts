// Where a merged value is written when several files are merged (`-f base -f override`): the
// topmost file that writes the path, unless a file above it writes something other than a map
// at a prefix of the path (a list, a scalar, a `null`): lists and scalars replace what is
// below them, and `null` deletes it, so nothing under that prefix comes from lower files.
import { isMap, isSeq, visit, type Document, type Node } from 'yaml';
import { indexedPairLookup, resolveNode, type NodeLocation, type PairLookup, type PathSegment } from '../yaml-nodes';


export interface LayerDocument {
  doc: Document;
  lookup: PairLookup;
}

export function layerDocument(doc: Document): LayerDocument {
  return { doc, lookup: indexedPairLookup(doc) };
}

const resolve = resolveNode;

type Walk = { found: NodeLocation } | { found: null; replaces: boolean };

/** Walks `path` in one file; when it stops short, says whether that file hides the lower ones. */
function walk(layer: LayerDocument, path: readonly PathSegment[]): Walk {
  const { doc, lookup } = layer;
  let node = resolve(doc, doc.contents);
  let key: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = lookup(node, String(segment));
      if (!pair) return { found: null, replaces: false }; // a map merges: look below
      key = pair.key as Node;
      node = resolve(doc, pair.value);
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      // The whole list replaces the lower files' lists, whatever its length.
      if (!Number.isInteger(index) || index < 0 || index >= node.items.length) return { found: null, replaces: true };
      key = null;
      node = resolve(doc, node.items[index]);
    } else {
      // An empty document says nothing; a scalar or null replaces (or deletes) what is below.
      return { found: null, replaces: node !== null || key !== null };
    }
  }
  return { found: { value: node, key } };
}

export interface LayerLocation {
  /** Index into the layers as given (topmost first). */
  layer: number;
  location: NodeLocation;
}

/** The file (topmost first) and node Helm takes the value at `path` from, or null (chart defaults). */
export function locateInLayers(layers: readonly LayerDocument[], path: readonly PathSegment[]): LayerLocation | null {
  for (let index = 0; index < layers.length; index++) {
    const step = walk(layers[index], path);
    if (step.found) return { layer: index, location: step.found };
    if (step.replaces) return null;
  }
  return null;
}

/**
 * Moves every node of a parsed document by `by` offsets, so that the documents of several
 * files can share one range of offsets (each file's text placed after the previous ones) and
 * the checks, which speak in offsets of one text, need not know there are several files.
 */
export function shiftDocument(doc: Document, by: number): void {
  if (by === 0) return;
  visit(doc, (_key, node) => {
    // A pair without a value (`{a}`, `? a`) is visited with a null node.
    const ranged = node as { range?: [number, number, number] | null } | null;
    if (ranged?.range) ranged.range = [ranged.range[0] + by, ranged.range[1] + by, ranged.range[2] + by];
  });
  if (doc.range) doc.range = [doc.range[0] + by, doc.range[1] + by, doc.range[2] + by];
}
