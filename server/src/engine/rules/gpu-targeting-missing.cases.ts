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
      name: 'Pre-Porter on GPU nodes without the toleration: nothing is pre-pulled (at the image, no global tolerations)',
      message: /^Image `gemma-3-4b-it` is pre-pulled only on GPU nodes, but its pods do not tolerate their `nvidia.com\/gpu` taint/,
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
globalNodeSelector: {nvidia.com/gpu.present: "true"}
images:
  - name: gemma-3-4b-it # expect
    enabled: true
advancedCronJob:
  enabled: true
`,
    },
    {
      name: 'Pre-Porter: an image\'s own tolerations replace the global ones and lack the GPU taint\'s',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
globalNodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
globalTolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
images:
  - name: gemma-3-4b-it
    enabled: true
    tolerations: # expect
      - {key: dedicated, operator: Equal, value: ml, effect: NoSchedule}
advancedCronJob:
  enabled: true
`,
    },
    {
      name: 'AKS\'s accelerator label without the toleration (AKS adds none)',
      settings: { platform: 'aks' },
      message: /has no toleration/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
    nodeSelector: {accelerator: nvidia}
`,
    },
    {
      name: 'a defaults-only group inherits a GPU request and no targeting',
      message: /^Group `vllm-gemma` requests `nvidia.com\/gpu` but has no GPU node selector and no toleration for the `nvidia.com\/gpu` taint/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
`,
    },
    {
      // deployment.yaml renders a group `if $group.enabled`: a non-empty string is true to Helm,
      // so `"false"` (quoted) deploys the group (and is also a wrong-type error of its own).
      name: 'a group enabled with the string "false" is rendered, and checked',
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: "false"
`,
    },
    {
      name: 'a node selector without a toleration (the upstream multi-engine SGLang group)',
      message: /but has no toleration for the `nvidia.com\/gpu` taint GPU nodes commonly carry: it may stay Pending\.$/,
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
      message: /but has no selector or node affinity for GPU nodes: it may be scheduled on a node without GPUs\.$/,
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
      // The targeted image tolerates the GPU taint: without it, it would pre-pull nothing (DOMAIN.md).
      text: `images:
  - name: gemma-3-12b-it
    enabled: true
    nodeSelector: {nvidia.com/gpu.present: "true"}
    tolerations: [{key: nvidia.com/gpu, operator: Exists}]
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
    {
      name: 'a group enabled with 0 is not rendered (empty to Helm\'s `if`)',
      text: `modelGroups:
  vllm-gemma:
    enabled: 0
`,
    },
    {
      name: 'GKE\'s accelerator label, on GKE (whose admission adds the GPU toleration)',
      settings: { platform: 'gke' },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
`,
    },
    {
      name: 'EKS\'s accelerator label in a node affinity, with the toleration',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
    affinity:
      nodeAffinity:
        requiredDuringSchedulingIgnoredDuringExecution:
          nodeSelectorTerms:
            - matchExpressions:
                - {key: k8s.amazonaws.com/accelerator, operator: In, values: [nvidia-tesla-a100]}
`,
    },
    {
      name: 'Karpenter and NFD labels, and a label of the user\'s own (bitHarbor.gpuNodeLabels)',
      settings: { gpuNodeLabels: ['example.com/gpu-pool'] },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    nodeSelector: {example.com/gpu-pool: a100}
    tolerations: [{operator: Exists}]
  sglang-qwen:
    enabled: true
    nodeSelector: {karpenter.k8s.aws/instance-gpu-manufacturer: nvidia}
    tolerations: [{key: nvidia.com/gpu, operator: Exists}]
  other:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    resources: {limits: {nvidia.com/gpu: 1}}
    nodeSelector: {feature.node.kubernetes.io/pci-10de.present: "true"}
    tolerations: [{key: nvidia.com/gpu, operator: Exists}]
`,
    },

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
      // Was silent without tolerations: a selector for tainted GPU nodes without the toleration
      // pre-pulls nothing (the BroadcastJob skips those nodes; DOMAIN.md), now reported.
      text: `globalNodeSelector:
  nvidia.com/gpu.present: "true"
globalTolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
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
  - {name: gemma-3-4b-it, enabled: true, nodeSelector: {nvidia.com/gpu.present: "true"}, tolerations: [{operator: Exists}]}
  - {name: qwen3-8b, enabled: false}
advancedCronJob: {enabled: true}
`,
    },
  ],
};
