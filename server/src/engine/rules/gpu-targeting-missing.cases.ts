// gpu-targeting-missing: GPU groups without GPU node targeting; Pre-Porter caching on every node.
import type { RuleCases } from './cases';

const TARGETED = `    nodeSelector:
      nvidia.com/gpu.present: "true"
    tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
`;

export const cases: RuleCases = {
  code: 'gpu-targeting-missing',
  trigger: [
    {
      name: 'a defaults-only group inherits a GPU request and no targeting',
      message: /no nodeSelector or node affinity.*and no toleration/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
`,
    },
    {
      name: 'a node selector without a toleration (the upstream multi-engine SGLang group)',
      message: /toleration for the `nvidia.com\/gpu` taint/,
      text: `modelGroups:
  sglang-embed:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30001}
    containerPort: 30001
    resources:
      requests:
        nvidia.com/gpu: "1"
      limits:
        nvidia.com/gpu: "1" # expect
    nodeSelector:
      nvidia.com/gpu.present: "true"
`,
    },
    {
      name: 'a toleration without a selector, requests only, in flow style',
      message: /nodeSelector or node affinity/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    resources: {limits: null, requests: {nvidia.com/gpu: 2}} # expect
    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
`,
    },
    {
      name: 'tolerations that do not match the NoSchedule taint',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits:
        nvidia.com/gpu: 1 # expect
    nodeSelector: {nvidia.com/gpu.present: "true"}
    tolerations:
      - {key: nvidia.com/gpu, operator: Exists, effect: NoExecute}
      - {key: nvidia.com/gpu.present, operator: Exists}
      - {operator: Exists, effect: PreferNoSchedule}
`,
    },
    {
      name: 'Pre-Porter caching on every node: at the first untargeted image',
      message: /cached on every node/,
      text: `images:
  - name: gemma-3-12b-it
    enabled: true
    nodeSelector: {nvidia.com/gpu.present: "true"}
  - name: qwen3-8b # expect
    enabled: true
  - name: llama-3.1-8b-instruct
    enabled: true
advancedCronJob:
  enabled: true
`,
    },
    {
      name: 'Pre-Porter with an empty globalNodeSelector written: reported there',
      text: `globalNodeSelector: {} # expect
images:
  - {name: gemma-3-4b-it, enabled: true}
advancedCronJob: {enabled: true}
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'the second document; the first targets its GPUs',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
${TARGETED}---
modelGroups:
  tensorrt-llm-mistral:
    enabled: true
`,
    },
    {
      name: 'a selector and an Exists toleration',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
${TARGETED}`,
    },
    {
      name: 'node affinity on the GPU label, an Equal toleration with a value and no effect, anchored',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    affinity: &gpu-affinity
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
            - matchExpressions:
                - {key: nvidia.com/gpu.product, operator: In, values: [NVIDIA-A100-SXM4-80GB]}
    tolerations: [{key: nvidia.com/gpu, operator: Equal, value: present}]
  sglang-qwen:
    enabled: true
    affinity: *gpu-affinity
    tolerations: [{operator: Exists}]
`,
    },
    {
      name: 'no GPU requested',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    resources:
      limits: {nvidia.com/gpu: 0, memory: 16Gi}
      requests: {nvidia.com/gpu: "0", memory: 8Gi}
  cpu-embed:
    enabled: true
    image: {repository: ghcr.io/huggingface/text-embeddings-inference}
    service: {port: 80}
    containerPort: 80
`,
    },
    {
      name: 'disabled groups, as in the chart defaults',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
  sglang-qwen:
    enabled: false
`,
    },
    {
      name: 'Pre-Porter with its jobs switched off',
      text: `images:
  - {name: gemma-3-4b-it, enabled: true}
advancedCronJob:
  enabled: false
`,
    },
    {
      name: 'Pre-Porter with a global selector or affinity, or every image targeted',
      text: `globalNodeSelector:
  nvidia.com/gpu.present: "true"
images:
  - {name: gemma-3-4b-it, enabled: true}
advancedCronJob: {enabled: true}
---
globalAffinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: gpu, operator: Exists}]}]}}}
images:
  - {name: gemma-3-4b-it, enabled: true}
advancedCronJob: {enabled: true}
---
imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
  - {name: gemma-3-4b-it, enabled: true, nodeSelector: {nvidia.com/gpu.present: "true"}}
  - {name: qwen3-8b, enabled: false}
advancedCronJob: {enabled: true}
`,
    },
  ],
};
