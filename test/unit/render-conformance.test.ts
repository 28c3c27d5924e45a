// The charts' own helm-unittest suites, read from ../shared/reference at test time and run
// through the render model: every assertion of every test must pass, none is skipped.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ChartId } from '../../server/src/engine/types';
import { readSuite, runUnitTest, type Suite } from '../support/helm-unittest';
import { referencePath } from '../support/markers';

const CHARTS: { chart: ChartId; folder: string[] }[] = [
  { chart: 'inference-stack', folder: ['inference-stack', 'tests'] },
  { chart: 'pre-porter', folder: ['bit-harbor', 'pre-porter', 'tests'] },
];

const suites: { chart: ChartId; file: string; suite: Suite }[] = [];
for (const { chart, folder } of CHARTS) {
  for (const file of readdirSync(referencePath(...folder)).filter((name) => name.endsWith('_test.yaml')).sort()) {
    suites.push({ chart, file, suite: readSuite(readFileSync(referencePath(...folder, file), 'utf8')) });
  }
}
const testCount = suites.reduce((sum, { suite }) => sum + suite.tests.length, 0);
const assertionCount = suites.reduce((sum, { suite }) => sum + suite.tests.reduce((n, t) => n + t.asserts.length, 0), 0);

test(`render conformance: ${suites.length} suites, ${testCount} tests, ${assertionCount} assertions of the charts' helm-unittest suites`, async (t) => {
  assert.ok(testCount >= 51, `expected the 51 upstream tests, found ${testCount}`);
  let passed = 0;
  for (const { chart, file, suite } of suites) {
    for (const unit of suite.tests) {
      await t.test(`${chart}/${file}: ${unit.it}`, () => {
        const result = runUnitTest(chart, suite, unit);
        assert.deepEqual(result.failures, []);
        passed += result.assertions;
      });
    }
  }
  t.diagnostic(`ran ${testCount} tests and ${assertionCount} assertions; ${passed} assertions passed`);
});
