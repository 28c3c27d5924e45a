// invalid-name: an enabled model group whose name is not a DNS-1123 label.
import type { RuleCases } from './cases';

const KEYS = `    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
`;

const LONG = 'a'.repeat(64);
const LONGEST = 'a'.repeat(63);

export const cases: RuleCases = {
  code: 'invalid-name',
  trigger: [
    {
      name: 'upper case and an underscore',
      message: /upper-case.*`gemma-12b`/,
      text: `modelGroups:
  Gemma_12B: # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'a dot',
      message: /other than lower-case/,
      text: `modelGroups:
  gemma.12b: # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'a leading hyphen',
      message: /start and end/,
      text: `modelGroups:
  "-gemma": # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'one character too long',
      message: /64 characters/,
      text: `modelGroups:
  ${LONG}: # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'a group that reuses another through an anchor',
      text: `modelGroups:
  gemma: &base
    enabled: true
${KEYS}  Gemma-Copy: *base # expect
`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'flow style, in the second document',
      text: `onwards: {replicaCount: 1}
---
modelGroups: {My-Model: {enabled: true, image: {repository: vllm/vllm-openai}, service: {port: 8000}, containerPort: 8000}}
`,
    },
    {
      name: 'a defaults-only group',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'a bad name in a disabled group renders nothing',
      text: `modelGroups:
  Bad_Name:
    enabled: false
${KEYS}`,
    },
    {
      name: 'exactly 63 characters',
      text: `modelGroups:
  ${LONGEST}:
    enabled: true
${KEYS}`,
    },
    {
      name: 'a leading digit is allowed in a DNS-1123 label',
      text: `modelGroups:
  1-gemma:
    enabled: true
${KEYS}`,
    },
    {
      name: 'missing chart keys are missing-key, not invalid-name',
      text: `modelGroups:
  llama:
    enabled: true
    image:
      tag: v0.6.4
`,
    },
    {
      name: 'merge keys and flow style with valid names',
      text: `modelGroups: {a1: &a {enabled: true, image: {repository: vllm/vllm-openai}, service: {port: 8000}, containerPort: 8000}, b2: {<<: *a, containerPort: 8001}}
`,
    },
  ],
};
