// Random edits of a text as people make them (typing, deleting, a line pasted or removed) and
// now and then something hostile, for the tests that check an incremental result against a
// full one (yaml-incremental, incremental-analysis).
import type { Random } from '../robustness/fuzz/prng';

/** What people type into a values file. */
const TYPING = ['a', 'Z', '0', '-', ' ', ':', ': ', '#', ' #', '"', '[', ']', '\n', '\n    ', '\n  ', '\n      x: 1', 'yes', '~', '- '];
/** What breaks the fast path's subset, or YAML. */
const HOSTILE = ['a', 'Z', '0', '-', ' ', ':', ': ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '\n', '\n    ', '\n  ', '\n      x: 1', 'yes', '~', '&a ', '*a', '!t ', '|', '- ', '\t', '\r', '\ufeff', '---\n', '<<: '];

/** One edit at a random place: typing (now and then something hostile), deleting, or a line pasted or removed. */
export function edit(text: string, random: Random): string {
  const at = Math.floor(random() * (text.length + 1));
  const kind = random();
  const typed = random() < 0.9 ? TYPING : HOSTILE;
  if (kind < 0.45) return text.slice(0, at) + typed[Math.floor(random() * typed.length)] + text.slice(at);
  if (kind < 0.8) return text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(random() * 3)));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at) + 1;
  if (kind < 0.9) return text.slice(0, lineStart) + text.slice(lineEnd);
  return text.slice(0, lineEnd) + text.slice(lineStart, lineEnd) + text.slice(lineEnd);
}

