// Cases for pvc-storage-class. The chart reads `storageClassName`, else `storageClass` (the
// first that is not empty); "-" renders an empty class, neither leaves the cluster's default.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'pvc-storage-class',
  trigger: [
    {
      name: 'storageClass "-": only a pre-provisioned volume binds',
      message: /no storage class.*Pending/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: "-" # expect
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'storageClassName "-" wins over a named storageClass',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: fast-ssd
        storageClassName: "-" # expect
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'an empty storageClassName falls through to storageClass "-"',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClassName: ""
        storageClass: "-" # expect
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteOnce]
`,
    },
    {
      name: 'ReadWriteMany with no class at all: reported at the request; strategy inherited',
      message: /asks for ReadWriteMany from the default storage class/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        mountPath: /root/.cache/huggingface
        accessModes:
          - ReadWriteMany # expect
`,
    },
    {
      name: 'ReadWriteMany with storageClass "" (the chart\'s own example): reported at the empty class',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    podSecurityContext: {runAsUser: 1000}
    env: [{name: HF_HOME, value: /model-cache}]
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        mountPath: /model-cache
        storageClass: "" # expect
        accessModes:
          - ReadWriteMany
`,
    },
  ],
  silent: [
    {
      name: 'ReadWriteMany from a named class',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: efs-sc, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'ReadWriteOnce from the default class',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 1
    strategy:
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a named storageClassName wins over storageClass "-"',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClassName: nfs, storageClass: "-", mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'a non-root group with its cache in env and a named class',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    securityContext: {runAsUser: 1000}
    env: [{name: HF_HUB_CACHE, value: /hub}]
    persistentVolumes:
      - {name: hub, size: 100Gi, storageClassName: cephfs, mountPath: /hub, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: "-", mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
  ],
};
