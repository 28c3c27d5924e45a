// Text -> the parsed YAML documents of a values file. Values follow YAML 1.1 as Helm reads them
// (go-yaml): `yes`/`on` are booleans and `<<` merge keys apply.
import { parseAllDocuments, type Document } from 'yaml';
import type { Finding } from './types';
import { FAST_PATH_OPTIONS, parseFastPath } from './yaml-fast-path';

/** Bounds alias expansion when converting to plain values ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

export function parseYaml(text: string): Document[] {
  // Most values files are plain block YAML: built directly, several times faster (see yaml-fast-path.ts).
  const fast = parseFastPath(text);
  if (fast !== null) return [fast];
  // logLevel 'error': the parser would otherwise print a process warning to stderr for every
  // collection used as a key, on every keystroke; such keys are reported as findings instead.
  const parsed = parseAllDocuments(text, { ...FAST_PATH_OPTIONS, logLevel: 'error' });
  return Array.isArray(parsed) ? parsed : [];
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

export type ValuesResult = { values: unknown; problem: null } | { values: null; problem: string };

/** The document as plain values, or why it cannot be converted (alias bombs, cycles). */
export function toValues(doc: Document): ValuesResult {
  let values: unknown;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    return { values: null, problem: error instanceof Error ? error.message : String(error) };
  }
  // `a: &x {b: *x}` converts to an object that holds itself; every walk over it would never end.
  if (holdsItself(values)) return { values: null, problem: 'an alias refers to a node that contains it, so the values never end' };
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
