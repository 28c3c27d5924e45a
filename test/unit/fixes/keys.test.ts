// Fixes for what the schema and the legacy table find: did-you-means for unknown keys and enum
// values (quotes kept), and the old `image: <string>` + `tag:` moved into `image: {repository, tag}`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import { runFixCases, type FixCase } from '../../support/fix-cases';

const PRE_PORTER = 'imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages: []\nadvancedCronJob:\n  enabled: true\n';
const key = (from: string, to: string) => ({ code: 'unknown-key', title: `Change to \`${to}\``, kind: 'quickfix', preferred: true, which: (f: { data?: Record<string, unknown> }) => f.data?.key === from }) as const;
const value = (to: string) => ({ code: 'bad-value', title: `Change to \`${to}\``, kind: 'quickfix', preferred: true }) as const;
const legacy = { code: 'legacy-key', kind: 'quickfix', safe: false } as const;
const TO_MAP = 'Use `image: {repository, tag}`';

const cases: FixCase[] = [
  {
    ...key('sizelimit', 'sizeLimit'), safe: true,
    name: 'unknown-key: a case slip in a flow map, one suggestion: safe',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: [{name: x, emptyDir: {sizelimit: 1Gi}}]\n    volumeMounts: [{name: x, mountPath: /x}]\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: [{name: x, emptyDir: {sizeLimit: 1Gi}}]\n    volumeMounts: [{name: x, mountPath: /x}]\n',
  },
  {
    ...key('initContainer', 'initContainers'), safe: true,
    name: 'unknown-key: a block key with a comment, 4 spaces',
    text: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n        initContainer: # setup\n            - {name: setup, image: busybox:1.37.0}\n',
    expected: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n        initContainers: # setup\n            - {name: setup, image: busybox:1.37.0}\n',
  },
  {
    ...key('replicaCont', 'replicaCount'), safe: true,
    name: 'unknown-key: a quoted key stays quoted',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    "replicaCont": 2 # two pods\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    "replicaCount": 2 # two pods\n',
  },
  {
    ...value('ClusterIP'), safe: true,
    name: 'bad-value: a plain enum value in a flow map',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    service: {type: clusterip, port: 8000}\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    service: {type: ClusterIP, port: 8000}\n',
  },
  {
    ...value('Always'), safe: true,
    name: 'bad-value: a double-quoted value keeps its quotes and comment',
    text: PRE_PORTER.replace('images: []', 'images:\n  - name: gemma-3-12b-it\n    enabled: true\n    pullPolicy: "Allways" # every run'),
    expected: PRE_PORTER.replace('images: []', 'images:\n  - name: gemma-3-12b-it\n    enabled: true\n    pullPolicy: "Always" # every run'),
    settings: { rules: { 'gpu-targeting-missing': 'off', 'prepulled-unused': 'off' } },
  },
  {
    ...value('Forbid'), safe: true,
    name: 'bad-value: 4 spaces, single quotes',
    text: "imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages: []\nadvancedCronJob:\n    enabled: true\n    concurrencyPolicy: 'forbid'\n",
    expected: "imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages: []\nadvancedCronJob:\n    enabled: true\n    concurrencyPolicy: 'Forbid'\n",
  },
  {
    ...legacy, title: TO_MAP, preferred: true,
    name: 'legacy-key: image string and tag beside it, block, comments kept on the image line',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image: vllm/vllm-openai   # old form\n    tag: "v0.8.5"\n    replicaCount: 1\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image:   # old form\n      repository: vllm/vllm-openai\n      tag: "v0.8.5"\n    replicaCount: 1\n',
    which: (f) => f.data?.key === 'tag',
  },
  {
    ...legacy, title: TO_MAP,
    name: 'legacy-key: a flow group stays flow',
    text: 'modelGroups:\n  vllm-gemma: {enabled: true, image: vllm/vllm-openai, tag: v0.8.5, replicaCount: 1}\n',
    expected: 'modelGroups:\n  vllm-gemma: {enabled: true, image: {repository: vllm/vllm-openai, tag: v0.8.5}, replicaCount: 1}\n',
  },
  {
    ...legacy, title: TO_MAP,
    name: 'legacy-key: a tag inside the string is split off, quotes kept, 4 spaces',
    text: 'modelGroups:\n    sglang-qwen:\n        enabled: true\n        image: "lmsysorg/sglang:v0.4.6"\n',
    expected: 'modelGroups:\n    sglang-qwen:\n        enabled: true\n        image:\n            repository: "lmsysorg/sglang"\n            tag: "v0.4.6"\n',
  },
  {
    ...legacy, title: 'Move `tag` to `image.tag`',
    name: 'legacy-key: a tag beside an image map moves into it',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    tag: "0.8" # the engine version\n    image:\n      repository: vllm/vllm-openai # upstream\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image:\n      repository: vllm/vllm-openai # upstream\n      tag: "0.8"\n',
    dropped: ['# the engine version'],
  },
  {
    ...legacy, title: 'Remove the ignored `tag` (`image.tag` is set)',
    name: 'legacy-key: a tag beside an image.tag is removed',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image: {repository: vllm/vllm-openai, tag: v0.9.0}\n    tag: v0.8.5\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image: {repository: vllm/vllm-openai, tag: v0.9.0}\n',
  },
  {
    ...legacy, title: 'Remove `kruise`',
    name: 'legacy-key: Pre-Porter 1.1 dropped the kruise subchart',
    text: PRE_PORTER + 'kruise:\n  enabled: true # the subchart\n',
    expected: PRE_PORTER,
    dropped: ['# the subchart'],
  },
];

