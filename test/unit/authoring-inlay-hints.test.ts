// Inlay hints after sizeLimits and Bit Harbor tags: `|` marks where each hint must show.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inlayHints } from '../../server/src/engine/authoring/inlay-hints';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();

const group = (sizeLimit: string, reference = `${BH}:qwen-3-8b`) => `modelGroups:
  qwen:
    initContainers:
      - name: fetch
        image: ${reference}|
        volumeMounts:
          - {name: weights, mountPath: /models}
    volumes:
      - name: weights
        emptyDir: {sizeLimit: ${sizeLimit}|}
`;

describe('inlay hints', () => {
  it('shows GiB and the model size after a sizeLimit, and the size after the tag', () => {
    const { text, carets } = mark(group('50G'));
    const hints = inlayHints(text, null, CATALOGUE, DEFAULT_SETTINGS);
    assert.deepEqual(hints.map((hint) => [hint.offset, hint.label]), [[carets[0], '15.3 GiB'], [carets[1], '≈ 46.6 GiB · model 15.3 GiB']]);
    assert.match(hints[0].tooltip, /Qwen\/Qwen3-8B: 15\.3 GiB \(measured/);
    assert.match(hints[1].tooltip, /50,000,000,000 bytes\. Init container `fetch` copies qwen-3-8b/);
  });

  it('leaves out the GiB of a limit already written in Gi, and the model of an unknown size', () => {
    const { text, carets } = mark(group('"20Gi"'));
    assert.deepEqual(inlayHints(text, null, CATALOGUE, DEFAULT_SETTINGS).map((hint) => [hint.offset, hint.label]), [
      [carets[0], '15.3 GiB'], [carets[1], 'model 15.3 GiB'],
    ]);
    const unknown = mark(group('30G', `${BH}:dw-gemma-3-12b-it`));
    assert.deepEqual(inlayHints(unknown.text, null, CATALOGUE, DEFAULT_SETTINGS).map((hint) => [hint.offset, hint.label]), [
      [unknown.carets[1], '≈ 27.9 GiB'],
    ]);
  });

  it('shows sizes on Pre-Porter names, in the second document too', () => {
    const { text, carets } = mark(`modelGroups: {}\n---\nimageRegistry: ${BH}\nimages:\n  - name: "llama-3.1-8b-instruct"|\n    enabled: true\n`);
    assert.deepEqual(inlayHints(text, null, CATALOGUE, DEFAULT_SETTINGS).map((hint) => [hint.offset, hint.label]), [[carets[0], '15.0 GiB']]);
  });

  it('still shows them with a syntax error elsewhere', () => {
    const { text, carets } = mark(`onwards:\n  containerPort: a: b\n${group('50G')}`);
    assert.deepEqual(inlayHints(text, null, CATALOGUE, DEFAULT_SETTINGS).map((hint) => hint.offset), carets);
  });

  it('answers only for the asked range, and nothing when turned off', () => {
    const { text, carets } = mark(group('50G'));
    assert.deepEqual(inlayHints(text, { start: carets[1] - 5, end: text.length }, CATALOGUE, DEFAULT_SETTINGS).length, 1);
    assert.deepEqual(inlayHints(text, null, CATALOGUE, { ...DEFAULT_SETTINGS, inlayHints: false }), []);
  });
});
