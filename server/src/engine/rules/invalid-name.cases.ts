// invalid-name: an enabled model group whose name is not a DNS-1123 label.
import type { RuleCases } from './cases';

const KEYS = `    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
`;

const LONG = 'a'.repeat(64);
const LONGEST = 'a'.repeat(63);
/** With the shortest fullname (`inference-stack`), the Service `inference-stack-<group>` holds 63. */
const LONGEST_FOR_SERVICE = 'a'.repeat(47);

export const cases: RuleCases = {
  code: 'invalid-name',
  trigger: [
    {
      name: 'upper case and an underscore',
      message: /upper-case/,
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
    // Was silent ("exactly 63 characters"): the group is a valid container name, but the chart
    // names its Service `<fullname>-<group>`, a DNS-1035 label of at most 63 characters (DOMAIN.md).
    {
      name: 'a 63-character group: its Service name is too long for any release',
      message: /^This group's Service, `inference-stack-a{63}`, is 79 characters long \(at most 63\): Kubernetes rejects it, whatever the release name\.$/,
      text: `modelGroups:
  ${LONGEST}: # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'a release name that makes the Service too long',
      settings: { releaseName: 'production-eu-west-1-inference' },
      message: /^This group's Service, `production-eu-west-1-inference-inference-stack-llama-3-1-8b-instruct-fp8`, is 72 characters long \(at most 63\): Kubernetes rejects it\.$/,
      text: `modelGroups:
  llama-3-1-8b-instruct-fp8: # expect
    enabled: true
${KEYS}`,
    },
    {
      name: 'a release name starting with a digit: not a DNS-1035 label',
      settings: { releaseName: '2024-stack' },
      message: /is not a DNS-1035 label/,
      text: `modelGroups:
  llama: # expect
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
      name: 'the longest group name whose Service still fits with the shortest release name',
      text: `modelGroups:
  ${LONGEST_FOR_SERVICE}:
    enabled: true
${KEYS}`,
    },
    {
      name: 'fullnameOverride shortens every name',
      text: `fullnameOverride: is
modelGroups:
  ${'b'.repeat(60)}:
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
