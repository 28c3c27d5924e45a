import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { childKeyRange, keyOrValueRange, locate, valueOrKeyRange } from '../../server/src/engine/yaml-nodes';
import { mark } from '../support/markers';

function at(source: string, path: (string | number)[], pick: 'value' | 'key') {
  const marked = mark(source);
  const doc = parseDocument(marked.text, { version: '1.1' });
  const location = locate(doc, path);
  assert.ok(location, `path ${path.join('.')} should be found`);
  const range = pick === 'value' ? valueOrKeyRange(location) : keyOrValueRange(location);
  assert.deepEqual(range, marked.ranges[0]);
}

test('a path ends at the value node, through maps and lists', () => {
  at('a:\n  b:\n    - x\n    - [[y]]\n', ['a', 'b', 1], 'value');
  at('a:\n  [[b]]: 1\n', ['a', 'b'], 'key');
  at('a: {b: [[1]]}\n', ['a', 'b'], 'value');
});

test('an empty value points at its key', () => {
  at('a:\n  [[b]]:\n  c: 1\n', ['a', 'b'], 'value');
});

test('aliases resolve to the anchored node', () => {
  at('base: &b\n  size: [[5Gi]]\nuse: *b\n', ['use', 'size'], 'value');
});

test('merge keys are searched', () => {
  at('base: &b\n  [[size]]: 5Gi\nuse:\n  <<: *b\n  other: 1\n', ['use', 'size'], 'key');
});

test('paths not written in the file are not found', () => {
  const doc = parseDocument('a:\n  b: 1\n');
  assert.equal(locate(doc, ['a', 'c']), null);
  assert.equal(locate(doc, ['a', 'b', 'c']), null);
  assert.equal(locate(doc, ['x', 0]), null);
});

test('childKeyRange finds a key inside a map', () => {
  const marked = mark('emptyDir:\n  [[sizelimit]]: 5Gi\n');
  const doc = parseDocument(marked.text);
  assert.deepEqual(childKeyRange(doc, locate(doc, ['emptyDir'])!, 'sizelimit'), marked.ranges[0]);
});
