// Fuzz cases through the built server over stdio (see fuzz/protocol-fuzz.ts): every request
// answered, no error logged. The seed is fixed; BIT_HARBOR_FUZZ_SEED picks another.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeFailure } from './fuzz/engine-fuzz';
import { chooseSeed } from './fuzz/prng';
import { fuzzProtocol } from './fuzz/protocol-fuzz';

const SEED = chooseSeed(process.env.BIT_HARBOR_FUZZ_SEED ?? '20250602');
// Fewer than the engine's 500: each case is eight round trips to a real server, and the test
// command has a time budget. `npm run fuzz` runs thousands.
const CASES = 200;

test(`protocol fuzz: ${CASES} mutated documents through dist/server.js, seed ${SEED}`, async (t) => {
  const report = await fuzzProtocol({ seed: SEED, count: CASES, positions: 2 });
  t.diagnostic(`seed ${SEED}: ${report.cases} cases, ${report.requests} requests answered; slowest ${report.maxMs.toFixed(1)} ms (${report.maxRequest})`);
  assert.equal(report.failures.length, 0, report.failures.slice(0, 3).map(describeFailure).join('\n\n'));
  assert.equal(report.cases, CASES);
});
