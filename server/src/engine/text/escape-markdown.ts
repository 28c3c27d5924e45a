// Text someone else wrote (a values file, a catalogue, a registry's answer), made safe for the
// markdown of hovers and completion docs: whatever it holds renders as the characters it is,
// never as a link, an image, HTML, an autolink (`www.`, `http://`, `a@b.c`) or a `command:` URI.
import { revealInvisible } from './reveal-invisible';

/**
 * Backslash-escapes the ASCII punctuation that can open a markdown construct mid-line:
 * emphasis, code, links and images, HTML and entities, tables; `:` so that no `https://` or
 * `command:` becomes a link, `@` so that no `a@b.c` does, and the dot of `www.` (GFM's
 * autolinks). CommonMark lets any ASCII punctuation be escaped. Line breaks become spaces, so a
 * string cannot start a block of its own; invisible characters are shown as escapes.
 */
export function escapeMarkdown(text: string): string {
  return revealInvisible(text)
    .replace(/[\\`*_{}[\]()<>#+!|~&:@]/g, (c) => `\\${c}`)
    .replace(/(www)\./gi, '$1\\.')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * Inline code of any text: the fence is one backtick longer than the longest run inside, padded
 * with a space where the text starts or ends with a backtick or a space (CommonMark strips one
 * from each side). Nothing inside a code span is a link. Line breaks become spaces: a new line
 * could start a heading or a list before the span is read.
 */
export function codeSpan(text: string): string {
  const body = revealInvisible(text).replace(/\r\n?|\n/g, ' ');
  if (body === '') return '` `';
  let longest = 0;
  for (const run of body.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}
