// Cases for pvc-rwo-blocks-rollout. vllm-gemma inherits `replicaCount: 1` and a RollingUpdate
// strategy with maxSurge 1, maxUnavailable 0; a group of another name inherits no strategy, so
// Kubernetes' own default applies (RollingUpdate, maxSurge 25%, at least one pod).
import type { RuleCases } from './cases';

const cache = (modes: string) => `    persistentVolumes:
      - name: model-cache
        size: 100Gi
        mountPath: /root/.cache/huggingface
        accessModes: ${modes}
`;

export const cases: RuleCases = {
  code: 'pvc-rwo-blocks-rollout',
  trigger: [
    {
      name: 'a group that inherits its strategy from the chart defaults: reported at the group',
      message: /ReadWriteOnce: it cannot attach the claim the old pod holds/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'a group of its own name without strategy gets Kubernetes\' default surge',
      text: `modelGroups:
  llama: # expect
    enabled: true
    image: {repository: vllm/vllm-openai, tag: latest}
    service: {port: 8000}
    containerPort: 8000
    podSecurityContext: {runAsUser: 1000}
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'maxSurge written in the file is where the finding goes',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy:
      type: RollingUpdate
      rollingUpdate:
        maxSurge: 1 # expect
        maxUnavailable: 0
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'strategy.type written, the surge inherited: reported at the type',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy:
      type: RollingUpdate # expect
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'several replicas with Recreate: the extra replicas, reported at replicaCount',
      message: /3 replicas share `model-cache`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3 # expect
    strategy: {type: Recreate, rollingUpdate: null}
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'ReadWriteOncePod with a percentage surge, cache set through env',
      message: /ReadWriteOncePod/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    env: [{name: HF_HOME, value: /cache}]
    strategy:
      rollingUpdate:
        maxSurge: 50% # expect
${cache('[ReadWriteOncePod]')}`,
    },
    {
      name: 'two replicas and the inherited surge: both causes, each at its own node',
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
    replicaCount: 2 # expect
${cache('[ReadWriteOnce]')}`,
    },
  ],
  silent: [
    {
      name: 'replicaCount 1 with maxSurge 0: the old pod goes first',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 1
    strategy:
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'Recreate with the inherited rollingUpdate removed',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy: {type: Recreate, rollingUpdate: null}
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'ReadWriteMany attaches on every node',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
${cache('[ReadWriteMany]')}`,
    },
    {
      name: 'a claim that also asks for ReadWriteMany binds only to a volume that offers it',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
${cache('[ReadWriteOnce, ReadWriteMany]')}`,
    },
    {
      name: 'a non-root group with its cache in env and a single-pod strategy',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    podSecurityContext: {runAsUser: 1000}
    env: [{name: HF_HUB_CACHE, value: /hub}]
    strategy: {type: Recreate, rollingUpdate: null}
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'a group scaled to zero runs no pods',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 0
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    replicaCount: 2
${cache('[ReadWriteOnce]')}`,
    },
    {
      name: 'no persistent volumes: the surge needs no claim',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
`,
    },
  ],
};
