// Cases for pvc-rwx-concurrent-writes. vllm-gemma inherits `runAsUser: 0` (cache at
// /root/.cache/huggingface), `--model google/gemma-3-12b-it` and its RollingUpdate strategy.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'pvc-rwx-concurrent-writes',
  trigger: [
    {
      name: 'the guide\'s shape: several replicas, strategy inherited, a shared cache at root\'s default',
      message: /^3 replicas of `vllm-gemma` write the Hugging Face cache on ReadWriteMany PVC `model-cache`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        storageClass: efs-sc
        mountPath: /root/.cache/huggingface
        accessModes:
          - ReadWriteMany # expect
`,
    },
    {
      name: 'HF_HOME from env with a non-root runAsUser',
      message: /write the Hugging Face cache/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
    podSecurityContext: {runAsUser: 1000}
    env: [{name: HF_HOME, value: /cache}]
    persistentVolumes:
      - {name: hf, size: 100Gi, storageClass: nfs, mountPath: /cache, accessModes: [ReadWriteMany]} # expect
`,
    },
    {
      name: 'HF_HUB_CACHE from env',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
    env:
      - name: HF_HUB_CACHE
        value: /hub
    persistentVolumes:
      - name: hub
        size: 100Gi
        storageClass: nfs
        mountPath: /hub
        accessModes: [ReadWriteMany] # expect
`,
    },
    {
      name: 'TRANSFORMERS_CACHE from env, replicaCount 2 with maxSurge 0',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
    strategy:
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
    env: [{name: TRANSFORMERS_CACHE, value: /transformers}]
    persistentVolumes:
      - name: transformers
        size: 100Gi
        storageClass: nfs
        mountPath: /transformers
        accessModes:
          - ReadWriteMany # expect
`,
    },
    {
      name: 'a writable volumeMounts entry puts the shared volume at the cache',
      message: /can corrupt it$/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
    volumeMounts:
      - {name: shared, mountPath: /root/.cache/huggingface}
    persistentVolumes:
      - name: shared
        size: 100Gi
        storageClass: nfs
        mountPath: /shared
        accessModes: [ReadWriteMany] # expect
`,
    },
  ],
  silent: [
    {
      name: 'replicaCount 1 with maxSurge 0: one writer',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 1
    strategy:
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: nfs, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'a filled cache read offline: HF_HUB_OFFLINE=1',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    env: [{name: HF_HUB_OFFLINE, value: "1"}]
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: nfs, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'mounted read-only at the cache through volumeMounts',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    volumeMounts:
      - {name: shared, mountPath: /root/.cache/huggingface, readOnly: true}
    persistentVolumes:
      - {name: shared, size: 100Gi, storageClass: nfs, mountPath: /shared, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'a non-root runAsUser keeps its cache elsewhere than /root',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    podSecurityContext: {runAsUser: 1000}
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: nfs, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'the engine reads a path on the shared volume: no downloads to race',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    command: [--model, /models/gemma]
    persistentVolumes:
      - {name: weights, size: 100Gi, storageClass: nfs, mountPath: /models, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'ReadWriteOnce is the other check\'s business',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteOnce]}
`,
    },
    {
      name: 'a shared volume that is not the cache',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    persistentVolumes:
      - {name: outputs, size: 100Gi, storageClass: nfs, mountPath: /outputs, accessModes: [ReadWriteMany]}
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    replicaCount: 3
    persistentVolumes:
      - {name: model-cache, size: 100Gi, storageClass: nfs, mountPath: /root/.cache/huggingface, accessModes: [ReadWriteMany]}
`,
    },
  ],
};
