// The node edits fixes are built from: each leaves everything outside its node as written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument, type Scalar } from 'yaml';
import { removeListItem, removeMapEntry, replaceListItem, replaceScalarAt, scalarSource } from '../../server/src/engine/edit/node-edit';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import type { PathSegment } from '../../server/src/engine/yaml-nodes';

type Edit = (text: string, doc: ReturnType<typeof parseDocument>, path: PathSegment[]) => { start: number; end: number; newText: string }[];

function run(edit: Edit, text: string, path: PathSegment[]): string {
  return applyEdits(text, edit(text, parseDocument(text, { version: '1.1' }), path));
}

describe('scalarSource keeps the quoting style', () => {
  const node = (source: string) => parseDocument(`k: ${source}`).get('k', true) as Scalar;
  it('plain stays plain when it reads back the same', () => assert.equal(scalarSource(node('a'), 'b/c:d'), 'b/c:d'));
  it('plain is quoted when it would not read back as the string', () => {
    assert.equal(scalarSource(node('a'), 'true'), '"true"');
    assert.equal(scalarSource(node('a'), 'yes'), '"yes"', 'YAML 1.1, as Helm reads');
    assert.equal(scalarSource(node('a'), '8000'), '"8000"');
    assert.equal(scalarSource(node('a'), 'a: b'), '"a: b"');
    assert.equal(scalarSource(node('a'), 'x, y'), '"x, y"', 'safe inside flow collections');
  });
  it('double and single quotes are kept, with their escapes', () => {
    assert.equal(scalarSource(node('"a"'), 'say "hi"'), '"say \\"hi\\""');
    assert.equal(scalarSource(node("'a'"), "it's"), "'it''s'");
  });
  it('numbers and booleans are written as such', () => assert.equal(scalarSource(node('"a"'), 3), '3'));
});

describe('replaceScalarAt', () => {
  it('replaces a value and a list item in place, comments kept', () => {
    const text = 'a:\n  b: "x" # c\n  l: [p, "q"]\n';
    assert.equal(run((_text, d, p) => replaceScalarAt(d, p, 'y'), text, ['a', 'b']), 'a:\n  b: "y" # c\n  l: [p, "q"]\n');
    assert.equal(run((_text, d, p) => replaceScalarAt(d, p, 'r'), text, ['a', 'l', 1]), 'a:\n  b: "x" # c\n  l: [p, "r"]\n');
  });
  it('does nothing for a path that is not a scalar written in the file', () => {
    assert.equal(run((_text, d, p) => replaceScalarAt(d, p, 'y'), 'a: {b: 1}\n', ['a']), 'a: {b: 1}\n');
    assert.equal(run((_text, d, p) => replaceScalarAt(d, p, 'y'), 'a: {b: 1}\n', ['a', 'c']), 'a: {b: 1}\n');
  });
});

describe('removeListItem', () => {
  const list = 'l:\n  # first\n  - a: 1 # one\n    b: 2\n  # second\n  - a: 3\n  - x # last\nnext: 1\n';
  it('removes a block item with its own lines only', () => {
    assert.equal(run(removeListItem, list, ['l', 0]), 'l:\n  # first\n  # second\n  - a: 3\n  - x # last\nnext: 1\n');
    assert.equal(run(removeListItem, list, ['l', 2]), 'l:\n  # first\n  - a: 1 # one\n    b: 2\n  # second\n  - a: 3\nnext: 1\n');
  });
  it('leaves [] (and the key\'s comment) when the last item goes', () => {
    assert.equal(run(removeListItem, 'l: # items\n- a: 1\nnext: 1\n', ['l', 0]), 'l: [] # items\nnext: 1\n');
    assert.equal(run(removeListItem, 'l:\r\n  -\r\n    a: 1\r\n', ['l', 0]), 'l: []\r\n');
  });
  it('removes flow items with their commas', () => {
    assert.equal(run(removeListItem, 'l: [a, {b: 1}, c]\n', ['l', 1]), 'l: [a, c]\n');
    assert.equal(run(removeListItem, 'l: [a, {b: 1}, c]\n', ['l', 2]), 'l: [a, {b: 1}]\n');
    assert.equal(run(removeListItem, 'l: [ a ]\n', ['l', 0]), 'l: []\n');
  });
  it('refuses an item that defines an anchor, or a path that is no list item', () => {
    assert.equal(run(removeListItem, 'l:\n  - &x a\n  - b\nm: *x\n', ['l', 0]), 'l:\n  - &x a\n  - b\nm: *x\n');
    assert.equal(run(removeListItem, 'l: {a: 1}\n', ['l', 0]), 'l: {a: 1}\n');
  });
});

describe('removeMapEntry', () => {
  it('removes a block entry with its lines, and a flow entry with its comma', () => {
    assert.equal(run(removeMapEntry, 'm:\n  a: 1 # one\n  b:\n    c: 2\n  d: 3\n', ['m', 'b']), 'm:\n  a: 1 # one\n  d: 3\n');
    assert.equal(run(removeMapEntry, 'm: {a: 1, b: 2}\n', ['m', 'a']), 'm: {b: 2}\n');
    assert.equal(run(removeMapEntry, 'm: {a: 1, b: 2}\n', ['m', 'b']), 'm: {a: 1}\n');
  });
  it('leaves {} when the last entry goes; the first entry of a list item hands its line on', () => {
    assert.equal(run(removeMapEntry, 'm:\n  a: 1\nn: 2\n', ['m', 'a']), 'm: {}\nn: 2\n');
    assert.equal(run(removeMapEntry, 'l:\n  - a: 1\n    b: 2\n', ['l', 0, 'a']), 'l:\n  - b: 2\n');
  });
});

describe('replaceListItem', () => {
  it('replaces a block item in place, in the file\'s indentation', () => {
    assert.equal(run((t, d, p) => replaceListItem(t, d, p, { name: 'n', list: ['x'] }), 'l:\n    - old: 1 # gone\n      more: 2\n    - keep\n', ['l', 0]),
      'l:\n    - name: n\n      list:\n          - x\n    - keep\n');
  });
  it('replaces a flow item with a flow value', () => {
    assert.equal(run((t, d, p) => replaceListItem(t, d, p, { a: [1] }), 'l: [x, y]\n', ['l', 1]), 'l: [x, {a: [1]}]\n');
    assert.equal(run((t, d, p) => replaceListItem(t, d, p, { a: 1 }), 'l:\n  - {b: 2} # c\n', ['l', 0]), 'l:\n  - {a: 1} # c\n');
  });
});
