// What every fix must honour, checked on each fix the fuzzer is offered: its edits lie inside
// the text, do not overlap, do not split a CRLF or a surrogate pair, keep the file's line
// endings, and a file that parsed cleanly still parses cleanly after the fix. The fixed text
// then goes through analyze once more, which must not crash either.
import { Parser } from 'yaml';
import { parseYaml } from '../../../server/src/engine/document';
import type { TextEdit } from '../../../server/src/engine/edit/yaml-edit';
import type { Engine } from '../../../server/src/engine/engine';
import type { AnalysisInput } from '../../../server/src/engine/types';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const edit of sorted) {
    result += text.slice(at, edit.start) + edit.newText;
    at = edit.end;
  }
  return result + text.slice(at);
}

function splits(text: string, offset: number): string | null {
  if (offset <= 0 || offset >= text.length) return null;
  if (text[offset - 1] === '\r' && text[offset] === '\n') return 'a CRLF line ending';
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return 'a surrogate pair';
  return null;
}

/** Every comment token of `text` with its offset, from the parser's concrete syntax tree. */
export function comments(text: string): { offset: number; source: string }[] {
  const found: { offset: number; source: string }[] = [];
  const walk = (token: unknown): void => {
    if (Array.isArray(token)) return token.forEach(walk);
    if (token === null || typeof token !== 'object') return;
    const t = token as { type?: string; offset?: number; source?: string };
    if (t.type === 'comment' && typeof t.offset === 'number' && typeof t.source === 'string') found.push({ offset: t.offset, source: t.source.replace(/\r$/, '') });
    Object.values(token).forEach(walk);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** The parser's errors, whatever the chart (analyze reports them only for values files). */
function parseErrors(text: string): string[] {
  return parseYaml(text).flatMap((doc) => doc.errors.map((error) => error.message.split('\n')[0]));
}

export function checkFix(engine: Engine, input: AnalysisInput, fix: { title: string; edits: readonly TextEdit[] }): string {
  const { text } = input;
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let previousEnd = 0;
  for (const edit of sorted) {
    if (!(Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= text.length)) {
      throw new Error(`fix "${fix.title}": edit [${edit.start}, ${edit.end}) lies outside a text of ${text.length}`);
    }
    if (edit.start < previousEnd) throw new Error(`fix "${fix.title}": edits overlap at ${edit.start}`);
    previousEnd = edit.end;
    for (const offset of [edit.start, edit.end]) {
      const split = splits(text, offset);
      if (split) throw new Error(`fix "${fix.title}": an edit boundary at ${offset} splits ${split}`);
    }
    if (text.includes('\r\n') && !text.replace(/\r\n/g, '').includes('\n') && /(^|[^\r])\n/.test(edit.newText)) {
      throw new Error(`fix "${fix.title}": inserts a bare LF into a CRLF file: ${JSON.stringify(edit.newText)}`);
    }
  }
  const fixed = applyEdits(text, sorted);
  // Comments outside what the fix replaces must survive it as comments (in a file that parses:
  // in a broken one, a `#` may be read as part of an unclosed string either way).
  const kept = comments(fixed).map((c) => c.source);
  for (const comment of parseErrors(text).length > 0 ? [] : comments(text)) {
    if (sorted.some((edit) => edit.start < comment.offset + comment.source.length && comment.offset < edit.end)) continue;
    const at = kept.indexOf(comment.source);
    if (at < 0) throw new Error(`fix "${fix.title}": the comment ${JSON.stringify(comment.source)} at ${comment.offset} is lost in ${JSON.stringify(fixed)}`);
    kept.splice(at, 1);
  }
  const after = engine.analyze({ ...input, text: fixed });
  const crashed = after.findings.find((f) => f.code === 'internal-error');
  if (crashed) throw new Error(`fix "${fix.title}": a check crashed on the fixed text: ${crashed.message}`);
  if (parseErrors(text).length === 0) {
    const broken = parseErrors(fixed);
    if (broken.length > 0) throw new Error(`fix "${fix.title}" broke the YAML: ${broken[0]} in ${JSON.stringify(fixed)}`);
  }
  return fixed;
}
