// Completion of Bit Harbor tags at caret positions (`|`), against the bundled catalogue unless a
// test hands in its own. Each test applies the item's edit, as an editor would, and checks the
// resulting line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledCatalogue, Catalogue } from '../../server/src/engine/catalogue/catalogue';
import { completeImageTags, type TagCompletion } from '../../server/src/engine/completion/image-tags';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();
const TAG_COUNT = CATALOGUE.entries().length;

function complete(source: string, options: { settings?: Partial<EngineSettings>; catalogue?: Catalogue; path?: string } = {}) {
  const { text, carets } = mark(source);
  assert.equal(carets.length, 1, 'one caret per case');
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const items = completeImageTags(text, carets[0], options.catalogue ?? CATALOGUE, settings, options.path);
  /** The caret's line after applying `item`, as an editor would. */
  const lineAfter = (item: TagCompletion): string => {
    const edited = text.slice(0, item.edit.range.start) + item.edit.newText + text.slice(item.edit.range.end);
    const lineStart = edited.lastIndexOf('\n', item.edit.range.start - 1) + 1;
    const lineEnd = edited.indexOf('\n', item.edit.range.start);
    return edited.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  };
  const find = (tag: string): TagCompletion => {
    const item = items.find((candidate) => candidate.tag === tag);
    assert.ok(item, `an item for ${tag} among ${items.map((i) => i.label).join(', ')}`);
    return item;
  };
  return { text, caret: carets[0], items, lineAfter, find };
}

const inInitContainer = (value: string): string => `modelGroups:
  llama:
    enabled: true
    initContainers:
      - name: weights
        image: ${value}
        volumeMounts: []
`;

describe('tags after the registry', () => {
  it('lists every catalogue tag after `bit-harbor:`, each with its size', () => {
    const { items, caret, lineAfter, find } = complete(inInitContainer(`${BH}:|`));
    assert.equal(items.length, TAG_COUNT);
    assert.deepEqual(items.map((item) => item.label), CATALOGUE.entries().map((entry) => entry.name));
    for (const item of items) assert.deepEqual(item.edit.range, { start: caret, end: caret });
    const llama = find('llama-3.1-8b-instruct');
    assert.equal(llama.detail, 'meta-llama/Llama-3.1-8B-Instruct · 15.0 GiB (measured)');
    assert.match(llama.documentation, /\[meta-llama\/Llama-3\.1-8B-Instruct\]\(https:\/\/huggingface\.co\/meta-llama\/Llama-3\.1-8B-Instruct\)/);
    assert.equal(find('dw-gemma-3-12b-it').detail, 'Doubleword/gemma-3-12b-it · size unknown');
    assert.equal(lineAfter(llama), `        image: ${BH}:llama-3.1-8b-instruct`);
  });

  it('replaces exactly the partial tag typed so far', () => {
    const { find, lineAfter, caret } = complete(inInitContainer(`${BH}:llama-3.1|`));
    const item = find('llama-3.1-8b-instruct');
    assert.deepEqual(item.edit.range, { start: caret - 'llama-3.1'.length, end: caret });
    assert.equal(lineAfter(item), `        image: ${BH}:llama-3.1-8b-instruct`);
  });

  it('works inside double quotes', () => {
    const { find, lineAfter } = complete(inInitContainer(`"${BH}:qw|"`));
    assert.equal(lineAfter(find('qwen-3-8b')), `        image: "${BH}:qwen-3-8b"`);
  });

  it('works inside single quotes', () => {
    const { find, lineAfter } = complete(inInitContainer(`'${BH}:|'`));
    assert.equal(lineAfter(find('gemma-3-4b-it')), `        image: '${BH}:gemma-3-4b-it'`);
  });

  it('works in flow style', () => {
    const { items, find, lineAfter } = complete(`modelGroups:\n  g:\n    initContainers: [{name: w, image: ${BH}:q|}]\n`);
    assert.equal(items.length, TAG_COUNT);
    assert.equal(lineAfter(find('qwen-3-14b')), `    initContainers: [{name: w, image: ${BH}:qwen-3-14b}]`);
  });

  it('works in an image volume reference', () => {
    const { items, find, lineAfter } = complete(`modelGroups:
  g:
    volumes:
      - name: weights
        image:
          reference: ${BH}:|
          pullPolicy: IfNotPresent
`);
    assert.equal(items.length, TAG_COUNT);
    assert.equal(lineAfter(find('qwen-3-8b')), `          reference: ${BH}:qwen-3-8b`);
  });

  it('works after a mirror listed in bitHarbor.registries', () => {
    const { items } = complete(inInitContainer('registry.example.com/bh:|'), { settings: { registries: ['registry.example.com/bh'] } });
    assert.equal(items.length, TAG_COUNT);
    assert.ok(items.every((item) => item.label === item.tag));
  });

  it('still completes when the file has syntax errors elsewhere', () => {
    const { items } = complete(`modelGroups:\n  broken: [unclosed\n  g:\n    initContainers:\n      - image: ${BH}:|\n  other: {a: \n`);
    assert.equal(items.length, TAG_COUNT);
  });

  it('works with CRLF line endings and in the second YAML document', () => {
    const { items, find, lineAfter } = complete(`a: 1\r\n---\r\nmodelGroups:\r\n  g:\r\n    initContainers:\r\n      - image: ${BH}:ll|\r\n`);
    assert.equal(items.length, TAG_COUNT);
    assert.equal(lineAfter(find('llama-3.2-1b-instruct')), `      - image: ${BH}:llama-3.2-1b-instruct\r`);
  });
});