runFixCases('keys', cases);

test('unknown-key: several suggestions are not safe; one the map already has is not offered', () => {
  const engine = new Engine();
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    enabeld: true\n    volume: []\n';
  const findings = engine.analyze({ path: '/v.yaml', text }).findings.filter((f) => f.code === 'unknown-key');
  const typo = findings.find((f) => f.data?.key === 'enabeld')!;
  assert.deepEqual(typo.data?.suggestions, ['enabled']);
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text }, null, [typo]), []);
  const volume = findings.find((f) => f.data?.key === 'volume')!;
  const two = { ...volume, data: { ...volume.data, suggestions: ['volumes', 'volumeMounts'] } };
  const fixes = engine.codeActions({ path: '/v.yaml', text }, null, [two]);
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.isPreferred, fix.safe]), [['Change to `volumes`', true, false], ['Change to `volumeMounts`', false, false]]);
});

test('bad-value: a modeline naming an unknown chart is fixed in its comment, never safely', () => {
  const engine = new Engine();
  const text = '# bit-harbor-values: chart=inference-stak\nonwards: {}\n';
  const finding = engine.analyze({ path: '/v.yaml', text }).findings.find((f) => f.code === 'bad-value')!;
  const fixes = engine.codeActions({ path: '/v.yaml', text }, null, [finding]);
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.safe]), [['Change to `inference-stack`', false], ['Change to `pre-porter`', false]]);
  assert.equal(applyEdits(text, fixes[0].edits), '# bit-harbor-values: chart=inference-stack\nonwards: {}\n');
});

test('legacy-key: daemonSet gets no automatic fix', () => {
  const engine = new Engine();
  const text = PRE_PORTER + 'daemonSet:\n  restartPolicy: OnFailure\n';
  const finding = engine.analyze({ path: '/v.yaml', text }).findings.find((f) => f.code === 'legacy-key')!;
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text }, null, [finding]), []);
});

test('a diagnostic published for an older text fixes nothing that has changed since', () => {
  const engine = new Engine();
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    service: {type: clusterip, port: 8000}\n';
  const finding = engine.analyze({ path: '/v.yaml', text }).findings.find((f) => f.code === 'bad-value')!;
  const edited = text.replace('clusterip', 'NodePortt');
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text: edited }, null, [finding]), []);
  const mount = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: [{name: cache, emptyDir: {}}]\n    volumeMounts: [{name: Cache, mountPath: /c}]\n';
  const missing = engine.analyze({ path: '/v.yaml', text: mount }).findings.find((f) => f.code === 'volume-not-found')!;
  assert.equal(engine.codeActions({ path: '/v.yaml', text: mount }, null, [missing]).length, 2);
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text: mount.replace('Cache', 'cache') }, null, [missing]), []);
});
