// The loading guide's alternative to Bit Harbor: a persistent volume holding the Hugging Face
// cache, shared by a group's replicas. A values file that does what the guide describes must
// get the trade-offs the guide names for its access mode, at the nodes a person would change,
// and nothing else (GPU targeting and a command that runs are set so that no unrelated check speaks).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/types';

const gpuGroup = `modelGroups:
  vllm-gemma:
    enabled: true
    # The default group's command starts with --host (command-not-executable): the program first.
    command: [vllm, serve, google/gemma-3-12b-it, --host, 0.0.0.0, --port, "8000"]
    replicaCount: 3
    nodeSelector:
      nvidia.com/gpu.present: "true"
    tolerations:
      - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
`;

function lint(text: string) {
  const findings = new Engine().analyze({ path: '/work/values.yaml', text }).findings;
  const at = (f: { range: { start: number; end: number } }) => text.slice(f.range.start, f.range.end);
  return { findings, at, shown: findings.map((f: Finding) => `${f.code} [${at(f)}]: ${f.message}`).join('\n') };
}

test('a shared (ReadWriteMany) cache for several replicas: the concurrent-write risk, at the access mode', () => {
  const { findings, at, shown } = lint(`${gpuGroup}    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: efs-sc
        mountPath: /root/.cache/huggingface
        accessModes:
          - ReadWriteMany
`);
  assert.deepEqual(findings.map((f) => [f.code, at(f)]), [['pvc-rwx-concurrent-writes', 'ReadWriteMany']], shown);
  const [finding] = findings;
  assert.equal(finding.severity, 'info');
  assert.match(finding.message, /^3 replicas of `vllm-gemma` write the Hugging Face cache.*can corrupt it$/);
  assert.deepEqual(finding.related?.map(at), ['3', '/root/.cache/huggingface']);
});

test('a single-access (ReadWriteOnce) cache for several replicas: blocked upgrades and pinned replicas', () => {
  const { findings, at, shown } = lint(`${gpuGroup}    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: fast-ssd
        mountPath: /root/.cache/huggingface
        accessModes:
          - ReadWriteOnce
`);
  // The surge comes from the chart's default strategy, so it is reported on the group that inherits it.
  assert.deepEqual(findings.map((f) => [f.code, at(f)]).sort(), [
    ['pvc-rwo-blocks-rollout', '3'],
    ['pvc-rwo-blocks-rollout', 'vllm-gemma'],
  ], shown);
  for (const finding of findings) {
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.related?.map(at), ['ReadWriteOnce']);
  }
  const upgrade = findings.find((f) => at(f) === 'vllm-gemma');
  assert.match(upgrade?.message ?? '', /starts a new pod first, but `model-cache` is ReadWriteOnce/);
  assert.deepEqual(upgrade?.data?.group, 'vllm-gemma');
});

test('the same volume too small for the model adds pvc-too-small at its size, with the minimum for a fix', () => {
  const { findings, at } = lint(`${gpuGroup}    persistentVolumes:
      - name: model-cache
        size: 20Gi
        storageClass: efs-sc
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteMany]
`);
  const tooSmall = findings.filter((f) => f.code === 'pvc-too-small');
  assert.deepEqual(tooSmall.map(at), ['20Gi']);
  assert.equal(tooSmall[0].data?.minimum, '25Gi');
  assert.deepEqual(findings.map((f) => f.code).sort(), ['pvc-rwx-concurrent-writes', 'pvc-too-small']);
});
