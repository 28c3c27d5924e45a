// A file opened (or pasted) with a syntax error in one entry: the library reads it whole, and an
// error such as a quote never closed runs on through every entry after it (one unclosed quote in
// a 1,000-group file gave 510 yaml-syntax errors and lost half the groups' findings). Read as a
// person typing it would have been: the entries that are not valid YAML on their own are blanked
// (same offsets), the rest is parsed by the fast path, and each such entry is then read again
// alone, as an edit inside it is (yaml-incremental.ts): its errors at its place, every other
// entry parsed as it would be without it. Helm itself reads no part of a file with an error; the
// other entries' findings are those they will have once the error is fixed.
import { Document as YamlDocument, isMap, parseAllDocuments, visit, type Document, type Node, type Schema } from 'yaml';
import { parseEntryWithLibrary } from './yaml-entry-library';
import { FAST_PATH_OPTIONS, parseFastPath, parseFastPathMap } from './yaml-fast-path';
import { reparseEntry } from './yaml-incremental';
import { anchoredNodes } from './yaml-nodes';

/** Entries read again one by one at most: past this, the file is read whole as before. */
const MAX_BROKEN_ENTRIES = 8;

/** The map whose entries are checked one by one besides the top level's. */
const GROUPS_KEY = 'modelGroups';

/** The indentation given a line that cannot start an entry. */
const NOT_A_KEY = Number.MAX_SAFE_INTEGER;

interface Span {
  start: number;
  end: number;
  nested: boolean;
}

export interface LocalizedParse {
  doc: Document;
  /** Where the one entry with errors starts (an edit elsewhere keeps it); null for several. */
  divergentAt: number | null;
  /** The anchored nodes of a document the library built (a file with anchors), for later edits; none for the fast path's. */
  anchors: Node[];
  /**
   * Whether text outside the broken entries cannot make them valid: their errors are of a kind
   * no later line closes (a key typed over two lines, a key repeated), unlike a quote or a flow
   * collection left open, which a character further on may close. Only then may the next version
   * be read this way without asking the library first (yaml-source.ts).
   */
  local: boolean;
}

/** Errors that text outside their entry cannot turn into valid YAML. */
const LOCAL_ERRORS = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'DUPLICATE_KEY', 'TAB_AS_INDENT']);

/** The document with each broken entry read alone; null when the file is not of that shape. */
export function localizeErrors(text: string): LocalizedParse | null {
  const spans = entrySpans(text);
  if (spans === null) return null;
  const schema = new YamlDocument(undefined, FAST_PATH_OPTIONS).schema as Schema;
  const broken: Span[] = [];
  for (const span of spans) {
    // Past the bound the file is the library's: no need to read the rest entry by entry.
    if (isBroken(text, span, schema) && broken.push(span) > MAX_BROKEN_ENTRIES) return null;
  }
  if (broken.length === 0) return null;
  let current = blank(text, broken);
  const read = readBlanked(current);
  if (read === null) return null;
  const { doc, anchors } = read;
  let divergentAt: number | null = null;
  for (const span of broken) {
    const next = current.slice(0, span.start) + text.slice(span.start, span.end) + current.slice(span.end);
    const entry = reparseEntry(doc, current, next, { anchors });
    if (entry === null) return null;
    divergentAt = entry.divergent ? span.start : divergentAt;
    current = next;
  }
  // Never a text read as valid that the library finds invalid.
  if (doc.errors.length === 0) return null;
  const local = doc.errors.every((error) => LOCAL_ERRORS.has(error.code));
  return { doc, divergentAt: broken.length === 1 ? divergentAt : null, anchors, local };
}

/**
 * The text with its broken entries blanked: by the fast path, or (anchors, block scalars) by the
 * library, which must then find it valid, one block map.
 */
function readBlanked(text: string): { doc: Document; anchors: Node[] } | null {
  const fast = parseFastPath(text);
  if (fast !== null) return isMap(fast.contents) ? { doc: fast, anchors: [] } : null;
  const docs = parseAllDocuments(text, FAST_PATH_OPTIONS);
  if (!Array.isArray(docs) || docs.length !== 1) return null;
  const [doc] = docs;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(doc.contents) || doc.contents.flow || !aliasesResolve(doc)) return null;
  return { doc, anchors: anchoredNodes(docs) };
}

