// weights-unreachable: a Bit Harbor container that runs /pause and hides nothing: it copies nothing.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'weights-unreachable',
  trigger: [
    {
      name: 'the Bit Harbor README recipe: a provider container and a busybox copier on an emptyDir',
      message: /copies nothing: no volume receives/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: model-provider
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it # expect
        volumeMounts:
          - name: model-volume
            mountPath: /data
      - name: model-copier
        image: busybox:stable
        volumeMounts:
          - {name: model-volume, mountPath: /data}
          - {name: shared-models, mountPath: /shared}
        command: ['sh', '-c', 'cp -r /data/models/* /shared/']
    volumes:
      - {name: model-volume, emptyDir: {}}
      - {name: shared-models, emptyDir: {}}
`,
    },
    {
      name: 'an explicit /pause with a volume elsewhere',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    initContainers:
      - name: weights
        image: "ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct" # expect
        command: ["/pause"]
        volumeMounts: [{name: w, mountPath: /weights}]
    volumes: [{name: w, emptyDir: {}}]
`,
    },
    {
      name: 'no mounts at all: it only warms the image cache',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: prefetch
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it # expect
`,
    },
    {
      name: 'args alone are handed to /pause',
      message: /args.*ignores them/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it # expect
        args: ["cp", "-r", "/models", "/data"]
`,
    },
    {
      name: 'flow style, two groups, one finding each',
      text: `modelGroups:
  vllm-gemma: {enabled: true, initContainers: [{name: a, image: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}]} # expect
  sglang-qwen: {enabled: true, initContainers: [{name: b, image: "ghcr.io/doublewordai/bit-harbor:qwen3-8b"}]} # expect
`,
    },
    {
      name: 'an engine container that is a Bit Harbor image and runs its entrypoint',
      text: `modelGroups:
  weights-only:
    enabled: true
    image:
      repository: ghcr.io/doublewordai/bit-harbor # expect
      tag: gemma-3-4b-it
    service: {port: 8000}
    containerPort: 8000
`,
    },
    {
      name: 'an image reference anchored in one group and aliased into another',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: &bh ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it # expect
  sglang-qwen:
    enabled: false
    initContainers:
      - name: weights
        image: *bh
`,
    },
  ],
  silent: [
    {
      name: 'the image-volume recipe',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: ["vllm", "serve", "/models"]
    volumeMounts: [{name: weights, mountPath: /models, subPath: models, readOnly: true}]
    volumes: [{name: weights, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'the copy recipe with busybox',
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
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}
      - {name: models, emptyDir: {}}
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
`,
    },
    {
      name: 'the loading guide recipe gets weights-shadowed instead',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'a cp command gets init-cannot-run instead',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["cp", "-r", "/models", "/data"]
`,
    },
    {
      name: 'an ordinary init container and the defaults only',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: wait
        image: busybox:1.36
        command: ["sh", "-c", "sleep 1"]
`,
    },
  ],
};
