// Where the engine gets a text's YAML documents and their plain values. The CLI and the tests
// use a new YamlCache per call; the language server keeps one per open document, so that
// analysis, completion, hover and code actions of one version share one parse, and a keystroke
// re-parses one map entry instead of the whole file (yaml-incremental.ts).
import type { Document, Pair } from 'yaml';
import { isPlainMap, type Values } from './merge';
import { MAX_ALIAS_COUNT, MAX_NESTING, nestingDepth, parseYamlTelling, toValues, type ValuesResult } from './document';
import { reparseEntry } from './yaml-incremental';

export interface YamlSource {
  /** The documents of `text`. With a cache they are valid until its next `parse` of another text. */
  parse(text: string): Document[];
  /** A document's plain values (toValues), for a document `parse` returned. */
  values(doc: Document): ValuesResult;
  /** Whether `text` nests deeper than MAX_NESTING, so that `parse` refuses it (no documents). */
  tooDeep(text: string): boolean;
  /**
   * Whether `doc` is known to be plain block YAML (the fast path's subset): no anchors, aliases,
   * tags or merge keys, so that no value in one entry comes from another.
   */
  plain(doc: Document): boolean;
  /**
   * What `compute` derives from the text last parsed and `owner` (values, settings), kept while
   * both stay the same: the merged values and tag sites that every request of a version reads.
   */
  memo<T>(key: string, owner: object, compute: () => T): T;
  /**
   * `text` with `text[start, end)` replaced by `insert`: the probe texts completion parses (the
   * cursor marked). The same probe asked again is the very same string, so that telling it is
   * the text parsed last costs no comparison of two megabyte strings.
   */
  edited(text: string, start: number, end: number, insert: string): string;
}

const MAX_PROBES = 4;

/**
 * The last text parsed for one document, derived from the one before when an edit allows.
 * A document it returned changes in place on the next `parse` of another text: callers use
 * it within one request and never keep it.
 */
export class YamlCache implements YamlSource {
  private text: string | null = null;
  private docs: Document[] = [];
  /** Whether the fast path built `docs`: only then can an edit re-parse part of them. */
  private derivable = false;
  /**
   * Where the entry starts whose lines are not valid YAML yet, read alone: only an edit inside it
   * derives the next document, since a full parse may read the entries after it otherwise.
   */
  private divergentAt: number | null = null;
  private refused = false;
  private converted: { doc: Document; result: ValuesResult } | null = null;
  private memos = new Map<string, { owner: object; value: unknown }>();
  /** The last few probes, of the text they were made from. */
  private probes: { base: string; key: string; probe: string }[] = [];

  parse(text: string): Document[] {
    if (text === this.text) return this.docs;
    this.memos.clear();
    if (this.derivable && this.text !== null && this.reparse(this.text, text)) return this.docs;
    const parsed = parseYamlTelling(text);
    this.text = text;
    this.docs = parsed.docs;
    this.derivable = parsed.fast;
    this.divergentAt = null;
    this.refused = parsed.tooDeep;
    this.converted = null;
    return this.docs;
  }

  tooDeep(text: string): boolean {
    this.parse(text);
    return this.refused;
  }

  memo<T>(key: string, owner: object, compute: () => T): T {
    const kept = this.memos.get(key);
    if (kept && kept.owner === owner) return kept.value as T;
    const value = compute();
    this.memos.set(key, { owner, value });
    return value;
  }

  edited(text: string, start: number, end: number, insert: string): string {
    const key = `${start}|${end}|${insert}`;
    const kept = this.probes.find((probe) => probe.base === text && probe.key === key);
    if (kept) return kept.probe;
    const probe = text.slice(0, start) + insert + text.slice(end);
    // A completion request makes two or three probes of one text; older ones are of older texts.
    this.probes = [{ base: text, key, probe }, ...this.probes.filter((p) => p.base === text)].slice(0, MAX_PROBES);
    return probe;
  }

  plain(doc: Document): boolean {
    return this.derivable && this.docs[0] === doc;
  }

  values(doc: Document): ValuesResult {
    if (this.converted?.doc === doc) return this.converted.result;
    const result = toValues(doc);
    if (this.docs.includes(doc)) this.converted = { doc, result };
    return result;
  }

  private reparse(before: string, after: string): boolean {
    const doc = this.docs[0];
    let entry: ReturnType<typeof reparseEntry>;
    try {
      entry = reparseEntry(doc, before, after, this.divergentAt === null ? {} : { onlyEntryAt: this.divergentAt });
    } catch (error) {
      // A slice nested past the stack's depth: the full parse refuses such a text cleanly.
      if (error instanceof RangeError) return false;
      throw error;
    }
    // The entry sits at most two levels down, and the rest of the text passed the nesting check.
    if (entry === null || nestingDepth(after.slice(entry.start, entry.end), MAX_NESTING) + 2 > MAX_NESTING) return false;
    this.text = after;
    this.divergentAt = entry.divergent ? entry.start : null;
    const old = this.converted?.doc === doc ? this.converted.result : null;
    this.converted = old && old.problem === null ? { doc, result: spliceValues(old.values, entry.keys, entry.pair, doc) } : null;
    return true;
  }
}

/**
 * The values with the entry at `keys` replaced by the new pair's value, sharing everything
 * else: no copy of the 999 groups an edit did not touch. Values are never mutated (merge.ts).
 */
function spliceValues(values: unknown, keys: string[], pair: Pair, doc: Document): ValuesResult {
  const replace = (holder: unknown, depth: number, value: unknown): unknown => {
    if (!isPlainMap(holder)) throw new Error('not a map');
    const copy: Values = { ...holder };
    copy[keys[depth]] = depth === keys.length - 1 ? value : replace(holder[keys[depth]], depth + 1, value);
    return copy;
  };
  try {
    // Converting the entry can fail as a whole-document conversion would (an entry the library read with errors).
    const value: unknown = (pair.value as { toJS(doc: Document, options: object): unknown }).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    return { values: replace(values, 0, value), problem: null };
  } catch {
    return toValues(doc);
  }
}
