// The engine under fuzz: every mutated text goes through analyze, the code actions and fix-all,
// completion and hover at random offsets and every authoring feature. A case fails on a throw,
// on a check that crashed inside the engine (an `internal-error` finding), or on an answer that
// points outside the text. Every quick fix offered is applied and checked (checkFix).
import { Engine } from '../../../server/src/engine/engine';
import { completeAuthoring } from '../../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../../server/src/engine/authoring/hover';
import { inlayHints } from '../../../server/src/engine/authoring/inlay-hints';
import { definitionAt, prepareRenameAt, referencesAt, renameAt } from '../../../server/src/engine/authoring/navigation';
import { foldingRanges, selectionRanges } from '../../../server/src/engine/authoring/structure';
import { documentSymbols, workspaceSymbols } from '../../../server/src/engine/authoring/symbols';
import { completeImageTags } from '../../../server/src/engine/completion/image-tags';
import { completeSnippets } from '../../../server/src/engine/completion/snippets';
import { hoverImageTag } from '../../../server/src/engine/hover/image-tag';
import type { OffsetRange } from '../../../server/src/engine/types';
import { checkFix } from './fix-check';
import { corpus } from './corpus';
import { mutate, positions } from './mutate';
import { caseRandom, pick } from './prng';

export interface FuzzFailure {
  seed: number;
  index: number;
  source: string;
  steps: string[];
  operation: string;
  error: string;
  text: string;
}

export interface FuzzReport {
  cases: number;
  failures: FuzzFailure[];
  /** Slowest single operation on a file under 1,000 lines, and what it was. */
  maxMs: number;
  maxOperation: string;
  /** Operations on files under 1,000 lines that took over a second. */
  slow: { index: number; operation: string; ms: number; lines: number }[];
  fixesApplied: number;
  operations: number;
}

/** Paths that match the globs below, so text of neither chart is forced into one. */
const PATHS = ['/work/values.yaml', '/work/inference/values.yaml', '/work/porter/values.yaml'];
const SETTINGS = { files: { inferenceStack: ['**/inference/*.yaml'], prePorter: ['**/porter/*.yaml'] } };

function assertRange(range: OffsetRange, length: number, what: string): void {
  if (!(Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length)) {
    throw new Error(`${what} has the range [${range.start}, ${range.end}) outside a text of ${length}`);
  }
}

