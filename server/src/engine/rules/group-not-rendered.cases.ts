// Cases for group-not-rendered. Groups are off unless `enabled: true`; the chart's default
// groups ship `enabled: false`.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'group-not-rendered',
  trigger: [
    {
      name: 'the loading guide\'s fragment: a whole group without enabled',
      message: /^Model group `llama` renders nothing: it has no `enabled: true`/,
      text: `modelGroups:
  llama: # expect
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
`,
    },
    {
      name: 'a default group configured but not switched on',
      text: `modelGroups:
  vllm-gemma: # expect
    replicaCount: 2
`,
    },
    {
      name: 'a misspelt switch',
      message: /reads `enabled`, not `enable`/,
      text: `modelGroups:
  llama: # expect
    enable: true
    image: {repository: vllm/vllm-openai}
`,
    },
    {
      name: 'flow style',
      text: `modelGroups: {llama: {image: {repository: vllm/vllm-openai}}} # expect
`,
    },
    {
      name: 'one of two groups',
      text: `modelGroups:
  on:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
  off: # expect
    modelAlias: [qwen]
`,
    },
  ],
  silent: [
    {
      name: 'enabled',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 2
`,
    },
    {
      name: 'turned off on purpose',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    replicaCount: 2
`,
    },
    {
      name: 'enabled with a YAML 1.1 boolean',
      text: `modelGroups:
  vllm-gemma:
    enabled: yes
    replicaCount: 2
`,
    },
    {
      name: 'an empty group',
      text: `modelGroups:
  vllm-gemma: {}
`,
    },
    {
      name: 'no groups',
      text: `onwards:
  replicaCount: 2
`,
    },
  ],
};
