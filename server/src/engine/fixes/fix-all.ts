// Fix-all (`source.fixAll.bit-harbor`): every safe fix of the file at once. Of two fixes whose
// edits overlap or touch, the first (in the file's order) wins and the other waits for the next
// pass; passes repeat on the fixed text until nothing changes, so that a second fix-all has
// nothing left to do. A removal justified by the whole file (an unused volume) runs only in a
// pass where nothing else changed, so it never acts on an analysis that another fix made stale.
import { parseValuesText } from '../values-file';
import { textChange } from '../yaml-incremental';
import type { Engine } from '../engine';
import { applyEdits, type TextEdit } from '../edit/yaml-edit';
import type { AnalysisInput, Finding } from '../types';
import { WHOLE_FILE_FIXES, type CodeFix } from './index';

/** Enough for a fix to reveal another (a renamed key whose value then gets checked), and bounded. */
const MAX_PASSES = 4;

function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The edits of the fixes that can go together, first come first served. */
function compatible(fixes: readonly CodeFix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.some((edit) => taken.some((other) => touches(edit, other)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

/** One edit that turns `before` into `after`: their common start and end are left alone. */
function difference(before: string, after: string): TextEdit {
  const change = textChange(before, after);
  return { start: change.start, end: change.oldEnd, newText: after.slice(change.start, change.newEnd) };
}

/** The first safe fix of each finding, in the findings' order (the file's). */
function safeFixes(engine: Engine, input: AnalysisInput, findings: readonly Finding[]): { local: CodeFix[]; wholeFile: CodeFix[] } {
  const seen = new Set<number>();
  const local: CodeFix[] = [];
  const wholeFile: CodeFix[] = [];
  for (const fix of engine.codeActions(input, null, findings)) {
    if (!fix.safe || fix.uri !== undefined || fix.finding === undefined || seen.has(fix.finding)) continue;
    seen.add(fix.finding);
    (WHOLE_FILE_FIXES.has(findings[fix.finding].code) ? wholeFile : local).push(fix);
  }
  return { local, wholeFile };
}

function parseErrorCount(text: string): number {
  return parseValuesText(text).reduce((count, doc) => count + doc.errors.length, 0);
}

/** The edits of fix-all, as offsets into `input.text`; none when no safe fix applies. */
export function fixAllEdits(engine: Engine, input: AnalysisInput): TextEdit[] {
  let text = input.text;
  let firstPass: TextEdit[] = [];
  let passes = 0;
  while (passes < MAX_PASSES) {
    const current = { ...input, text };
    const { local, wholeFile } = safeFixes(engine, current, engine.analyze(current).findings);
    const fixes = local.length > 0 ? local : wholeFile;
    let edits = compatible(fixes);
    let next = applyEdits(text, edits);
    // Fixes right one at a time can clash together (a key renamed to the name another fix adds):
    // then this pass applies the first alone, and the next pass sees what it did.
    if (fixes.length > 1 && parseErrorCount(next) > parseErrorCount(text)) {
      edits = fixes[0].edits;
      next = applyEdits(text, edits);
    }
    if (next === text) break;
    if (passes === 0) firstPass = edits;
    text = next;
    passes++;
  }
  if (passes <= 1) return firstPass;
  return [difference(input.text, text)];
}
