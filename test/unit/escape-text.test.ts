// The escaping helpers, as property tests: random strings of markdown's and notifications'
// special characters, rendered by `marked`, produce no link, image or HTML node (issue #21).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { codeSpan, escapeMarkdown } from '../../server/src/engine/text/escape-markdown';
import { escapeNotification, MAX_NOTIFICATION_LENGTH } from '../../server/src/engine/text/escape-notification';
import { hasInvisible, revealInvisible } from '../../server/src/engine/text/reveal-invisible';
import { markdownReader, type MarkdownReader } from '../support/markdown-nodes';

/** VS Code's notification link form: `[label](https://…|command:…|file:…)`, with an optional title. */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

const PIECES = [
  '[', ']', '(', ')', '!', '<', '>', '`', '``', '```', '\\', '*', '_', '~', '#', '|', '&', ':', '@', '.', '-', '=', ' ', '\n', '\r\n', '\t',
  'http://', 'https://evil.example/x', 'www.evil.example', 'WWW.Evil.Example', 'a@b.co', 'mailto:a@b.co', 'command:workbench.action.terminal.new',
  'javascript:alert(1)', '<img src=x onerror=alert(1)>', '<a href="x">', '<!-- c -->', '&lt;', '&#60;', '[x]: https://evil.example',
  '![i](https://evil.example/p.png)', '[l](command:x)', '<https://evil.example>', '\u202E', '\u200B', '\uFEFF', '\u2066', 'é', '🙂', 'x', 'qwen-3-8b',
];

function randomStrings(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => (state = (state * 1103515245 + 12345) % 2 ** 31) % n;
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => PIECES[next(PIECES.length)]).join(''));
}

const SAMPLES = [...PIECES, ...randomStrings(4000, 21)];

let reader: MarkdownReader;
before(async () => {
  reader = await markdownReader();
});
const activeNodes = (markdown: string) => reader.activeNodes(markdown);

test('escaped text renders as text: no link, image or HTML node, alone or between our own markup', () => {
  for (const text of SAMPLES) {
    for (const markdown of [escapeMarkdown(text), `**${escapeMarkdown(text)}** · ${escapeMarkdown(text)}`, `- ${escapeMarkdown(text)}`, `${escapeMarkdown(text)}: ${escapeMarkdown(text)}`]) {
      assert.deepEqual(activeNodes(markdown), [], `${JSON.stringify(text)} -> ${JSON.stringify(markdown)}`);
    }
  }
});

test('a code span of any text is one code span of exactly that text (line breaks as spaces)', () => {
  for (const text of SAMPLES) {
    const span = codeSpan(text);
    for (const markdown of [span, `Set ${span} here`, `**${span}**`, `- ${span} at ${codeSpan(text + '`')}`]) {
      assert.deepEqual(activeNodes(markdown), [], `${JSON.stringify(text)} -> ${JSON.stringify(markdown)}`);
    }
    const [paragraph] = reader.lex(span) as unknown as { tokens?: { type: string; text: string }[] }[];
    const expected = revealInvisible(text).replace(/\r\n?|\n/g, ' ');
    if (expected.trim() === '') continue;
    assert.equal(paragraph.tokens?.length, 1, JSON.stringify(text));
    assert.equal(paragraph.tokens?.[0].type, 'codespan', JSON.stringify(text));
    assert.equal(paragraph.tokens?.[0].text, expected, JSON.stringify(text));
  }
});

test('ours stay ours: a link we build next to escaped text is the only link', () => {
  const markdown = `**${escapeMarkdown('[a](command:x)')}** · [${escapeMarkdown('org/model](command:y)')}](https://huggingface.co/org/model)`;
  assert.deepEqual(activeNodes(markdown), [{ type: 'link', target: 'https://huggingface.co/org/model' }]);
});

test('notification text keeps no link VS Code would render, and stays one readable line', () => {
  for (const text of SAMPLES) {
    const shown = escapeNotification(`Bit Harbor catalogue: ${text}`);
    assert.deepEqual([...shown.matchAll(NOTIFICATION_LINK)], [], `${JSON.stringify(text)} -> ${shown}`);
    assert.doesNotMatch(shown, /[\r\n]/);
    assert.ok(!hasInvisible(shown));
  }
  assert.equal(escapeNotification('[run](command:workbench.action.terminal.new)'), '[run] (command:workbench.action.terminal.new)');
  assert.ok(escapeNotification('x'.repeat(10_000)).length <= MAX_NOTIFICATION_LENGTH + 1);
});

test('bidi and zero-width characters are shown as escapes', () => {
  assert.equal(revealInvisible('a\u202Eb\u200Bc\uFEFF'), 'a\\u202Eb\\u200Bc\\uFEFF');
  assert.equal(revealInvisible('plain é 🙂'), 'plain é 🙂');
  assert.match(codeSpan('x\u2066y'), /x\\u2066y/);
  assert.ok(!hasInvisible(escapeMarkdown('\u202Etxt.exe')));
});
