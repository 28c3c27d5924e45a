// Cases for duplicate-mount-path: two mounts at one mountPath in one container; the second is
// reported. The engine's mounts include the chart's persistentVolumes.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'duplicate-mount-path',
  trigger: [
    {
      name: 'defaults-only group: the engine mounts two volumes at /models',
      message: /`\/models` is already a mount path of the engine container/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - name: models
        mountPath: /models
      - name: cache
        mountPath: /models # expect
    volumes: [{name: models, emptyDir: {}}, {name: cache, emptyDir: {}}]
`,
    },
    {
      name: 'an init container mounts two volumes at one path',
      message: /init container `copy`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        volumeMounts:
          - {name: bit-harbor, mountPath: /data}
          - {name: models, mountPath: /data} # expect
    volumes: [{name: models, emptyDir: {}}, {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen-3-8b"}}]
`,
    },
    {
      // deployment.yaml writes the persistentVolumes' mounts before volumeMounts: the volumeMount
      // is the second mount at the path in the pod Kubernetes receives (it was the other way round
      // before the checks read the rendered pod).
      name: 'a volumeMount and a persistentVolumes entry at one path: the later in the rendered pod',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /model-cache}] # expect
    volumes: [{name: models, emptyDir: {}}]
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        mountPath: /model-cache
`,
    },
    {
      name: 'flow style',
      text: `modelGroups:
  vllm-gemma: {enabled: true, volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /a}], volumes: [{name: a, emptyDir: {}}, {name: b, emptyDir: {}}]} # expect
`,
    },
    {
      name: 'anchors: the second path is an alias of the first; the finding lands on the alias',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - {name: a, mountPath: &path /weights}
      - {name: b, mountPath: *path} # expect
`,
    },
    {
      name: 'anchors: a whole mount aliased twice into one list',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - &weights {name: a, mountPath: /weights}
      - *weights # expect
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document: the second document is checked on its own',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
---
modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - {name: a, mountPath: /a}
      - {name: b, mountPath: /a}
`,
    },
    {
      name: 'distinct paths',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}, {name: cache, mountPath: /cache}]
`,
    },
    {
      name: 'one path in the init container and in the engine: different containers',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /models}]
`,
    },
    {
      name: 'one volume at two paths with subPath',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - {name: weights, mountPath: /models, subPath: models}
      - {name: weights, mountPath: /extra, subPath: extra}
`,
    },
    {
      name: 'one path in two groups',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
  sglang-qwen:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    volumeMounts: [{name: a, mountPath: /a}, {name: b, mountPath: /a}]
`,
    },
  ],
};
