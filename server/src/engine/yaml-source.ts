// Where the engine gets a text's YAML documents and their plain values. The CLI and the tests
// parse every text afresh; the language server keeps one YamlCache per open document, so that
// analysis, completion, hover and code actions of one version share one parse, and a keystroke
// re-parses one map entry instead of the whole file (yaml-incremental.ts).
import type { Document, Pair } from 'yaml';
import { isPlainMap, type Values } from './merge';
import { MAX_ALIAS_COUNT, parseYamlTelling, toValues, type ValuesResult } from './document';
import { reparseEntry } from './yaml-incremental';

export interface YamlSource {
  /** The documents of `text`. With a cache they are valid until its next `parse` of another text. */
  parse(text: string): Document[];
  /** A document's plain values (toValues), for a document `parse` returned. */
  values(doc: Document): ValuesResult;
}

/** A parse of every text anew. */
export const FRESH_YAML: YamlSource = { parse: (text) => parseYamlTelling(text).docs, values: toValues };

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
  private converted: { doc: Document; result: ValuesResult } | null = null;

  parse(text: string): Document[] {
    if (text === this.text) return this.docs;
    if (this.derivable && this.text !== null && this.reparse(this.text, text)) return this.docs;
    const parsed = parseYamlTelling(text);
    this.text = text;
    this.docs = parsed.docs;
    this.derivable = parsed.fast;
    this.converted = null;
    return this.docs;
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
      entry = reparseEntry(doc, before, after);
    } catch (error) {
      // A slice nested past the stack's depth: the full parse refuses such a text cleanly.
      if (error instanceof RangeError) return false;
      throw error;
    }
    if (entry === null) return false;
    this.text = after;
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
  const value: unknown = (pair.value as { toJS(doc: Document, options: object): unknown }).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
  const replace = (holder: unknown, depth: number): unknown => {
    if (!isPlainMap(holder)) throw new Error('not a map');
    const copy: Values = { ...holder };
    copy[keys[depth]] = depth === keys.length - 1 ? value : replace(holder[keys[depth]], depth + 1);
    return copy;
  };
  try {
    return { values: replace(values, 0), problem: null };
  } catch {
    return toValues(doc);
  }
}
