// duplicate-alias: one modelAlias claimed by two enabled groups.
import type { RuleCases } from './cases';

function group(name: string, aliases: string, enabled = true): string {
  return `  ${name}:
    enabled: ${enabled}
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    modelAlias: ${aliases}
`;
}

export const cases: RuleCases = {
  code: 'duplicate-alias',
  trigger: [
    {
      name: 'two new groups share an alias',
      message: /^Alias `chat` is also claimed by group `llama`: the gateway routes it to `qwen` \(the name that sorts last\), and `llama` gets none of its requests\.$/,
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    modelAlias:
      - chat
      - llama-3.1-8b
  qwen:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30000}
    containerPort: 30000
    modelAlias:
      - qwen3-8b
      - chat # expect
`,
    },
    {
      name: 'an alias of a defaults-only group, claimed again by a new group',
      message: /group `vllm-gemma`/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
  gemma-big:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    modelAlias:
      - gemma-12b # expect
`,
    },
    {
      name: 'flow style',
      text: `modelGroups:
${group('a', '[alpha, beta]')}${group('b', '[gamma, beta]  # expect')}`,
    },
    {
      name: 'an alias list shared through an anchor is reported where it is written',
      text: `modelGroups:
${group('a', '&shared [chat]  # expect')}${group('b', '*shared')}`,
    },
    {
      name: 'a number and a string read the same',
      text: `modelGroups:
${group('a', '[7]')}${group('b', '["7"]  # expect')}`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'three claims make two findings, in the second document',
      text: `onwards: {replicaCount: 1}
---
modelGroups:
${group('a', '[chat]')}${group('b', '[chat] ')}${group('c', '[chat] ')}`,
    },
    {
      name: 'a repeat inside one group',
      text: `modelGroups:
${group('a', '[chat, chat]')}`,
    },
    {
      name: 'the other group is disabled',
      text: `modelGroups:
${group('a', '[chat]')}${group('b', '[chat]', false)}`,
    },
    {
      name: 'the chart example groups all enabled',
      text: `modelGroups:
  vllm-gemma: {enabled: true}
  sglang-qwen: {enabled: true}
  tensorrt-llm-mistral: {enabled: true}
`,
    },
    {
      name: 'aliases differ in case',
      text: `modelGroups:
${group('a', '[Chat]')}${group('b', '[chat]')}`,
    },
    {
      name: 'distinct aliases on a group that reuses another by a merge key',
      text: `modelGroups:
  a: &a
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    modelAlias: [one]
  b:
    <<: *a
    modelAlias: [two]
`,
    },
    {
      name: 'each document of a multi-document file is checked on its own',
      text: `modelGroups:
${group('a', '[chat]')}---
modelGroups:
${group('b', '[chat]')}`,
    },
  ],
};
