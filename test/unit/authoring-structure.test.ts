// Folding and selection ranges by YAML structure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldingRanges, selectionRanges } from '../../server/src/engine/authoring/structure';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const S = DEFAULT_SETTINGS;

describe('folding ranges', () => {
  it('folds maps, lists, list items, block scalars and comment runs', () => {
    const text = [
      '# Inference Stack values', //   0
      '# for the GPU cluster', //      1
      'modelGroups:', //               2
      '  a:', //                       3
      '    command:', //               4
      '      - vllm', //               5
      '      - serve', //              6
      '    volumes:', //               7
      '      - name: w', //            8
      '        emptyDir: {}', //       9
      '    apiKey: >', //              10
      '      folded', //               11
      '      text', //                 12
      '', //                           13
    ].join('\n');
    assert.deepEqual(foldingRanges(text, S), [
      { startLine: 0, endLine: 1, kind: 'comment' },
      { startLine: 2, endLine: 12 },
      { startLine: 3, endLine: 12 },
      { startLine: 4, endLine: 6 },
      { startLine: 7, endLine: 9 },
      { startLine: 8, endLine: 9 },
      { startLine: 10, endLine: 12 },
    ]);
  });

  it('folds a flow map written over several lines, in each document', () => {
    const text = 'images: []\nimageRegistry: x\n---\nonwards:\n  image: {\n    tag: x\n  }\n';
    assert.deepEqual(foldingRanges(text, S), [{ startLine: 3, endLine: 6 }, { startLine: 4, endLine: 6 }]);
  });

  it('still folds with a syntax error elsewhere', () => {
    const text = 'onwards:\n  containerPort: a: b\nmodelGroups:\n  a:\n    enabled: true\n';
    assert.ok(foldingRanges(text, S).some((fold) => fold.startLine === 2 && fold.endLine === 4));
  });

  it('has none for a file of neither chart', () => {
    assert.deepEqual(foldingRanges('services:\n  web:\n    image: x\n', S), []);
  });
});

describe('selection ranges', () => {
  it('grows from the scalar to its entry, its map, its parent entries, the document and the file', () => {
    const { text, carets } = mark('modelGroups:\n  a:\n    image: {repository: "vl|lm"}\n---\n');
    const chain = selectionRanges(text, carets, S)![0];
    // A map that is all of its entry's value, or of its document, is one step, not two.
    assert.deepEqual(chain.map((range) => text.slice(range.start, range.end)), [
      'vllm',
      '"vllm"',
      'repository: "vllm"',
      '{repository: "vllm"}',
      'image: {repository: "vllm"}',
      'a:\n    image: {repository: "vllm"}',
      'modelGroups:\n  a:\n    image: {repository: "vllm"}',
      text,
    ]);
  });

  it('selects a key, then its entry', () => {
    const { text, carets } = mark('onwards:\n  replica|Count: 1\n');
    const chain = selectionRanges(text, carets, S)![0];
    assert.deepEqual(chain.slice(0, 2).map((range) => text.slice(range.start, range.end)), ['replicaCount', 'replicaCount: 1']);
  });

  it('works in the second document and with a syntax error elsewhere', () => {
    const { text, carets } = mark('onwards:\n  containerPort: a: b\n---\nmodelGroups:\n  a: {enab|led: true}\n');
    const chain = selectionRanges(text, carets, S)![0];
    assert.deepEqual(chain.slice(0, 3).map((range) => text.slice(range.start, range.end)), ['enabled', 'enabled: true', '{enabled: true}']);
  });

  it('answers one chain per position, and nothing for a file of neither chart', () => {
    const { text, carets } = mark('onwards:\n  replica|Count: 1\n  image: {tag: x|}\n');
    assert.equal(selectionRanges(text, carets, S)!.length, 2);
    assert.equal(selectionRanges('a: 1\n', [1], S), null);
  });
});