/**
 * Whether every alias names an anchor before it. One that names an anchor inside a blanked entry
 * reads values that entry's error hides (a quote left open swallows the anchor): such a file is
 * the library's to read.
 */
function aliasesResolve(doc: Document): boolean {
  const seen = new Set<string>();
  let resolves = true;
  visit(doc, {
    Alias(_key, node) {
      if (!seen.has(node.source)) {
        resolves = false;
        return visit.BREAK;
      }
      return undefined;
    },
    Node(_key, node) {
      if (node.anchor) seen.add(node.anchor);
    },
  });
  return resolves;
}

/**
 * `text` with the spans' characters but line breaks turned to spaces: blank lines, same offsets.
 * A span's own `key:` line stays (an empty value), so that reading the entry again re-reads that
 * entry and not the one after it, which a quote left open would otherwise run into.
 */
function blank(text: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    const lineEnd = text.indexOf('\n', span.start);
    const keyEnd = lineEnd >= 0 && lineEnd < span.end && KEY_LINE.test(text.slice(span.start, lineEnd)) ? lineEnd : span.start;
    out += text.slice(at, keyEnd) + text.slice(keyEnd, span.end).replace(/[^\r\n]/g, ' ');
    at = span.end;
  }
  return out + text.slice(at);
}

/** A line of a key and nothing after its colon but a comment: `  llama:`. */
const KEY_LINE = /^ *[A-Za-z0-9_.\/-]+:[ \t]*(#.*)?\r?$/;

/** Whether the entry's lines are not valid YAML on their own (the fast path, else the library, says). */
function isBroken(text: string, span: Span, schema: Schema): boolean {
  // The lines up to the end of the entry's last line (the fast path and the library take a line end).
  const to = text[span.end - 1] === '\n' ? span.end - 1 : span.end;
  const fast = parseFastPathMap(text, span.start, to, schema);
  if (fast !== null && fast.used === fast.lines) return false;
  const alone = parseEntryWithLibrary(text, span.start, to, span.nested);
  return alone !== null && alone.errors.length > 0;
}

/**
 * The top level's entries and those of `modelGroups`, from the lines: an entry starts at a key
 * line of its map's indentation and runs to the next one. Null for a text of another shape (a
 * list at the root, several documents, tabs in the indentation).
 */
function entrySpans(text: string): Span[] | null {
  const lines: { start: number; end: number; indent: number }[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline + 1;
    const line = text.slice(start, end);
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) {
      if (/^(---|\.\.\.)(\s|$)/.test(line)) return null;
      // A tab in the indentation is an error of the line's own (YAML indents with spaces): it
      // starts no entry, and belongs to the one it is in.
      const indent = line.length - content.length;
      lines.push({ start, end, indent: line.slice(0, indent).includes('\t') ? NOT_A_KEY : indent });
    }
    start = end;
  }
  if (lines.length === 0 || lines[0].indent !== 0 || text[lines[0].start] === '-') return null;
  const spans: Span[] = [];
  const tops = lines.filter((line) => line.indent === 0);
  tops.forEach((top, index) => {
    const end = index + 1 < tops.length ? tops[index + 1].start : text.length;
    const isGroups = new RegExp(`^${GROUPS_KEY}:[ \\t]*(#.*)?\\r?\\n?$`).test(text.slice(top.start, top.end));
    const inside = lines.filter((line) => line.start > top.start && line.start < end);
    if (!isGroups || inside.length === 0) {
      spans.push({ start: top.start, end, nested: false });
      return;
    }
    const indent = inside.reduce((least, line) => Math.min(least, line.indent), NOT_A_KEY);
    if (indent === NOT_A_KEY) {
      spans.push({ start: top.start, end, nested: false });
      return;
    }
    const keys = inside.filter((line) => line.indent === indent && text[line.start + indent] !== '-');
    keys.forEach((key, at) => spans.push({ start: key.start, end: at + 1 < keys.length ? keys[at + 1].start : end, nested: true }));
  });
  return spans;
}
