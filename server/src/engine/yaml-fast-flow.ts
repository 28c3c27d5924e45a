// The fast path's one-line pieces: flow collections (`[a, b]`, `{k: v}`), quoted scalars and the
// resolution of plain scalars through the schema's own tags (so `yes`, `0x1F` and `1_000` mean
// what the `yaml` library makes of them under YAML 1.1). See yaml-fast-path.ts.
import { Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';

/** Thrown where the text leaves the subset; the caller falls back to the full parser. */
export class Declined extends Error {}

export interface FlowContext {
  readonly text: string;
  readonly schema: Schema;
  skipSpaces(from: number, end: number): number;
}

interface ScalarTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve(value: string, onError: (message: string) => void, options: object): unknown;
}

/** The composer's resolve options as the engine parses (no BigInt integers). */
const RESOLVE_OPTIONS = { intAsBigInt: false };

const MAYBE_NOT_STRING = /^(?:$|[-+.0-9~<nNyYtTfFoO])/;

/** A plain scalar as the composer resolves it: the first default tag whose pattern matches, else a string. */
export function resolvePlain(schema: Schema, source: string, atKey: boolean): Scalar {
  const tags = schema.tags as unknown as ScalarTag[];
  let scalar: Scalar;
  let format: string | undefined;
  // Under YAML 1.1 only these first characters can make a plain scalar anything but a string
  // (null, booleans, numbers, timestamps, `<<`); most keys and values skip the tag patterns.
  const tag = MAYBE_NOT_STRING.test(source)
    ? tags.find((t) => (t.default === true || (atKey && t.default === 'key')) && t.test?.test(source))
    : undefined;
  if (tag) {
    const resolved = tag.resolve(source, () => {
      throw new Declined();
    }, RESOLVE_OPTIONS);
    scalar = resolved instanceof Scalar ? resolved : new Scalar(resolved);
    format = tag.format;
  } else {
    scalar = new Scalar(source);
  }
  scalar.source = source;
  scalar.type = 'PLAIN';
  if (format) scalar.format = format;
  return scalar;
}

/** A single-line quoted scalar at `at`; double quotes with escapes are left to the full parser. */
export function quotedScalarAt(text: string, at: number, end: number): Scalar {
  const quote = text[at];
  let value = '';
  let i = at + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close === -1 || close >= end) throw new Declined();
    if (quote === '"') {
      if (text.slice(i, close).includes('\\')) throw new Declined();
      value += text.slice(i, close);
      i = close + 1;
      break;
    }
    value += text.slice(i, close);
    if (text[close + 1] !== "'") {
      i = close + 1;
      break;
    }
    value += "'";
    i = close + 2;
  }
  const scalar = new Scalar(value);
  scalar.source = value;
  scalar.type = quote === '"' ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE';
  scalar.range = [at, i, i];
  return scalar;
}

/** A flow collection that opens at `at` and closes before `end` (the end of its line). */
export function flowCollectionAt(context: FlowContext, at: number, end: number): YAMLSeq | YAMLMap {
  const { text } = context;
  const isSeq = text[at] === '[';
  const close = isSeq ? ']' : '}';
  const collection = isSeq ? new YAMLSeq(context.schema) : new YAMLMap(context.schema);
  collection.flow = true;
  const keys = new Set<unknown>();
  let i = context.skipSpaces(at + 1, end);
  while (text[i] !== close) {
    if (i >= end) throw new Declined();
    if (isSeq) {
      const item = flowItem(context, i, end);
      if (text[item.next] === ':') throw new Declined(); // `[k: v]` is a one-pair map
      (collection as YAMLSeq).items.push(item.node);
      i = item.next;
    } else {
      const key = flowItem(context, i, end, true);
      // `{k : v}` (space before the colon) ends the key's range differently: left to the library.
      if (!(key.node instanceof Scalar) || keys.has(key.node.value) || key.node.range![1] !== key.next || text[key.next] !== ':' || text[key.next + 1] !== ' ') {
        throw new Declined();
      }
      keys.add(key.node.value);
      const value = flowItem(context, context.skipSpaces(key.next + 1, end), end);
      (collection as YAMLMap).items.push(new Pair(key.node, value.node));
      i = value.next;
    }
    if (text[i] === ',') i = context.skipSpaces(i + 1, end);
    else if (text[i] !== close) throw new Declined();
  }
  collection.range = [at, i + 1, i + 1];
  return collection;
}

/** One item inside a flow collection, and the offset after it and the spaces that follow. */
function flowItem(context: FlowContext, at: number, end: number, atKey = false): { node: Scalar | YAMLSeq | YAMLMap; next: number } {
  const { text } = context;
  const ch = text[at];
  if (ch === '[' || ch === '{') {
    if (atKey) throw new Declined();
    const node = flowCollectionAt(context, at, end);
    const next = context.skipSpaces(node.range![1], end);
    node.range = [at, node.range![1], next];
    return { node, next };
  }
  if (ch === '"' || ch === "'") {
    const node = quotedScalarAt(text, at, end);
    const next = context.skipSpaces(node.range![1], end);
    node.range = [at, node.range![1], next];
    return { node, next };
  }
  if ('&*!|>%@`]},#'.includes(ch) || ch === undefined || ((ch === '-' || ch === '?' || ch === ':') && ' ,[]{}'.includes(text[at + 1] ?? ' '))) {
    throw new Declined();
  }
  let valueEnd = at;
  let i = at;
  for (; i < end; i++) {
    const c = text[i];
    if (c === ',' || c === '[' || c === ']' || c === '{' || c === '}') break;
    if (c === ':' && ' ,[]{}'.includes(text[i + 1] ?? ' ')) break;
    if (c === '#' && text[i - 1] === ' ') throw new Declined();
    if (c !== ' ') valueEnd = i + 1;
  }
  if (i >= end || text[i] === '[' || text[i] === '{') throw new Declined();
  const node = resolvePlain(context.schema, text.slice(at, valueEnd), atKey);
  node.range = [at, valueEnd, i];
  return { node, next: i };
}
