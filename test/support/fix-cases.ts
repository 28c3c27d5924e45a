// Runs a case table of fixes (test/unit/fixes/<family>.test.ts). Each case names a finding code
// and a fix title and gives the whole expected text, so any change outside the edited nodes
// fails. Every result must parse, keep every comment but those on the removed lines, and
// re-lint without the finding it fixed and without a finding that was not there before. Each
// case runs again with CRLF line endings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../server/src/engine/engine';
import type { CodeFix } from '../../server/src/engine/fixes/index';
import type { EngineSettings, Finding } from '../../server/src/engine/types';

export interface FixCase {
  name: string;
  text: string;
  code: string;
  /** The fix's title, exactly or as a pattern. */
  title: string | RegExp;
  expected: string;
  /** Which finding of `code`, when the text has several (default: the first). */
  which?: (finding: Finding) => boolean;
  path?: string;
  settings?: Partial<EngineSettings>;
  /** Comments on the lines the fix removes (the removed node's own). */
  dropped?: string[];
  kind?: 'quickfix' | 'refactor.rewrite';
  safe?: boolean;
  preferred?: boolean;
  /** Skips the CRLF rerun (for cases about a file without a final newline, say). */
  lfOnly?: boolean;
}

export function comments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')).trimEnd());
}

function show(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code}: ${f.message}`).join('\n');
}

/** The one fix of `c` on `text`, and the finding it fixes. */
/** Compiling the schema validators is the slow part of an Engine: once per test file. */
const base = new Engine();

export function findFix(c: FixCase, text: string): { engine: Engine; finding: Finding; fix: CodeFix; before: Finding[] } {
  const engine = base.derive({ settings: c.settings ?? {} });
  const input = { path: c.path ?? '/work/values.yaml', text };
  const before = engine.analyze(input).findings;
  const finding = before.find((f) => f.code === c.code && (c.which?.(f) ?? true));
  assert.ok(finding, `a ${c.code} finding in:\n${show(before)}`);
  const fixes = engine.codeActions(input, finding.range, [finding]).filter((fix) => fix.finding === 0);
  const matching = fixes.filter((fix) => (typeof c.title === 'string' ? fix.title === c.title : c.title.test(fix.title)));
  assert.equal(matching.length, 1, `one fix titled ${String(c.title)} among: ${fixes.map((fix) => fix.title).join(' | ')}`);
  return { engine, finding, fix: matching[0], before };
}

function checkCase(c: FixCase, text: string, expected: string): void {
  const { engine, finding, fix, before } = findFix(c, text);
  if (c.kind) assert.equal(fix.kind, c.kind);
  if (c.safe !== undefined) assert.equal(fix.safe, c.safe, 'safe');
  if (c.preferred !== undefined) assert.equal(fix.isPreferred === true, c.preferred, 'preferred');
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, expected);
  const docs = parseAllDocuments(fixed, { version: '1.1' });
  for (const doc of Array.isArray(docs) ? docs : []) assert.deepEqual(doc.errors, [], 'the result parses');
  const dropped = new Set(c.dropped ?? []);
  assert.deepEqual(comments(fixed), comments(text).filter((comment) => !dropped.has(comment)), 'every comment kept');
  const after = engine.analyze({ path: c.path ?? '/work/values.yaml', text: fixed }).findings;
  const known = new Set(before.map((f) => `${f.code}|${f.message}`));
  assert.deepEqual(after.filter((f) => f.code === finding.code && f.message === finding.message), [], `the finding is gone:\n${show(after)}`);
  assert.deepEqual(after.filter((f) => !known.has(`${f.code}|${f.message}`)).map((f) => `${f.code}: ${f.message}`), [], 'no new finding');
}

export function runFixCases(family: string, cases: readonly FixCase[]): void {
  for (const c of cases) {
    test(`${family}: ${c.name}`, () => checkCase(c, c.text, c.expected));
    if (c.lfOnly) continue;
    test(`${family}: ${c.name} (CRLF)`, () => checkCase(c, c.text.replace(/\n/g, '\r\n'), c.expected.replace(/\n/g, '\r\n')));
  }
}
