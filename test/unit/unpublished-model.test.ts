// unpublished-model's case table. The rule reads Catalogue.isUnpublished(), which only a
// catalogue with registry answers has, and rule-cases.test.ts runs every table against the
// bundled snapshot (no answers); so this table runs here, with the same `# expect` convention,
// against the snapshot plus two tags the "registry" said it does not have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledCatalogue, Catalogue, type ModelSize } from '../../server/src/engine/catalogue/catalogue';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import type { RuleCases } from '../../server/src/engine/rules/cases';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const UNPUBLISHED = ['dw-gemma-3-12b-it', 'qwen3-vl-30b-a3b-instruct-fp8'];

function catalogueWithAnswers(): Catalogue {
  const bundled = bundledCatalogue();
  const sizes: Record<string, ModelSize> = {};
  for (const { name } of bundled.entries()) {
    const size = bundled.sizeOf(name);
    if (size) sizes[name] = size;
  }
  return new Catalogue({ models: [...bundled.entries()], sizes, origin: bundled.origin, unpublished: UNPUBLISHED });
}

const table: RuleCases = {
  code: 'unpublished-model',
  trigger: [
    { name: 'an init container image', text: `modelGroups:\n  g:\n    initContainers:\n      - name: w\n        image: ${BH}:dw-gemma-3-12b-it # expect\n` },
    { name: 'an image volume, quoted, in a disabled group', text: `modelGroups:\n  g:\n    enabled: false\n    volumes:\n      - name: w\n        image:\n          reference: "${BH}:qwen3-vl-30b-a3b-instruct-fp8" # expect\n` },
    { name: 'a Pre-Porter name', text: `imageRegistry: ${BH}\nimages:\n  - name: dw-gemma-3-12b-it # expect\n    enabled: true\n` },
    { name: 'a listed mirror', settings: { registries: ['mirror.example.com/bh'] }, text: `modelGroups:\n  g:\n    initContainers: [{name: w, image: 'mirror.example.com/bh:dw-gemma-3-12b-it'}] # expect\n` },
    { name: 'two uses, two findings', text: `modelGroups:\n  a:\n    initContainers:\n      - image: ${BH}:dw-gemma-3-12b-it # expect\n  b:\n    initContainers:\n      - image: ${BH}:dw-gemma-3-12b-it # expect\n` },
    { name: 'pinned with a digest as well', text: `modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:dw-gemma-3-12b-it@sha256:${'0'.repeat(64)} # expect\n` },
  ],
  silent: [
    { name: 'a published tag', text: `modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:qwen-3-8b\n` },
    { name: 'an unknown tag is unknown-model', text: `modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:dw-gemma-3-12b\n` },
    { name: 'another registry with the same tag', text: `modelGroups:\n  g:\n    initContainers:\n      - image: docker.io/someone/models:dw-gemma-3-12b-it\n` },
    { name: 'a Pre-Porter name under a private registry', text: `imageRegistry: harbor.internal/ml\nimages:\n  - name: dw-gemma-3-12b-it\n` },
    { name: 'a mirror that is not listed', text: `modelGroups:\n  g:\n    initContainers:\n      - image: mirror.example.com/bh:dw-gemma-3-12b-it\n` },
    { name: 'a file of neither chart', text: `services:\n  web:\n    image: ${BH}:dw-gemma-3-12b-it\n` },
  ],
};

function linesWithCode(text: string, settings: RuleCases['settings'], catalogue: Catalogue) {
  const findings = new Engine(settings ?? {}, catalogue).analyze({ path: '/work/values.yaml', text }).findings;
  const lines = new LineIndex(text);
  return findings.filter((f) => f.code === table.code).map((f) => lines.positionAt(f.range.start).line);
}

describe('unpublished-model', () => {
  it('has at least 5 triggering and 5 silent cases', () => {
    assert.ok(table.trigger.length >= 5 && table.silent.length >= 5);
  });
  for (const c of table.trigger) {
    it(`fires: ${c.name}`, () => {
      const expected = c.text.split('\n').flatMap((line, i) => (line.includes('# expect') ? [i] : []));
      assert.deepEqual(linesWithCode(c.text, c.settings, catalogueWithAnswers()), expected);
    });
  }
  for (const c of table.silent) {
    it(`stays silent: ${c.name}`, () => assert.deepEqual(linesWithCode(c.text, c.settings, catalogueWithAnswers()), []));
  }
  it('stays silent without registry answers (the bundled snapshot)', () => {
    assert.deepEqual(linesWithCode(table.trigger[0].text, {}, bundledCatalogue()), []);
  });
});
