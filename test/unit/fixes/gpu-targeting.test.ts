// "Add GPU node targeting" through the registry: the quick fix on gpu-targeting-missing, and the
// refactor offered anywhere in a model group or a Pre-Porter file when it changes something.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import { tolerates } from '../../../server/src/engine/kubernetes/scheduling';
import { mark } from '../../support/markers';
import { runFixCases, type FixCase } from '../../support/fix-cases';

const TITLE = 'Add GPU node targeting';
const quick = { code: 'gpu-targeting-missing', title: TITLE, kind: 'quickfix', safe: true, preferred: true } as const;

const cases: FixCase[] = [
  {
    ...quick,
    name: 'keys absent, 2 spaces, comments around',
    text: '# top\nmodelGroups:\n  vllm-gemma: # the default group\n    enabled: true # on\n# tail\n',
    expected: '# top\nmodelGroups:\n  vllm-gemma: # the default group\n    enabled: true # on\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n# tail\n',
  },
  {
    ...quick,
    name: 'keys absent, 4 spaces',
    text: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n',
    expected: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n        nodeSelector:\n            nvidia.com/gpu.present: "true"\n        tolerations:\n            - key: nvidia.com/gpu\n              operator: Exists\n              effect: NoSchedule\n',
  },
  {
    ...quick,
    name: 'keys present and empty ({} and [])',
    text: 'modelGroups:\n  vllm-gemma:\n    nodeSelector: {} # none yet\n    tolerations: []\n    enabled: true\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    nodeSelector:\n      nvidia.com/gpu.present: "true" # none yet\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n    enabled: true\n',
  },
  {
    ...quick,
    name: 'a flow group gets flow entries',
    text: 'modelGroups:\n  vllm-gemma: {enabled: true}\n',
    expected: 'modelGroups:\n  vllm-gemma: {enabled: true, nodeSelector: {nvidia.com/gpu.present: "true"}, tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}\n',
  },
  {
    ...quick,
    name: 'keys present with entries: merged, not duplicated',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    nodeSelector:\n      pool: gpu # team pool\n    tolerations:\n    - key: dedicated\n      operator: Exists\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    nodeSelector:\n      pool: gpu # team pool\n      nvidia.com/gpu.present: "true"\n    tolerations:\n    - key: dedicated\n      operator: Exists\n    - key: nvidia.com/gpu\n      operator: Exists\n      effect: NoSchedule\n',
  },
  {
    ...quick,
    name: 'a group steered by node affinity only gets the toleration',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    affinity:\n      nodeAffinity:\n        requiredDuringSchedulingIgnoredDuringExecution:\n          nodeSelectorTerms:\n            - matchExpressions:\n                - {key: nvidia.com/gpu.present, operator: Exists}\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    affinity:\n      nodeAffinity:\n        requiredDuringSchedulingIgnoredDuringExecution:\n          nodeSelectorTerms:\n            - matchExpressions:\n                - {key: nvidia.com/gpu.present, operator: Exists}\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n',
  },
  {
    ...quick,
    name: 'Pre-Porter: the loading guide example without its targeting',
    text: '# All model weights to keep cached\nimages:\n  - name: "gemma-3-12b-it"\n    pullPolicy: "Always"\n    enabled: true\n\nadvancedCronJob:\n  enabled: true\n  schedule: "0 * * * *"  # Every hour\n',
    expected: '# All model weights to keep cached\nimages:\n  - name: "gemma-3-12b-it"\n    pullPolicy: "Always"\n    enabled: true\n\nadvancedCronJob:\n  enabled: true\n  schedule: "0 * * * *"  # Every hour\nglobalNodeSelector:\n  nvidia.com/gpu.present: "true"\nglobalTolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n',
  },
];

runFixCases('gpu-targeting-missing', cases);

test('gpu targeting: the guide\'s Pre-Porter gets its selector and a toleration of its taint', () => {
  const fixed = applyEdits(cases[6].text, new Engine().codeActions({ path: '/work/values.yaml', text: cases[6].text }, { start: 0, end: 0 }, [])[0].edits);
  const values = parse(fixed);
  assert.deepEqual(values.globalNodeSelector, { 'nvidia.com/gpu.present': 'true' });
  assert.ok(values.globalTolerations.some((t: unknown) => tolerates(t, { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' })));
});

function refactorsAt(source: string, settings = {}): string[][] {
  const { text, carets } = mark(source);
  const engine = new Engine(settings);
  return carets.map((at) => engine.codeActions({ path: '/work/values.yaml', text }, { start: at, end: at }, [])
    .filter((fix) => fix.kind === 'refactor.rewrite').map((fix) => applyEdits(text, fix.edits)));
}

test('gpu targeting refactor: anywhere inside a group, and only there', () => {
  const [outside, onKey, deep, otherGroup] = refactorsAt('onwards:\n  replicaCount: 1 |\nmodelGroups:\n  vllm-|gemma:\n    enabled: true\n    resources:\n      limits: {memory: 1G|i}\n  sglang-qwen:\n    enabled: |false\n');
  assert.equal(onKey.length, 1);
  assert.match(onKey[0], /vllm-gemma:\n {4}enabled: true\n {4}resources:\n {6}limits: \{memory: 1Gi\}\n {4}nodeSelector:/);
  assert.deepEqual(deep, onKey);
  assert.equal(otherGroup.length, 1);
  assert.match(otherGroup[0], /sglang-qwen:\n {4}enabled: false\n {4}nodeSelector:/);
  assert.deepEqual(outside, []);
});

test('gpu targeting refactor: anywhere in a Pre-Porter file, not once it is targeted', () => {
  const [top, nested] = refactorsAt('imageRegistry: x|\nimages:\n  - name: gemma-3-4b-it\n    enabled: t|rue\n');
  assert.equal(top.length, 1);
  assert.deepEqual(nested, top);
  const [done] = refactorsAt('images: []|\nglobalNodeSelector: {nvidia.com/gpu.present: "true"}\nglobalTolerations: [{key: nvidia.com/gpu, operator: Exists}]\n');
  assert.deepEqual(done, []);
});

test('gpu targeting: the label and toleration come from the settings', () => {
  const gpu = { nodeSelector: { 'cloud.example/accelerator': 'h100' }, tolerations: [{ key: 'gpu', operator: 'Exists' }] };
  const [fixed] = refactorsAt('modelGroups:\n  vllm-gemma:\n    enabled: true|\n', { gpu })[0];
  assert.equal(fixed, 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    nodeSelector:\n      cloud.example/accelerator: h100\n    tolerations:\n      - key: gpu\n        operator: Exists\n');
});
