// The parts of Helm's template semantics that both charts' templates rely on. Values reach a
// template as Go values decoded from JSON (Helm reads values files through sigs.k8s.io/yaml),
// so every number is a float64 and prints as Go's `%v` prints one.

/** Go's truthiness, used by `default`, `if`, `with`, `and`, `or`: 0, false, "", [], {} and nil are empty. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (typeof value === 'number' && Number.isNaN(value)) return false;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value as object).length === 0;
  return false;
}

export function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A map's key at `key`, or undefined for anything that is not a map (Go returns nil there too). */
export function field(value: unknown, key: string): unknown {
  return isMap(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}

/** `range` over a map walks its keys in sorted (byte) order. */
export function sortedKeys(value: unknown): string[] {
  if (!isMap(value)) return [];
  return Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `range` over a value: a list's items, a map's values in key order, nothing for a scalar. */
export function rangeItems(value: unknown): { key: string | number; item: unknown }[] {
  if (Array.isArray(value)) return value.map((item, key) => ({ key, item }));
  return sortedKeys(value).map((key) => ({ key, item: (value as Record<string, unknown>)[key] }));
}

/** `trunc 63 | trimSuffix "-"`: at most 63 characters, and one trailing dash removed. */
export function trunc63(text: string): string {
  const cut = text.slice(0, 63);
  return cut.endsWith('-') ? cut.slice(0, -1) : cut;
}

export interface NameInput {
  chartName: string;
  releaseName: string;
  nameOverride: unknown;
  fullnameOverride: unknown;
}

/** The charts' `name` helper: the chart's name unless `nameOverride` is set. */
export function chartName(input: NameInput): string {
  return trunc63(isEmpty(input.nameOverride) ? input.chartName : printScalar(input.nameOverride));
}

/** The charts' `fullname` helper (identical in both charts). */
export function fullname(input: NameInput): string {
  if (!isEmpty(input.fullnameOverride)) return trunc63(printScalar(input.fullnameOverride));
  const name = isEmpty(input.nameOverride) ? input.chartName : printScalar(input.nameOverride);
  if (input.releaseName.includes(name)) return trunc63(input.releaseName);
  return trunc63(`${input.releaseName}-${name}`);
}

/**
 * Go's `%v` of a float64: strconv's 'g' format with the shortest digits, which switches to
 * exponent form when the decimal exponent is below -4 or at least 6 (so 1000000 prints
 * `1e+06`, a well-known surprise of large numbers in Helm values).
 */
export function printNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/** How `{{ value }}` prints a value (Helm replaces Go's `<no value>` with nothing). */
export function printScalar(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return printNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Go prints a list as [a b] and a map as map[k:v]: nonsense in a manifest, but what it gets.
  if (depth > 32) return '...';
  if (Array.isArray(value)) return `[${value.map((item) => printScalar(item, depth + 1)).join(' ')}]`;
  if (isMap(value)) return `map[${sortedKeys(value).map((key) => `${key}:${printScalar(value[key], depth + 1)}`).join(' ')}]`;
  return String(value);
}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const TRUES = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSES = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const DECIMAL = /^[-+]?(0|[1-9][0-9_]*)$/;
const FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;

/**
 * What a plain (unquoted) YAML scalar printed by a template becomes when Kubernetes reads the
 * manifest (sigs.k8s.io/yaml, YAML 1.1 resolution): `8000` an integer, `true`/`on` a boolean,
 * empty a null, anything else a string. Text that YAML would not read as one scalar (`a: b`,
 * a leading `[`) is kept as a string: the model does not guess at broken manifests.
 */
export function resolvePlainScalar(text: string): unknown {
  const trimmed = text.trim();
  if (NULLS.has(trimmed)) return null;
  if (TRUES.has(trimmed)) return true;
  if (FALSES.has(trimmed)) return false;
  if (DECIMAL.test(trimmed)) {
    const number = Number(trimmed.replace(/_/g, ''));
    if (Number.isSafeInteger(number)) return number;
  }
  if (/^0x[0-9a-fA-F]+$/.test(trimmed)) return parseInt(trimmed.slice(2), 16);
  if (FLOAT.test(trimmed)) return Number(trimmed);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  return trimmed;
}

/** `{{ value }}` printed where YAML reads it unquoted: the type Kubernetes receives. */
export function inlineValue(value: unknown): unknown {
  return resolvePlainScalar(printScalar(value));
}

/**
 * A deep copy, as `toYaml` then YAML parsing gives back: same types, no shared objects, and
 * map keys in sorted order, as Go's YAML encoder writes them.
 */
export function copyValue(value: unknown, depth = 0): unknown {
  if (depth > 256) return null;
  if (Array.isArray(value)) return value.map((item) => copyValue(item, depth + 1));
  if (isMap(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of sortedKeys(value)) copy[key] = copyValue(value[key], depth + 1);
    return copy;
  }
  return value === undefined ? null : value;
}
