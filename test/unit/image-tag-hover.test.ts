// Hover on Bit Harbor tags: `[[...]]` marks the range the hover must report, `|` the mouse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { hoverImageTag, type OpenDocument } from '../../server/src/engine/hover/image-tag';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();
const INFERENCE_URI = 'file:///work/inference/values.yaml';

function hoverAt(source: string, others: OpenDocument[] = [], uri = INFERENCE_URI) {
  const { text, carets, ranges } = mark(source);
  const document = { uri, text };
  return { hover: hoverImageTag(document, carets[0], CATALOGUE, DEFAULT_SETTINGS, [document, ...others]), expected: ranges[0] };
}

const group = (image: string): string => `modelGroups:
  llama:
    initContainers:
      - name: weights
        image: ${image}
`;

describe('hover on a tag', () => {
  it('shows the model, its Hugging Face page, its size and the size source', () => {
    const { hover, expected } = hoverAt(group(`${BH}:[[llama-3.1|-8b-instruct]]`));
    assert.ok(hover);
    assert.deepEqual(hover.range, expected);
    assert.match(hover.markdown, /\*\*llama-3\.1-8b-instruct\*\*/);
    assert.match(hover.markdown, /\(https:\/\/huggingface\.co\/meta-llama\/Llama-3\.1-8B-Instruct\)/);
    assert.match(hover.markdown, /15\.0 GiB.*measured/);
    assert.match(hover.markdown, /Catalogue: bundled bit-harbor\\@/);
    assert.match(hover.markdown, /Not used anywhere else/);
  });

  it('reports the tag inside quotes and at its last character', () => {
    const { hover, expected } = hoverAt(group(`"${BH}:[[qwen-3-8b|]]"`));
    assert.deepEqual(hover?.range, expected);
    assert.match(hover!.markdown, /Qwen\/Qwen3-8B/);
  });

  it('works on a Pre-Porter name and on an image volume reference', () => {
    const prePorter = hoverAt(`imageRegistry: ${BH}\nimages:\n  - name: [[gemma|-3-4b-it]]\n`, [], 'file:///work/pp/values.yaml');
    assert.deepEqual(prePorter.hover?.range, prePorter.expected);
    assert.match(prePorter.hover!.markdown, /estimate/);
    const volume = hoverAt(`modelGroups:\n  g:\n    volumes:\n      - name: w\n        image: {reference: ${BH}:[[qwen-3-14b|]]}\n`);
    assert.deepEqual(volume.hover?.range, volume.expected);
  });

  it('says when the size is unknown', () => {
    const { hover } = hoverAt(group(`${BH}:dw-gemma|-3-12b-it`));
    assert.match(hover!.markdown, /size unknown/);
  });

  it('says when the tag is not in the catalogue', () => {
    const { hover } = hoverAt(group(`${BH}:llama-3.1|-8b`));
    assert.match(hover!.markdown, /not a model of the Bit Harbor catalogue/);
  });

  it('is silent off the tag: on the registry, on other images, in other files', () => {
    assert.equal(hoverAt(group(`ghcr.io/double|wordai/bit-harbor:qwen-3-8b`)).hover, null);
    assert.equal(hoverAt(group('busybox:1.|36')).hover, null);
    assert.equal(hoverAt(`services:\n  web:\n    image: ${BH}:qwen-3|-8b\n`, [], 'file:///work/docker-compose.yml').hover, null);
  });
});

describe('where else a tag is used', () => {
  it('lists the other uses in this file and in the other open files, with links to their lines', () => {
    const prePorter = { uri: 'file:///work/pre-porter/values.yaml', text: `imageRegistry: ${BH}\nimages:\n  - name: qwen-3-8b\n    enabled: true\n` };
    const unrelated = { uri: 'file:///work/other/values.yaml', text: `modelGroups:\n  x:\n    initContainers:\n      - image: ${BH}:gemma-3-4b-it\n` };
    const { hover } = hoverAt(`modelGroups:
  a:
    initContainers:
      - image: ${BH}:qwen-3|-8b
  b:
    volumes:
      - name: w
        image:
          reference: ${BH}:qwen-3-8b
`, [prePorter, unrelated]);
    const markdown = hover!.markdown;
    assert.match(markdown, /Also used in:/);
    assert.match(markdown, /\[this file, line 9\]\(file:\/\/\/work\/inference\/values\.yaml#L9\): `modelGroups\.b\.volumes\[0\]\.image\.reference`/);
    assert.match(markdown, /\[pre-porter\/values\.yaml, line 3\]\(file:\/\/\/work\/pre-porter\/values\.yaml#L3\): `images\[0\]\.name`/);
    assert.doesNotMatch(markdown, /other\/values\.yaml/);
    assert.doesNotMatch(markdown, /line 4\]/, 'the hovered use itself is not listed');
  });

  it('keeps link targets whole when a URI has parentheses or spaces', () => {
    const odd = { uri: 'file:///work/a (copy)/values.yaml', text: `imageRegistry: ${BH}\nimages:\n  - name: qwen-3-8b\n` };
    const { hover } = hoverAt(group(`${BH}:qwen-3|-8b`), [odd]);
    assert.match(hover!.markdown, /\(file:\/\/\/work\/a%20%28copy%29\/values\.yaml#L3\)/);
  });
});
