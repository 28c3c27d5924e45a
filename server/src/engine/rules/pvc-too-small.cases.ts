// Cases for pvc-too-small. Sizes from the bundled table, with the default 10% headroom:
// google/gemma-3-12b-it 24374650080 B (needs 26812115088 B, 25Gi), meta-llama/Llama-3.1-8B-Instruct
// 16060522496 B (needs 17666574746 B, 17Gi), Qwen/Qwen3-14B 29536614400 B (needs 32490275840 B, 31Gi).
// vllm-gemma inherits `runAsUser: 0`, `--model google/gemma-3-12b-it` and its strategy.
import type { RuleCases } from './cases';

const llama = `  llama:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: v0.10.1}
    service: {port: 8000}
    containerPort: 8000
    modelName: meta-llama/Llama-3.1-8B-Instruct
    command: [vllm, serve, meta-llama/Llama-3.1-8B-Instruct]
`;

export const cases: RuleCases = {
  code: 'pvc-too-small',
  trigger: [
    {
      name: 'defaults-only group: 20Gi at root\'s Hugging Face cache for gemma-3-12b-it',
      message: /`google\/gemma-3-12b-it` \(22\.7 GiB; 25Gi with 10% headroom\)/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - name: model-cache
        size: 20Gi # expect
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'HF_HOME from env, with a non-root runAsUser: the volume at HF_HOME holds the cache',
      message: /17Gi with 10% headroom/,
      text: `modelGroups:
${llama}    podSecurityContext: {runAsUser: 1000}
    env:
      - {name: HF_HOME, value: /cache}
    persistentVolumes:
      - name: hf
        size: 16Gi # expect
        mountPath: /cache
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'HF_HUB_CACHE from env: 30Gi is short of Qwen3-14B plus headroom (31Gi would do)',
      message: /31Gi with 10% headroom/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    modelName: Qwen/Qwen3-14B
    command: [python, -m, sglang.launch_server, --model-path, Qwen/Qwen3-14B]
    env:
      - {name: HF_HUB_CACHE, value: /hub}
    persistentVolumes:
      - {name: hub, size: 30Gi, mountPath: /hub, accessModes: [ReadWriteOnce]} # expect
`,
    },
    {
      name: 'TRANSFORMERS_CACHE from env for a non-root user',
      text: `modelGroups:
${llama}    securityContext: {runAsUser: 1001}
    env:
      - name: TRANSFORMERS_CACHE
        value: /transformers
    persistentVolumes:
      - name: cache
        size: 10G # expect
        mountPath: /transformers
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'a volume at /root/.cache holds the cache below it; replicaCount 1 with maxSurge 0',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 1
    strategy:
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
    persistentVolumes:
      - name: cache
        size: 25G # expect
        mountPath: /root/.cache
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'of two volumes above the cache, the deeper one receives the download',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: home-cache, size: 1Gi, mountPath: /root/.cache, accessModes: [ReadWriteOnce]}
      - {name: hf, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]} # expect
`,
    },
    {
      name: 'a volume at the model\'s own folder of the cache',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - name: gemma
        size: 2e10 # expect
        mountPath: /root/.cache/huggingface/hub/models--google--gemma-3-12b-it
        accessModes: [ReadWriteOnce]
`,
    },
  ],
  silent: [
    // Was a trigger: modelName is the name the gateway forwards, not which model is on the volume; the size is unknown (pvc size-unknown) rather than guessed from it (DOMAIN.md).
    {
      name: 'the engine reads a path on the volume: modelName does not say which model is there',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: [--model, /models, --dtype, bfloat16]
    persistentVolumes:
      - name: weights
        size: 24G
        mountPath: /models
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: '25Gi holds gemma-3-12b-it plus headroom (25G would not)',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: 25Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'exactly model size plus 10% to the byte',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: "26812115088", mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a non-root runAsUser does not use /root/.cache/huggingface',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    podSecurityContext: {runAsUser: 1000}
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'runAsNonRoot without a runAsUser: not root either',
      text: `modelGroups:
${llama}    securityContext: {runAsNonRoot: true}
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'HF_HOME moves the cache away from the volume',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    env:
      - {name: HF_HOME, value: /cache}
    persistentVolumes:
      - {name: old-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'HF_HOME from a ConfigMap: the cache is somewhere this file does not say',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    env:
      - name: HF_HOME
        valueFrom: {configMapKeyRef: {name: engine-env, key: HF_HOME}}
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a volume elsewhere than the cache or the model path',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: scratch, size: 1Gi, mountPath: /data, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'an emptyDir mounted deeper receives the download, not the volume above it',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: hf, mountPath: /root/.cache/huggingface}]
    volumes: [{name: hf, emptyDir: {}}]
    persistentVolumes:
      - {name: home-cache, size: 1Gi, mountPath: /root/.cache, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'the engine reads a path elsewhere: the cache volume holds no model',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: [--model, /weights/models]
    volumeMounts: [{name: weights, mountPath: /weights}]
    volumes: [{name: weights, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'an unknown size is size-unknown, not a guess',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    modelName: Doubleword/gemma-3-12b-it
    command: [--model, Doubleword/gemma-3-12b-it]
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a disabled group renders nothing',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    persistentVolumes:
      - {name: model-cache, size: 1Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
  ],
};
