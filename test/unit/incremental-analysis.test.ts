// An analysis that re-checks only the edited model group (engine/incremental.ts) must give what
// a full analysis of the same text gives, finding for finding, through runs of random edits on
// one document's cache and history. And it must actually re-check one group for most edits
// inside a group, or this test proves nothing.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { generateFleetValues } from '../../bench/generate-values-fleet';
import { Engine } from '../../server/src/engine/engine';
import { isMap, isScalar, type Document, type Pair } from 'yaml';
import { parseYaml } from '../../server/src/engine/document';
import { AnalysisHistory, groupSpans } from '../../server/src/engine/incremental';
import { lineStartAt } from '../../server/src/engine/lines';
import { RULES } from '../../server/src/engine/rules/index';
import type { AnalysisResult, Finding } from '../../server/src/engine/types';
import { textChange, type TextChange } from '../../server/src/engine/yaml-incremental';
import { YamlCache } from '../../server/src/engine/yaml-source';
import { corpus } from '../robustness/fuzz/corpus';
import { mulberry32 } from '../robustness/fuzz/prng';
import { edit } from '../support/random-edits';

const PATH = '/work/values.yaml';

/**
 * Sessions of `edits` edits from `source`; how many analyses re-checked one group. Where the
 * edited text is valid YAML, the analysis is the full one. Where it is not and only the edited
 * entry was parsed again, the findings outside that entry are those of the analysis before,
 * moved by the edit (a full parse may read the entries after an error otherwise).
 */
function run(engine: Engine, source: string, name: string, seed: number, sessions: number, edits: number): { regrouped: number; keptThroughErrors: number } {
  const random = mulberry32(seed);
  let regrouped = 0;
  let keptThroughErrors = 0;
  for (let s = 0; s < sessions; s++) {
    const yaml = new YamlCache();
    const history = new AnalysisHistory();
    let text = source;
    let previous = engine.analyze({ text, path: PATH, chart: 'inference-stack' }, yaml, history);
    for (let e = 0; e < edits; e++) {
      const next = edit(text, random);
      const [before] = yaml.parse(text);
      const spans = before ? entrySpans(before, text) : [];
      const input = { text: next, path: PATH, chart: 'inference-stack' as const };
      const incremental = engine.analyze(input, yaml, history);
      const label = `${name}, seed ${seed}, session ${s}, edit ${e}:\n${next}`;
      const derived = before !== undefined && yaml.parse(next)[0] === before;
      if (derived && parseYaml(next).some((doc) => doc.errors.length > 0)) {
        // With anchors, a finding about the broken group may lie in the block it aliases: not compared.
        if (!source.includes('&')) compareOutside(previous, incremental, spans, textChange(text, next), label);
        keptThroughErrors++;
      } else {
        assert.deepEqual(incremental, engine.analyze(input), label);
      }
      if (history.lastGroup !== null) regrouped++;
      previous = incremental;
      text = next;
    }
  }
  return { regrouped, keptThroughErrors };
}

/** Codes of checks across groups (duplicate-alias): what the broken group reads as may change them elsewhere. */
const ACROSS_GROUPS = new Set(RULES.filter((rule) => rule.scope !== 'group').flatMap((rule) => rule.codes.map((info) => info.code)));

/** The findings outside the edited entry are those before the edit, moved by it (those of checks across groups aside). */
function compareOutside(previous: AnalysisResult, incremental: AnalysisResult, spans: { start: number; end: number }[], change: TextChange, label: string): void {
  const first = [...spans].reverse().find((candidate) => candidate.start <= change.start) ?? { start: 0, end: Infinity };
  // A deletion that reaches the start of a later entry's line joins that line to this entry (as
  // the part-parse reads it too): those entries are edited as well.
  const joined = spans.filter((candidate) => candidate.start > first.start && change.start < change.oldEnd && candidate.start <= change.oldEnd);
  const span = { start: first.start, end: Math.max(first.end, ...joined.map((candidate) => candidate.end)) };
  const delta = change.newEnd - change.oldEnd;
  const outside = (findings: Finding[], end: number) => findings.filter((f) => !ACROSS_GROUPS.has(f.code) && (f.range.end <= span.start || f.range.start >= end));
  const moved = outside(previous.findings, span.end).map((f) => (f.range.start >= span.end ? { ...f, range: { start: f.range.start + delta, end: f.range.end + delta } } : f));
  assert.deepEqual(outside(incremental.findings, span.end + delta).map(describe), moved.map(describe), label);
}

/** The lines of each top-level entry and, inside a block `modelGroups`, of each group (groups win). */
function entrySpans(doc: Document, text: string): { start: number; end: number }[] {
  const root = doc.contents;
  if (!isMap(root)) return [];
  const starts = (root.items as Pair[]).flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [lineStartAt(text, pair.key.range[0])] : []));
  const spans = starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
  const groups = groupSpans(doc, text) ?? [];
  return [...spans, ...groups].sort((a, b) => a.start - b.start);
}

