// Values written inside another YAML file (a HelmRelease's `spec.values`, an Argo CD
// Application's `values: |` string) as a values text of their own: the region's lines with the
// indentation the manifest adds taken off. Every inner character is one outer character, so
// offsets map both ways by line; edits written back get the block's indentation on each new
// line. Lines are kept with their own line breaks (CRLF stays CRLF), so columns agree.
import type { TextEdit } from '../edit/yaml-edit';
import { lastAtOrBefore, lineStartAt } from '../lines';
import type { OffsetRange } from '../types';

/** One line of the region: where it starts in the manifest, where its inner text starts in both. */
interface Piece {
  lineStart: number;
  /** lineStart plus the indentation taken off (the value's start on the first line). */
  outerStart: number;
  innerStart: number;
  /** How many columns of indentation the line gave up (fewer than `indent` on a short blank line). */
  strip: number;
}

export class Projection {
  /** The values text as the tool hands it to Helm. */
  readonly text: string;
  /** The manifest's range the values occupy, from the value's start to its last line's end. */
  readonly outer: OffsetRange;

  private constructor(
    private readonly pieces: readonly Piece[],
    text: string,
    outerEnd: number,
    /** The column of the values' content in the manifest: what every new line is indented by. */
    readonly indent: number,
  ) {
    this.text = text;
    this.outer = { start: pieces[0]?.outerStart ?? outerEnd, end: outerEnd };
  }

  /**
   * The values from `start` (on its line, at column `indent`) through the line that holds
   * `lastLineOffset`; each later line gives up at most `indent` columns of leading spaces.
   */
  static ofLines(manifest: string, start: number, lastLineOffset: number, indent: number): Projection {
    const pieces: Piece[] = [];
    let text = '';
    let lineStart = start;
    let end = start;
    for (let first = true; lineStart <= lastLineOffset && lineStart < manifest.length; first = false) {
      const lineEnd = lineEndAt(manifest, lineStart);
      let strip = 0;
      if (!first) while (strip < indent && manifest.charCodeAt(lineStart + strip) === 32) strip++;
      const outerStart = lineStart + strip;
      pieces.push({ lineStart: first ? lineStartAt(manifest, start) : lineStart, outerStart, innerStart: text.length, strip: first ? indent : strip });
      text += manifest.slice(outerStart, lineEnd);
      end = lineEnd;
      lineStart = lineEnd;
    }
    // After a last line break the values' next line would start: an edit appending there is
    // written at the start of the manifest's next line, indented in full.
    if (text.endsWith('\n')) pieces.push({ lineStart: end, outerStart: end, innerStart: text.length, strip: 0 });
    return new Projection(pieces, text, end, indent);
  }

  /** The manifest offset of an offset into `text`. */
  toOuter(offset: number): number {
    const piece = this.pieces[this.pieceAtInner(offset)];
    return piece ? piece.outerStart + (offset - piece.innerStart) : this.outer.end;
  }

  toOuterRange(range: OffsetRange): OffsetRange {
    return { start: this.toOuter(range.start), end: this.toOuter(range.end) };
  }

  /** The offset into `text` of a manifest offset inside the values' lines, else null. */
  toInner(offset: number): number | null {
    if (offset < this.outer.start || offset > this.outer.end) return null;
    const piece = this.pieces[lastAtOrBefore(this.pieces.length, (i) => this.pieces[i].lineStart, offset)];
    // In the indentation the manifest adds: the inner line's start.
    return piece.innerStart + Math.max(0, offset - piece.outerStart);
  }

  contains(offset: number): boolean {
    return offset >= this.outer.start && offset <= this.outer.end;
  }

  /**
   * An edit of `text` as an edit of the manifest: every line it starts is indented to the
   * values' column, and a line it ends before keeps the indentation it had.
   */
  toOuterEdit(edit: TextEdit): TextEdit {
    const start = this.toOuter(edit.start);
    const end = this.toOuter(edit.end);
    if (edit.newText === '') return { start, end, newText: '' };
    const endPiece = this.pieces[this.pieceAtInner(edit.end)];
    const endsAtLineStart = endPiece !== undefined && endPiece.innerStart === edit.end;
    const parts = edit.newText.split('\n');
    let newText = parts
      .map((part, i) => {
        if (i === 0) return part;
        // The end line's own content follows: it keeps the indentation it had.
        if (i === parts.length - 1 && part === '' && endsAtLineStart) return ' '.repeat(endPiece.strip);
        return ' '.repeat(this.indent) + part;
      })
      .join('\n');
    const startPiece = this.pieces[this.pieceAtInner(edit.start)];
    // Inserted at the start of a line that gave up fewer columns (a blank one): indent it fully.
    if (startPiece && startPiece.innerStart === edit.start && startPiece.strip < this.indent && !/^\r?\n/.test(edit.newText)) {
      newText = ' '.repeat(this.indent - startPiece.strip) + newText;
    }
    return { start, end, newText };
  }

  private pieceAtInner(offset: number): number {
    return lastAtOrBefore(this.pieces.length, (i) => this.pieces[i].innerStart, offset);
  }
}

/** The offset just after the line break ending the line that holds `offset` (the text's end on the last line). */
export function lineEndAt(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}
