// Fixes of the pvc-* checks. vllm-gemma inherits `runAsUser: 0` (its cache is root's default),
// `--model google/gemma-3-12b-it` (22.7 GiB: 25Gi with the default 10% headroom), the env item
// CUDA_VISIBLE_DEVICES=0 and a RollingUpdate strategy with a rollingUpdate block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import { runFixCases, type FixCase } from '../../support/fix-cases';

// GPU targeting and a command that runs (the default group's starts with --host): no unrelated check speaks.
const GPU = `    nodeSelector: {nvidia.com/gpu.present: "true"}
    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
    command: [vllm, serve, google/gemma-3-12b-it]
`;
const RWO = `    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`;
const gemma = (body: string) => `modelGroups:\n  vllm-gemma:\n    enabled: true\n${GPU}${body}`;

const tooSmall = { code: 'pvc-too-small', title: 'Set size to 25Gi', kind: 'quickfix', safe: true, preferred: true } as const;
const recreate = { code: 'pvc-rwo-blocks-rollout', title: 'Set strategy.type to Recreate (rollingUpdate: null)', kind: 'quickfix', safe: false } as const;
const offline = { code: 'pvc-rwx-concurrent-writes', title: 'Set HF_HUB_OFFLINE=1 (once the cache is filled)', kind: 'quickfix', safe: false } as const;

const cases: FixCase[] = [
  {
    ...tooSmall,
    name: 'pvc-too-small: double quotes and the comment kept',
    text: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    persistentVolumes:
      - name: model-cache
        size: "20Gi" # too small
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`),
    expected: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    persistentVolumes:
      - name: model-cache
        size: "25Gi" # too small
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`),
  },
  {
    ...tooSmall,
    name: 'pvc-too-small: a flow entry, a decimal unit',
    text: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    persistentVolumes: [{name: model-cache, size: 24G, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}]
`),
    expected: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    persistentVolumes: [{name: model-cache, size: 25Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}]
`),
  },
  {
    ...tooSmall,
    title: 'Set size to 23Gi',
    name: 'pvc-too-small: without headroom, the cache set through HF_HOME',
    settings: { sizeHeadroomPercent: 0 },
    text: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    env: [{name: HF_HOME, value: /cache}]
    persistentVolumes:
      - {name: hf, size: 10Gi, mountPath: /cache, accessModes: [ReadWriteOnce]}
`),
    expected: gemma(`    strategy: {type: Recreate, rollingUpdate: null}
    env: [{name: HF_HOME, value: /cache}]
    persistentVolumes:
      - {name: hf, size: 23Gi, mountPath: /cache, accessModes: [ReadWriteOnce]}
`),
  },
  {
    ...recreate,
    name: 'pvc-rwo-blocks-rollout: a group that inherits its strategy gets one, rollingUpdate removed',
    text: gemma(RWO),
    expected: gemma(`${RWO}    strategy:\n      type: Recreate\n      rollingUpdate: null\n`),
  },
  {
    ...recreate,
    title: 'Set strategy.type to Recreate',
    name: 'pvc-rwo-blocks-rollout: a group of its own name inherits nothing: type alone',
    text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: latest}
    service: {port: 8000}
    containerPort: 8000
    resources: {limits: {nvidia.com/gpu: 1}}
${GPU}${RWO}`,
    expected: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: latest}
    service: {port: 8000}
    containerPort: 8000
    resources: {limits: {nvidia.com/gpu: 1}}
${GPU}${RWO}    strategy:
      type: Recreate
`,
  },
  {
    ...recreate,
    name: 'pvc-rwo-blocks-rollout: a written block keeps the comments on the kept lines',
    text: gemma(`    strategy:
      type: RollingUpdate # surge first
      rollingUpdate: # keep one up
        maxSurge: 1 # one extra
        maxUnavailable: 0
${RWO}`),
    expected: gemma(`    strategy:
      type: Recreate # surge first
      rollingUpdate: null # keep one up
