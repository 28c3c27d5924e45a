// weights-shadowed: a Bit Harbor container that mounts a volume at /models or a parent of it.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'weights-shadowed',
  trigger: [
    {
      name: 'the loading guide recipe: /pause with an emptyDir at /models',
      message: /hides the image's weights; Kubernetes copies nothing into it/,
      text: `modelGroups:
  vllm-example:
    enabled: true
    image:
      repository: vllm/vllm-openai
    service:
      port: 8000
    containerPort: 8000
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts:
          - name: models
            mountPath: /models # expect
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
      name: 'a mount at / hides /models too, on a defaults-only group',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts:
          - name: scratch
            mountPath: / # expect
    volumes:
      - name: scratch
        emptyDir: {}
`,
    },
    {
      name: 'flow style with a trailing slash',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers: [{name: w, image: "ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it", volumeMounts: [{name: m, mountPath: /models/}]}] # expect
    volumes: [{name: m, emptyDir: {}}]
`,
    },
    {
      name: 'a mount list shared through an anchor is reported where it is written',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: &models-mount
      - name: models
        mountPath: /models # expect
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        volumeMounts: *models-mount
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'an image from a mirror registry the user listed',
      settings: { registries: ['registry.example.com/mirror/bit-harbor'] },
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: registry.example.com/mirror/bit-harbor:gemma-3-4b-it
        volumeMounts:
          - name: models
            mountPath: /models # expect
    volumes:
      - name: models
        emptyDir: {}
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'the second document of a multi-document file',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
---
modelGroups:
  sglang-qwen:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen3-8b
        command: ["cp", "-r", "/models", "/data"]
        volumeMounts:
          - {name: models, mountPath: /models}
    volumes:
      - {name: models, emptyDir: {}}
`,
    },
    {
      name: 'the loading guide recipe in a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts:
          - name: models
            mountPath: /models
    volumes:
      - name: models
        emptyDir: {}
`,
    },
    {
      name: 'the copy recipe: busybox mounts the emptyDir at /models',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy-weights
        image: busybox:1.36
        command: ["sh", "-c", "cp -r /src/models/. /models/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src, readOnly: true}
          - {name: models, mountPath: /models}
    volumeMounts:
      - {name: models, mountPath: /models}
    volumes:
      - name: bit-harbor
        image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}
      - name: models
        emptyDir: {sizeLimit: 30Gi}
`,
    },
    {
      name: 'the image-volume recipe runs no Bit Harbor container',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - {name: weights, mountPath: /models, subPath: models}
    volumes:
      - name: weights
        image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}
`,
    },
    {
      name: 'a mount at /models-cache is no parent of /models',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        volumeMounts:
          - {name: cache, mountPath: /models-cache}
          - {name: extra, mountPath: /models/extra}
    volumes:
      - {name: cache, emptyDir: {}}
      - {name: extra, emptyDir: {}}
`,
    },
    {
      name: 'an image whose name merely starts like Bit Harbor',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: tools
        image: ghcr.io/doublewordai/bit-harbor-tools:1.0
        volumeMounts:
          - {name: models, mountPath: /models}
    volumes:
      - {name: models, emptyDir: {}}
`,
    },
    {
      name: 'a mirror registry nobody listed',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: registry.example.com/mirror/bit-harbor:gemma-3-4b-it
        volumeMounts:
          - {name: models, mountPath: /models}
    volumes:
      - {name: models, emptyDir: {}}
`,
    },
  ],
};
