// model-path-mismatch: the engine loads a local path where no weights are.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'model-path-mismatch',
  trigger: [
    {
      name: 'vLLM --model at the mount of an image volume without subPath',
      message: /one level above `models\/`: the weights are at `\/models\/models`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command:
      - vllm
      - serve
      - --model
      - /models # expect
    volumeMounts:
      - name: weights
        mountPath: /models
    volumes:
      - name: weights
        image:
          reference: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
`,
    },
    {
      name: 'SGLang --model-path= form, with a trailing slash',
      message: /`\/weights\/models`/,
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    command: ["python", "-m", "sglang.launch_server", "--model-path=/weights/", "--port", "30000"] # expect
    volumeMounts: [{name: bh, mountPath: /weights}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen3-8b"}}]
`,
    },
    {
      name: 'vllm serve positional inside a sh -c string',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: ["sh", "-c"]
    args:
      - "vllm serve /models --port 8000" # expect
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct"}}]
`,
    },
    {
      name: 'the loading guide: the emptyDir the engine reads is never filled',
      message: /is empty \(no init container copies weights into it\)/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    args: ["--model", "/root/.cache/huggingface"] # expect
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
      name: 'a path no volume is mounted on, with the weights elsewhere',
      message: /no volume with weights.*`\/weights`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: ["vllm", "serve", "/models"] # expect
    volumeMounts: [{name: bh, mountPath: /weights, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'a path aliased from the mount path is reported at the anchor',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts:
      - name: bh
        mountPath: &weights /models # expect
    args: ["--model", *weights]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
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
    enabled: true
    args: ["--model", "/models/models"]
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
---
modelGroups:
  vllm-gemma:
    enabled: true
    args: ["--model", "/models"]
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    // Was a trigger: modelName is the name the Onwards gateway forwards (onwards_model, _helpers.tpl), never the engine's model path (DOMAIN.md).
    {
      name: 'modelName as a path is the name the gateway forwards, not where the engine reads',
      text: `modelGroups:
  tensorrt-llm-mistral:
    enabled: true
    modelName: /models
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it"}}]
`,
    },
    {
      name: 'the models directory of an image volume',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    args: ["--model", "/models/models"]
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'an image volume mounted with subPath: models',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: ["vllm", "serve", "/models"]
    volumeMounts: [{name: bh, mountPath: /models, subPath: models, readOnly: true}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
`,
    },
    {
      name: 'the copy recipe fills the emptyDir the engine reads',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
    command: ["python", "-m", "sglang.launch_server", "--model-path", "/models"]
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
      name: 'a persistent volume of unknown contents, and an emptyDir an init container downloads into',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    args: ["--model", "/model-cache/gemma"]
    persistentVolumes:
      - {name: model-cache, size: 100Gi, mountPath: /model-cache}
  sglang-qwen:
    enabled: true
    args: ["--model-path", "/models"]
    initContainers:
      - name: download
        image: python:3.12-slim
        command: ["sh", "-c", "pip install huggingface_hub && hf download Qwen/Qwen3-8B --local-dir /models"]
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /models}]
    volumes: [{name: models, emptyDir: {}}]
`,
    },
    {
      name: 'a hub id is another check, and the disabled group is not rendered',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    volumeMounts: [{name: bh, mountPath: /models, subPath: models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}}]
  sglang-qwen:
    enabled: false
    args: ["--model-path", "/models"]
    volumeMounts: [{name: bh, mountPath: /models}]
    volumes: [{name: bh, image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen3-8b"}}]
`,
    },
    {
      name: 'Triton --model-repository is not a model flag',
      text: `modelGroups:
  tensorrt-llm-mistral:
    enabled: true
    command: ["tritonserver", "--model-repository=/models"]
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-4b-it
`,
    },
    {
      name: 'no Bit Harbor in the group: a path baked into a custom image is its own business',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: registry.example.com/llama-with-weights}
    service: {port: 8000}
    containerPort: 8000
    command: ["vllm", "serve", "/opt/weights", "--port", "8000"]
`,
    },
  ],
};