describe('full references', () => {
  it('offers full references on an empty image value', () => {
    const { items, find, lineAfter, caret } = complete(inInitContainer('|'));
    assert.equal(items.length, TAG_COUNT);
    const item = find('qwen-3-8b');
    assert.equal(item.label, `${BH}:qwen-3-8b`);
    assert.deepEqual(item.edit.range, { start: caret, end: caret });
    assert.equal(lineAfter(item), `        image: ${BH}:qwen-3-8b`);
  });

  it('offers full references between empty quotes', () => {
    const { find, lineAfter } = complete(inInitContainer('"|"'));
    assert.equal(lineAfter(find('qwen-3-8b')), `        image: "${BH}:qwen-3-8b"`);
  });

  it('completes the registry from `ghcr`', () => {
    const { find, lineAfter } = complete(inInitContainer('ghcr|'));
    const item = find('qwen-3-8b');
    assert.equal(item.filterText, `${BH}:qwen-3-8b`);
    assert.equal(lineAfter(item), `        image: ${BH}:qwen-3-8b`);
  });

  it('completes the registry from `bit-harbor`, filtering from there', () => {
    const { items, find, lineAfter } = complete(inInitContainer('bit-harbor|'));
    assert.equal(items.length, TAG_COUNT);
    const item = find('llama-3.1-8b-instruct');
    assert.equal(item.filterText, 'bit-harbor:llama-3.1-8b-instruct');
    assert.equal(lineAfter(item), `        image: ${BH}:llama-3.1-8b-instruct`);
  });
});

describe('Pre-Porter names', () => {
  const prePorter = (name: string): string => `imageRegistry: ${BH}\nimages:\n  - name: ${name}\n    enabled: true\n`;

  it('offers bare tags on an empty name', () => {
    const { items, find, lineAfter } = complete(prePorter('|'));
    assert.equal(items.length, TAG_COUNT);
    assert.equal(lineAfter(find('qwen-3-8b')), '  - name: qwen-3-8b');
  });

  it('replaces a partial name in quotes', () => {
    const { find, lineAfter } = complete(prePorter('"gem|"'));
    assert.equal(lineAfter(find('gemma-3-12b-it')), '  - name: "gemma-3-12b-it"');
  });

  it('completes in a file that globs make Pre-Porter', () => {
    const { items } = complete('images:\n  - name: |\n', { settings: { files: { inferenceStack: [], prePorter: ['**/pp/*.yaml'] } }, path: '/w/pp/values.yaml' });
    assert.equal(items.length, TAG_COUNT);
  });
});

describe('places where no tag goes', () => {
  const none = (source: string): void => assert.deepEqual(complete(source).items, [], source);

  it('offers nothing outside tag values', () => {
    none(inInitContainer('busybox:|'));
    none(`modelGroups:\n  g:\n    initContainers:\n      - name: |\n`);
    none(`modelGroups:\n  g:\n    initContainers:\n      - ima|ge: ${BH}:x\n`);
    none(`modelGroups:\n  g:\n    initContainers:\n      - image: ${BH}:x # a comment |\n`);
    none(`modelGroups:\n  g:\n    initContainers:\n      - image:|\n`);
    none(`imageRegistry: ${BH}\nimages: []\nserviceAccount:\n  name: |\n`);
  });

  it('offers nothing in files of neither chart (docker-compose, kustomization)', () => {
    none(`services:\n  web:\n    image: ${BH}:|\n`);
    none('images:\n  - name: |\n    newTag: v1\n');
  });
});

describe('catalogue strings are escaped', () => {
  it('a hostile repository or size note cannot inject a link', () => {
    const hostile = new Catalogue({
      models: [{ name: 'evil', repo: 'https://example.com/[click](command:workbench.action.terminal.new)' }],
      sizes: { evil: { bytes: 2 ** 30, source: 'setting', detail: '[x](command:rm) <img src=x>' } },
      origin: { kind: 'file', location: '/tmp/models.json' },
    });
    const { items } = complete(inInitContainer(`${BH}:|`), { catalogue: hostile });
    assert.equal(items.length, 1);
    const doc = items[0].documentation;
    assert.doesNotMatch(doc, /\]\(command:/);
    assert.doesNotMatch(doc, /(^|[^\\])<img/);
    assert.doesNotMatch(doc, /(^|[^\\])\[/, 'every [ is escaped');
  });
});
