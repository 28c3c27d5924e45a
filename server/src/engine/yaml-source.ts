// Where the engine gets a text's YAML documents and their plain values. The CLI and the tests
// use a new YamlCache per call; the language server keeps one per open document, so that
// analysis, completion, hover and code actions of one version share one parse, and a keystroke
// re-parses one map entry instead of the whole file (yaml-incremental.ts).
import { Document, isMap, isNode, visit, YAMLSeq, type Node, type Pair, type Scalar } from 'yaml';
import { FAST_PATH_OPTIONS } from './yaml-fast-path';
import { anchoredNodes, replaceAliasTargets } from './yaml-nodes';
import { isPlainMap, type Values } from './merge';
import { MAX_ALIAS_COUNT, MAX_NESTING, nestingDepth, parseYamlTelling, toValues, type ValuesResult } from './document';
import { reparseEntry, type ReparsedEntry } from './yaml-incremental';
import { localizeErrors, type LocalizedParse } from './yaml-local-errors';

export interface YamlSource {
  /** The documents of `text`. With a cache they are valid until its next `parse` of another text. */
  parse(text: string): Document[];
  /** A document's plain values (toValues), for a document `parse` returned. */
  values(doc: Document): ValuesResult;
  /** Whether `text` nests deeper than MAX_NESTING, so that `parse` refuses it (no documents). */
  tooDeep(text: string): boolean;
  /**
   * Whether `doc` is known to be block YAML in which no value of one entry comes from another: no
   * anchors (so no alias resolves), and a map an edit can re-read one entry of.
   */
  plain(doc: Document): boolean;
  /**
   * Whether the values of `doc`'s entries other than the one last edited are the values they had
   * before the edit: `plain`, or anchors that the edited entry neither holds nor gained.
   */
  groupwise(doc: Document): boolean;
  /**
   * What `compute` derives from the text last parsed and `owner` (values, settings), kept while
   * both stay the same: the merged values and tag sites that every request of a version reads.
   */
  memo<T>(key: string, owner: object, compute: () => T): T;
}

/**
 * The last text parsed for one document, derived from the one before when an edit allows.
 * A document it returned changes in place on the next `parse` of another text: callers use
 * it within one request and never keep it.
 */
export class YamlCache implements YamlSource {
  private text: string | null = null;
  private docs: Document[] = [];
  /**
   * Whether an edit may re-parse part of `docs`: one block-map document, built by the fast path,
   * or by the library without errors (anchors and aliases then ride along: `anchors`).
   */
  private derivable = false;
  /** The anchored nodes of a document the library built, in document order; none for the fast path's. */
  private anchors: Node[] = [];
  /** Whether the last `parse` derived its document from the one before (one entry re-read). */
  private derived = false;
  /**
   * Where the entry starts whose lines are not valid YAML yet, read alone: only an edit inside it
   * derives the next document, since a full parse may read the entries after it otherwise.
   */
  private divergentAt: number | null = null;
  private refused = false;
  /** Whether the document was read with its broken entries alone (yaml-local-errors.ts). */
  private localized = false;
  private converted: { doc: Document; result: ValuesResult } | null = null;
  private memos = new Map<string, { owner: object; value: unknown }>();

  parse(text: string): Document[] {
    if (text === this.text) return this.docs;
    this.memos.clear();
    this.derived = this.derivable && this.text !== null && this.reparse(this.text, text);
    if (this.derived) {
      // The entry with errors was fixed: the next whole read starts with the library again.
      if (this.divergentAt === null) this.localized = false;
      return this.docs;
    }
    // A text whose last version had an entry with errors most likely still has: read it so first,
    // before the library spends a whole parse finding the same errors again.
    const again = this.localized && nestingDepth(text, MAX_NESTING) <= MAX_NESTING ? localizeErrors(text) : null;
    if (again?.local) return this.useLocalized(text, again);
    const parsed = parseYamlTelling(text);
    this.text = text;
    this.localized = false;
    this.docs = parsed.docs;
    this.anchors = parsed.fast ? [] : anchoredNodes(parsed.docs);
    this.derivable = parsed.fast || isDerivable(parsed.docs);
    this.divergentAt = null;
    this.refused = parsed.tooDeep;
    this.converted = null;
    // Errors in one entry stay in it (yaml-local-errors.ts): the other entries read as if it were fixed.
    const local = !parsed.fast && parsed.docs.length === 1 && parsed.docs[0].errors.length > 0 ? localizeErrors(text) : null;
    return local ? this.useLocalized(text, local) : this.docs;
  }

