// Cases for duplicate-image: enabled images whose object names (`.` and `_` as `-`, lower case) are equal.
import type { RuleCases } from './cases';

const pre = (images: string, enabled = true) => `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
${images}advancedCronJob:
  enabled: ${enabled}
`;

export const cases: RuleCases = {
  code: 'duplicate-image',
  trigger: [
    {
      name: 'the same tag twice',
      message: /^`gemma-3-12b-it` is listed twice: both render the AdvancedCronJob `<fullname>-gemma-3-12b-it`/,
      text: pre(`  - {name: gemma-3-12b-it, enabled: true}
  - {name: gemma-3-12b-it, enabled: true} # expect
`),
    },
    {
      name: 'a dot and a dash',
      message: /`qwen-3-1-7b` and `qwen-3-1.7b` give the same name/,
      text: pre(`  - {name: qwen-3-1.7b, enabled: true}
  - {name: qwen-3-1-7b, enabled: true} # expect
`),
    },
    {
      name: 'an underscore',
      text: pre(`  - name: llama-3.1-8b-instruct
    enabled: true
  - name: llama_3.1_8b_instruct # expect
    enabled: true
`),
    },
    {
      name: 'case',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
  - {name: Gemma-3-4b-it, enabled: true} # expect
`),
    },
    {
      name: 'three of one name: the second and third',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
  - {name: gemma-3-4b-it, enabled: true} # expect
  - {name: gemma-3-4b-it, enabled: true} # expect
`),
    },
  ],
  silent: [
    {
      name: 'different tags',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
  - {name: gemma-3-12b-it, enabled: true}
`),
    },
    {
      name: 'one of the two disabled',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
  - {name: gemma-3-4b-it, enabled: false}
`),
    },
    {
      name: 'the AdvancedCronJob off',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
  - {name: gemma-3-4b-it, enabled: true}
`, false),
    },
    {
      name: 'one image',
      text: pre(`  - {name: gemma-3-4b-it, enabled: true}
`),
    },
    {
      name: 'names that differ only past a dot are still different',
      text: pre(`  - {name: qwen-3-1.7b, enabled: true}
  - {name: qwen-3-1.8b, enabled: true}
`),
    },
  ],
};
