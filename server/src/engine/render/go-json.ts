// Sprig's `toJson` (Go's json.Marshal): map keys in sorted byte order, and <, > and & escaped
// as \u003c, \u003e and \u0026, which JSON.stringify does not do.
import { isMap, sortedKeys } from './helm';

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function escape(text: string): string {
  return JSON.stringify(text).replace(HTML_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function toGoJson(value: unknown, depth = 0): string {
  if (depth > 256 || value === null || value === undefined) return 'null';
  if (typeof value === 'string') return escape(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map((item) => toGoJson(item, depth + 1)).join(',')}]`;
  if (isMap(value)) return `{${sortedKeys(value).map((key) => `${escape(key)}:${toGoJson(value[key], depth + 1)}`).join(',')}}`;
  return 'null';
}
