// weights-not-used: weights are mounted in the engine, but it is told a hub id and downloads again.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'weights-not-used',
  trigger: [
    {
      name: '--model= form in the first document; the one after it is ignored',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: ["vllm", "serve", "--port", "8000"]
    args:
      - --model=google/gemma-3-12b-it # expect
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
---
modelGroups:
  vllm-gemma:
    enabled: false
`,
    },
    {
      name: 'a defaults-only vLLM group keeps its --model hub id beside an image volume',
      message: /at `\/models`, but gives the engine the hub id `google\/gemma-3-12b-it`/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
    volumeMounts:
      - name: weights
        mountPath: /models
        subPath: models
    volumes:
      - name: weights
        image:
          reference: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
`,
    },
    {
      name: 'SGLang --model-path hub id with the copy recipe',
      message: /`\/models`/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    command:
      - python
      - -m
      - sglang.launch_server
      - --model-path
      - Qwen/Qwen3-8B # expect
    initContainers:
      - name: copy-weights
        image: busybox:1.36
        command: ["sh", "-c", "cp -r /src/models/. /models/"]
        volumeMounts:
          - {name: bit-harbor, mountPath: /src, readOnly: true}
          - {name: models, mountPath: /models}
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - {name: bit-harbor, image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen3-8b"}}
      - {name: models, emptyDir: {sizeLimit: 20Gi}}
`,
    },
    {
      name: 'vllm serve with a hub id positional, in flow style',
      message: /`\/weights\/models`/,
      text: `modelGroups:
  vllm-gemma: {enabled: true, command: [vllm, serve, google/gemma-3-4b-it], volumeMounts: [{name: bh, mountPath: /weights}], volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it"}}]} # expect
`,
    },
    {
      name: 'an image reference anchored and reused as the volume',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    args: [--model, google/gemma-3-12b-it] # expect
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes:
      - name: bh
        image: {reference: &gemma "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}
    podAnnotations: {weights: *gemma}
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: '--model= form in the second document',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
---
modelGroups:
  vllm-gemma:
    enabled: true
    command: ["vllm", "serve", "--port", "8000"]
    args:
      - --model=google/gemma-3-12b-it
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    // Was a trigger: the chart never hands modelName to the engine, only to the gateway as the name it forwards (DOMAIN.md).
    {
      name: 'a hub-id modelName is not what the engine loads: the gateway forwards it',
      text: `modelGroups:
  tensorrt-llm-mistral:
    enabled: true
    modelName: mistralai/Mistral-7B-Instruct-v0.3
    volumeMounts: [{name: bh, mountPath: /weights}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it"}}]
`,
    },
    {
      name: 'the engine reads the mounted path',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    args: ["--model", "/models"]
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'no weights volume: a plain hub download on a defaults-only group',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'the loading guide recipe: the emptyDir is never filled, so nothing reaches the engine',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: copy-model-weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /root/.cache/huggingface}]
    volumes: [{name: models, emptyDir: {sizeLimit: 50Gi}}]
`,
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'weights laid out inside the hub cache by hand',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - name: bh
        mountPath: /root/.cache/huggingface/hub/models--google--gemma-3-12b-it/snapshots/main
        subPath: models
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'an image volume only an init container mounts, and a relative path',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    initContainers:
      - name: check
        image: busybox:1.36
        command: ["ls", "/src/models"]
        volumeMounts: [{name: bh, mountPath: /src, readOnly: true}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
  sglang-qwen:
    enabled: true
    args: ["--model-path", "./models"]
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen3-8b"}}]
`,
    },
  ],
};
