// Where new block lines may go, and at which column, read from the source text around parsed
// nodes. The parser's ranges are trusted only where the text agrees with them: a node the parser
// ended early, or a column that the parser and YAML read differently, gives no place at all, so
// an edit is not offered rather than one that breaks the file.
export interface Layout {
  text: string;
  eol: string;
}

/**
 * Where the line of `offset` starts (after `\n`, or a `\r` alone, as LineIndex counts lines).
 * Found backwards from the offset: an edit reads a few columns, and indexing every line of a
 * 35,000-line file for them cost more than the edit.
 */
function lineStartOf(text: string, offset: number): number {
  for (let i = Math.max(0, Math.min(offset, text.length)) - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) return i + 1;
  }
  return 0;
}

/** The column of `offset`, a byte-order mark not counted (YAML skips it). */
export function column(src: Layout, offset: number): number {
  const start = lineStartOf(src.text, offset);
  const character = Math.max(0, Math.min(offset, src.text.length)) - start;
  return start === 0 && character > 0 && src.text.charCodeAt(0) === 0xfeff ? character - 1 : character;
}

/**
 * Whether `offset` is on a first line that starts with a byte-order mark and then spaces. The
 * parser reads that line's spaces as no indentation, where YAML (and Helm) count them, so a
 * sibling of what stands there has no column that both accept.
 */
export function besideIndentedBom(src: Layout, offset: number): boolean {
  return /^\ufeff[ \t]/.test(src.text) && lineStartOf(src.text, offset) === 0;
}

/**
 * Where the map entry whose key starts at `keyStart` starts: before the anchor or tag (`&a key`,
 * `!!str key`) and the `?` of an explicit key written before the key on its line. The parser
 * aligns entries there, and the key's own range starts after them.
 */
export function entryStart(text: string, keyStart: number): number {
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const before = text.slice(lineStart, keyStart);
  const prefix = /(?<=^|[ \t\ufeff])(?:\?[ \t]+)?(?:[&!]\S*[ \t]+)*$/.exec(before);
  return prefix ? lineStart + prefix.index : keyStart;
}

/** Where a line may be inserted after `offset`: the start of the following line. */
export function lineStartAfter(src: Layout, offset: number): { at: number; prefix: string } {
  if (offset > 0 && src.text[offset - 1] === '\n') return { at: offset, prefix: '' };
  const newline = src.text.indexOf('\n', offset);
  if (newline >= 0) return { at: newline + 1, prefix: '' };
  return { at: src.text.length, prefix: src.eol };
}

/**
 * Where lines at column `indent` go after a node that ends at `end`, or null when the parser's
 * end cannot be trusted: more than a comment follows on its line, or the next line with content
 * is indented deeper than `indent`. Either is text the parser dropped without an error (lines
 * after a collection key, `? - a`), which lines inserted at `end` would take in.
 */
export function insertionAfter(src: Layout, end: number, indent: number): { at: number; prefix: string } | null {
  const place = lineStartAfter(src, end);
  if (!/^[ \t\r]*(#.*)?$/.test(src.text.slice(end, place.at).replace(/\r?\n$/, ''))) return null;
  for (let at = place.at; at < src.text.length;) {
    const newline = src.text.indexOf('\n', at);
    const line = src.text.slice(at, newline < 0 ? src.text.length : newline);
    const content = line.trimStart();
    if (content !== '' && !content.startsWith('#')) return line.length - content.length > indent ? null : place;
    if (newline < 0) break;
    at = newline + 1;
  }
  return place;
}
