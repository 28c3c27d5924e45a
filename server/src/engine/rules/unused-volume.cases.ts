// Cases for unused-volume: a volume of a group that no container of the group mounts. The
// chart mounts persistentVolumes itself, so those never count.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'unused-volume',
  trigger: [
    {
      name: 'multi-document: the first document is the values; the one after it is ignored',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - name: models # expect
        emptyDir: {}
---
modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'defaults-only group: a volume nobody mounts',
      message: /mounts volume `scratch`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {}
      - name: scratch # expect
        emptyDir: {}
`,
    },
    {
      name: 'a Bit Harbor image volume left behind after the mount was renamed',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: weights, mountPath: /weights}]
    volumes:
      - name: weights
        image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}
      - name: bit-harbor # expect
        image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}
`,
    },
    {
      name: 'flow style',
      text: `modelGroups:
  vllm-gemma: {enabled: true, volumes: [{name: lonely, emptyDir: {}}]} # expect
`,
    },
    {
      name: 'mounted only in another group',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes: [{name: models, emptyDir: {}}] # expect
  sglang-qwen:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
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
    volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'mounted by the engine',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'mounted only by an init container (the copy source)',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        volumeMounts: [{name: bit-harbor, mountPath: /src}, {name: models, mountPath: /dst}]
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
      - {name: models, emptyDir: {}}
`,
    },
    {
      name: 'persistentVolumes are mounted by the chart',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /model-cache}
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    volumes: [{name: lonely, emptyDir: {}}]
`,
    },
    {
      name: 'anchors: the mount list is aliased from the init container',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: prepare
        image: busybox:1.36
        volumeMounts: &mounts [{name: models, mountPath: /models}]
    volumeMounts: *mounts
    volumes: [{name: models, emptyDir: {}}]
`,
    },
  ],
};
