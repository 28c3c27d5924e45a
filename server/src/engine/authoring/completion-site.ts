// Where a completion request lands: on a key being written (of which map) or on a value (of
// which key). A half-written line is seldom YAML yet, so the text is parsed with a marker
// character at the cursor, as image-tag completion does: on an empty line the marker becomes a
// key of the map whose indentation the cursor has, after a partial key it completes the key,
// and after `key: ` it is the value. Errors elsewhere in the file do not matter: the parser
// still builds the nodes around the cursor.
import { lineAt } from '../lines';
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar } from 'yaml';
import type { EngineSettings, OffsetRange } from '../types';
import { keyText, locate, resolveNode, type PathSegment } from '../yaml-nodes';
import type { LayerText } from '../layers/analyze';
import { documentTypedInto, readValuesFile, type ValuesDocument } from '../values-file';
import { probeAt } from './probe';
import { columnOf, findNodeAround, rangeOf } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';

/** A private-use character: valid inside any YAML scalar, never typed. */
export const CURSOR_MARKER = '\uE000';

interface SiteBase {
  /** The document parsed with the marker; its nodes' offsets are those of the marked text. */
  document: ValuesDocument;
  /** What to replace in the original text (the typed word, quotes excluded). */
  edit: OffsetRange;
  /** What was typed of the word before the cursor. */
  typed: string;
  /** Inside `{…}` or `[…]`: entries go on the same line. */
  flow: boolean;
}

export interface KeySite extends SiteBase {
  kind: 'key';
  /** Path of the map the key goes into. */
  mapPath: PathSegment[];
  /** Keys the map already has (merge keys' sources included), the one being typed excluded. */
  present: Set<string>;
  /** Column the key starts at, for the indentation of what goes under it. */
  column: number;
  /** The key is already followed by `:`: only its name is replaced. */
  hasColon: boolean;
  /**
   * A word alone under `key:` or after `- `: a key when the schema wants a map there, else
   * the value itself (`mapPath` is then the value's path).
   */
  orValue: boolean;
}

export interface ValueSite extends SiteBase {
  kind: 'value';
  /** Path of the value: the key's path, or the list item's. */
  path: PathSegment[];
  quoted: boolean;
}

export type CompletionSite = KeySite | ValueSite;

/** One completion, in the engine's terms; the server turns it into a protocol item. */
export interface AuthoringCompletion {
  label: string;
  kind: 'key' | 'value';
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Replaces the typed word; the text may span lines, indented for where it goes. */
  edit: { range: OffsetRange; newText: string };
  filterText?: string;
  sortText: string;
}

function hasMarker(node: unknown): node is Scalar {
  return isScalar(node) && typeof node.value === 'string' && node.value.includes(CURSOR_MARKER);
}

/** Keys of a map, with those a `<<` merge key brings in. */
function keysOf(doc: Document, map: unknown, depth = 0): string[] {
  if (!isMap(map) || depth > 8) return [];
  return map.items.flatMap((pair) => {
    const key = keyText(pair);
    if (key !== '<<') return key === null ? [] : [key];
    const value = pair.value as Node | null;
    const sources = isSeq(value) ? value.items : [value];
    return sources.flatMap((source) => keysOf(doc, resolveNode(doc, source), depth + 1));
  });
}

/** The keys the analysed document has in the map at `path` (its own parse, not the probe's), but the one being typed at `offset`. */
function presentInDocument(document: ValuesDocument, path: PathSegment[], offset: number): string[] {
  const map = path.length === 0 ? document.doc.contents : locate(document.doc, path)?.value;
  if (!isMap(map)) return [];
  return map.items.flatMap((pair) => {
    const range = rangeOf(pair.key as Node | null);
    const key = keyText(pair);
    return key === null || key === '<<' || (range && range.start <= offset && offset <= range.end) ? [] : [key];
  });
}

export function completionSite(
  text: string,
  offset: number,
  settings: EngineSettings,
  path?: string,
  bases?: readonly LayerText[],
  yaml: YamlSource = new YamlCache(),
): CompletionSite | null {
  const file = readValuesFile({ text, path, bases }, settings, yaml);
  const document = documentTypedInto(file, offset);
  if (!document) return null;
  const probe = probeAt(file, offset, offset, CURSOR_MARKER);
  for (const doc of probe.docs) {
    const found = findNodeAround(doc, probe.toProbe(offset), hasMarker);
    if (!found || !isScalar(found.node)) continue;
    const scalar = found.node as Scalar;
    const value = String(scalar.value);
    const typed = value.slice(0, value.indexOf(CURSOR_MARKER));
    const range = rangeOf(scalar) ?? { start: probe.toProbe(offset), end: probe.toProbe(offset) + 1 };
    const quoted = scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE';
    const contentRange = quoted ? { start: range.start + 1, end: range.end - 1 } : range;
    const edit = { start: probe.toText(contentRange.start), end: probe.toText(contentRange.end) };
    const flow = Boolean(found.parent && 'flow' in found.parent && found.parent.flow);
    const base = { document, edit, typed, flow };
    const block = (mapPath: PathSegment[], present: Set<string>, hasColon: boolean, orValue: boolean): KeySite => ({
      ...base, kind: 'key', mapPath, present, column: columnOf(text, edit.start), hasColon, orValue,
    });

    if (found.role === 'key') {
      const present = new Set(keysOf(doc, found.parent).filter((key) => !key.includes(CURSOR_MARKER)));
      // The probe holds one entry of the map a key is typed in at the top level or one below (`modelGroups`).
      if (found.path.length <= 2) for (const key of presentInDocument(document, found.path.slice(0, -1), offset)) present.add(key);
      const hasColon = /^[ \t]*:/.test(probe.text.slice(range.end));
      return block(found.path.slice(0, -1), present, hasColon, false);
    }
    // A word alone on the line under `key:` or after `- ` is a key of a map not written yet.
    const keyNode = found.pair?.key as Node | undefined;
    const keyRange = rangeOf(keyNode);
    const startsOwnLine = keyRange !== null && !quoted && lineAt(probe.text, keyRange.start) < lineAt(probe.text, range.start);
    const isListItem = found.pair === null && isSeq(found.parent) && !quoted;
    const isRoot = found.path.length === 0 && !quoted;
    if ((startsOwnLine || isListItem || isRoot) && !typed.includes(':') && !typed.includes(' ')) {
      return block(found.path, new Set(), false, true);
    }
    return { ...base, kind: 'value', path: found.path, quoted };
  }
  return null;
}
