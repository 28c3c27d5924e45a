// Snippets: every snippet of snippets/bit-harbor.json, expanded as an editor expands it when each
// tab stop keeps its default (mirrors repeat it), lints with no finding inside a minimal file of
// its chart; so does every item the server's completion offers; and the server offers them where
// they fit, and nowhere else (`|` marks the caret). Hosts and snippet bodies share one
// convention: a tab per indentation level, so both are checked with 2 and with 4 spaces.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundledCatalogue, Catalogue } from '../../server/src/engine/catalogue/catalogue';
import { bundledSnippets, completeSnippets, SNIPPET_PREFIX, snippetTags, type SnippetCompletion } from '../../server/src/engine/completion/snippets';
import { expandSnippet, parseSnippet, renderSnippet } from '../../server/src/engine/completion/snippet-syntax';
import { Engine } from '../../server/src/engine/engine';
import { ceilGi } from '../../server/src/engine/quantity';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const CATALOGUE = bundledCatalogue();
const ENGINE = new Engine();
const PATH = '/work/values.yaml';
const UNITS = [2, 4];

/** Tab-indented text (hosts, snippet expansions) with `unit` spaces per tab. */
const spaces = (text: string, unit: number) => text.replace(/^[\t ]+/gm, (ws) => ws.replace(/\t/g, ' '.repeat(unit)));

/** `snippet` (tab-indented, one line or many) put where `|` is in `host`, lines after the first at the caret's column. */
function insertAt(host: string, snippet: string, unit: number): string {
  const { text, carets } = mark(spaces(host, unit));
  const column = carets[0] - (text.lastIndexOf('\n', carets[0] - 1) + 1);
  const placed = spaces(snippet, unit).split('\n').map((line, i) => (i === 0 ? line : ' '.repeat(column) + line)).join('\n');
  return text.slice(0, carets[0]) + placed + text.slice(carets[0]);
}

function findings(text: string, engine = ENGINE): string[] {
  return engine.analyze({ path: PATH, text }).findings.map((f) => `${f.code}: ${f.message}`);
}

const GROUP = `modelGroups:
\tllama-8b:
\t\tenabled: true
\t\timage:
\t\t\trepository: vllm/vllm-openai
\t\t\ttag: "v0.8.5"
\t\tmodelAlias: [llama-3.1-8b-instruct]
\t\tmodelName: llama-3.1-8b-instruct
\t\tservice:
\t\t\tport: 8000
\t\tcontainerPort: 8000
\t\tresources:
\t\t\tlimits:
\t\t\t\tnvidia.com/gpu: 1
`;
const TARGETING = `\t\tnodeSelector:
\t\t\tnvidia.com/gpu.present: "true"
\t\ttolerations:
\t\t\t- {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
`;
const PRE_PORTER = `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
\t- name: llama-3.1-8b-instruct
\t  enabled: true
advancedCronJob:
\tenabled: true
`;

/** A file of the snippet's chart, `|` where it goes, lint-clean once it is there. */
const HOSTS: Record<string, string> = {
  [SNIPPET_PREFIX.zeroCopyGroup]: 'modelGroups:\n\t|\n',
  [SNIPPET_PREFIX.copyGroup]: 'modelGroups:\n\t|\n',
  // A copy recipe whose init container is missing: the emptyDir is empty when vLLM starts.
  [SNIPPET_PREFIX.copyInitContainer]: `${GROUP}\t\tcommand: [vllm, serve, /models, --served-model-name, llama-3.1-8b-instruct]
\t\tinitContainers:
\t\t\t|
\t\tvolumes:
\t\t\t- name: bit-harbor
\t\t\t  image:
\t\t\t  \treference: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct
\t\t\t- name: weights
\t\t\t  emptyDir:
\t\t\t  \tsizeLimit: 17Gi
\t\tvolumeMounts:
\t\t\t- {name: weights, mountPath: /models}
${TARGETING}`,
  [SNIPPET_PREFIX.gpuTargeting]: `${GROUP}\t\tcommand: [vllm, serve, /models/llama, --served-model-name, llama-3.1-8b-instruct]
\t\tvolumes:
\t\t\t- name: weights
\t\t\t  image: {reference: "ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct"}
\t\tvolumeMounts:
\t\t\t- {name: weights, mountPath: /models/llama, subPath: models, readOnly: true}
\t\t|
`,
  // GPU nodes selected and their taint tolerated: a BroadcastJob that does not tolerate it pre-pulls nothing.
  [SNIPPET_PREFIX.prePorterImage]: 'imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages:\n\t|\nglobalNodeSelector:\n\tnvidia.com/gpu.present: "true"\nglobalTolerations:\n\t- {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\nadvancedCronJob:\n\tenabled: true\n',
  [SNIPPET_PREFIX.prePorterGpuTargeting]: `${PRE_PORTER}|\n`,
  [SNIPPET_PREFIX.prePorterValues]: '|',
};

