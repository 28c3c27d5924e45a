// Where the values of a manifest key lie in the manifest's text, read from the lines the way YAML
// reads block structure, not from the parsed node's range: while someone types under
// `values:`, the manifest is often not valid YAML, and the lines still say what belongs there.
//  - a map: the lines after the key indented deeper than the key (comments and blank lines
//    between them), or a flow map on the key's own line;
//  - a literal block string (`|`, `|-`, `|+`, `|2`): the lines indented at least as deep as its
//    content, which is what Argo CD hands to Helm as a values file.
import { isScalar, Scalar, type Node } from 'yaml';
import { lineEndAt, Projection } from './projection';

export type RegionRead = { projection: Projection } | { problem: string } | null;

interface Line {
  start: number;
  /** Leading spaces. */
  indent: number;
  kind: 'blank' | 'comment' | 'content';
}

function lineAt(text: string, start: number): Line {
  let at = start;
  while (text.charCodeAt(at) === 32) at++;
  const c = text[at];
  const kind = at >= text.length || c === '\n' || c === '\r' ? 'blank' : c === '#' ? 'comment' : 'content';
  return { start, indent: at - start, kind };
}

/**
 * The values written at a key whose name starts at `keyOffset`. `value` is the parsed node
 * there, used to tell a string from a map and to confirm that a block string was read right.
 */
export function valuesRegion(text: string, keyOffset: number, value: Node | null | undefined, parsedCleanly: boolean): RegionRead {
  const keyLineStart = text.lastIndexOf('\n', keyOffset - 1) + 1;
  const keyColumn = keyOffset - keyLineStart;
  const keyLineEnd = lineEndAt(text, keyOffset);
  let afterColon = valueStartOnKeyLine(text, keyOffset, keyLineEnd);
  // An anchor or a tag before the value (`values: &common`): the value is what follows them.
  while (afterColon !== null && (text[afterColon] === '&' || text[afterColon] === '!')) {
    let at = afterColon;
    while (at < keyLineEnd && !/\s/.test(text[at])) at++;
    while (at < keyLineEnd && (text[at] === ' ' || text[at] === '\t')) at++;
    afterColon = at >= keyLineEnd || text[at] === '#' || text[at] === '\n' || text[at] === '\r' ? null : at;
  }
  if (afterColon !== null && text[afterColon] === '*') return { problem: `they are an alias (\`${text.slice(afterColon, lineEndAt(text, afterColon)).trim()}\`) of values set elsewhere in the manifest` };
  if (afterColon !== null && text[afterColon] === '|') return blockString(text, afterColon, keyColumn, keyLineEnd, value, parsedCleanly);
  if (afterColon !== null && text[afterColon] === '>') return { problem: 'a folded block string (`>`) joins its lines, so these values are not checked' };
  if (afterColon !== null && text[afterColon] !== '{') {
    // A quoted or plain string: Helm would read it, but its positions are not the text's.
    return isScalar(value) && typeof value.value === 'string' && value.value.trim() !== ''
      ? { problem: 'values written as a quoted or plain string are not checked; a literal block (`|`) is' }
      : null;
  }
  return mapLines(text, keyLineEnd, keyColumn, afterColon, afterColon === null ? -1 : afterColon - keyLineStart);
}

/** The values of a map that is a sequence item (a helmfile `values:` entry), starting at `start` after its `- `. */
export function itemRegion(text: string, start: number, dashColumn: number): RegionRead {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return mapLines(text, lineEndAt(text, start), dashColumn, start, start - lineStart);
}

/**
 * A map's lines after `from`: those indented deeper than `parentColumn`, with comments and blank
 * lines between them. `start`: where the map starts on the line before, if it does.
 */
function mapLines(text: string, from: number, parentColumn: number, start: number | null, indent: number): RegionRead {
  let last = start ?? -1;
  let typing: Line | undefined;
  for (let at = from; at < text.length; at = lineEndAt(text, at)) {
    const line = lineAt(text, at);
    if (line.indent <= parentColumn) {
      if (line.kind === 'content') break;
      continue;
    }
    if (start === null) {
      // A line indented and left blank (someone about to type the first key) holds the values
      // only when no written line does.
      if (line.kind === 'blank') typing ??= line;
      if (line.kind !== 'content') continue;
      start = at + line.indent;
      indent = line.indent;
    }
    last = at;
  }
  if (start === null && typing) {
    start = typing.start + typing.indent;
    indent = typing.indent;
    last = typing.start;
  }
  if (start === null) return null;
  return { projection: Projection.ofLines(text, start, Math.max(last, start), indent) };
}

/** Where the value starts on the key's line (after `:` and spaces), or null when nothing but a comment follows. */
function valueStartOnKeyLine(text: string, keyOffset: number, lineEnd: number): number | null {
  let colon = -1;
  let quote: string | null = null;
  for (let at = keyOffset; at < lineEnd; at++) {
    const c = text[at];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      if (at === keyOffset) quote = c;
    } else if (c === ':' && (at + 1 >= lineEnd || /[\s]/.test(text[at + 1]))) {
      colon = at;
      break;
    }
  }
  if (colon < 0) return null;
  let at = colon + 1;
  while (at < lineEnd && (text[at] === ' ' || text[at] === '\t')) at++;
  if (at >= lineEnd || text[at] === '#' || text[at] === '\n' || text[at] === '\r') return null;
  return at;
}

const HEADER = /^\|([1-9])?[+-]?|^\|[+-]([1-9])?/;

function blockString(text: string, header: number, keyColumn: number, headerLineEnd: number, value: Node | null | undefined, parsedCleanly: boolean): RegionRead {
  const match = HEADER.exec(text.slice(header, header + 3));
  const explicit = match?.[1] ?? match?.[2];
  let indent = explicit ? keyColumn + Number(explicit) : -1;
  let first = -1;
  let last = -1;
  for (let at = headerLineEnd; at < text.length; at = lineEndAt(text, at)) {
    const line = lineAt(text, at);
    if (line.kind === 'blank') {
      if (indent >= 0 && line.indent >= indent && first >= 0) last = at;
      continue;
    }
    if (indent < 0) {
      if (line.indent <= keyColumn) break;
      indent = line.indent;
    }
    if (line.indent < indent) break;
    if (first < 0) first = at;
    last = at;
  }
  if (first < 0) return null;
  const projection = Projection.ofLines(text, first + indent, last, indent);
  // The lines must be the string the manifest holds, or positions would point at the wrong text.
  if (parsedCleanly && isScalar(value) && value.type === Scalar.BLOCK_LITERAL && typeof value.value === 'string') {
    const read = projection.text.replace(/\r\n/g, '\n').trimEnd();
    if (read !== value.value.replace(/\r\n/g, '\n').trimEnd()) return { problem: 'this block string could not be read line by line, so its values are not checked' };
  }
  return { projection };
}
