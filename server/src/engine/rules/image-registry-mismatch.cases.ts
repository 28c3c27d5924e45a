// image-registry-mismatch: Pre-Porter's registry is not Bit Harbor's while its names are.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'image-registry-mismatch',
  trigger: [
    {
      name: 'a registry of another project',
      message: /will pull `docker\.io\/someone\/models:qwen-3-8b`/,
      text: `imageRegistry: docker.io/someone/models # expect
images:
  - name: qwen-3-8b
    enabled: true
`,
    },
    {
      name: 'a typo in the Bit Harbor registry',
      message: /\(and 1 more\) are Bit Harbor tags/,
      text: `imageRegistry: "ghcr.io/doublewordai/bitharbor" # expect
images:
  - name: qwen-3-8b
  - name: gemma-3-4b-it
`,
    },
    {
      name: 'a mirror that is not listed in bitHarbor.registries',
      settings: { registries: ['registry.example.com/other'] },
      text: `images: [{name: llama-3.1-8b-instruct, enabled: true}]
imageRegistry: registry.example.com/bit-harbor # expect
`,
    },
    {
      name: 'one catalogue tag among private ones',
      text: `imageRegistry: harbor.internal/ml # expect
images:
  - name: my-finetune
  - name: llama-3.2-1b-instruct
`,
    },
    {
      name: 'disabled images count too',
      text: `imageRegistry: quay.io/acme/weights # expect
images:
  - name: qwen-3-14b
    enabled: false
advancedCronJob:
  enabled: false
`,
    },
  ],
  silent: [
    {
      name: 'the default registry',
      text: `images:
  - name: qwen-3-8b
globalNodeSelector: {}
`,
    },
    {
      name: 'Bit Harbor registry written out, with a trailing slash',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor/
images:
  - name: qwen-3-8b
`,
    },
    {
      name: 'a listed mirror',
      settings: { registries: ['registry.example.com/bit-harbor'] },
      text: `imageRegistry: registry.example.com/bit-harbor
images:
  - name: qwen-3-8b
`,
    },
    {
      name: 'a private registry with private names',
      text: `imageRegistry: harbor.internal/ml
images:
  - name: my-finetune
  - name: another-model
`,
    },
    {
      name: 'a private registry with no images yet',
      text: `imageRegistry: harbor.internal/ml
images: []
`,
    },
    {
      name: 'Inference Stack files have no imageRegistry',
      text: `modelGroups:
  g:
    initContainers:
      - {name: w, image: docker.io/someone/models:qwen-3-8b}
`,
    },
  ],
};