function describe(finding: Finding): string {
  return `${finding.code} ${finding.range.start}-${finding.range.end} ${finding.message}`;
}

test('edits in a generated values file with seeded mistakes: the group re-check gives the full analysis', () => {
  const engine = new Engine();
  const { regrouped, keptThroughErrors } = run(engine, generateInferenceStackValues(8), 'generated 8 groups', 20261127, 60, 4);
  // 240 edits; about a third are inside a group and leave the file valid YAML.
  assert.ok(regrouped > 40, `only ${regrouped} analyses re-checked a single group`);
  assert.ok(keptThroughErrors > 10, `only ${keptThroughErrors} edits that broke the YAML of one entry were parsed in part`);
});

test('edits in a fleet file whose groups alias a shared block: the group re-check gives the full analysis', () => {
  const { regrouped } = run(new Engine(), generateFleetValues(6), 'fleet of 6 groups', 777, 60, 4);
  assert.ok(regrouped > 40, `only ${regrouped} analyses re-checked a single group`);
});

test('edits in the corpus (every rule case table, examples, upstream files): the group re-check gives the full analysis', () => {
  const engine = new Engine();
  const sources = corpus().filter((seed) => seed.text.length < 20_000 && seed.text.includes('modelGroups:'));
  let regrouped = 0;
  sources.forEach((source, i) => (regrouped += run(engine, source.text, source.name, 5000 + i, 1, 3).regrouped));
  assert.ok(regrouped > 150, `only ${regrouped} corpus analyses re-checked a single group`);
});

test('another engine (settings or catalogue), path or chart starts a full check', () => {
  const text = generateInferenceStackValues(3);
  const at = text.indexOf('32Gi', text.indexOf('  group-1:'));
  const edited = `${text.slice(0, at)}33Gi${text.slice(at + 4)}`;
  const engine = new Engine();
  const cases: [string, Engine, string, 'inference-stack' | undefined][] = [
    ['same engine', engine, PATH, 'inference-stack'],
    ['another engine', engine.derive({ settings: { rules: { 'unknown-model': 'error' } } }), PATH, 'inference-stack'],
    ['another path', engine, '/work/other.yaml', 'inference-stack'],
    ['chart by content', engine, PATH, undefined],
  ];
  for (const [label, second, path, chart] of cases) {
    const yaml = new YamlCache();
    const history = new AnalysisHistory();
    engine.analyze({ text, path: PATH, chart: 'inference-stack' }, yaml, history);
    const result = second.analyze({ text: edited, path, chart }, yaml, history);
    assert.deepEqual(result, second.analyze({ text: edited, path, chart }), label);
    assert.equal(history.lastGroup, label === 'same engine' ? 'group-1' : null, label);
  }
});

test('pasting and deleting whole groups re-checks the pasted group alone, and gives the full analysis', () => {
  const engine = new Engine();
  const random = mulberry32(20261205);
  // A file with anchors is checked group by group only when its parse was derived from the last
  // one entry by entry (YamlSource.groupwise), which a pasted entry is not always.
  const sources: [string, string, number][] = [['generated 12 groups', generateInferenceStackValues(12), 25], ['fleet of 8 groups', generateFleetValues(8), 10]];
  for (const [name, source, minimum] of sources) {
    const yaml = new YamlCache();
    const history = new AnalysisHistory();
    let text = source;
    engine.analyze({ text, path: PATH, chart: 'inference-stack' }, yaml, history);
    let alone = 0;
    for (let e = 0; e < 30; e++) {
      const spans = groupSpans(yaml.parse(text)[0]!, text)!;
      const picked = spans[Math.floor(random() * spans.length)];
      let next: string;
      if (random() < 0.45 && spans.length > 3) {
        next = text.slice(0, picked.start) + text.slice(picked.end);
      } else {
        const beside = spans[Math.floor(random() * spans.length)];
        const at = random() < 0.5 ? beside.start : beside.end;
        // The copy's name is new: `  group-3:` -> `  group-3-copy-7:`.
        const block = text.slice(picked.start, picked.end).replace(/^(\s*)([^:\s]+):/, `$1$2-copy-${e}:`);
        next = text.slice(0, at) + block + text.slice(at);
      }
      const input = { text: next, path: PATH, chart: 'inference-stack' as const };
      const result = engine.analyze(input, yaml, history);
      assert.deepEqual(result, engine.analyze(input), `${name}, edit ${e}:\n${next}`);
      if (history.lastGroup !== null) alone++;
      text = next;
    }
    assert.ok(alone >= minimum, `${name}: only ${alone} of 30 pastes and deletions were checked group by group`);
  }
});
