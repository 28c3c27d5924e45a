// Cases for strategy-conflict. The default groups (vllm-gemma, ...) carry
// `strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}`; a group of
// another name inherits no strategy.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'strategy-conflict',
  trigger: [
    {
      name: 'Recreate over a default group: the inherited rollingUpdate stays',
      message: /inherited from the chart defaults/,
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy:
      type: Recreate # expect
`,
    },
    {
      name: 'flow style, over a default group',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy: {type: Recreate} # expect
`,
    },
    {
      name: 'both written in a group of its own',
      message: /beside it/,
      text: `modelGroups:
  llama:
    enabled: true
    strategy:
      type: "Recreate" # expect
      rollingUpdate:
        maxSurge: 0
`,
    },
    {
      name: 'an empty rollingUpdate is still specified',
      text: `modelGroups:
  llama:
    enabled: true
    strategy:
      type: Recreate # expect
      rollingUpdate: {}
`,
    },
    {
      name: 'both shared through an anchor: reported where they are written',
      text: `x-recreate: &recreate {type: Recreate, rollingUpdate: {maxSurge: 1}} # expect
modelGroups:
  llama:
    enabled: true
    strategy: *recreate
`,
    },
  ],
  silent: [
    {
      name: 'Recreate with the inherited rollingUpdate removed',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy:
      type: Recreate
      rollingUpdate: null
`,
    },
    {
      name: 'Recreate in a group of its own name, which inherits nothing',
      text: `modelGroups:
  llama:
    enabled: true
    strategy:
      type: Recreate
`,
    },
    {
      name: "the defaults' RollingUpdate",
      text: `modelGroups:
  vllm-gemma:
    enabled: true
`,
    },
    {
      name: 'a disabled group renders no Deployment',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
    strategy:
      type: Recreate
`,
    },
    {
      name: 'RollingUpdate written with its own settings',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy:
      type: RollingUpdate
      rollingUpdate: {maxSurge: 0, maxUnavailable: 1}
`,
    },
    {
      name: 'Recreate with rollingUpdate set to ~',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    strategy: {type: Recreate, rollingUpdate: ~}
`,
    },
  ],
};