  private useLocalized(text: string, local: LocalizedParse): Document[] {
    this.text = text;
    this.docs = [local.doc];
    this.anchors = local.anchors;
    this.derivable = local.divergentAt !== null;
    this.divergentAt = local.divergentAt;
    this.refused = false;
    this.converted = null;
    this.localized = local.local;
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

  plain(doc: Document): boolean {
    return this.derivable && this.docs[0] === doc && this.anchors.length === 0;
  }

  groupwise(doc: Document): boolean {
    // With anchors, only an edit of an entry that holds none leaves the other entries' values as they were.
    return this.derivable && this.docs[0] === doc && (this.plain(doc) || this.derived);
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
      entry = reparseEntry(doc, before, after, { anchors: this.anchors, ...(this.divergentAt === null ? {} : { onlyEntryAt: this.divergentAt }) });
    } catch (error) {
      // A slice nested past the stack's depth: the full parse refuses such a text cleanly.
      if (error instanceof RangeError) return false;
      throw error;
    }
    // The entry sits at most two levels down, and the rest of the text passed the nesting check.
    if (entry === null || nestingDepth(after.slice(entry.start, entry.end), MAX_NESTING) + 2 > MAX_NESTING) return false;
    this.text = after;
    this.divergentAt = entry.divergent ? entry.start : null;
    replaceAliasTargets(doc, entry.replaced, entry.added, this.anchors);
    const old = this.converted?.doc === doc ? this.converted.result : null;
    // Values converted around a bad merge key (issues with offsets) are converted afresh, not spliced.
    this.converted = old && old.problem === null && !old.issues?.length ? { doc, result: spliceValues(old.values, entry, doc, this.converter(doc, entry.start)) } : null;
    return true;
  }

  /**
   * Converts an entry that starts at `start` to plain values. The library resolves an alias by
   * walking the document it is given: a document of the anchors before the entry is enough (the
   * entry's aliases name only those), and walking it costs nothing like the whole text's.
   */
  private converter(doc: Document, start: number): (node: unknown) => unknown {
    const options = { maxAliasCount: MAX_ALIAS_COUNT };
    const toJS = (node: unknown, on: Document) => (node as { toJS(doc: Document, options: object): unknown }).toJS(on, options);
    if (this.anchors.length === 0) return (node) => toJS(node, doc);
    const anchors = new Document(new YAMLSeq(), FAST_PATH_OPTIONS);
    (anchors.contents as YAMLSeq).items = this.anchors.filter((node) => node.range![1] <= start);
    return (node) => toJS(node, anchors);
  }
}

/** One block-map document without errors: its entries can be re-read one at a time. */
function isDerivable(docs: readonly Document[]): boolean {
  const [doc] = docs;
  return docs.length === 1 && doc.errors.length === 0 && doc.warnings.length === 0 && isMap(doc.contents) && !doc.contents.flow;
}

/**
 * The values with the re-read entry's in place of the old one's, sharing everything else: no
 * copy of the 999 groups an edit did not touch. Values are never mutated (merge.ts).
 */
function spliceValues(values: unknown, entry: ReparsedEntry, doc: Document, convert: (node: unknown) => unknown): ValuesResult {
  const { mapKeys, added, replaced } = entry;
  const keyOf = (pair: Pair) => String((pair.key as Scalar).value);
  const replace = (holder: unknown, depth: number): unknown => {
    if (!isPlainMap(holder)) throw new Error('not a map');
    if (depth < mapKeys.length) return { ...holder, [mapKeys[depth]]: replace(holder[mapKeys[depth]], depth + 1) };
    // The same key: its value replaced. Else the map's entries in their new order, the others' values kept.
    if (added.length === 1 && replaced.length === 1 && keyOf(added[0]) === keyOf(replaced[0])) return { ...holder, [keyOf(replaced[0])]: convert(added[0].value) };
    const copy: Values = {};
    for (const pair of entry.map.items as Pair[]) copy[keyOf(pair)] = added.includes(pair) ? convert(pair.value) : holder[keyOf(pair)];
    return copy;
  };
  try {
    // Converting the entry can fail as a whole-document conversion would (an entry the library read with errors).
    return { values: replace(values, 0), problem: null };
  } catch {
    return toValues(doc);
  }
}
