// Cases for volume-not-found: a mount must name a volume of its own group (its `volumes` or
// the chart's `persistentVolumes`).
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'volume-not-found',
  trigger: [
    {
      name: 'defaults-only group: the engine mounts a misspelt volume name',
      message: /did you mean `models`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - name: modles # expect
        mountPath: /models
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'an init container mounts a volume the group does not have',
      message: /init container `weights`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - name: model-cache # expect
            mountPath: /models
`,
    },
    {
      name: 'flow style, no volumes at all',
      text: `modelGroups:
  vllm-gemma: {enabled: true, volumeMounts: [{name: weights, mountPath: /weights}]} # expect
`,
    },
    {
      name: 'a volume of another group does not count',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - {name: shared, mountPath: /shared} # expect
  sglang-qwen:
    enabled: true
    volumeMounts: [{name: shared, mountPath: /shared}]
    volumes: [{name: shared, emptyDir: {}}]
`,
    },
    {
      name: 'anchors: a mount list written once under an anchor, used by an enabled group with no such volume',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    volumeMounts: &mounts
      - name: cache # expect
        mountPath: /cache
    volumes: [{name: cache, emptyDir: {}}]
  vllm-gemma:
    enabled: true
    volumeMounts: *mounts
`,
    },
    {
      name: 'upstream examples/single-tensorrt-llm.yaml: model-converter mounts model-data, which the group never defines',
      message: /`model-data`.*init container `model-converter`/,
      text: `modelGroups:
  tensorrt-mistral:
    enabled: true
    persistentVolumes: []
    volumes:
      - name: shm
        emptyDir:
          medium: Memory
          sizeLimit: 4Gi
      - name: tmp
        emptyDir:
          sizeLimit: 10Gi
    volumeMounts:
      - name: shm
        mountPath: /dev/shm
      - name: tmp
        mountPath: /tmp
    initContainers:
      - name: model-converter
        image: nvcr.io/nvidia/tensorrt_llm/devel:latest
        volumeMounts:
          - name: model-data # expect
            mountPath: /models
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
    volumes: [{name: models, emptyDir: {}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
`,
    },
    {
      name: 'every mount names a volume',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: busybox:1.36
        volumeMounts: [{name: models, mountPath: /dst}, {name: bit-harbor, mountPath: /src}]
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - {name: models, emptyDir: {}}
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
`,
    },
    {
      name: 'a mount of a volume the chart makes from persistentVolumes',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /model-cache}
    initContainers:
      - name: warm
        image: busybox:1.36
        volumeMounts: [{name: model-cache, mountPath: /cache}]
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    volumeMounts: [{name: nowhere, mountPath: /nowhere}]
`,
    },
    {
      name: 'anchors: the volume list is aliased from another group',
      text: `modelGroups:
  sglang-qwen:
    enabled: false
    volumes: &vols [{name: cache, emptyDir: {}}]
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: cache, mountPath: /cache}]
    volumes: *vols
`,
    },
    {
      name: 'a mount without a string name is the schema\'s to report',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: 42, mountPath: /x}, {mountPath: /y}, "not a mount"]
    volumes: {models: {emptyDir: {}}}
`,
    },
  ],
};
