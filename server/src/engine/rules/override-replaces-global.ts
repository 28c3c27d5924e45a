// override-replaces-global: the chart's comments call a per-image nodeSelector "combined with"
// the global one, but its template reads `.nodeSelector | default $.Values.globalNodeSelector`:
// a non-empty per-image value replaces the global value whole. Reported when that loses
// something the global value had. A key both set, with different values, is a deliberate
// override (a merge would give the same result), so only entries absent from the per-image
// value count as dropped.
import { isPlainMap } from '../merge';
import { cronEnabled, isTruthy, prePorterImages, type PrePorterImage } from './pre-porter-images';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'override-replaces-global';

/** Per-image key -> the global value it falls back to. */
const OVERRIDES: readonly (readonly [string, string])[] = [
  ['nodeSelector', 'globalNodeSelector'],
  ['tolerations', 'globalTolerations'],
  ['affinity', 'globalAffinity'],
  ['resources', 'globalResources'],
];

const MAX_LISTED = 3;

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'info', summary: 'A per-image nodeSelector, tolerations, affinity or resources that replaces the global one and drops its entries.' }],
  charts: ['pre-porter'],
  check(context) {
    if (!cronEnabled(context.values)) return [];
    return prePorterImages(context.values)
      .filter((image) => image.enabled)
      .flatMap((image) => OVERRIDES.flatMap(([key, globalKey]) => check(context, image, key, globalKey)));
  },
};

function check(context: RuleContext, image: PrePorterImage, key: string, globalKey: string): RuleFinding[] {
  const local = image.values[key];
  const global = context.values[globalKey];
  // Go's `default` keeps the global value when the per-image one is empty.
  if (!isTruthy(local) || !isTruthy(global) || !sameShape(local, global)) return [];
  const dropped = droppedEntries(global, local, '');
  if (dropped.length === 0) return [];
  const listed = dropped.slice(0, MAX_LISTED).join('; ');
  const more = dropped.length > MAX_LISTED ? ` and ${dropped.length - MAX_LISTED} more` : '';
  const label = image.name ? `\`${image.name}\`` : `images[${image.index}]`;
  const globalRange = context.locate([globalKey]) ? context.rangeFor([globalKey], 'key') : null;
  return [{
    code: CODE,
    message: `The chart uses this \`${key}\` in place of \`${globalKey}\` (no merge): ${label}'s jobs lose ${listed}${more}.`,
    range: context.rangeFor([...image.path, key], 'key'),
    related: globalRange ? [{ range: globalRange, message: `the \`${globalKey}\` that ${label} no longer gets` }] : undefined,
    data: { path: `images/${image.index}/${key}`, global: globalKey, dropped },
  }];
}

function sameShape(a: unknown, b: unknown): boolean {
  return (Array.isArray(a) && Array.isArray(b)) || (isPlainMap(a) && isPlainMap(b));
}

/**
 * What the global value has that the per-image one lacks, as `path: value` texts. Maps compare
 * key by key (a key set on both sides is kept or deliberately overridden); a list item counts as
 * kept only when an equal item is in the per-image list.
 */
function droppedEntries(global: unknown, local: unknown, path: string): string[] {
  if (isPlainMap(global) && isPlainMap(local)) {
    return Object.entries(global).flatMap(([key, value]) => {
      const childPath = path ? `${path}.${key}` : key;
      if (local[key] === undefined || local[key] === null) return [entry(childPath, value)];
      return sameShape(value, local[key]) ? droppedEntries(value, local[key], childPath) : [];
    });
  }
  if (Array.isArray(global) && Array.isArray(local)) {
    return global.flatMap((item, index) =>
      local.some((candidate) => deepEqual(candidate, item)) ? [] : [entry(`${path}[${index}]`, item)]);
  }
  return [];
}

const MAX_ENTRY_LENGTH = 100;

function entry(path: string, value: unknown): string {
  const text = path.startsWith('[') ? flow(value) : `${path}: ${flow(value)}`;
  return `\`${text.length > MAX_ENTRY_LENGTH ? `${text.slice(0, MAX_ENTRY_LENGTH - 1)}…` : text}\``;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainMap(a) && isPlainMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A short YAML flow rendering, so that a dropped entry reads like what the user would write. */
function flow(value: unknown, depth = 0): string {
  if (depth > 4) return '…';
  if (Array.isArray(value)) return `[${value.map((item) => flow(item, depth + 1)).join(', ')}]`;
  if (isPlainMap(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${flow(v, depth + 1)}`).join(', ')}}`;
  if (typeof value === 'string') {
    const plain = /^[A-Za-z0-9_./-][A-Za-z0-9_./ -]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+]?\d[\d.e+]*)$/i.test(value);
    return plain ? value : JSON.stringify(value);
  }
  return String(value);
}
