// Re-parsing one map entry with the `yaml` library when the fast path declines its lines: text
// outside the fast path's subset (a block scalar, a multi-line plain scalar), and above all text
// that is not valid YAML yet, which is what a person's file is between most keystrokes (a key
// half typed, a quote not closed yet, a line just indented). Parsing those few lines alone keeps
// a keystroke's cost at the size of the entry instead of the file's (issue #18); the errors are
// the entry's own, placed in the whole text's offsets.
//
// Only entries whose reading does not change what other entries read are taken: no anchors or
// tags (aliases are, when their anchors lie before the entry: the caller checks), no document
// markers (they split the file), and no collection left open across the entry's end (it would run
// on into the next entry in a full parse). An unclosed quote is the one exception: see
// `quoteMayCloseCleanly`.
import { isAlias, isMap, isNode, parseDocument, visit, type YAMLError, type YAMLMap } from 'yaml';
import { FAST_PATH_OPTIONS } from './yaml-fast-path';

export interface LibraryEntry {
  map: YAMLMap;
  /** The anchors its aliases name: they must be defined before the entry (checked by the caller). */
  aliases: string[];
  /** The entry's parse errors, at offsets of the whole text. */
  errors: YAMLError[];
  /** End of the last line with content in [from, to). */
  lastLineEnd: number;
}


/**
 * A key line the library reads an entry of a nested map under: the lexer reads an indented map at
 * the root of a text differently, now and then, from the same lines under a parent key.
 */
const PARENT = '_:\n';

/**
 * `text[from, to)`, a block map (`nested`: one level down, under a parent key), parsed by the
 * library, nodes and errors at the whole text's offsets; null when not independent of the rest.
 */
export function parseEntryWithLibrary(text: string, from: number, to: number, nested: boolean): LibraryEntry | null {
  const slice = text.slice(from, to);
  // A document marker at a line start splits the file; a BOM there is the fast path's refusal too.
  if (/(^|\n)(---|\.\.\.)(\s|$)/.test(slice) || slice.includes('\ufeff')) return null;
  const prefix = nested ? PARENT : '';
  const doc = parseDocument(prefix + slice, FAST_PATH_OPTIONS);
  if (doc.errors.some((error) => error.code === 'MULTIPLE_DOCS' || error.pos[0] < prefix.length)) return null;
  const top = doc.contents;
  if (!isMap(top) || top.flow || top.items.length === 0) return null;
  if (nested && (top.items.length !== 1 || !isMap(top.items[0].value))) return null;
  const root = (nested ? top.items[0].value : top) as YAMLMap;
  if (root.flow || root.items.length === 0) return null;
  const aliases = aliasesIfSelfContained(root);
  if (aliases === null) return null;
  const by = from - prefix.length;
  const lastLineEnd = lastContentLineEnd(text, from, to);
  for (const error of doc.errors) {
    const [start, end] = [error.pos[0] + by, error.pos[1] + by];
    // Noticed at the end of the lines read (a quote or bracket never closed): on the entry's last
    // line, not on the next entry's first.
    error.pos = start >= lastLineEnd ? [Math.max(from, lastLineEnd - 1), lastLineEnd] : [start, Math.min(end, to)];
  }
  shiftAll(root, by);
  return { map: root, aliases, errors: doc.errors, lastLineEnd };
}

/**
 * The quote character of an unclosed quoted scalar in `errors`, if that is the only kind of
 * error that ran past the entry's end (the library names it in its message).
 */
export function unclosedQuote(errors: readonly YAMLError[]): '"' | "'" | null {
  for (const error of errors) {
    if (error.code !== 'MISSING_CHAR') continue;
    if (error.message.startsWith('Missing closing "quote')) return '"';
    if (error.message.startsWith("Missing closing 'quote")) return "'";
  }
  return null;
}

/**
 * Whether a quoted scalar opened before `from` and not closed by then could close further on in
 * a way that leaves the whole text valid YAML: its closing quote followed on its line by nothing
 * but blanks, a comment or a `:`. When not, a full parse fails too, so reading the entry alone
 * (and leaving the entries after it as they were) is no less true than the full parse.
 */
export function quoteMayCloseCleanly(text: string, from: number, quote: '"' | "'"): boolean {
  let i = from;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (c === quote && quote === "'" && text[i + 1] === "'") i++;
    else if (c === quote) break;
  }
  if (i >= text.length) return false; // never closed: the full parse fails as well
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === ' ' || c === '\t') continue;
    return c === '\n' || c === '\r' || c === '#' || c === ':' || c === ',' || c === ']' || c === '}';
  }
  return true;
}

/**
 * The anchor names the aliases under `root` refer to, or null when something under it would change
 * what other entries read: an anchor (a later alias would refer to it) or an explicit tag.
 */
function aliasesIfSelfContained(root: YAMLMap): string[] | null {
  const aliases: string[] = [];
  let refused = false;
  visit(root, (_key, node) => {
    if (isAlias(node)) aliases.push(node.source);
    else if (isNode(node) && (node.anchor || node.tag)) {
      refused = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return refused ? null : aliases;
}

/** Every range in `node`, itself included, moved by `by` (visit calls back on the root too). */
function shiftAll(node: YAMLMap, by: number): void {
  visit(node, (_key, child) => {
    const ranged = child as { range?: [number, number, number] | null };
    if (ranged && ranged.range) ranged.range = [ranged.range[0] + by, ranged.range[1] + by, ranged.range[2] + by];
  });
}

/** The end of the last line in [from, to) that holds something other than blanks and a comment. */
function lastContentLineEnd(text: string, from: number, to: number): number {
  let end = to;
  while (end > from) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(Math.max(start, from), end);
    const trimmed = line.trimStart();
    if (trimmed.length > 0 && !trimmed.startsWith('#')) return end;
    end = Math.max(start - 1, from);
  }
  return from;
}