export function fuzzEngine(options: { seed: number; count: number; first?: number; engine?: Engine }): FuzzReport {
  const engine = options.engine ?? new Engine(SETTINGS);
  const seeds = corpus();
  const report: FuzzReport = { cases: 0, failures: [], maxMs: 0, maxOperation: '', slow: [], fixesApplied: 0, operations: 0 };
  const first = options.first ?? 0;
  // The first analysis compiles the validators; that is start-up, not a request.
  for (const path of PATHS.slice(1)) engine.analyze({ path, text: 'a: 1\n' });
  for (let index = first; index < first + options.count; index++) {
    const random = caseRandom(options.seed, index);
    const source = pick(random, seeds);
    const { text, steps } = mutate(source.text, random);
    const path = pick(random, PATHS);
    const offsets = positions(text, random, 3);
    const lines = text.split('\n').length;
    report.cases++;
    let operation = '';
    const time = <T>(name: string, run: () => T): T => {
      operation = name;
      const started = performance.now();
      const result = run();
      const ms = performance.now() - started;
      report.operations++;
      if (lines < 1000 && ms > report.maxMs) [report.maxMs, report.maxOperation] = [ms, `${name} (case ${index}, ${lines} lines)`];
      if (lines < 1000 && ms > 1000) report.slow.push({ index, operation: name, ms, lines });
      return result;
    };
    try {
      const { catalogue, settings } = engine;
      const result = time('analyze', () => engine.analyze({ path, text }));
      for (const finding of result.findings) {
        if (finding.code === 'internal-error') throw new Error(`a check crashed: ${finding.message}`);
        assertRange(finding.range, text.length, `finding ${finding.code}`);
      }
      const fixable = result.findings.map((f) => ({ code: f.code, range: f.range, data: f.data }));
      const whole = { start: 0, end: text.length };
      const fixes = time('codeActions', () => engine.codeActions({ path, text }, whole, fixable));
      for (const fix of fixes) {
        if (fix.uri !== undefined) continue;
        operation = `applying fix "${fix.title}"`;
        checkFix(engine, { path, text }, fix);
        report.fixesApplied++;
      }
      const all = time('fixAll', () => engine.fixAll({ path, text }));
      checkFix(engine, { path, text }, { title: 'fix all', edits: all });
      for (const offset of offsets) {
        const range = { start: offset, end: offset };
        time('codeActions at cursor', () => engine.codeActions({ path, text }, range, []));
        for (const item of time('completeAuthoring', () => completeAuthoring(text, offset, catalogue, settings, path))) assertRange(item.edit.range, text.length, `completion ${item.label}`);
        for (const item of time('completeImageTags', () => completeImageTags(text, offset, catalogue, settings, path))) assertRange(item.edit.range, text.length, `tag completion ${item.label}`);
        for (const item of time('completeSnippets', () => completeSnippets(text, offset, catalogue, settings, path))) assertRange(item.edit.range, text.length, `snippet ${item.label}`);
        const hover = time('hoverAuthoring', () => hoverAuthoring(text, offset, catalogue, settings, path));
        if (hover) assertRange(hover.range, text.length, 'hover');
        const tagHover = time('hoverImageTag', () => hoverImageTag({ uri: 'file:///f.yaml', text, path }, offset, catalogue, settings, []));
        if (tagHover) assertRange(tagHover.range, text.length, 'tag hover');
        for (const r of time('definitionAt', () => definitionAt(text, offset, settings, path))) assertRange(r, text.length, 'definition');
        for (const r of time('referencesAt', () => referencesAt(text, offset, true, settings, path))) assertRange(r, text.length, 'reference');
        time('prepareRenameAt', () => prepareRenameAt(text, offset, settings, path));
        const renamed = time('renameAt', () => renameAt(text, offset, 'renamed-volume', settings, path));
        if ('edits' in renamed) for (const edit of renamed.edits) assertRange(edit.range, text.length, 'rename edit');
      }
      for (const hint of time('inlayHints', () => inlayHints(text, null, catalogue, settings, path))) assertRange({ start: hint.offset, end: hint.offset }, text.length, 'inlay hint');
      time('documentSymbols', () => documentSymbols(text, catalogue, settings, path));
      time('workspaceSymbols', () => workspaceSymbols([{ uri: 'file:///f.yaml', text, path }], '', catalogue, settings));
      time('foldingRanges', () => foldingRanges(text, settings, path));
      for (const chain of time('selectionRanges', () => selectionRanges(text, offsets, settings, path)) ?? []) {
        for (const r of chain) assertRange(r, text.length, 'selection range');
      }
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      report.failures.push({ seed: options.seed, index, source: source.name, steps, operation, error: detail, text });
    }
  }
  return report;
}

/** One failure, in a form that can be pasted into a regression test. */
export function describeFailure(failure: FuzzFailure): string {
  return [
    `fuzz failure: seed=${failure.seed} case=${failure.index} (replay: npm run fuzz -- --seed ${failure.seed} --first ${failure.index} --count 1)`,
    `  from: ${failure.source}`,
    `  mutations: ${failure.steps.join('; ')}`,
    `  while: ${failure.operation}`,
    `  text: ${JSON.stringify(failure.text.length > 2000 ? failure.text.slice(0, 2000) + '…' : failure.text)}`,
    `  error: ${failure.error.split('\n').slice(0, 6).join('\n    ')}`,
  ].join('\n');
}
