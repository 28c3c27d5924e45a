// The Helm semantics the render model relies on (engine/render/helm.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeValues } from '../../server/src/engine/merge';
import { renderRelease } from '../../server/src/engine/render';
import { fullname, inlineValue, isEmpty, printNumber, resolvePlainScalar, sortedKeys } from '../../server/src/engine/render/helm';
import { cronJobName } from '../../server/src/engine/render/pre-porter';
import defaults from '../../schemas/pre-porter.defaults.json';

test('empty for default/if/with: 0, false, "", [], {}, null; not "0" or " "', () => {
  for (const value of [0, false, '', [], {}, null, undefined]) assert.equal(isEmpty(value), true, JSON.stringify(value));
  for (const value of ['0', ' ', 1, true, [0], { a: null }]) assert.equal(isEmpty(value), false, JSON.stringify(value));
});

test('numbers print as Go prints a float64 with %v', () => {
  assert.equal(printNumber(8000), '8000');
  assert.equal(printNumber(999999), '999999');
  assert.equal(printNumber(1000000), '1e+06');
  assert.equal(printNumber(1234567), '1.234567e+06');
  assert.equal(printNumber(0.5), '0.5');
  assert.equal(printNumber(0.00001), '1e-05');
  assert.equal(printNumber(-3), '-3');
});

test('inline printing is read back as YAML 1.1: quotes are lost', () => {
  assert.equal(inlineValue('8000'), 8000);
  assert.equal(inlineValue('true'), true);
  assert.equal(inlineValue('on'), true);
  assert.equal(inlineValue(''), null);
  assert.equal(inlineValue(null), null);
  assert.equal(inlineValue('IfNotPresent'), 'IfNotPresent');
  assert.equal(inlineValue('0.5'), 0.5);
  assert.equal(resolvePlainScalar('1e+06'), 1000000);
});

test('maps are walked in byte order', () => {
  assert.deepEqual(sortedKeys({ b: 1, a: 2, B: 3, '10': 4, '9': 5 }), ['10', '9', 'B', 'a', 'b']);
});

test('fullname: release-chart, the release alone when it contains the chart name, overrides, 63 characters', () => {
  const base = { chartName: 'inference-stack', nameOverride: '', fullnameOverride: '' };
  assert.equal(fullname({ ...base, releaseName: 'prod' }), 'prod-inference-stack');
  assert.equal(fullname({ ...base, releaseName: 'my-inference-stack-1' }), 'my-inference-stack-1');
  assert.equal(fullname({ ...base, releaseName: 'prod', nameOverride: 'llm' }), 'prod-llm');
  assert.equal(fullname({ ...base, releaseName: 'prod', fullnameOverride: 'gateway' }), 'gateway');
  // Cut at 63, then one trailing dash trimmed.
  assert.equal(fullname({ ...base, releaseName: 'r'.repeat(48) }), `${'r'.repeat(48)}-inference-stac`);
  assert.equal(fullname({ ...base, releaseName: 'r'.repeat(62) }), 'r'.repeat(62));
});

test('Pre-Porter: cron job names from the image name; `default` turns 0 into 3 and drops suspend: false', () => {
  assert.equal(cronJobName('RELEASE-NAME-pre-porter', 'Qwen2.5_7B'), 'RELEASE-NAME-pre-porter-qwen2-5-7b');
  assert.equal(cronJobName('x'.repeat(60), 'abcdef'), `${'x'.repeat(60)}-ab`);
  const merged = mergeValues(defaults, {
    advancedCronJob: { enabled: true, successfulJobsHistoryLimit: 0, suspend: false },
    images: [{ name: 'a', enabled: true, nodeSelector: { pool: 'gpu' } }],
    globalNodeSelector: { pool: 'cpu' },
  });
  const job = renderRelease('pre-porter', merged).documents.find((d) => d.object.kind === 'AdvancedCronJob')!;
  const spec = job.object.spec as any;
  assert.equal(spec.successfulJobsHistoryLimit, 3);
  assert.equal('suspend' in spec, false);
  // The image's nodeSelector replaces the global one (`default`), and says where it came from.
  assert.deepEqual(spec.template.broadcastJobTemplate.spec.template.spec.nodeSelector, { pool: 'gpu' });
  assert.deepEqual(job.origins.of(['spec', 'template', 'broadcastJobTemplate', 'spec', 'template', 'spec', 'nodeSelector', 'pool']), { kind: 'values', path: ['images', 0, 'nodeSelector', 'pool'] });
  assert.deepEqual(job.origins.of(['spec', 'successfulJobsHistoryLimit']), { kind: 'template' });
});
