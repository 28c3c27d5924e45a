// The oneOf/anyOf reduction, on a small schema of its own (the shipped schemas avoid
// alternatives so that messages stay direct, but a user-facing message must never read
// "matches multiple schemas").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SchemaValidator, type SchemaBundle } from '../../server/src/engine/schema/validator';

const shared = {
  $id: 'https://test.local/shared.json',
  definitions: {
    emptyDir: { type: 'object', properties: { sizeLimit: { type: 'string' } }, additionalProperties: false },
    source: {
      oneOf: [
        { type: 'object', properties: { emptyDir: { $ref: '#/definitions/emptyDir' } }, required: ['emptyDir'], additionalProperties: false },
        { type: 'string' },
      ],
    },
  },
};

const bundle: SchemaBundle = {
  shared: [shared],
  charts: {
    'inference-stack': {
      $id: 'https://test.local/chart.json',
      type: 'object',
      properties: { volume: { $ref: 'shared.json#/definitions/source' }, other: { type: 'integer' } },
    },
    'pre-porter': { $id: 'https://test.local/pp.json', type: 'object' },
  },
};

const validator = new SchemaValidator(bundle);

test('a failed oneOf is reduced to the branch that came closest', () => {
  const issues = validator.validate('inference-stack', { volume: { emptyDir: { sizelimit: '5Gi' } } });
  assert.deepEqual(issues.map((i) => [i.keyword, i.path.join('/')]), [['additionalProperties', 'volume/emptyDir']]);
  assert.equal(issues[0].params.additionalProperty, 'sizelimit');
});

test('a wrong type at every branch root reports one issue, not one per branch', () => {
  const issues = validator.validate('inference-stack', { volume: 5 });
  assert.equal(issues.length, 1);
  assert.equal(issues[0].path.join('/'), 'volume');
  assert.equal(issues[0].keyword, 'type');
  assert.deepEqual(String(issues[0].params.type).split(',').sort(), ['object', 'string']);
});

test('issues outside the alternatives are kept', () => {
  const issues = validator.validate('inference-stack', { volume: { emptyDir: { sizelimit: 'x' } }, other: 'x' });
  assert.deepEqual(issues.map((i) => i.path.join('/')).sort(), ['other', 'volume/emptyDir']);
});

test('valid values give no issues', () => {
  assert.deepEqual(validator.validate('inference-stack', { volume: 'x', other: 1 }), []);
  assert.deepEqual(validator.validate('inference-stack', { volume: { emptyDir: { sizeLimit: '5Gi' } } }), []);
});

test('precompiled validators are set aside for schemas with alternatives, and used for schemas without', () => {
  const refusesAll = Object.assign(() => false, { errors: [{ keyword: 'precompiled', instancePath: '', schemaPath: '#', params: {} }] });
  const precompiled = { 'inference-stack': refusesAll, 'pre-porter': refusesAll } as never;
  // The reduction needs the compiler's own validators, so a file with a oneOf is judged by them.
  assert.deepEqual(new SchemaValidator(bundle, precompiled).validate('inference-stack', { volume: 'x', other: 1 }), []);
  const plain: SchemaBundle = { shared: [], charts: { 'inference-stack': { type: 'object' }, 'pre-porter': { type: 'object' } } };
  assert.deepEqual(new SchemaValidator(plain, precompiled).validate('inference-stack', {}).map((issue) => issue.keyword), ['precompiled']);
});
