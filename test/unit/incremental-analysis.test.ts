// An analysis that re-checks only the edited model group (engine/incremental.ts) must give what
// a full analysis of the same text gives, finding for finding, through runs of random edits on
// one document's cache and history. And it must actually re-check one group for most edits
// inside a group, or this test proves nothing.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { Engine } from '../../server/src/engine/engine';
import { AnalysisHistory } from '../../server/src/engine/incremental';
import { YamlCache } from '../../server/src/engine/yaml-source';
import { corpus } from '../robustness/fuzz/corpus';
import { mulberry32 } from '../robustness/fuzz/prng';
import { edit } from '../support/random-edits';

const PATH = '/work/values.yaml';

/** Sessions of `edits` edits from `source`; how many analyses re-checked one group. */
function run(engine: Engine, source: string, name: string, seed: number, sessions: number, edits: number): number {
  const random = mulberry32(seed);
  let regrouped = 0;
  for (let s = 0; s < sessions; s++) {
    const yaml = new YamlCache();
    const history = new AnalysisHistory();
    let text = source;
    engine.analyze({ text, path: PATH, chart: 'inference-stack' }, yaml, history);
    for (let e = 0; e < edits; e++) {
      text = edit(text, random);
      const input = { text, path: PATH, chart: 'inference-stack' as const };
      const incremental = engine.analyze(input, yaml, history);
      assert.deepEqual(incremental, engine.analyze(input), `${name}, seed ${seed}, session ${s}, edit ${e}:\n${text}`);
      if (history.lastGroup !== null) regrouped++;
    }
  }
  return regrouped;
}

test('edits in a generated values file with seeded mistakes: the group re-check gives the full analysis', () => {
  const engine = new Engine();
  const regrouped = run(engine, generateInferenceStackValues(8), 'generated 8 groups', 20261127, 60, 4);
  // 240 edits; about a third are inside a group and leave the file valid YAML.
  assert.ok(regrouped > 40, `only ${regrouped} analyses re-checked a single group`);
});

test('edits in the corpus (every rule case table, examples, upstream files): the group re-check gives the full analysis', () => {
  const engine = new Engine();
  const sources = corpus().filter((seed) => seed.text.length < 20_000 && seed.text.includes('modelGroups:'));
  let regrouped = 0;
  sources.forEach((source, i) => (regrouped += run(engine, source.text, source.name, 5000 + i, 1, 3)));
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
