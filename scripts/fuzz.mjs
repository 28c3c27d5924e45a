// The long fuzz run (issue 8): many more cases than the test command, through the engine and
// through the built server, with the 1 s bound on every request asserted for files under 1,000
// lines. Run after a build: `npm run fuzz -- --count 10000 --protocol 2000 --seed 42`.
// Arguments: --seed S (default: a fresh one, printed), --count N engine cases (default 10000),
// --protocol M protocol cases (default 2000), --first K (the first case number; to replay a
// single failure: --first K --count 1 --protocol 0, or --count 0 --protocol 1).
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const { fuzzEngine, describeFailure } = require('../out/test/robustness/fuzz/engine-fuzz.js');
const { fuzzProtocol, FUZZ_SETTINGS } = require('../out/test/robustness/fuzz/protocol-fuzz.js');
const { chooseSeed } = require('../out/test/robustness/fuzz/prng.js');
const { LspTestClient } = require('../out/test/support/lsp-client.js');

const BOUND_MS = 1000;
const { values } = parseArgs({
  options: { seed: { type: 'string' }, count: { type: 'string', default: '10000' }, protocol: { type: 'string', default: '2000' }, first: { type: 'string', default: '0' } },
});
const seed = chooseSeed(values.seed ?? process.env.BIT_HARBOR_FUZZ_SEED);
const count = Number(values.count);
const protocolCount = Number(values.protocol);
const first = Number(values.first);
console.log(`fuzz: seed ${seed}, ${count} engine cases and ${protocolCount} protocol cases from case ${first}`);

let failed = false;
const started = Date.now();
// Batches keep the progress visible and the memory of one report small.
const BATCH = 500;
const engineTotals = { cases: 0, operations: 0, fixes: 0, maxMs: 0, maxOperation: '', failures: 0, slow: 0 };
for (let at = first; at < first + count; at += BATCH) {
  const report = fuzzEngine({ seed, count: Math.min(BATCH, first + count - at), first: at });
  engineTotals.cases += report.cases;
  engineTotals.operations += report.operations;
  engineTotals.fixes += report.fixesApplied;
  if (report.maxMs > engineTotals.maxMs) [engineTotals.maxMs, engineTotals.maxOperation] = [report.maxMs, report.maxOperation];
  engineTotals.failures += report.failures.length;
  engineTotals.slow += report.slow.length;
  for (const failure of report.failures) console.log(describeFailure(failure) + '\n');
  for (const slow of report.slow) console.log(`slow: case ${slow.index}: ${slow.operation} took ${slow.ms.toFixed(0)} ms on ${slow.lines} lines`);
  process.stdout.write(`engine: ${engineTotals.cases}/${count} cases, ${engineTotals.failures} failures\n`);
}
console.log(`engine: ${engineTotals.cases} cases, ${engineTotals.operations} requests, ${engineTotals.fixes} fixes applied and checked; ` +
  `${engineTotals.failures} failures, ${engineTotals.slow} over ${BOUND_MS} ms; slowest ${engineTotals.maxMs.toFixed(1)} ms (${engineTotals.maxOperation})`);
failed ||= engineTotals.failures > 0 || engineTotals.slow > 0;

if (protocolCount > 0) {
  const client = await LspTestClient.start({ settings: FUZZ_SETTINGS });
  const totals = { cases: 0, requests: 0, maxMs: 0, maxRequest: '', failures: 0, slow: 0 };
  try {
    for (let at = first; at < first + protocolCount; at += BATCH) {
      const report = await fuzzProtocol({ seed, count: Math.min(BATCH, first + protocolCount - at), first: at, client });
      totals.cases += report.cases;
      totals.requests += report.requests;
      if (report.maxMs > totals.maxMs) [totals.maxMs, totals.maxRequest] = [report.maxMs, report.maxRequest];
      totals.failures += report.failures.length;
      totals.slow += report.slow.length;
      for (const failure of report.failures) console.log(describeFailure(failure) + '\n');
      for (const slow of report.slow) console.log(`slow: case ${slow.index}: ${slow.request} took ${slow.ms.toFixed(0)} ms on ${slow.lines} lines`);
      process.stdout.write(`protocol: ${totals.cases}/${protocolCount} cases, ${totals.failures} failures\n`);
      if (report.failures.some((f) => /timed out/.test(f.error))) break;
    }
  } finally {
    await client.stop();
  }
  console.log(`protocol: ${totals.cases} cases, ${totals.requests} requests answered; ${totals.failures} failures, ` +
    `${totals.slow} over ${BOUND_MS} ms; slowest ${totals.maxMs.toFixed(1)} ms (${totals.maxRequest})`);
  failed ||= totals.failures > 0 || totals.slow > 0;
}
console.log(`fuzz: seed ${seed}, ${((Date.now() - started) / 1000).toFixed(0)} s: ${failed ? 'FAILED' : 'no crash, no hang, every request within 1 s'}`);
process.exit(failed ? 1 : 0);
