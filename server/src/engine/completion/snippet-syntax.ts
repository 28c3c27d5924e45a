// The part of the snippet syntax (VS Code's, which LSP adopted) that snippets/bit-harbor.json
// uses: text, tab stops (`$1`, `${1}`), placeholders with plain defaults (`${1:name}`) and
// choices (`${1|a,b|}`). The server reads the snippets as tokens so that it can fill tab stops in
// (a model's tag, the sizeLimit that holds it) and write them back; tests expand them the way an
// editor does when every tab stop is left at its default. Variables and nested placeholders are
// not used by the file and are refused, so a later edit that adds one fails the tests, not users.

export type SnippetToken =
  | { kind: 'text'; text: string }
  /** `$1` or `${1}`: mirrors what is typed at the placeholder of the same index. */
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; value: string }
  | { kind: 'choice'; index: number; options: string[] };

const TAB_STOP = /^\$(\d+)|^\$\{(\d+)\}/;
const OPENING = /^\$\{(\d+)([:|])/;

/** Reads `body` up to (not including) the first unescaped character of `stops`. */
function readUntil(body: string, at: number, stops: string): { text: string; end: number } {
  let text = '';
  let i = at;
  while (i < body.length && !stops.includes(body[i])) {
    if (body[i] === '\\' && i + 1 < body.length && (stops + '\\$}').includes(body[i + 1])) i++;
    text += body[i++];
  }
  return { text, end: i };
}

export function parseSnippet(body: string): SnippetToken[] {
  const tokens: SnippetToken[] = [];
  let i = 0;
  while (i < body.length) {
    const rest = body.slice(i);
    const stop = TAB_STOP.exec(rest);
    const opening = OPENING.exec(rest);
    if (stop) {
      tokens.push({ kind: 'tabstop', index: Number(stop[1] ?? stop[2]) });
      i += stop[0].length;
    } else if (opening && opening[2] === ':') {
      const value = readUntil(body, i + opening[0].length, '$}');
      if (body[value.end] !== '}') throw new Error(`snippet: placeholder \${${opening[1]}:…} is not closed or nests another (at ${i})`);
      tokens.push({ kind: 'placeholder', index: Number(opening[1]), value: value.text });
      i = value.end + 1;
    } else if (opening) {
      const options: string[] = [];
      let at = i + opening[0].length;
      for (;;) {
        const option = readUntil(body, at, ',|');
        options.push(option.text);
        at = option.end + 1;
        if (body[option.end] === '|') break;
        if (body[option.end] !== ',') throw new Error(`snippet: choice \${${opening[1]}|…|} is not closed (at ${i})`);
      }
      if (body[at] !== '}') throw new Error(`snippet: choice \${${opening[1]}|…|} must end with |} (at ${i})`);
      tokens.push({ kind: 'choice', index: Number(opening[1]), options });
      i = at + 1;
    } else if (body[i] === '$' && /^\$[A-Za-z_{]/.test(rest)) {
      throw new Error(`snippet: variables are not supported (at ${i})`);
    } else {
      const text = readUntil(body, i, '$');
      // A `$` that starts nothing (`$ `, the last character) is text.
      const literal = text.end === i ? '$' : text.text;
      const last = tokens[tokens.length - 1];
      if (last?.kind === 'text') last.text += literal;
      else tokens.push({ kind: 'text', text: literal });
      i = text.end === i ? i + 1 : text.end;
    }
  }
  return tokens;
}

const escapeText = (text: string) => text.replace(/[\\$}]/g, (c) => `\\${c}`);
const escapeOption = (text: string) => text.replace(/[\\$},|]/g, (c) => `\\${c}`);

export function renderSnippet(tokens: readonly SnippetToken[]): string {
  return tokens.map((token) => {
    switch (token.kind) {
      case 'text': return escapeText(token.text);
      case 'tabstop': return `\${${token.index}}`;
      case 'placeholder': return `\${${token.index}:${escapeText(token.value)}}`;
      case 'choice': return `\${${token.index}|${token.options.map(escapeOption).join(',')}|}`;
    }
  }).join('');
}

/** What each tab stop holds when the user keeps every default: the default, or the first choice. */
function defaults(tokens: readonly SnippetToken[]): Map<number, string> {
  const values = new Map<number, string>();
  for (const token of tokens) {
    if (token.kind === 'placeholder' && !values.has(token.index)) values.set(token.index, token.value);
    if (token.kind === 'choice' && !values.has(token.index)) values.set(token.index, token.options[0] ?? '');
  }
  return values;
}

/** The text an editor leaves when every tab stop keeps its default; mirrors repeat it. */
export function expandSnippet(tokens: readonly SnippetToken[]): string {
  const values = defaults(tokens);
  return tokens.map((token) => (token.kind === 'text' ? token.text : values.get(token.index) ?? '')).join('');
}

/** Every occurrence of tab stop `index` replaced by `value`, as text: the stop is no longer visited. */
export function resolveTabStop(tokens: readonly SnippetToken[], index: number, value: string): SnippetToken[] {
  const resolved = tokens.map((token): SnippetToken => (token.kind !== 'text' && token.index === index ? { kind: 'text', text: value } : token));
  return resolved.reduce<SnippetToken[]>((merged, token) => {
    const last = merged[merged.length - 1];
    if (token.kind === 'text' && last?.kind === 'text') merged[merged.length - 1] = { kind: 'text', text: last.text + token.text };
    else merged.push(token);
    return merged;
  }, []);
}

/** The default of placeholder `index` set to `value`. */
export function withDefault(tokens: readonly SnippetToken[], index: number, value: string): SnippetToken[] {
  return tokens.map((token) => (token.kind === 'placeholder' && token.index === index ? { ...token, value } : token));
}

/** Every choice offered with `options` instead of its own. */
export function withChoices(tokens: readonly SnippetToken[], options: readonly string[]): SnippetToken[] {
  return tokens.map((token) => (token.kind === 'choice' ? { ...token, options: [...options] } : token));
}

/** `from` replaced by `to` in the text (not in tab stops). */
export function replaceText(tokens: readonly SnippetToken[], from: string, to: string): SnippetToken[] {
  return tokens.map((token) => (token.kind === 'text' ? { kind: 'text', text: token.text.split(from).join(to) } : token));
}
