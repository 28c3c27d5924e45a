// A new list item whose kind has required keys (`VolumeMount`: name and mountPath) gets an item
// that writes them, as yaml-language-server offers it: at the item's column in a block list,
// on one line in a flow map, and not once the item has a key.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

function skeleton(source: string): string | undefined {
  const { text, carets } = mark(source);
  const item = completeAuthoring(text, carets[0], bundledCatalogue(), DEFAULT_SETTINGS).find((candidate) => candidate.label === 'VolumeMount');
  return item && text.slice(0, item.edit.range.start) + item.edit.newText + text.slice(item.edit.range.end);
}

describe('required-keys skeleton of a new list item', () => {
  it('block: one key per line at the item\'s column', () => {
    assert.equal(skeleton('modelGroups:\n  llama:\n    volumeMounts:\n      - |\n'), 'modelGroups:\n  llama:\n    volumeMounts:\n      - name:\n        mountPath: \n');
  });

  it('flow: on one line', () => {
    assert.equal(skeleton('modelGroups:\n  llama:\n    volumeMounts: [{|}]\n'), 'modelGroups:\n  llama:\n    volumeMounts: [{name: , mountPath: }]\n');
  });

  it('not once the item has a key', () => {
    assert.equal(skeleton('modelGroups:\n  llama:\n    volumeMounts:\n      - name: weights\n        |\n'), undefined);
  });
});
