// ignored-document: a values file's YAML documents after the first, which Helm never reads. The
// code is the engine's (engine.ts, layers/analyze.ts), its cases run with the rules' tables.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'ignored-document',
  trigger: [
    {
      name: 'a second document of model groups, as if the two would merge',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
--- # expect
modelGroups:
  sglang-qwen:
    enabled: true
`,
    },
    {
      name: 'three documents: one warning at each later marker',
      text: `onwards:
  replicaCount: 2
--- # expect
modelGroups: {}
--- # expect
ingress: {enabled: false}
`,
    },
    {
      name: 'a Pre-Porter file with its images in a second document',
      text: `# bit-harbor-values: chart=pre-porter
imageRegistry: ghcr.io/doublewordai/bit-harbor
advancedCronJob: {enabled: true}
--- # expect
images:
  - {name: gemma-3-12b-it, enabled: true}
`,
    },
    {
      name: 'an empty document after the values',
      text: `modelGroups:
  vllm-gemma: {enabled: true}
--- # expect
`,
    },
    {
      name: 'a later document of the wrong shape: the warning only, since Helm never reads it',
      text: `# bit-harbor-values: chart=inference-stack
onwards: {replicaCount: 1}
--- # expect
modelGroups: [a, b]
`,
    },
  ],
  silent: [
    {
      name: 'one document',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'a leading marker starts the only document',
      text: `---
modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'a document end marker with nothing after it',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
...
`,
    },
    {
      name: 'a Kubernetes manifest of several documents is no values file',
      text: `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b}
`,
    },
    {
      name: 'a marker inside a block string is text, not a document',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    env:
      - name: NOTE
        value: |
          ---
          not a document
`,
    },
  ],
};