${RWO}`),
    dropped: ['# one extra'],
  },
  {
    ...recreate,
    name: 'pvc-rwo-blocks-rollout: a flow strategy',
    text: gemma(`    strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}} # flow\n${RWO}`),
    expected: gemma(`    strategy: {type: Recreate, rollingUpdate: null} # flow\n${RWO}`),
  },
  {
    ...recreate,
    name: 'pvc-rwo-blocks-rollout: only rollingUpdate written: type added, the block nulled',
    text: gemma(`    strategy:\n      rollingUpdate:\n        maxSurge: 50%\n        maxUnavailable: 0 # last\n${RWO}`),
    expected: gemma(`    strategy:\n      rollingUpdate: null\n      type: Recreate\n${RWO}`),
    dropped: ['# last'],
  },
  {
    ...recreate,
    name: 'pvc-rwo-blocks-rollout: only type written: the inherited block is nulled beside it',
    text: gemma(`    strategy:\n      type: 'RollingUpdate'\n${RWO}`),
    expected: gemma(`    strategy:\n      type: 'Recreate'\n      rollingUpdate: null\n${RWO}`),
  },
  {
    ...offline,
    name: 'pvc-rwx-concurrent-writes: the inherited env is written out with HF_HUB_OFFLINE=1',
    text: gemma(`    replicaCount: 3
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: efs-sc
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteMany]
`),
    expected: gemma(`    replicaCount: 3
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: efs-sc
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteMany]
    env:
      - name: CUDA_VISIBLE_DEVICES
        value: "0"
      - name: HF_HUB_OFFLINE
        value: "1"
`),
  },
];

const shared = `    replicaCount: 2
    env:
      - name: HF_HOME
        value: /cache # on the volume
      - name: HF_HUB_OFFLINE
        value: '0'
    volumeMounts:
      - {name: shared, mountPath: /cache}
    persistentVolumes:
      - {name: shared, size: 100Gi, storageClass: nfs, mountPath: /shared, accessModes: [ReadWriteMany]}
`;
cases.push(
  {
    ...offline,
    name: 'pvc-rwx-concurrent-writes: an HF_HUB_OFFLINE that is off is turned on, its quotes kept',
    text: gemma(shared),
    expected: gemma(shared.replace("value: '0'", "value: '1'")),
  },
  {
    ...offline,
    title: 'Mount it read-only (readOnly: true)',
    name: 'pvc-rwx-concurrent-writes: a volumeMounts item at the cache becomes read-only',
    text: gemma(shared),
    expected: gemma(shared.replace('{name: shared, mountPath: /cache}', '{name: shared, mountPath: /cache, readOnly: true}')),
  },
);

runFixCases('pvc fixes', cases);

const input = (text: string) => ({ path: '/work/values.yaml', text });

test('pvc-rwo-blocks-rollout: extra replicas get no Recreate fix (Recreate does not help them)', () => {
  const text = gemma(`    replicaCount: 2\n    strategy: {type: Recreate, rollingUpdate: null}\n${RWO}`);
  const engine = new Engine();
  const findings = engine.analyze(input(text)).findings.filter((f) => f.code === 'pvc-rwo-blocks-rollout');
  assert.deepEqual(findings.map((f) => f.data?.cause), ['replicas']);
  assert.deepEqual(engine.codeActions(input(text), null, findings), []);
});

test('pvc-rwx-concurrent-writes: a persistentVolumes mount gets no readOnly fix (the chart ignores readOnly there)', () => {
  const text = cases[cases.length - 3].text;
  const engine = new Engine();
  const findings = engine.analyze(input(text)).findings.filter((f) => f.code === 'pvc-rwx-concurrent-writes');
  assert.equal(findings.length, 1);
  assert.deepEqual(engine.codeActions(input(text), null, findings).map((fix) => fix.title), [offline.title]);
});

test('fix-all raises a too-small PVC once and leaves the trade-offs (Recreate, offline) to the person', () => {
  const text = gemma(`    replicaCount: 3
    persistentVolumes:
      - {name: model-cache, size: 20Gi, storageClass: efs-sc, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
      - {name: scratch, size: 1Gi, mountPath: /scratch, accessModes: [ReadWriteOnce]}
`);
  const engine = new Engine();
  const fixed = applyEdits(text, engine.fixAll(input(text)));
  assert.equal(fixed, text.replace('size: 20Gi', 'size: 25Gi'));
  assert.deepEqual(engine.fixAll(input(fixed)), [], 'a second run changes nothing');
  const codes = engine.analyze(input(fixed)).findings.map((f) => f.code).sort();
  assert.deepEqual(codes, ['pvc-rwo-blocks-rollout', 'pvc-rwo-blocks-rollout', 'pvc-rwx-concurrent-writes']);
});
