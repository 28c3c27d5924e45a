// Files that must and must not get override-replaces-global. Lines that carry the finding end
// with `# expect`.
import type { RuleCases } from './cases';

const MODELINE = '# bit-harbor-values: chart=pre-porter\n';
const CRON_ON = 'advancedCronJob:\n  enabled: true\n';
const GPU_SELECTOR = 'globalNodeSelector:\n  nvidia.com/gpu.present: "true"\n';
const GPU_TOLERATION = 'globalTolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n';

export const cases: RuleCases = {
  code: 'override-replaces-global',
  trigger: [
    {
      name: 'a per-image nodeSelector drops the GPU label of the global one',
      text: `${CRON_ON}${GPU_SELECTOR}images:\n  - name: llama-3.1-8b-instruct\n    enabled: true\n    nodeSelector: # expect\n      accelerator: nvidia-tesla-v100\n`,
      message: /`nvidia\.com\/gpu\.present: "true"`/,
    },
    {
      name: 'per-image tolerations drop the global GPU toleration',
      text: `${CRON_ON}${GPU_TOLERATION}images:\n  - name: a\n    enabled: true\n    tolerations: # expect\n      - key: dedicated\n        operator: Equal\n        value: ml\n        effect: NoSchedule\n`,
      message: /key: nvidia\.com\/gpu/,
    },
    {
      name: 'per-image resources with limits only drop the global requests',
      text: `${CRON_ON}globalResources:\n  limits: {cpu: 100m, memory: 128Mi}\n  requests: {cpu: 50m, memory: 64Mi}\nimages:\n  - name: a\n    enabled: true\n    resources: # expect\n      limits: {cpu: 200m, memory: 512Mi}\n`,
      message: /`requests: \{cpu: 50m, memory: 64Mi\}`/,
    },
    {
      name: 'a partial limits map loses the other limit',
      text: `${CRON_ON}globalResources:\n  limits:\n    cpu: 100m\n    memory: 128Mi\nimages:\n  - name: a\n    enabled: true\n    resources: # expect\n      limits:\n        memory: 1Gi\n`,
      message: /`limits\.cpu: 100m`/,
    },
    {
      name: 'a per-image affinity drops the global node affinity',
      text: `${CRON_ON}globalAffinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - {key: nvidia.com/gpu.present, operator: In, values: ["true"]}\nimages:\n  - name: a\n    enabled: true\n    affinity: # expect\n      podAntiAffinity: {}\n`,
      message: /nodeAffinity/,
    },
    {
      name: 'flow style',
      text: 'advancedCronJob: {enabled: true}\nglobalNodeSelector: {pool: gpu}\nimages: [{name: a, enabled: true, nodeSelector: {zone: eu-1}}] # expect\n',
    },
    {
      name: 'one anchored selector shared by two images: each image is told',
      text: `${CRON_ON}${GPU_SELECTOR}images:\n  - name: a\n    enabled: true\n    nodeSelector: &v100 # expect\n      accelerator: nvidia-tesla-v100\n  - name: b\n    enabled: true\n    nodeSelector: *v100 # expect\n`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document file: only the document whose image drops the global entry',
      text: `${MODELINE}${CRON_ON}${GPU_SELECTOR}images:\n  - {name: a, enabled: true}\n---\n${CRON_ON}${GPU_SELECTOR}images:\n  - name: b\n    enabled: true\n    nodeSelector: {zone: eu-1}\n`,
    },
    {
      name: 'the per-image selector repeats the global label and adds its own',
      text: `${CRON_ON}${GPU_SELECTOR}images:\n  - name: a\n    enabled: true\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n      accelerator: nvidia-tesla-v100\n`,
    },
    {
      name: 'the same label with another value is a deliberate override, not a loss',
      text: `${CRON_ON}globalNodeSelector:\n  pool: gpu-small\nimages:\n  - name: a\n    enabled: true\n    nodeSelector:\n      pool: gpu-large\n`,
    },
    {
      name: 'an empty per-image value falls back to the global one',
      text: `${CRON_ON}${GPU_SELECTOR}${GPU_TOLERATION}images:\n  - name: a\n    enabled: true\n    nodeSelector: {}\n    tolerations: []\n`,
    },
    {
      name: 'defaults only: the globals are empty, so a per-image value replaces nothing',
      text: `${CRON_ON}images:\n  - name: a\n    enabled: true\n    nodeSelector: {accelerator: a100}\n    resources: {limits: {memory: 1Gi}}\n`,
    },
    {
      name: 'the cron off: nothing renders, nothing is replaced',
      text: `advancedCronJob:\n  enabled: false\n${GPU_SELECTOR}images:\n  - name: a\n    enabled: true\n    nodeSelector: {accelerator: a100}\n`,
    },
    {
      name: 'an image that is off renders nothing',
      text: `${CRON_ON}${GPU_SELECTOR}images:\n  - name: a\n    enabled: false\n    nodeSelector: {accelerator: a100}\n`,
    },
    {
      name: 'the global selector merged in with an anchor and <<',
      text: `${CRON_ON}globalNodeSelector: &gpu\n  nvidia.com/gpu.present: "true"\nimages:\n  - name: a\n    enabled: true\n    nodeSelector:\n      <<: *gpu\n      accelerator: a100\n`,
    },
    {
      name: 'per-image tolerations that include the global one',
      text: `${CRON_ON}${GPU_TOLERATION}images:\n  - name: a\n    enabled: true\n    tolerations:\n      - {key: dedicated, operator: Exists}\n      - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\n`,
    },
    {
      name: 'resources that restate every global entry with new amounts',
      text: `${CRON_ON}globalResources:\n  limits: {cpu: 100m, memory: 128Mi}\n  requests: {cpu: 50m, memory: 64Mi}\nimages:\n  - name: a\n    enabled: true\n    resources:\n      limits: {cpu: 200m, memory: 512Mi}\n      requests: {cpu: 100m, memory: 256Mi}\n`,
    },
  ],
};
