// Text -> the parsed YAML documents of a values file. Values follow YAML 1.1 as Helm reads them
// (go-yaml): `yes`/`on` are booleans and `<<` merge keys apply.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, visit, type Document, type Node, type Pair } from 'yaml';
import type { Finding } from './types';
import { FAST_PATH_OPTIONS, parseFastPath } from './yaml-fast-path';

/**
 * Bounds what aliases expand to ("billion laughs"): the checks walk the values as a tree, so an
 * alias costs the size of what it refers to each time. The library's own bound counts references
 * instead (1,000 of one anchor refused a fleet of 1,000 groups sharing one `resources` block) and
 * lets a wide anchor through; this counts the values a walk would visit.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

/** For the library's conversion: its reference count is not the bound (MAX_EXPANDED_VALUES is). */
export const MAX_ALIAS_COUNT = -1;

/** Deeper than this is no values file anyone writes, and the parser's recursion would overflow the stack. */
export const MAX_NESTING = 1000;

/** `nestingChecked`: the caller has run nestingFinding on this text already (analyze does), so no second scan. */
export function parseYaml(text: string, nestingChecked = false): Document[] {
  return parseYamlTelling(text, nestingChecked).docs;
}

/**
 * parseYaml, telling whether the fast path built the documents (only those can be re-parsed in
 * part) and whether the text was refused for nesting too deep (then there are none).
 */
export function parseYamlTelling(text: string, nestingChecked = false): { docs: Document[]; fast: boolean; tooDeep: boolean } {
  // Refused, not parsed: analyze reports it (nestingFinding); the features answer nothing.
  if (!nestingChecked && nestingDepth(text, MAX_NESTING) > MAX_NESTING) return { docs: [], fast: false, tooDeep: true };
  try {
    // Most values files are plain block YAML: built directly, several times faster (see yaml-fast-path.ts).
    return fastOrFull(text);
  } catch (error) {
    // A nesting the scan below underestimates can still exhaust the stack: no documents then.
    if (error instanceof RangeError) return { docs: [], fast: false, tooDeep: false };
    throw error;
  }
}

function fastOrFull(text: string): { docs: Document[]; fast: boolean; tooDeep: false } {
  const fast = parseFastPath(text);
  if (fast !== null) return { docs: [fast], fast: true, tooDeep: false };
  // logLevel 'error' (in the options): no process warning on stderr for every collection used as
  // a key, on every keystroke; such keys are reported as findings instead.
  const parsed = parseAllDocuments(text, FAST_PATH_OPTIONS);
  return { docs: Array.isArray(parsed) ? parsed : [], fast: false, tooDeep: false };
}

