import assert from 'node:assert/strict';
import { test } from 'node:test';
import { editDistance, suggest } from '../../server/src/engine/did-you-mean';

test('edit distance counts a swap of neighbours as one', () => {
  assert.equal(editDistance('enabeld', 'enabled'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('', 'abc'), 3);
});

test('case slips rank before other near misses', () => {
  assert.deepEqual(suggest('sizelimit', ['sizeLimit', 'medium']), ['sizeLimit']);
  assert.deepEqual(suggest('ifnotpresent', ['Always', 'IfNotPresent', 'Never']), ['IfNotPresent']);
});

test('far-off words get no suggestion', () => {
  assert.deepEqual(suggest('banana', ['sizeLimit', 'medium']), []);
  assert.deepEqual(suggest('x', ['y', 'z']), [], 'one letter off a one-letter word is no evidence');
  assert.deepEqual(suggest('enabeld', ['enabled', 'image'], 1), ['enabled']);
});
