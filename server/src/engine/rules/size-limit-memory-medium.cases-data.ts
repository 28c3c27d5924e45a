// size-limit-too-small cases for a memory-backed emptyDir (`medium: Memory`): the pod's memory
// limit caps it as well as its sizeLimit, so these cases are about where the finding goes when
// either is short. Spread into size-limit-too-small.cases.ts; sizes as noted there.
import type { RuleCase } from './cases';

export const memoryMediumTrigger: RuleCase[] = [
    {
      name: 'memory-backed emptyDir: the engine memory limit from the chart defaults (16Gi) is reported at the medium',
      message: /memory limit 16Gi/,
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
          medium: Memory # expect
`,
    },
    {
      name: 'memory-backed emptyDir: a memory limit written in the file is where the finding goes; both limits too small',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits:
        memory: 20Gi # expect
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
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
      name: 'memory-backed emptyDir with a memory limit and sizeLimit that both hold the model',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits:
        memory: 64Gi
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {medium: Memory, sizeLimit: 30Gi}
`,
    },
];
