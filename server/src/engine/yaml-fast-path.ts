// A fast path for the plain block YAML that values files are made of. The `yaml` library's
// general parser takes about 0.9 s on a 35,000-line file, most of it building a concrete syntax
// tree that the engine never reads; this builds the same nodes directly (classes, ranges,
// values, scalar types and sources, as its composer would) in one pass over the lines.
//
// It declines, returning null, at the first thing outside that subset: anchors, aliases, tags,
// block scalars, multi-line scalars or flow collections, several documents, tabs, CR, escapes
// in double quotes, duplicate keys, merge keys, anything the library would call an error.
// The library then parses the text as before, so a decline costs one partial scan.
// Comments are not attached to nodes: nothing in the engine reads them from the tree, and a
// document from here is never turned back into text. test/unit/yaml-fast-path.test.ts checks
// every node against the library's on the corpora and on thousands of mutations of them.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';
import { flowCollectionAt, quotedScalarAt, resolvePlain, Declined, type FlowContext } from './yaml-fast-flow';

/**
 * Tabs, CR, byte-order marks, control characters, NEL and the Unicode line separators, and
 * surrogates: each is whitespace, a line break or an error somewhere in YAML, and rare in values files.
 */
const OUTSIDE_SUBSET_CHARACTERS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/;

// logLevel 'error': converting a map with a collection as a key (text being typed reads so now
// and then) would otherwise print a process warning to stderr, from every document built here.
export const FAST_PATH_OPTIONS = { version: '1.1', uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

/** One line with content (blank and comment-only lines are skipped). */
interface Line {
  start: number;
  indent: number;
  /** Offset of the first non-space character. */
  content: number;
  /** Offset of the line break, or the text's length. */
  end: number;
  /** Offset just past the line break. */
  next: number;
  /** Whether comment lines follow before the next content line. */
  commentAfter: boolean;
}

type ValueNode = Scalar | YAMLMap | YAMLSeq;

/** The document the `yaml` library would compose from `text`, or null when `text` is outside the subset. */
export function parseFastPath(text: string): Document | null {
  if (text.length === 0 || OUTSIDE_SUBSET_CHARACTERS.test(text)) return null;
  const lines = contentLines(text);
  if (lines === null || lines.length === 0) return null;
  const doc = new Document(undefined, FAST_PATH_OPTIONS);
  try {
    const parser = new BlockParser(text, lines, doc.schema as Schema);
    const root = parser.rootNode();
    if (root === null) return null;
    doc.contents = root;
    // The document takes in what trails its last node, unless that node is an empty value
    // (`key:` on the last line), which ends before its line break.
    const last = lines[lines.length - 1];
    const endsEmpty = root.range![2] === last.end && last.end < text.length;
    doc.range = [lines[0].start, root.range![2], endsEmpty ? root.range![2] : text.length];
    return doc;
  } catch (error) {
    if (error instanceof Declined) return null;
    throw error;
  }
}

/** The content lines of `text` from `from` to `to` (a line start and a line end or the text's end). */
/**
 * A block map whose first key starts the line at `from`, parsed from the lines up to `to` (a
 * line end, or the text's end) as the fast path parses them inside a whole document; for
 * re-parsing one entry of a map after an edit (yaml-incremental.ts). `lines` is how many
 * content lines the slice has and `used` how many the map took; `lastLineEnd` where the last one
 * ends. Null where the fast path would decline.
 */
export function parseFastPathMap(
  text: string,
  from: number,
  to: number,
  schema: Schema,
): { map: YAMLMap; lines: number; used: number; lastLineEnd: number } | null {
  if (OUTSIDE_SUBSET_CHARACTERS.test(text.slice(from, to))) return null;
  const lines = contentLines(text, from, to);
  if (lines === null || lines.length === 0 || lines[0].start !== from) return null;
  try {
    const parser = new BlockParser(text, lines, schema);
    const map = parser.mapBlock();
    return map && { map, lines: lines.length, used: parser.used(), lastLineEnd: lines[lines.length - 1].end };
  } catch (error) {
    if (error instanceof Declined) return null;
    throw error;
  }
}

function contentLines(text: string, from = 0, to = text.length): Line[] | null {
  const lines: Line[] = [];
  // A comment indented deeper than the line after it belongs to the node before it and
  // stretches that node's range; such files are left to the library.
  let commentIndent = -1;
  for (let start = from; start < to; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline > to ? to : newline;
    let content = start;
    while (content < end && text.charCodeAt(content) === 32) content++;
    const first = text[content];
    if (first === '#' && content < end) {
      commentIndent = Math.max(commentIndent, content - start);
      if (lines.length > 0) lines[lines.length - 1].commentAfter = true;
    } else if (content < end) {
      // Directives and document markers start a multi-document or directive-bearing stream.
      if (content === start && (first === '%' || /^(---|\.\.\.)( |$)/.test(text.slice(start, Math.min(end, start + 4))))) return null;
      if (commentIndent > content - start) return null;
      commentIndent = -1;
      lines.push({ start, indent: content - start, content, end, next: newline === -1 ? end : newline + 1, commentAfter: false });
    }
    start = end + 1;
  }
  return commentIndent > 0 ? null : lines;
}

class BlockParser implements FlowContext {
  private index = 0;

  constructor(readonly text: string, private readonly lines: Line[], readonly schema: Schema) {}

  rootNode(): YAMLMap | YAMLSeq | null {
    const first = this.lines[0];
    if (!this.isSeqItem(first) && this.keyColon(first.content, first.end) === -1) return null;
    const root = this.block(first.indent);
    return this.index === this.lines.length ? root : null;
  }

  /** The block map at the first line, which must be one (see parseFastPathMap). */
  mapBlock(): YAMLMap | null {
    const first = this.lines[0];
    if (this.isSeqItem(first) || this.keyColon(first.content, first.end) === -1) return null;
    return this.map(first.indent, first.content);
  }

  /** How many lines the nodes built so far took. */
  used(): number {
    return this.index;
  }

  private block(indent: number): YAMLMap | YAMLSeq {
    const line = this.lines[this.index];
    return this.isSeqItem(line) ? this.sequence(indent) : this.map(indent, line.content);
  }

  private isSeqItem(line: Line): boolean {
    return this.text[line.content] === '-' && (line.content + 1 === line.end || this.text[line.content + 1] === ' ');
  }

  /** A block map whose keys sit at column `indent`; the first key may follow a `- ` at `firstKey`. */
  private map(indent: number, firstKey: number): YAMLMap {
    const map = new YAMLMap(this.schema);
    const keys = new Set<unknown>();
    let keyAt = firstKey;
    for (;;) {
      const line = this.lines[this.index];
      const colon = this.keyColon(keyAt, line.end);
      if (colon === -1) throw new Declined();
      const key = this.key(keyAt, colon);
      if (keys.has(key.value)) throw new Declined();
      keys.add(key.value);
      map.items.push(new Pair(key, this.valueAfter(colon + 1, line, indent, true)));
      const next = this.lines[this.index];
      if (next === undefined || next.indent < indent) break;
      if (next.indent > indent || this.isSeqItem(next)) throw new Declined();
      keyAt = next.content;
    }
    const last = map.items[map.items.length - 1].value as ValueNode;
    map.range = [(map.items[0].key as Scalar).range![0], last.range![2], last.range![2]];
    return map;
  }

  private sequence(indent: number): YAMLSeq {
    const seq = new YAMLSeq(this.schema);
    const firstDash = this.lines[this.index].content;
    let dash = firstDash;
    for (;;) {
      const line = this.lines[this.index];
      const at = this.skipSpaces(dash + 1, line.end);
      if (at < line.end && this.text[at] !== '#' && this.keyColon(at, line.end) !== -1) {
        // `- key: value`: a map whose keys line up with this first key.
        seq.items.push(this.map(at - line.start, at));
      } else {
        seq.items.push(this.valueAfter(dash + 1, line, indent, false));
      }
      const next = this.lines[this.index];
      // A line at this indent that is no item ends the list; the map holding it (if any) goes on.
      if (next === undefined || next.indent < indent || (next.indent === indent && !this.isSeqItem(next))) break;
      if (next.indent > indent) throw new Declined();
      dash = next.content;
    }
    const end = (seq.items[seq.items.length - 1] as ValueNode).range![2];
    seq.range = [firstDash, end, end];
    return seq;
  }

  /**
   * The value after a key's colon or an item's dash at `from` on `line`: inline on the line, a
   * nested block on the lines below, or empty. The line (and any block) is consumed.
   */
  private valueAfter(from: number, line: Line, indent: number, inMap: boolean): ValueNode {
    const at = this.skipSpaces(from, line.end);
    if (at < line.end && this.text[at] !== '#') {
      const node = this.inlineValue(at, line);
      this.index++;
      const next = this.lines[this.index];
      if (next !== undefined && next.indent > indent) throw new Declined();
      return node;
    }
    if (at < line.end && at === from) throw new Declined(); // `key:#x` is not a comment
    this.index++;
    const next = this.lines[this.index];
    if (next !== undefined && (next.indent > indent || (inMap && next.indent === indent && this.isSeqItem(next)))) {
      const node = this.block(next.indent);
      // A list level with its key takes in the comment lines after it: left to the library.
      if (next.indent === indent && this.lines[this.index - 1].commentAfter) throw new Declined();
      return node;
    }
    // An empty value with comment lines below takes them into its range: left to the library.
    if (line.commentAfter) throw new Declined();
    const empty = new Scalar(null);
    empty.range = [at, at, at < line.end ? this.afterEmptyComment(line, next) : at];
    empty.source = '';
    empty.type = 'PLAIN';
    return empty;
  }

  /** Where an empty value that carries a comment ends: at the next line's content, when it follows at once. */
  private afterEmptyComment(line: Line, next: Line | undefined): number {
    if (next === undefined && line.next === this.text.length) return line.next;
    if (next !== undefined && next.start === line.next) return next.content;
    throw new Declined();
  }

  private inlineValue(at: number, line: Line): ValueNode {
    const ch = this.text[at];
    let node: ValueNode;
    let after: number;
    if (ch === '[' || ch === '{') {
      node = flowCollectionAt(this, at, line.end);
      after = node.range![1];
    } else if (ch === '"' || ch === "'") {
      node = quotedScalarAt(this.text, at, line.end);
      after = node.range![1];
    } else {
      const end = this.plainEnd(at, line.end);
      node = resolvePlain(this.schema, this.text.slice(at, end), false);
      after = end;
      node.range = [at, end, line.next];
      return node;
    }
    const rest = this.skipSpaces(after, line.end);
    if (rest < line.end && !(this.text[rest] === '#' && rest > after)) throw new Declined();
    node.range = [node.range![0], node.range![1], line.next];
    return node;
  }

  /** End of a plain scalar in block context (before a comment and trailing spaces). */
  private plainEnd(at: number, lineEnd: number): number {
    const { text } = this;
    const ch = text[at];
    if ('&*!|>%@`]}#,'.includes(ch) || ((ch === '-' || ch === '?' || ch === ':') && (at + 1 === lineEnd || text[at + 1] === ' '))) {
      throw new Declined();
    }
    let end = at;
    for (let i = at; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 35 /* # */ && text.charCodeAt(i - 1) === 32) break;
      if (c === 58 /* : */ && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32)) throw new Declined();
      if (c !== 32) end = i + 1;
    }
    return end;
  }

  /** The offset of the `:` that ends a plain or quoted key starting at `at`, or -1. */
  keyColon(at: number, lineEnd: number): number {
    const { text } = this;
    const ch = text[at];
    if (ch === '"' || ch === "'") {
      try {
        const close = quotedScalarAt(text, at, lineEnd).range![1];
        return text[close] === ':' && (close + 1 === lineEnd || text[close + 1] === ' ') ? close : -1;
      } catch (error) {
        if (error instanceof Declined) return -1;
        throw error;
      }
    }
    if ('&*!|>%@`[]{},#?-:<'.includes(ch)) return -1;
    for (let i = at + 1; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 58 /* : */ && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32)) {
        return text.charCodeAt(i - 1) === 32 || i - at > 1000 ? -1 : i;
      }
      if ((c === 35 /* # */ && text.charCodeAt(i - 1) === 32) || c === 91 || c === 93 || c === 123 || c === 125 || c === 44) return -1;
    }
    return -1;
  }

  private key(at: number, colon: number): Scalar {
    const ch = this.text[at];
    if (ch === '"' || ch === "'") return quotedScalarAt(this.text, at, colon);
    const key = resolvePlain(this.schema, this.text.slice(at, colon), true);
    key.range = [at, colon, colon];
    return key;
  }

  skipSpaces(from: number, end: number): number {
    let at = from;
    while (at < end && this.text.charCodeAt(at) === 32) at++;
    return at;
  }
}