describe('snippets/bit-harbor.json', () => {
  const snippets = bundledSnippets();

  it('offers the catalogue\'s tags as the choice of every model tag', () => {
    const tags = snippetTags(CATALOGUE).map((entry) => entry.name);
    assert.equal(tags.length, CATALOGUE.entries().length, 'every bundled tag can be written in a snippet');
    for (const snippet of snippets) {
      for (const token of snippet.tokens) {
        if (token.kind === 'choice') assert.deepEqual(token.options, tags, `${snippet.name}: the choice is the bundled snapshot's tags (regenerate it when the snapshot changes)`);
      }
    }
    const withTag = snippets.filter((s) => s.tokens.some((t) => t.kind === 'choice')).map((s) => s.prefix);
    assert.deepEqual(withTag, [SNIPPET_PREFIX.zeroCopyGroup, SNIPPET_PREFIX.copyGroup, SNIPPET_PREFIX.prePorterImage, SNIPPET_PREFIX.prePorterValues]);
  });

  it('has a host for every snippet, and every host has the finding its snippet removes', () => {
    assert.deepEqual(snippets.map((s) => s.prefix).sort(), Object.values(SNIPPET_PREFIX).sort());
    assert.ok(findings(insertAt(HOSTS[SNIPPET_PREFIX.copyInitContainer], '', 2)).some((f) => f.startsWith('model-path-mismatch')));
    assert.ok(findings(insertAt(HOSTS[SNIPPET_PREFIX.gpuTargeting], '', 2)).some((f) => f.startsWith('gpu-targeting-missing')));
    assert.ok(findings(insertAt(HOSTS[SNIPPET_PREFIX.prePorterGpuTargeting], '', 2)).some((f) => f.startsWith('gpu-targeting-missing')));
  });

  for (const unit of UNITS) {
    it(`expands every snippet to a file that lints clean (${unit} spaces)`, () => {
      for (const snippet of snippets) {
        const text = insertAt(HOSTS[snippet.prefix], expandSnippet(snippet.tokens), unit);
        assert.ok(!/\$\{?\d/.test(text), `${snippet.name}: no tab stop is left`);
        assert.deepEqual(findings(text), [], `${snippet.name} in:\n${text}`);
      }
    });
  }

  it('lints clean with every tag of the zero-copy group, mirrored wherever the tag appears', () => {
    const group = bundledSnippets().find((s) => s.prefix === SNIPPET_PREFIX.zeroCopyGroup)!;
    for (const tag of snippetTags(CATALOGUE).map((entry) => entry.name)) {
      const tokens = group.tokens.map((t) => (t.kind === 'choice' ? { ...t, options: [tag] } : t));
      const text = insertAt(HOSTS[group.prefix], expandSnippet(tokens), 2);
      assert.deepEqual(findings(text), [], text);
      for (const line of [`- ${tag}`, `modelName: ${tag}`, `- /models/${tag}`, `reference: ghcr.io/doublewordai/bit-harbor:${tag}`, `mountPath: /models/${tag}`]) {
        assert.ok(text.includes(line), `${line} in the ${tag} group`);
      }
    }
  });
});

describe('snippet syntax', () => {
  it('expands defaults and first choices, mirrors included, and renders back what it parsed', () => {
    const body = '${1:name}: ${2|a,b\\,c|} $2 ${1} \\$HOME \\} $0';
    const tokens = parseSnippet(body);
    assert.equal(expandSnippet(tokens), 'name: a a name $HOME } ');
    assert.deepEqual(parseSnippet(renderSnippet(tokens)), tokens);
    assert.deepEqual(parseSnippet('${1|x,b\\,c|}')[0], { kind: 'choice', index: 1, options: ['x', 'b,c'] });
  });

  it('refuses what snippets/bit-harbor.json must not use: variables and nested placeholders', () => {
    assert.throws(() => parseSnippet('$TM_FILENAME'));
    assert.throws(() => parseSnippet('${1:outer ${2:inner}}'));
  });
});

function complete(source: string, options: { settings?: Partial<EngineSettings>; catalogue?: Catalogue; path?: string } = {}) {
  const { text, carets } = mark(source);
  const items = completeSnippets(text, carets[0], options.catalogue ?? CATALOGUE, { ...DEFAULT_SETTINGS, ...options.settings }, options.path ?? PATH);
  /** The file once the item is inserted and every tab stop kept at its default. */
  const apply = (item: SnippetCompletion) => text.slice(0, item.edit.range.start) + expandSnippet(parseSnippet(item.edit.newText)) + text.slice(item.edit.range.end);
  /** Which snippets are offered: each item's prefix, once. */
  const offered = [...new Set(items.map((item) => item.filterText.split(' ')[0]))];
  return { text, caret: carets[0], items, apply, offered };
}

describe('snippet completion: where', () => {
  const group = 'modelGroups:\n  llama:\n    enabled: false\n';
  const prePorter = 'imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages:\n  - name: llama-3.1-8b-instruct\n';
  const cases: { name: string; source: string; offered: string[]; path?: string; settings?: Partial<EngineSettings> }[] = [
    { name: 'in an empty modelGroups', source: 'modelGroups:\n  |', offered: [SNIPPET_PREFIX.zeroCopyGroup, SNIPPET_PREFIX.copyGroup] },
    { name: 'beside a group, after a word typed', source: `${group}  bit|\n`, offered: [SNIPPET_PREFIX.zeroCopyGroup, SNIPPET_PREFIX.copyGroup] },
    { name: 'among a group\'s keys', source: `${group}    |\n`, offered: [SNIPPET_PREFIX.gpuTargeting] },
    { name: 'in a group that has a nodeSelector', source: `${group}    nodeSelector: {}\n    |\n`, offered: [] },
    { name: 'after `- ` in initContainers', source: `${group}    initContainers:\n      - |\n`, offered: [SNIPPET_PREFIX.copyInitContainer] },
    { name: 'at the dash column of initContainers', source: `${group}    initContainers:\n      - name: x\n        image: busybox\n      |\n`, offered: [SNIPPET_PREFIX.copyInitContainer] },
    { name: 'after `- ` in images', source: `${prePorter}  - |\n`, offered: [SNIPPET_PREFIX.prePorterImage] },
    { name: 'at the dash column of images', source: `${prePorter}  |\n`, offered: [SNIPPET_PREFIX.prePorterImage] },
    { name: 'at Pre-Porter\'s top level', source: `${prePorter}|\n`, offered: [SNIPPET_PREFIX.prePorterGpuTargeting] },
    { name: 'at Pre-Porter\'s top level with globalNodeSelector', source: `${prePorter}globalNodeSelector: {}\n|\n`, offered: [] },
    { name: 'in an empty file', source: '|', offered: ['inference-stack-values', SNIPPET_PREFIX.prePorterValues] },
    { name: 'under a Pre-Porter modeline and comments', source: '# bit-harbor-values: chart=pre-porter\n# cache\n\n|', offered: [SNIPPET_PREFIX.prePorterValues] },
    { name: 'in an empty Inference Stack file by glob', source: '|', path: '/w/inference/values.yaml', settings: { files: { inferenceStack: ['**/inference/*.yaml'], prePorter: [] } }, offered: ['inference-stack-values'] },
    { name: 'in a value', source: `${group}    image: |\n`, offered: [] },
    { name: 'in a comment', source: `${group}    # |\n`, offered: [] },
    { name: 'with text after the caret', source: 'modelGroups:\n  |llama: {}\n', offered: [] },
    { name: 'in a flow map', source: 'modelGroups: {|}\n', offered: [] },
    { name: 'at a column no key has', source: `${group}      |\n`, offered: [] },
    { name: 'among an image entry\'s keys', source: `${prePorter}    |\n`, offered: [] },
    { name: 'in a file of neither chart', source: 'services:\n  web:\n    |\n', offered: [] },
    { name: 'on an indented line of an empty file', source: '  |', offered: [] },
  ];
  for (const c of cases) {
    it(`${c.offered.length > 0 ? 'offers' : 'offers nothing'} ${c.name}`, () => {
      assert.deepEqual(complete(c.source, { path: c.path, settings: c.settings }).offered, c.offered);
    });
  }

  it('replaces the word typed, and a list item\'s dash when it is typed already', () => {
    const typed = complete(`${group}  bit|\n`);
    assert.deepEqual(typed.items[0].edit.range, { start: typed.caret - 3, end: typed.caret });
    const [afterDash] = complete(`${group}    initContainers:\n      - |\n`).items;
    assert.match(afterDash.edit.newText, /^name: copy-weights\n {8}image: busybox:1\.37\.0\n/);
    const [atDash] = complete(`${group}    initContainers:\n      - name: x\n        image: busybox\n      |\n`).items;
    assert.match(atDash.edit.newText, /^- name: copy-weights\n {8}image: busybox:1\.37\.0\n/);
  });
});

describe('snippet completion: the copy init container and the group\'s volumes', () => {
  // A writable-copy group without its copier yet: a Bit Harbor image volume and an emptyDir.
  const group = (volumes: string) => `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: [vllm, serve, /models, --served-model-name, llama-3.1-8b-instruct]
    volumeMounts:
      - {name: scratch, mountPath: /models}
${volumes}    initContainers:
      - |
`;
  const volumes = `    volumes:
      - name: scratch
        emptyDir: {sizeLimit: 30Gi}
      - name: llama-weights
        image: {reference: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct}
`;

  it('mounts the group\'s own image volume and emptyDir, so inserting it leaves no volume-not-found', () => {
    const { items, apply } = complete(group(volumes));
    assert.equal(items.length, 1);
    assert.match(items[0].edit.newText, /- name: \$\{1:llama-weights\}[^]*- name: \$\{2:scratch\}/);
    const codes = findings(apply(items[0])).map((finding) => finding.split(':')[0]);
    assert.ok(!codes.includes('volume-not-found'), codes.join(', '));
  });

  it('keeps the snippet\'s own names where the group has no such volume', () => {
    const { items } = complete(group(''));
    assert.match(items[0].edit.newText, /- name: \$\{1:bit-harbor\}[^]*- name: \$\{2:weights\}/);
  });
});

describe('snippet completion: items lint clean', () => {
  const sized = snippetTags(CATALOGUE).filter((entry) => CATALOGUE.sizeOf(entry.name));

  it('offers the zero-copy group and a writable copy per model of known size, each lint-clean, sizeLimit tight', () => {
    const { items, apply } = complete('modelGroups:\n  |');
    assert.equal(items.length, 1 + sized.length);
    assert.deepEqual(findings(apply(items[0])), []);
    for (const [index, entry] of sized.entries()) {
      const item = items[index + 1];
      const limit = ceilGi((CATALOGUE.sizeOf(entry.name)!.bytes * 110) / 100);
      const text = apply(item);
      assert.ok(text.includes(`sizeLimit: ${limit}\n`) && text.includes(`reference: ghcr.io/doublewordai/bit-harbor:${entry.name}\n`), item.label);
      assert.deepEqual(findings(text), [], text);
      const smaller = text.replace(`sizeLimit: ${limit}`, `sizeLimit: ${Number.parseInt(limit, 10) - 1}Gi`);
      assert.ok(findings(smaller).some((f) => f.startsWith('size-limit-too-small')), `${limit} is the least for ${entry.name}`);
    }
  });

  it('names a group so that it does not collide with one the file has', () => {
    const { items, apply } = complete('modelGroups:\n  my-model:\n    enabled: false\n  llama-3-1-8b-instruct:\n    enabled: false\n  |\n');
    const copy = items.find((item) => item.label.endsWith('· llama-3.1-8b-instruct'))!;
    assert.match(items[0].edit.newText, /^\$\{1:my-model-2\}:/);
    assert.match(copy.edit.newText, /^\$\{1:llama-3-1-8b-instruct-2\}:/);
    for (const item of [items[0], copy]) assert.deepEqual(findings(apply(item)), []);
  });

  it('sizes the copy with the configured headroom and uses the configured copy image', () => {
    const settings = { sizeHeadroomPercent: 50, copyImage: 'registry.internal/busybox:1.37.0' };
    const { items, apply } = complete('modelGroups:\n  |', { settings });
    const engine = new Engine(settings);
    for (const item of items.slice(1)) {
      assert.match(item.edit.newText, /image: registry\.internal\/busybox:1\.37\.0\n/);
      assert.deepEqual(findings(apply(item), engine), []);
    }
  });

  it('offers the tags of the current catalogue that a snippet can write and that lint clean', () => {
    // `on` and `1.0` are not strings to YAML, `a/b` is no tag, `gone` is unpublished.
    const unusable = ['on', '1.0', 'a/b', 'gone'];
    const catalogue = new Catalogue({
      models: ['my-model-7b', ...unusable].map((name) => ({ name, repo: `https://huggingface.co/me/${name}` })),
      sizes: Object.fromEntries(['my-model-7b', ...unusable].map((name) => [name, { bytes: 14e9, source: 'setting' as const }])),
      origin: { kind: 'file' },
      unpublished: ['gone'],
    });
    const { items, apply } = complete('modelGroups:\n  |', { catalogue });
    assert.equal(items.length, 2);
    assert.match(items[0].edit.newText, /\$\{2\|my-model-7b\|\}/);
    for (const item of items) assert.deepEqual(findings(apply(item), new Engine({}, catalogue)), []);
  });

  for (const unit of UNITS) {
    it(`lays every item out in the file's indentation (${unit} spaces)`, () => {
      const i = (levels: number) => ' '.repeat(unit * levels);
      const host = (caret: string) => `modelGroups:\n${i(1)}llama:\n${i(2)}enabled: false\n${caret}`;
      const groups = complete(host(`${i(1)}|`));
      assert.ok(groups.items[0].edit.newText.startsWith(`\${1:my-model}:\n${i(2)}enabled: true\n${i(2)}image:\n${i(3)}repository:`));
      for (const item of groups.items) assert.deepEqual(findings(groups.apply(item)), [], item.label);
      const targeting = complete(host(`${i(2)}|`));
      assert.equal(targeting.items[0].edit.newText, `nodeSelector:\n${i(3)}nvidia.com/gpu.present: "true"\n${i(2)}tolerations:\n${i(3)}- key: nvidia.com/gpu\n${i(3)}  operator: Exists\n${i(3)}  effect: NoSchedule`);
      const images = `imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages:\n${i(1)}- name: llama-3.1-8b-instruct\n${i(1)}  enabled: true\n${i(1)}|\n`
        + `globalNodeSelector:\n${i(1)}nvidia.com/gpu.present: "true"\nglobalTolerations:\n${i(1)}- {key: nvidia.com/gpu, operator: Exists}\nadvancedCronJob:\n${i(1)}enabled: true\n`;
      for (const source of [images, '|']) {
        const { items, apply } = complete(source);
        assert.ok(items.length > 0);
        for (const item of items) assert.deepEqual(findings(apply(item)), [], `${item.label}:\n${apply(item)}`);
      }
    });
  }

  it('keeps the file\'s CRLF line ends', () => {
    const { items, apply } = complete('modelGroups:\r\n  |');
    assert.ok(items[0].edit.newText.includes('\r\n') && !/[^\r]\n/.test(items[0].edit.newText));
    assert.deepEqual(findings(apply(items[0])), []);
  });
});
