// Helm's `--set` syntax (helm/pkg/strvals), as the tools build it from a manifest: Argo CD's
// `parameters` and helmfile's `set` / `setString`. Read here the way Helm reads it: `a.b=v` nests,
// `a[0]=v` indexes a list, `\` escapes the next character, `{a,b}` is a list, a comma ends one
// assignment; without --set-string, `true`/`false`/`null` (any case) and decimal integers without
// a leading zero are typed. Linear in the expression's length; names nest at most 30 deep and
// indexes stay at most 65,536, as Helm's limits.

export type SetValue = string | number | boolean | null | SetValue[] | SetTree;
export interface SetTree {
  [key: string]: SetValue;
}

const MAX_NESTED_NAME_LEVEL = 30;
const MAX_INDEX = 65536;

class SetError extends Error {}

/** The input ended where Helm's reader stops quietly (strvals returns io.EOF, which ends the parse without an error). */
class EndOfInput extends Error {}

class Scanner {
  at = 0;
  constructor(readonly text: string) {}

  /** Characters up to one of `stop` (consumed, returned as `last`), `\x` read as `x`; `last` null at the end. */
  until(stop: string): { read: string; last: string | null } {
    let read = '';
    while (this.at < this.text.length) {
      const c = this.text[this.at++];
      if (stop.includes(c)) return { read, last: c };
      if (c === '\\') {
        if (this.at >= this.text.length) return { read, last: null };
        read += this.text[this.at++];
      } else read += c;
    }
    return { read, last: null };
  }
}

/** Helm's typedVal: the value of an unquoted --set, unless it is --set-string. */
export function typedValue(text: string, asString: boolean): string | number | boolean | null {
  if (asString) return text;
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0;
  // Go's strconv.ParseInt(val, 10, 64): an optional sign, decimal digits, within int64.
  if (text !== '' && text[0] !== '0' && /^[+-]?[0-9]+$/.test(text)) {
    const big = BigInt(text);
    if (big >= -(2n ** 63n) && big < 2n ** 63n) return Number(big);
  }
  return text;
}

/**
 * Applies one --set expression to `into`, as Helm's strvals.ParseInto does. Returns Helm's
 * complaint for a malformed expression (then `into` may hold part of it, as Helm's would), else null.
 */
export function applySet(expression: string, into: SetTree, asString: boolean): string | null {
  const scanner = new Scanner(expression);
  try {
    while (scanner.at < expression.length) {
      if (!key(scanner, into, 0, asString)) break;
    }
    return null;
  } catch (error) {
    if (error instanceof EndOfInput) return null;
    if (error instanceof SetError) return error.message;
    throw error;
  }
}

function isTree(value: unknown): value is SetTree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function put(data: SetTree, name: string, value: SetValue): void {
  if (name !== '') Object.defineProperty(data, name, { value, enumerable: true, writable: true, configurable: true });
}

/** One assignment; false at the end of the input. */
function key(scanner: Scanner, data: SetTree, level: number, asString: boolean): boolean {
  for (;;) {
    const { read: name, last } = scanner.until('=[,.');
    if (last === null) {
      if (name === '') return false;
      throw new SetError(`key "${name}" has no value`);
    }
    if (last === '[') {
      const index = keyIndex(scanner);
      const existing = Object.hasOwn(data, name) ? data[name] : [];
      if (!Array.isArray(existing)) throw new SetError(`unable to parse key: "${name}" is not a list`);
      try {
        put(data, name, listItem(scanner, existing, index, level, asString));
      } catch (error) {
        // `a[0]` and nothing after: Helm keeps the list as it was and stops.
        if (error instanceof EndOfInput) put(data, name, existing);
        throw error;
      }
      return true;
    }
    if (last === '=') {
      put(data, name, value(scanner, asString));
      return true;
    }
    if (last === ',') {
      put(data, name, '');
      throw new SetError(`key "${name}" has no value (cannot end with ,)`);
    }
    // '.'
    if (level + 1 > MAX_NESTED_NAME_LEVEL) throw new SetError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    const existing = Object.hasOwn(data, name) ? data[name] : {};
    if (!isTree(existing)) throw new SetError(`unable to parse key: "${name}" is not a map`);
    const inner = existing;
    const more = key(scanner, inner, level + 1, asString);
    if (Object.keys(inner).length === 0) {
      // `a.` at the very end: Helm's reader ends there, quietly.
      if (!more) return false;
      throw new SetError(`key map "${name}" has no value`);
    }
    put(data, name, inner);
    return more;
  }
}

function keyIndex(scanner: Scanner): number {
  const { read, last } = scanner.until(']');
  if (last === null) throw new SetError('error parsing index: unexpected end');
  // Go's strconv.Atoi: an optional sign and decimal digits.
  if (!/^[+-]?[0-9]+$/.test(read)) throw new SetError(`error parsing index: strconv.Atoi: parsing "${read}": invalid syntax`);
  const index = Number(read);
  if (index < 0) throw new SetError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new SetError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  return index;
}

function withIndex(list: SetValue[], index: number, item: SetValue): SetValue[] {
  const copy = list.slice();
  while (copy.length <= index) copy.push(null);
  copy[index] = item;
  return copy;
}

function listItem(scanner: Scanner, list: SetValue[], index: number, level: number, asString: boolean): SetValue[] {
  const { read, last } = scanner.until('[.=');
  if (read.length > 0) throw new SetError(`unexpected data at end of array index: "${read}"`);
  if (last === null) throw new EndOfInput();
  if (last === '=') return withIndex(list, index, value(scanner, asString));
  if (last === '[') {
    const next = keyIndex(scanner);
    const existing = list[index];
    return withIndex(list, index, listItem(scanner, Array.isArray(existing) ? existing : [], next, level, asString));
  }
  const existing = list[index];
  const inner: SetTree = isTree(existing) ? existing : {};
  if (!key(scanner, inner, level, asString)) throw new EndOfInput();
  return withIndex(list, index, inner);
}

/** After `=`: a `{a,b}` list, or a value up to the next unescaped comma. */
function value(scanner: Scanner, asString: boolean): SetValue {
  if (scanner.at >= scanner.text.length) return '';
  if (scanner.text[scanner.at] === '{') {
    scanner.at++;
    const items: SetValue[] = [];
    for (;;) {
      const { read, last } = scanner.until(',}');
      if (last === null) throw new SetError("list must terminate with '}'");
      items.push(typedValue(read, asString));
      if (last === '}') {
        if (scanner.text[scanner.at] === ',') scanner.at++;
        return items;
      }
    }
  }
  return typedValue(scanner.until(',').read, asString);
}