export function syntaxFindings(doc: Document, text: string): Finding[] {
  // An error the parser only notices at the end of the input (an unclosed bracket or quote)
  // belongs on the last line that has content, not on the empty line after it.
  const contentEnd = text.trimEnd().length;
  return doc.errors.map((error) => {
    let start = error.pos[0];
    let end = Math.max(error.pos[1], start);
    if (start >= contentEnd && contentEnd > 0) {
      end = contentEnd;
      start = Math.max(text.lastIndexOf('\n', contentEnd - 1) + 1, 0);
    }
    return {
      code: 'yaml-syntax',
      severity: 'error' as const,
      message: error.message.includes('Maximum call stack size exceeded')
        ? 'YAML: the nesting here is too deep to read'
        : `YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      range: { start, end: end > start ? end : start + 1 },
      data: { yamlCode: error.code },
    };
  });
}

/** Whether `text` is over `limit` bytes of UTF-8. */
export function isTooLarge(text: string, limit: number): boolean {
  // Cheap before exact: one UTF-16 unit is one to three UTF-8 bytes.
  if (text.length * 3 <= limit) return false;
  return text.length > limit || Buffer.byteLength(text, 'utf8') > limit;
}

/** The one finding of a file over the size limit (`bitHarbor.maxFileSize`), read instead of parsing it. */
export function sizeFinding(text: string, limit: number, bytesOnDisk?: number): Finding | null {
  if (!isTooLarge(text, limit)) return null;
  const bytes = bytesOnDisk ?? Buffer.byteLength(text, 'utf8');
  const firstLine = text.indexOf('\n');
  return {
    code: 'file-too-large',
    severity: 'warning',
    message: `This file is ${formatSize(bytes)}, over the ${formatSize(limit)} limit (\`bitHarbor.maxFileSize\`); it is not checked`,
    range: { start: 0, end: firstLine < 0 ? Math.min(text.length, 200) : Math.min(firstLine, 200) },
    data: { bytes, limit },
  };
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${bytes} bytes`;
}

/** The one finding of a file nested deeper than MAX_NESTING, which is not parsed. */
export function nestingFinding(text: string): Finding | null {
  return nestingDepth(text, MAX_NESTING) <= MAX_NESTING ? null : nestingRefusal(text);
}

/** The finding of a file known to nest deeper than MAX_NESTING. */
export function nestingRefusal(text: string): Finding {
  return {
    code: 'yaml-syntax',
    severity: 'error',
    message: `YAML: nested more than ${MAX_NESTING} levels deep; the file is not read`,
    range: { start: 0, end: Math.max(0, Math.min(text.length, text.indexOf('\n') < 0 ? 200 : text.indexOf('\n'))) },
    data: { yamlCode: 'NESTING_TOO_DEEP' },
  };
}

/**
 * An estimate, from above for what values files contain, of how deep `text` nests: block
 * indentation levels, `- ` items on one line and open flow brackets outside quotes and comments.
 * Linear, and it stops counting once past `limit`.
 */
export function nestingDepth(text: string, limit = Infinity): number {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  let quote: '"' | "'" | null = null;
  let i = 0;
  while (i < text.length && max <= limit) {
    let column = 0;
    while (quote === null && (text[i] === ' ' || text[i] === '\t' || text[i] === '\ufeff')) {
      i++;
      column++;
    }
    if (quote === null && flow === 0 && text[i] !== '\n' && text[i] !== '\r' && text[i] !== '#' && i < text.length) {
      while (indents.length > 0 && indents[indents.length - 1] >= column) indents.pop();
      indents.push(column);
    }
    let items = 0;
    let valueStart = true; // where a flow collection may open in block context
    for (; i < text.length && text[i] !== '\n'; i++) {
      const c = text[i];
      const before = i === 0 ? '\n' : text[i - 1];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = null;
      } else if (quote === "'") {
        if (c === "'" && text[i + 1] === "'") i++;
        else if (c === "'") quote = null;
      } else if (c === '#' && /\s/.test(before)) {
        while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      } else if ((c === '"' || c === "'") && (valueStart || flow > 0)) {
        quote = c;
      } else if ((c === '[' || c === '{') && (valueStart || flow > 0)) {
        flow++;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      } else if (c === '-' && valueStart && flow === 0 && /\s/.test(text[i + 1] ?? '\n')) {
        items++;
      }
      if (c !== ' ' && c !== '\t') valueStart = (c === ':' || c === '-' || c === '?' || c === ',' || c === '[' || c === '{') && quote === null;
      const depth = indents.length + items + flow;
      if (depth > max) max = depth;
    }
    i++;
  }
  return max;
}

/** A problem of one place that conversion stepped around (the values are those without it). */
export interface ConversionIssue {
  message: string;
  offset: number;
}

export type ValuesResult = { values: unknown; problem: null; issues?: ConversionIssue[] } | { values: null; problem: string };

/** Whether a merge key's value is what YAML merges: a map, or a list of maps (aliases resolved). */
function mergeable(node: unknown, doc: Document): boolean {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) return true;
  return isSeq(target) && !isAlias(node) && target.items.every((item) => isMap(isAlias(item) ? item.resolve(doc) : item));
}

/** A `<<` key as the parser reads it (a merge key's value is a symbol; a quoted one is a string). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'));
}

/** The offsets of `<<` keys whose value cannot be merged (`<<: ` typed, `<<: [a]`). */
function badMergeKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (isMergeKey(pair.key) && !mergeable(pair.value, doc)) offsets.push((pair.key as Node).range?.[0] ?? 0);
    },
  });
  return offsets;
}

/**
 * The values without the `<<` entries at `offsets`, each reported where it is: a merge key typed
 * before its alias made the whole file unconvertible, and every finding elsewhere went with it.
 * (Helm rejects such a file as well; the rest is still worth checking.)
 */
function withoutBadMerges(doc: Document, offsets: readonly number[], message: string): ValuesResult {
  const copy = doc.clone();
  visit(copy, {
    Pair(_, pair: Pair) {
      const at = (pair.key as Node | null)?.range?.[0];
      if (isMergeKey(pair.key) && at !== undefined && offsets.includes(at)) return visit.REMOVE;
    },
  });
  const result = toValues(copy, false);
  if (result.problem !== null) return result;
  return { ...result, issues: [...(result.issues ?? []), ...offsets.map((offset) => ({ message, offset }))] };
}

/** The document as plain values, or why it cannot be converted (alias bombs, cycles). */
export function toValues(doc: Document, stepAroundMerges = true): ValuesResult {
  let values: unknown;
  let anchors = 0;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, onAnchor: () => anchors++ }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const bad = stepAroundMerges && /merge/i.test(message) ? badMergeKeys(doc) : [];
    return bad.length > 0 ? withoutBadMerges(doc, bad, message) : { values: null, problem: message };
  }
  // `a: &x {b: *x}` converts to an object that holds itself; every walk over it would never end.
  // Only an anchored node can be reached again, so a file without anchors needs no walk.
  if (anchors > 0 && holdsItself(values)) return { values: null, problem: 'an alias refers to a node that contains it, so the values never end' };
  if (anchors > 0 && expandedSize(values, MAX_EXPANDED_VALUES) > MAX_EXPANDED_VALUES) {
    return { values: null, problem: `the aliases here expand to more than ${MAX_EXPANDED_VALUES.toLocaleString('en')} values, too many to check (an alias bomb?)` };
  }
  return { values, problem: null };
}

/**
 * Whether `root` contains itself. Iterative, so deep nesting cannot overflow the stack, and each
 * object is walked once, so values shared through aliases cost nothing more.
 */
function holdsItself(root: unknown): boolean {
  const done = new Set<object>();
  const onPath = new Set<object>();
  const stack: { value: object; children: unknown[]; next: number }[] = [];
  const enter = (value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || done.has(value)) return false;
    if (onPath.has(value)) return true;
    onPath.add(value);
    stack.push({ value, children: Object.values(value), next: 0 });
    return false;
  };
  if (enter(root)) return true;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      if (enter(top.children[top.next++])) return true;
    } else {
      stack.pop();
      onPath.delete(top.value);
      done.add(top.value);
    }
  }
  return false;
}

/**
 * How many values a walk of `root` as a tree visits, counting a shared object (an alias) each time
 * it is reached; stops counting past `limit`. Linear: each object's size is computed once.
 * `root` holds no cycle (holdsItself ran first).
 */
function expandedSize(root: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const stack: { value: object; children: unknown[]; next: number; size: number }[] = [];
  const sizeOf = (value: unknown): number | null => {
    if (value === null || typeof value !== 'object') return 1;
    const known = sizes.get(value);
    if (known !== undefined) return known;
    stack.push({ value, children: Object.values(value), next: 0, size: 1 });
    return null;
  };
  const top = sizeOf(root);
  if (top !== null) return top;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next < frame.children.length) {
      const child = sizeOf(frame.children[frame.next]);
      if (child === null) continue;
      frame.next++;
      frame.size = Math.min(frame.size + child, limit + 1);
    } else {
      stack.pop();
      sizes.set(frame.value, frame.size);
      if (stack.length === 0) return frame.size;
      const parent = stack[stack.length - 1];
      parent.next++;
      parent.size = Math.min(parent.size + frame.size, limit + 1);
    }
  }
  return sizes.get(root as object) ?? 0;
}
