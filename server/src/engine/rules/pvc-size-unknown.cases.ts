// Cases for size-unknown as pvc-too-small emits it: a persistent volume holds the engine's
// model, and the catalogue cannot say how large that model is (Doubleword/gemma-3-12b-it is
// listed as dw-gemma-3-12b-it without a size; Qwen/Qwen2.5-7B-Instruct is not listed at all).
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'size-unknown',
  trigger: [
    {
      name: 'sglang-qwen\'s default model has no catalogue entry',
      message: /Qwen\/Qwen2\.5-7B-Instruct/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    persistentVolumes:
      - name: model-cache
        size: 50Gi # expect
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'a catalogue entry without a size',
      message: /dw-gemma-3-12b-it.*without a size/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    modelName: Doubleword/gemma-3-12b-it
    command: [--model, Doubleword/gemma-3-12b-it]
    persistentVolumes:
      - {name: model-cache, size: 50Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]} # expect
`,
    },
    {
      name: 'HF_HOME from env, non-root user, model unknown',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    podSecurityContext: {runAsUser: 1000}
    modelName: my-org/my-model
    command: [--model, my-org/my-model]
    env: [{name: HF_HOME, value: /hf}]
    persistentVolumes:
      - name: hf
        size: 100Gi # expect
        mountPath: /hf
        accessModes: [ReadWriteMany]
`,
    },
    {
      name: 'the engine reads a path and no hub id says which model is there',
      message: /arguments name no hub id/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    modelName: gemma
    command: [--model, /models]
    persistentVolumes:
      - name: weights
        size: 30Gi # expect
        mountPath: /models
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'HF_HUB_CACHE and TRANSFORMERS_CACHE on two volumes: both are reported',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    modelName: Doubleword/gemma-3-12b-it
    command: [--model, Doubleword/gemma-3-12b-it]
    env:
      - {name: HF_HUB_CACHE, value: /hub}
      - {name: TRANSFORMERS_CACHE, value: /transformers}
    persistentVolumes:
      - {name: hub, size: 40Gi, mountPath: /hub, accessModes: [ReadWriteOnce]} # expect
      - {name: transformers, size: 40Gi, mountPath: /transformers, accessModes: [ReadWriteOnce]} # expect
`,
    },
  ],
  silent: [
    {
      name: 'a known model on a volume that holds it',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: 50Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'an unknown model, but the volume is not where the engine keeps it',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    persistentVolumes:
      - {name: scratch, size: 1Gi, mountPath: /scratch, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'an unknown model with a non-root runAsUser and the volume at root\'s cache',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    podSecurityContext: {runAsUser: 1000}
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a size that is no quantity is the schema\'s to report',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: lots, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  sglang-qwen:
    enabled: false
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
  ],
};
