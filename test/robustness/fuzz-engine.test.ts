// 500 fuzz cases through the engine (see fuzz/engine-fuzz.ts): every request answered, no throw,
// no crashed check, no answer outside the text, and every quick fix and fix-all applied and
// checked. The seed is fixed so the test command is repeatable; BIT_HARBOR_FUZZ_SEED picks
// another. `npm run fuzz` is the long run (10,000+ cases, with the 1 s bound asserted).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure, fuzzEngine } from './fuzz/engine-fuzz';
import { chooseSeed } from './fuzz/prng';

const SEED = chooseSeed(process.env.BIT_HARBOR_FUZZ_SEED ?? '20250601');
const CASES = 500;

test(`engine fuzz: ${CASES} mutated values files, seed ${SEED}`, (t) => {
  const report = fuzzEngine({ seed: SEED, count: CASES });
  t.diagnostic(`seed ${SEED}: ${report.cases} cases, ${report.operations} requests, ${report.fixesApplied} quick fixes applied; slowest request ${report.maxMs.toFixed(1)} ms (${report.maxOperation})`);
  assert.equal(report.cases, CASES);
  assert.ok(report.fixesApplied > 50, `the corpus offers fixes to check (${report.fixesApplied})`);
  assert.equal(report.failures.length, 0, report.failures.slice(0, 3).map(describeFailure).join('\n\n'));
});
