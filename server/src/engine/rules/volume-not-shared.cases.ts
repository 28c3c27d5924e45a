// Cases for volume-not-shared: a weights init container (a Bit Harbor image, or one that mounts
// a Bit Harbor image volume) writing to a volume the engine container does not mount.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'volume-not-shared',
  trigger: [
    {
      name: 'multi-document: the first document is the values; the one after it is ignored',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - name: models # expect
            mountPath: /models
    volumes: [{name: models, emptyDir: {}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'defaults-only group: the Bit Harbor init container fills a volume the engine never mounts',
      message: /`weights` writes to volume `models`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - name: models # expect
            mountPath: /models
    volumes:
      - name: models
        emptyDir: {sizeLimit: 50Gi}
`,
    },
    {
      name: 'copy recipe: busybox copies into `models` but the engine mounts `cache`',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy
        image: busybox:1.36
        command: [sh, -c, "cp -r /src/models/. /dst/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src, readOnly: true}
          - {name: models, mountPath: /dst} # expect
    volumeMounts: [{name: cache, mountPath: /models}]
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
      - {name: models, emptyDir: {}}
      - {name: cache, emptyDir: {}}
`,
    },
    {
      name: 'flow style',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers: [{name: w, image: "ghcr.io/doublewordai/bit-harbor:qwen-3-8b", volumeMounts: [{name: models, mountPath: /models}]}] # expect
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'mounted by another group\'s engine does not count',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - {name: models, mountPath: /models} # expect
    volumes: [{name: models, emptyDir: {}}]
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
---
modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - name: models
            mountPath: /models
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: "the loading guide's recipe: the engine mounts the init container's volume (the weights still never arrive: another check)",
      text: `modelGroups:
  vllm-example:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: latest}
    service: {port: 8000}
    containerPort: 8000
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts:
          - name: models
            mountPath: /models
    volumeMounts:
      - name: models
        mountPath: /root/.cache/huggingface
        readOnly: false
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi
`,
    },
    {
      name: 'copy recipe done right: the image volume is read from, the emptyDir is shared',
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
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
      - {name: models, emptyDir: {}}
`,
    },
    {
      name: 'a read-only mount writes nothing',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: config, mountPath: /config, readOnly: true}]
    volumes: [{name: config, configMap: {name: settings}}]
`,
    },
    {
      name: 'an init container that handles no weights may keep a volume to itself',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: prepare
        image: busybox:1.36
        volumeMounts: [{name: scratch, mountPath: /scratch}]
    volumes: [{name: scratch, emptyDir: {}}]
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'a mount of a missing volume is volume-not-found\'s, not this check\'s',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
`,
    },
    {
      name: 'anchors: the engine mounts the volume through an alias of the init container\'s mount list',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: &mounts [{name: models, mountPath: /models}]
    volumeMounts: *mounts
    volumes: [{name: models, emptyDir: {}}]
`,
    },
  ],
};
