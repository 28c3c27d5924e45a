// A helm-unittest runner over the render model: reads a suite file, applies each test's `set`
// values over the chart's defaults, renders, selects documents and checks the assertions the
// charts' suites use. An assertion kind it does not know fails with its name.
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { mergeValues } from '../../server/src/engine/merge';
import { renderRelease } from '../../server/src/engine/render';
import type { ChartId } from '../../server/src/engine/types';
import inferenceStackDefaults from '../../schemas/inference-stack.defaults.json';
import prePorterDefaults from '../../schemas/pre-porter.defaults.json';

const DEFAULTS: Record<ChartId, unknown> = { 'inference-stack': inferenceStackDefaults, 'pre-porter': prePorterDefaults };

type Map = Record<string, unknown>;

export interface UnitTest {
  it: string;
  template?: string;
  templates?: string[];
  set?: Map;
  release?: { name?: string; namespace?: string };
  documentIndex?: number;
  documentSelector?: { path: string; value: unknown };
  asserts: Map[];
}

export interface Suite {
  suite: string;
  templates?: string[];
  release?: { name?: string; namespace?: string };
  tests: UnitTest[];
}

export function readSuite(text: string): Suite {
  return parse(text) as Suite;
}

/** helm-unittest's path syntax: `a.b[0]["c.d"]`, and `\.` for a dot inside a key of `set`. */
export function parsePath(path: string): (string | number)[] {
  const segments: (string | number)[] = [];
  let current = '';
  let pending = false;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '\\' && path[i + 1] === '.') {
      current += '.';
      pending = true;
      i++;
    } else if (char === '.') {
      if (pending) segments.push(current);
      current = '';
      pending = false;
    } else if (char === '[') {
      if (pending) segments.push(current);
      current = '';
      pending = false;
      const end = path.indexOf(']', i);
      const inner = path.slice(i + 1, end);
      segments.push(/^\d+$/.test(inner) ? Number(inner) : inner.replace(/^["']|["']$/g, ''));
      i = end;
    } else {
      current += char;
      pending = true;
    }
  }
  if (pending) segments.push(current);
  return segments;
}

const MISSING = Symbol('missing');

function lookup(object: unknown, path: string): unknown {
  let node: unknown = object;
  for (const segment of parsePath(path)) {
    if (typeof segment === 'number') {
      if (!Array.isArray(node) || segment >= node.length) return MISSING;
      node = node[segment];
    } else {
      if (typeof node !== 'object' || node === null || Array.isArray(node) || !(segment in node)) return MISSING;
      node = (node as Map)[segment];
    }
  }
  return node;
}

/** `set` as helm-unittest applies it: each dotted key written into one values map. */
export function setValues(set: Map | undefined): Map {
  const values: Map = {};
  for (const [key, value] of Object.entries(set ?? {})) {
    const path = parsePath(key);
    let node: Map = values;
    path.forEach((segment, index) => {
      const name = String(segment);
      if (index === path.length - 1) {
        node[name] = mergeValues(node[name], value);
      } else {
        if (typeof node[name] !== 'object' || node[name] === null) node[name] = {};
        node = node[name] as Map;
      }
    });
  }
  return values;
}

function isEmptyValue(value: unknown): boolean {
  if (value === MISSING || value === null || value === undefined || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

/** One assertion on one document: null when it holds, else why not. */
function check(kind: string, args: Map, object: Map): string | null {
  const actual = typeof args.path === 'string' ? lookup(object, args.path) : MISSING;
  const show = (value: unknown) => (value === MISSING ? '(missing)' : JSON.stringify(value));
  switch (kind) {
    case 'equal':
      return actual !== MISSING && isDeepStrictEqual(actual, args.value) ? null : `${args.path} is ${show(actual)}, expected ${show(args.value)}`;
    case 'notEqual':
      return actual === MISSING || !isDeepStrictEqual(actual, args.value) ? null : `${args.path} is ${show(actual)}`;
    case 'contains':
    case 'notContains': {
      const found = Array.isArray(actual) && actual.some((item) => isDeepStrictEqual(item, args.content));
      return found === (kind === 'contains') ? null : `${args.path} is ${show(actual)}, ${kind} ${show(args.content)}`;
    }
    case 'isKind':
      return object.kind === (args.of as string) ? null : `kind is ${show(object.kind)}, expected ${show(args.of)}`;
    case 'isAPIVersion':
      return object.apiVersion === (args.of as string) ? null : `apiVersion is ${show(object.apiVersion)}`;
    case 'exists':
      return actual !== MISSING ? null : `${args.path} does not exist`;
    case 'notExists':
      return actual === MISSING ? null : `${args.path} exists: ${show(actual)}`;
    case 'isNotEmpty':
      return !isEmptyValue(actual) ? null : `${args.path} is empty: ${show(actual)}`;
    case 'isEmpty':
      return isEmptyValue(actual) ? null : `${args.path} is not empty: ${show(actual)}`;
    case 'isNull':
      return actual === null || actual === MISSING ? null : `${args.path} is ${show(actual)}`;
    case 'isNotNull':
      return actual !== null && actual !== MISSING ? null : `${args.path} is null`;
    case 'lengthEqual': {
      const length = Array.isArray(actual) ? actual.length : typeof actual === 'object' && actual !== null ? Object.keys(actual).length : -1;
      return length === args.count ? null : `${args.path} has length ${length}, expected ${show(args.count)}`;
    }
    case 'matchRegex':
      return typeof actual === 'string' && new RegExp(String(args.pattern)).test(actual) ? null : `${args.path} is ${show(actual)}, not matching ${show(args.pattern)}`;
    default:
      return `assertion kind "${kind}" is not supported by the runner`;
  }
}

export interface TestResult {
  assertions: number;
  failures: string[];
}

export function runUnitTest(chart: ChartId, suite: Suite, test: UnitTest): TestResult {
  const release = { ...suite.release, ...test.release };
  const merged = mergeValues(DEFAULTS[chart], setValues(test.set));
  const rendered = renderRelease(chart, merged, { releaseName: release.name, namespace: release.namespace });
  const wanted = (test.templates ?? (test.template ? [test.template] : suite.templates ?? [])).map((name) =>
    `${chart}/${name.startsWith('templates/') ? name : `templates/${name}`}`);
  const documents = rendered.documents.filter((document) => wanted.includes(document.source)).map((document) => document.object);
  const failures: string[] = [];
  for (const assertion of test.asserts) {
    const kind = Object.keys(assertion).find((key) => !['documentIndex', 'documentSelector', 'not', 'template'].includes(key)) ?? '(none)';
    const args = (assertion[kind] ?? {}) as Map;
    const negate = assertion.not === true;
    if (kind === 'hasDocuments') {
      const holds = documents.length === args.count;
      if (holds === negate) failures.push(`hasDocuments: ${documents.length} documents, expected ${args.count}`);
      continue;
    }
    const index = (assertion.documentIndex ?? test.documentIndex) as number | undefined;
    const selector = (assertion.documentSelector ?? test.documentSelector) as UnitTest['documentSelector'];
    let selected = documents;
    if (selector) selected = selected.filter((document) => isDeepStrictEqual(lookup(document, selector.path), selector.value));
    if (index !== undefined) selected = selected[index] ? [selected[index]] : [];
    if (selected.length === 0) {
      failures.push(`${kind}: no document selected`);
      continue;
    }
    for (const object of selected) {
      const problem = check(kind, args, object);
      if ((problem === null) === negate) failures.push(`${kind}: ${problem ?? 'holds, but `not` is set'}`);
    }
  }
  return { assertions: test.asserts.length, failures };
}
