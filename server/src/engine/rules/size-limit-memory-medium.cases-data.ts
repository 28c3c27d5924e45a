// size-limit-too-small cases for a memory-backed emptyDir (`medium: Memory`): its pages are
// charged to the container that writes them, so the init container's memory limit must hold the
// model; the engine's limit is not what the copy runs under. Spread into
// size-limit-too-small.cases.ts; sizes as noted there.
import type { RuleCase } from './cases';

export const memoryMediumTrigger: RuleCase[] = [
    {
      name: 'memory-backed emptyDir: the writing init container\'s memory limit (8Gi) cannot hold the model',
      message: /init container `weights`.*memory limit 8Gi/,
      at: '8Gi',
      data: { limit: 'memory', container: 'weights', minimum: '25Gi' },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits:
        memory: 64Gi
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        resources:
          limits:
            memory: 8Gi # expect
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /weights}]
    volumes:
      - name: models
        emptyDir:
          medium: Memory
`,
    },
    {
      name: 'memory-backed emptyDir: both the writer\'s memory limit and the sizeLimit too small',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        resources: {limits: {memory: 20Gi}} # expect
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          medium: Memory
          sizeLimit: 24Gi # expect
`,
    },
];

export const memoryMediumSilent: RuleCase[] = [
    {
      name: 'memory-backed emptyDir with a writer memory limit and sizeLimit that both hold the model',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        resources: {limits: {memory: 64Gi}}
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {medium: Memory, sizeLimit: 30Gi}
`,
    },
    {
      name: 'memory-backed emptyDir: the engine\'s 16Gi default limit is not what the copy is charged to',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /weights}]
    volumes:
      - name: models
        emptyDir:
          medium: Memory
`,
    },
];
