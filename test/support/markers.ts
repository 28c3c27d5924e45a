// Caret and range markers for test texts: `|` marks a position, `[[...]]` a range. The markers
// are removed from the text handed to the code under test.

export interface Marked {
  text: string;
  /** Offsets of `|` markers, in order. */
  carets: number[];
  /** Ranges of `[[...]]` markers, in order. */
  ranges: { start: number; end: number }[];
}

export function mark(source: string): Marked {
  let text = '';
  const carets: number[] = [];
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source.startsWith('[[', i)) {
      open.push(text.length);
      i++;
    } else if (source.startsWith(']]', i) && open.length > 0) {
      ranges.push({ start: open.pop()!, end: text.length });
      i++;
    } else if (source[i] === '|') {
      carets.push(text.length);
    } else {
      text += source[i];
    }
  }
  return { text, carets, ranges };
}

/** Repository root, from a compiled test file in out/test/<dir>/. */
export function repoRoot(): string {
  return require('node:path').resolve(__dirname, '../../..');
}

/** The upstream reference files, read at test time from ../shared (never copied into the repo). */
export function referencePath(...parts: string[]): string {
  const path = require('node:path');
  return path.resolve(repoRoot(), '..', 'shared', 'reference', ...parts);
}
