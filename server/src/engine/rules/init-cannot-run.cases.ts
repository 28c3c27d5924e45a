// init-cannot-run: a Bit Harbor container whose command is anything but /pause.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'init-cannot-run',
  trigger: [
    {
      name: 'the chart comment recipe: cp into a shared volume',
      message: /runs `cp`, which its Bit Harbor image .* does not have/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct
        command:
          - cp # expect
          - -r
          - /models/*
          - /shared/models/
        volumeMounts:
          - name: model-storage
            mountPath: /shared/models
    volumes:
      - name: model-storage
        emptyDir: {}
`,
    },
    {
      name: 'sh -c in flow style',
      message: /runs `sh`/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen3-8b
        command: ["sh", "-c", "cp -r /models/. /data/"] # expect
        volumeMounts: [{name: data, mountPath: /data}]
    volumes: [{name: data, emptyDir: {}}]
`,
    },
    {
      name: 'a busybox path that the scratch image does not have',
      text: `modelGroups:
  qwen:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30000}
    containerPort: 30000
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:qwen3-8b@sha256:0000000000000000000000000000000000000000000000000000000000000000
        command:
          - /bin/busybox # expect
          - cp
`,
    },
    {
      name: 'a command shared through an anchor with a busybox container',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copier
        image: busybox:1.36
        command: &copy ["sh", "-c", "cp -r /src/models/. /dst/"] # expect
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        command: *copy
`,
    },
    {
      name: 'the engine container itself set to a Bit Harbor image keeps the vLLM flags of the defaults',
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
    image:
      repository: ghcr.io/doublewordai/bit-harbor
      tag: gemma-3-12b-it
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'one finding per container, in the second document',
      text: `onwards:
  replicaCount: 1
---
modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: first
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        command: [cp, -r, /models, /a]
      - name: second
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: [mv, /models, /b]
`,
    },
    {
      name: 'an explicit /pause',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        command: ["/pause"]
`,
    },
    {
      name: 'no command: the entrypoint /pause runs, and args go to it',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        args: ["cp", "-r", "/models", "/data"]
`,
    },
    {
      name: 'cp in busybox is the working copy recipe',
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
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it"}}
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
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        command: [cp, -r, /models, /data]
`,
    },
    {
      name: 'a mount over /models is the more specific finding',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
        command: [cp, -r, /models, /data]
        volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'the Pre-Porter chart runs /pause on purpose',
      text: `images:
  - name: gemma-3-4b-it
    enabled: true
advancedCronJob:
  enabled: true
  broadcastJobTemplate:
    podTemplate:
      command: ["/pause"]
`,
    },
  ],
};
