// A small glob matcher for the `bitHarbor.files.*` and `bitHarbor.layers` settings: `*`, `**`,
// `?`, `[...]` and `{a,b}`. A pattern without a slash matches the file name alone (as in
// .gitignore); one with a slash matches the end of the path, so `deploy/*.yaml` works whatever
// the workspace root.
//
// The patterns come from a repository's own settings, so matching must not backtrack: a regular
// expression built from `*a*a*a*a*a*ab` takes exponential time on a long name. Here braces are
// expanded first (a bounded number of alternatives), then each alternative is matched with the
// greedy two-pointer wildcard algorithm twice over: characters within a path segment, and
// segments within the path (`**` being the star there). Both are O(text x pattern) at worst.

/** Longer patterns match nothing: no real file layout needs one, and it bounds the work. */
export const MAX_GLOB_LENGTH = 1024;
/** Brace alternatives per pattern beyond this are dropped (`{a,b}{c,d}...` multiplies). */
export const MAX_GLOB_ALTERNATIVES = 64;
/** Patterns per setting list beyond this are ignored. */
export const MAX_GLOBS = 256;

type CharToken = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'star' } | { kind: 'class'; negated: boolean; items: [string, string][] };
type Segment = { kind: 'globstar' } | { kind: 'segment'; tokens: CharToken[] };

/** A compiled pattern: `matches(path)` runs in time bounded by the path and pattern lengths. */
export interface CompiledGlob {
  matches(path: string): boolean;
}

export function compileGlob(glob: string): CompiledGlob {
  if (glob.length > MAX_GLOB_LENGTH) return { matches: () => false };
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  const alternatives = expandBraces(pattern, MAX_GLOB_ALTERNATIVES);
  const compiled = alternatives.map((alternative) => {
    if (!alternative.includes('/')) {
      const tokens = charTokens(alternative);
      return (_segments: string[], name: string) => matchSequence(tokens, name.length, (token) => token.kind === 'star',
        (token, at) => matchesChar(token, name[at]));
    }
    // A pattern with a slash matches a suffix of the path on a segment boundary: as if it began
    // with `**/` (a leading `/` does not anchor it to the root, as before).
    const body = alternative.startsWith('/') ? alternative.slice(1) : alternative;
    const segments = pathSegments(body);
    const suffix: Segment[] = segments[0]?.kind === 'globstar' ? segments : [{ kind: 'globstar' }, ...segments];
    return (path: string[]) => matchSequence(suffix, path.length, (segment) => segment.kind === 'globstar',
      (segment, at) => segment.kind === 'segment' && matchSegment(segment.tokens, path[at]));
  });
  return {
    matches(path: string): boolean {
      const normalized = path.replace(/\\/g, '/');
      const segments = normalized.split('/');
      const name = segments[segments.length - 1];
      return compiled.some((match) => match(segments, name));
    },
  };
}

export function matchesGlob(path: string, glob: string): boolean {
  return compileGlob(glob).matches(path);
}

/** `a/**` matches everything below `a` (one or more segments), `**` inside a name is `*`. */
function pathSegments(body: string): Segment[] {
  const parts = body.split('/');
  const segments: Segment[] = [];
  parts.forEach((part, index) => {
    if (part === '**') {
      if (index === parts.length - 1) segments.push({ kind: 'segment', tokens: [{ kind: 'star' }] });
      if (segments[segments.length - 1]?.kind !== 'globstar') segments.push({ kind: 'globstar' });
    } else segments.push({ kind: 'segment', tokens: charTokens(part) });
  });
  return segments;
}

function matchSegment(tokens: CharToken[], text: string): boolean {
  return matchSequence(tokens, text.length, (token) => token.kind === 'star', (token, at) => matchesChar(token, text[at]));
}

/**
 * The greedy wildcard algorithm over any sequence: `isStar` tokens match zero or more items,
 * every other token matches exactly one item when `matchOne` says so. On a mismatch only the
 * most recent star is retried one item further, which is enough because everything before it
 * already matched; so the work is at most text length x pattern length.
 */
function matchSequence<T>(tokens: T[], length: number, isStar: (token: T) => boolean, matchOne: (token: T, at: number) => boolean): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  while (t < length) {
    if (p < tokens.length && !isStar(tokens[p]) && matchOne(tokens[p], t)) {
      t++;
      p++;
    } else if (p < tokens.length && isStar(tokens[p])) {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < tokens.length && isStar(tokens[p])) p++;
  return p === tokens.length;
}

function matchesChar(token: CharToken, char: string): boolean {
  switch (token.kind) {
    case 'char': return token.char === char;
    case 'any': return char !== '/';
    case 'star': return true;
    case 'class': return token.items.some(([low, high]) => char >= low && char <= high) !== token.negated;
  }
}

function charTokens(part: string): CharToken[] {
  const tokens: CharToken[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '*') {
      // `**` inside a name is one star; consecutive stars add nothing.
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') tokens.push({ kind: 'any' });
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) tokens.push({ kind: 'char', char: c });
      else {
        tokens.push(charClass(part.slice(i + 1, close)));
        i = close;
      }
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

function charClass(body: string): CharToken {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = negated ? body.slice(1) : body;
  const items: [string, string][] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && i + 2 < chars.length) {
      items.push([chars[i], chars[i + 2]]);
      i += 2;
    } else items.push([chars[i], chars[i]]);
  }
  return { kind: 'class', negated, items };
}

/**
 * `{a,b}` alternatives, nested or not, expanded into at most `limit` plain patterns. An
 * unmatched `{` is an ordinary character.
 */
function expandBraces(pattern: string, limit: number): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length && close < 0; i++) {
    if (pattern[i] === '{') depth++;
    else if (pattern[i] === '}' && --depth === 0) close = i;
    else if (pattern[i] === ',' && depth === 1) commas.push(i);
  }
  const head = pattern.slice(0, open);
  if (close < 0) return expandBraces(pattern.slice(open + 1), limit).map((rest) => head + '{' + rest);
  const bounds = [open, ...commas, close];
  const tails = expandBraces(pattern.slice(close + 1), limit);
  const results: string[] = [];
  for (let k = 0; k + 1 < bounds.length && results.length < limit; k++) {
    for (const choice of expandBraces(pattern.slice(bounds[k] + 1, bounds[k + 1]), limit)) {
      for (const tail of tails) {
        if (results.length >= limit) return results;
        results.push(head + choice + tail);
      }
    }
  }
  return results;
}
