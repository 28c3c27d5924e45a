// invalid-tag: a Bit Harbor tag that no registry could serve.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'invalid-tag',
  trigger: [
    {
      name: 'a Hugging Face id as the tag',
      message: /contains `\/`.*did you mean `llama-3\.1-8b-instruct`/,
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor:meta-llama/Llama-3.1-8B-Instruct # expect
`,
    },
    {
      name: 'a Pre-Porter name with a slash',
      message: /contains `\/`/,
      text: `images:
  - name: Qwen/Qwen3-8B # expect
    enabled: true
imageRegistry: ghcr.io/doublewordai/bit-harbor
`,
    },
    {
      name: 'an empty tag after the colon',
      message: /is empty/,
      text: `modelGroups:
  g:
    volumes:
      - name: v
        image:
          reference: "ghcr.io/doublewordai/bit-harbor:" # expect
`,
    },
    {
      name: 'a leading dot',
      message: /starts with `\.`/,
      text: `modelGroups:
  g:
    initContainers: [{name: w, image: "ghcr.io/doublewordai/bit-harbor:.qwen-3-8b"}] # expect
`,
    },
    {
      name: 'a space in a Pre-Porter name, under any registry',
      message: /contains a space/,
      text: `imageRegistry: registry.example.com/models
images:
  - name: "qwen 3 8b" # expect
`,
    },
    {
      name: 'a tag over 128 characters',
      message: /129 characters/,
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor:${'a'.repeat(129)} # expect
`,
    },
  ],
  silent: [
    {
      name: 'catalogue tags',
      text: `modelGroups:
  g:
    initContainers:
      - {name: w, image: ghcr.io/doublewordai/bit-harbor:qwen-3-8b}
`,
    },
    {
      name: 'an unknown but well-formed tag is unknown-model, not invalid-tag',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
  - name: llama-3.1-8b
`,
    },
    {
      name: 'a tag with a digest',
      text: `modelGroups:
  g:
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor:qwen-3-8b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
`,
    },
    {
      name: 'slashes in images that are not Bit Harbor',
      text: `modelGroups:
  g:
    image: {repository: vllm/vllm-openai, tag: latest}
    initContainers:
      - {name: w, image: docker.io/library/busybox:1.36}
`,
    },
    {
      name: 'a reference with no tag at all is unknown-model',
      text: `modelGroups:
  g:
    initContainers:
      - {name: w, image: ghcr.io/doublewordai/bit-harbor}
`,
    },
    {
      name: 'names outside Pre-Porter images',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
images: []
serviceAccount:
  name: a/b
`,
    },
  ],
};
