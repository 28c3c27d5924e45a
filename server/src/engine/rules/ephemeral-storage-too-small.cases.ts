// Cases for ephemeral-storage-too-small: gemma-3-12b-it is 22.7 GiB, so with 10 % headroom the
// pod's ephemeral-storage limit must be at least 25Gi. The pod's limit is the engine's, or an
// init container's when larger (the kubelet's PodLimits).
import type { RuleCases } from './cases';

const BH = 'ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it';

/** A group whose busybox init container copies the weights into a disk-backed emptyDir. */
function copy(engineResources: string, initResources = '', medium = ''): string {
  return `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, /weights]
${engineResources}    initContainers:
      - name: copy
        image: busybox:1.37.0
        command: [sh, -c, "cp -r /src/models/. /weights/"]
${initResources}        volumeMounts:
          - {name: bh, mountPath: /src, readOnly: true}
          - {name: weights, mountPath: /weights}
    volumeMounts: [{name: weights, mountPath: /weights}]
    volumes:
      - name: bh
        image: {reference: "${BH}"}
      - name: weights
        emptyDir: {${medium}}
`;
}

export const cases: RuleCases = {
  code: 'ephemeral-storage-too-small',
  trigger: [
    {
      name: 'the engine\'s limit is the pod\'s, and 20Gi is below the model',
      message: /^The pod's ephemeral-storage limit \(the engine's, 20Gi\) is below `gemma-3-12b-it` \(22\.7 GiB\) in volume `weights`: the kubelet evicts the pod$/,
      at: '20Gi',
      data: { tag: 'gemma-3-12b-it', minimum: '25Gi', volume: 'weights', group: 'vllm-gemma', container: 'vllm-gemma' },
      text: copy(`    resources:
      limits:
        ephemeral-storage: 20Gi # expect
`),
    },
    {
      name: 'a larger init container limit is the pod\'s, and still too small',
      message: /init container `copy`'s, 24Gi/,
      at: '24Gi',
      data: { container: 'copy' },
      text: copy('    resources: {limits: {ephemeral-storage: 8Gi}}\n', '        resources: {limits: {ephemeral-storage: 24Gi}} # expect\n'),
    },
    {
      name: 'decimal gigabytes: 24G is 22.4 GiB',
      text: copy('    resources: {limits: {ephemeral-storage: 24G, memory: 64Gi}} # expect\n'),
    },
    {
      name: 'an exponent form',
      text: copy('    resources: {limits: {ephemeral-storage: 2e10}} # expect\n'),
    },
    {
      name: 'a Bit Harbor init container writing into the volume (the documented pattern)',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits:
        ephemeral-storage: 10Gi # expect
    initContainers:
      - name: weights
        image: ${BH}
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /weights}]
    volumes:
      - name: models
        emptyDir: {sizeLimit: 30Gi}
`,
    },
  ],
  silent: [
    { name: 'no container sets an ephemeral-storage limit: the pod has none', text: copy('') },
    { name: 'the engine\'s limit holds the model', text: copy('    resources: {limits: {ephemeral-storage: 100Gi}}\n') },
    { name: 'an init container\'s 30Gi makes the pod\'s limit', text: copy('    resources: {limits: {ephemeral-storage: 8Gi}}\n', '        resources: {limits: {ephemeral-storage: 30Gi}}\n') },
    { name: 'a memory-backed volume is not ephemeral storage', text: copy('    resources: {limits: {ephemeral-storage: 1Gi}}\n', '', 'medium: Memory') },
    {
      name: 'a model without a known size is not compared',
      text: copy('    resources: {limits: {ephemeral-storage: 1Gi}}\n').replace('gemma-3-12b-it', 'dw-gemma-3-12b-it'),
    },
    {
      name: 'the init container only reads the volume',
      text: copy('    resources: {limits: {ephemeral-storage: 1Gi}}\n').replace('- {name: weights, mountPath: /weights}\n    volumeMounts', '- {name: weights, mountPath: /weights, readOnly: true}\n    volumeMounts'),
    },
  ],
};
