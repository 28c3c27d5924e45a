import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeValues } from '../../server/src/engine/merge';

test('maps merge key by key', () => {
  assert.deepEqual(mergeValues({ a: { b: 1, c: 2 } }, { a: { c: 3, d: 4 } }), { a: { b: 1, c: 3, d: 4 } });
});

test('lists and scalars replace', () => {
  assert.deepEqual(mergeValues({ l: [1, 2, 3], s: 'x' }, { l: [9], s: 'y' }), { l: [9], s: 'y' });
});

test('null deletes a default key', () => {
  assert.deepEqual(mergeValues({ a: { b: 1, c: 2 } }, { a: { b: null } }), { a: { c: 2 } });
  assert.deepEqual(mergeValues({ a: 1, b: 2 }, { a: null }), { b: 2 });
});

test('a null under a key without a default is dropped', () => {
  assert.deepEqual(mergeValues({}, { a: { b: null, c: 1 } }), { a: { c: 1 } });
});

test('a map replaces a scalar default and the reverse', () => {
  assert.deepEqual(mergeValues({ a: 'x' }, { a: { b: 1 } }), { a: { b: 1 } });
  assert.deepEqual(mergeValues({ a: { b: 1 } }, { a: 'x' }), { a: 'x' });
});

test('inputs are not mutated', () => {
  const defaults = { a: { b: 1 } };
  const user = { a: { c: 2 } };
  mergeValues(defaults, user);
  assert.deepEqual(defaults, { a: { b: 1 } });
  assert.deepEqual(user, { a: { c: 2 } });
});
