// Cases for size-unknown, the companion of size-limit-too-small: a weights volume with a limit
// to check, and a model whose size the catalogue does not know (dw-gemma-3-12b-it is listed
// without a size in the bundled table; my-own-model is not listed at all).
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'size-unknown',
  trigger: [
    {
      name: 'a catalogue tag without a size',
      message: /dw-gemma-3-12b-it.*without a size/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi # expect
`,
    },
    {
      name: 'a tag that is not in the catalogue, through the copy recipe',
      message: /my-own-model.*not in the catalogue/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        command: [sh, -c, "cp -r /src/models/. /dst/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src}
          - {name: models, mountPath: /dst}
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:my-own-model"}}
      - {name: models, emptyDir: {sizeLimit: 5e10}} # expect
`,
    },
    {
      name: 'an untagged reference pulls `latest`, which has no known size',
      message: /`latest`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50G # expect
`,
    },
    {
      name: 'memory-backed, the copy recipe: the busybox writer\'s limit in a flow map',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.37.0
        command: [sh, -c, "cp -r /src/models/. /weights/"]
        resources: {limits: {memory: 40Gi}} # expect
        volumeMounts:
          - {name: bh, mountPath: /src, readOnly: true}
          - {name: weights, mountPath: /weights}
    volumes:
      - name: bh
        image: {reference: "ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it"}
      - name: weights
        emptyDir: {medium: Memory}
`,
    },
    {
      name: 'memory-backed, no sizeLimit: reported at the writing init container\'s memory limit',
      message: /memory limit 32Gi of init container `weights`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        resources:
          limits:
            memory: 32Gi # expect
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {medium: Memory}
`,
    },
  ],
  silent: [
    // Was a trigger at the medium: the engine's default memory limit is not what the copy is charged to.
    {
      name: 'memory-backed in a defaults-only group, the init container without a memory limit',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          medium: Memory
`,
    },
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document: only the second document has the unknown model',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {sizeLimit: 50Gi}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {sizeLimit: 50Gi}}]
`,
    },
    {
      name: 'a model of known size',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi
`,
    },
    {
      name: 'unknown model but no sizeLimit on a disk-backed emptyDir: nothing to check',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi
`,
    },
    {
      name: 'an init container with no Bit Harbor image',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: my-registry/my-model:1
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi
`,
    },
    {
      name: 'a sizeLimit that is no quantity is the schema\'s to report',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir:
          sizeLimit: lots
`,
    },
    {
      name: 'the Bit Harbor image volume mounted straight into the engine: no copy, no limit to check',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: weights, mountPath: /weights}]
    volumes:
      - name: weights
        image: {reference: "ghcr.io/doublewordai/bit-harbor:dw-gemma-3-12b-it"}
`,
    },
  ],
};
