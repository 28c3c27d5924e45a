// Properties of the render model over the fuzz corpus and mutations of it: rendering never
// throws, and every field's origin is either the template or a path that exists in the merged
// values it was rendered from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderRelease } from '../../server/src/engine/render';
import { mergedValuesOf } from '../../server/src/engine/render/of-file';
import { ValuesReader, type RenderedDocument } from '../../server/src/engine/render/provenance';
import { DEFAULT_SETTINGS, type ChartId } from '../../server/src/engine/types';
import type { PathSegment } from '../../server/src/engine/yaml-nodes';
import { BROKEN_FILES } from '../fixtures/broken-files';
import { corpus } from './fuzz/corpus';
import { mutate } from './fuzz/mutate';
import { caseRandom, chooseSeed } from './fuzz/prng';

const SEED = chooseSeed(process.env.BIT_HARBOR_FUZZ_SEED ?? '20261205');
const MUTATIONS = 300;

/** Every field of a document whose origin is a values path that does not exist. */
function danglingOrigins(document: RenderedDocument, values: ValuesReader): string[] {
  const problems: string[] = [];
  const walk = (node: unknown, at: PathSegment[], depth: number) => {
    if (depth > 64) return;
    const origin = document.origins.of(at);
    if (origin.kind === 'values' && !values.has(origin.path)) problems.push(`${document.source} ${at.join('.')} <- ${origin.path.join('.')}`);
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, [...at, index], depth + 1));
    else if (typeof node === 'object' && node !== null) for (const [key, child] of Object.entries(node)) walk(child, [...at, key], depth + 1);
  };
  walk(document.object, [], 0);
  return problems;
}

function check(name: string, text: string, failures: string[]): number {
  let documents = 0;
  for (const chart of [undefined, 'inference-stack', 'pre-porter'] as (ChartId | undefined)[]) {
    try {
      const values = mergedValuesOf({ path: 'values.yaml', text, chart }, DEFAULT_SETTINGS);
      if (!values) continue;
      const release = renderRelease(values.chart, values.merged, { releaseName: 'fuzz' });
      const reader = new ValuesReader(values.merged);
      for (const document of release.documents) {
        documents++;
        const dangling = danglingOrigins(document, reader);
        if (dangling.length > 0) failures.push(`${name} (${values.chart}): ${dangling.slice(0, 3).join('; ')}`);
      }
    } catch (error) {
      failures.push(`${name} (${chart ?? 'detected'}): threw ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  return documents;
}

test('rendering never throws and every origin exists: corpus and broken files', (t) => {
  const failures: string[] = [];
  let documents = 0;
  const seeds = [...corpus(), ...BROKEN_FILES.map((file) => ({ name: file.name, text: file.text }))];
  for (const seed of seeds) documents += check(seed.name, seed.text, failures);
  t.diagnostic(`${seeds.length} files, ${documents} rendered documents`);
  assert.deepEqual(failures.slice(0, 5), []);
});

test(`rendering never throws and every origin exists: ${MUTATIONS} mutated files, seed ${SEED}`, (t) => {
  const seeds = corpus();
  const failures: string[] = [];
  let documents = 0;
  for (let index = 0; index < MUTATIONS; index++) {
    const random = caseRandom(SEED, index);
    const seed = seeds[Math.floor(random() * seeds.length)];
    const mutated = mutate(seed.text, random);
    documents += check(`${seed.name} after ${mutated.steps.join(', ')}`, mutated.text, failures);
  }
  t.diagnostic(`${MUTATIONS} mutated files, ${documents} rendered documents`);
  assert.deepEqual(failures.slice(0, 5), []);
});
