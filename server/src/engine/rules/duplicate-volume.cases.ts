// Cases for duplicate-volume: two volumes of one name in one group (its `volumes` and the
// chart's `persistentVolumes` together); the second is reported.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'duplicate-volume',
  trigger: [
    {
      name: 'defaults-only group: two volumes named models',
      message: /already has a volume named `models`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {}
      - name: models # expect
        emptyDir: {sizeLimit: 50Gi}
`,
    },
    {
      // deployment.yaml writes the persistentVolumes' claims before `volumes`: the emptyDir is the
      // second volume of the name in the pod Kubernetes receives.
      name: 'a volume and a persistentVolumes entry of one name: the later in the rendered pod',
      message: /in `persistentVolumes`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - name: model-cache # expect
        emptyDir: {}
    persistentVolumes:
      - name: model-cache
        size: 100Gi
        mountPath: /model-cache
`,
    },
    {
      name: 'three of a kind: every one after the first',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - {name: cache, emptyDir: {}}
      - {name: cache, emptyDir: {}} # expect
      - {name: cache, emptyDir: {}} # expect
`,
    },
    {
      name: 'flow style',
      text: `modelGroups:
  vllm-gemma: {enabled: true, volumes: [{name: a, emptyDir: {}}, {name: a, emptyDir: {}}]} # expect
`,
    },
    {
      name: 'anchors: an aliased volume added twice to one list lands on the alias',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - &cache {name: cache, emptyDir: {}}
      - *cache # expect
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
    volumes: [{name: a, emptyDir: {}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - {name: b, emptyDir: {}}
      - {name: b, emptyDir: {}}
`,
    },
    {
      name: 'distinct names',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes:
      - {name: models, emptyDir: {}}
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /model-cache}
`,
    },
    {
      name: 'one name in two groups: each pod has it once',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes: [{name: models, emptyDir: {}}]
  sglang-qwen:
    enabled: true
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'anchors: one volume list aliased by two groups',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes: &vols [{name: models, emptyDir: {}}]
  sglang-qwen:
    enabled: true
    volumes: *vols
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    volumes: [{name: a, emptyDir: {}}, {name: a, emptyDir: {}}]
`,
    },
    {
      name: 'volumes without a name are the schema\'s to report',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumes: [{emptyDir: {}}, {emptyDir: {}}, {name: 1, emptyDir: {}}, {name: 1, emptyDir: {}}]
`,
    },
  ],
};
