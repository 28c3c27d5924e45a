// unknown-model: a Bit Harbor tag the catalogue (here the bundled snapshot) does not list.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'unknown-model',
  trigger: [
    {
      name: 'a tag typed from memory, in an init container',
      message: /`llama-3\.1-8b` is not a model.*did you mean `llama-3\.1-8b-instruct`/,
      text: `modelGroups:
  llama:
    enabled: true
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b # expect
`,
    },
    {
      name: 'an image volume reference, quoted, in a disabled group',
      message: /did you mean `qwen-3-8b`/,
      text: `modelGroups:
  qwen:
    enabled: false
    volumes:
      - name: weights
        image:
          reference: "ghcr.io/doublewordai/bit-harbor:Qwen3-8B" # expect
`,
    },
    {
      name: 'a Pre-Porter image name with the default registry',
      message: /`gemma-3-12b` is not a model.*`gemma-3-12b-it`/,
      text: `images:
  - name: gemma-3-12b # expect
    enabled: true
advancedCronJob:
  enabled: true
`,
    },
    {
      name: 'a mirror listed in bitHarbor.registries, flow style',
      settings: { registries: ['registry.example.com/bit-harbor'] },
      text: `modelGroups:
  g:
    initContainers: [{name: w, image: 'registry.example.com/bit-harbor:qwen-3-9b'}] # expect
`,
    },
    {
      name: 'a reference with no tag pulls latest',
      message: /has no tag.*:latest/,
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor # expect
`,
    },
    {
      name: 'image.tag beside a Bit Harbor repository',
      text: `modelGroups:
  g:
    image:
      repository: ghcr.io/doublewordai/bit-harbor
      tag: mistral-7b # expect
`,
    },
  ],
  silent: [
    {
      name: 'catalogue tags in every slot',
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct
    volumes:
      - name: v
        image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen-3-8b"}
`,
    },
    {
      name: 'images of other registries',
      text: `modelGroups:
  g:
    image: {repository: vllm/vllm-openai, tag: v0.9.0}
    initContainers:
      - {name: copy, image: busybox:1.36}
      - {name: other, image: ghcr.io/doublewordai/bit-harbor-tools:llama-3.1-8b}
`,
    },
    {
      name: 'pinned by digest only',
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'a Pre-Porter name under a registry that is not Bit Harbor (image-registry-mismatch territory)',
      text: `imageRegistry: registry.example.com/own-models
images:
  - name: my-finetune
    enabled: true
`,
    },
    {
      name: 'an invalid tag is invalid-tag, not unknown-model',
      text: `images:
  - name: meta-llama/Llama-3.1-8B-Instruct
imageRegistry: ghcr.io/doublewordai/bit-harbor
`,
    },
    {
      name: 'a mirror that is not listed is not read as Bit Harbor',
      text: `modelGroups:
  g:
    initContainers:
      - {name: w, image: registry.example.com/bit-harbor:no-such-model}
`,
    },
    {
      name: 'a file of neither chart',
      text: `services:
  web:
    image: ghcr.io/doublewordai/bit-harbor:no-such-model
`,
    },
  ],
};
