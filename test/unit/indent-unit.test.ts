// indentUnit reads a file's indentation step in one pass over character codes (completion asks
// on every keystroke). It must agree with the plain reading by lines it replaced, on the corpus
// and on random texts full of the characters that make line reading tricky.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { indentUnit } from '../../server/src/engine/authoring/yaml-position';
import { indentUnit as smallestIndent } from '../../server/src/engine/edit/yaml-edit';
import { corpus } from '../robustness/fuzz/corpus';
import { mulberry32 } from '../robustness/fuzz/prng';

/** The reading by lines: split, trimStart, count the increases of indentation. */
function byLines(text: string): number {
  const counts = new Map<number, number>();
  let previous: number | null = null;
  for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const content = line.trimStart();
    if (content === '' || content.startsWith('#') || content.startsWith('---')) continue;
    const indent = line.length - content.length;
    if (previous !== null && indent > previous) counts.set(indent - previous, (counts.get(indent - previous) ?? 0) + 1);
    previous = indent + (content.startsWith('- ') ? 2 : 0);
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) {
    if (count > bestCount || (count === bestCount && step < best)) {
      best = step;
      bestCount = count;
    }
  }
  return best;
}

const PIECES = [' ', '  ', '    ', '\t', '\r', '\n', '\r\n', '\ufeff', '\u00a0', '\u2028', '- ', '-', '#', '---', 'a: b', 'k:', 'x'];

test('indentUnit agrees with the reading by lines', () => {
  for (const seed of corpus()) assert.equal(indentUnit(seed.text), byLines(seed.text), seed.name);
  const random = mulberry32(424);
  for (let i = 0; i < 5000; i++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
    assert.equal(indentUnit(text), byLines(text), JSON.stringify(text));
  }
});

/** The edits' reading by lines: the smallest indentation of any content line. */
function smallestByLines(text: string): number {
  let unit = 0;
  for (const line of text.replace(/^\ufeff/, '').split(/\r?\n/)) {
    const indent = line.length - line.trimStart().length;
    if (indent === 0 || line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (unit === 0 || indent < unit) unit = indent;
  }
  return unit === 0 ? 2 : unit;
}

test("the edits' indentUnit (smallest indentation) agrees with the reading by lines", () => {
  for (const seed of corpus()) assert.equal(smallestIndent(seed.text), smallestByLines(seed.text), seed.name);
  const random = mulberry32(425);
  for (let i = 0; i < 5000; i++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let j = 0; j < length; j++) text += PIECES[Math.floor(random() * PIECES.length)];
    assert.equal(smallestIndent(text), smallestByLines(text), JSON.stringify(text));
  }
});
