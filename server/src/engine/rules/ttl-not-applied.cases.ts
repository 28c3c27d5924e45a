// Cases for ttl-not-applied: only a file that sets the field, with the AdvancedCronJob on.
import type { RuleCases } from './cases';

const pre = (body: string) => `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
  - {name: gemma-3-12b-it, enabled: true}
advancedCronJob:
  enabled: true
${body}`;

export const cases: RuleCases = {
  code: 'ttl-not-applied',
  trigger: [
    {
      name: 'the seed\'s own setting, copied',
      message: /set `completionPolicy\.ttlSecondsAfterFinished` instead/,
      text: pre(`  broadcastJobTemplate:
    ttlSecondsAfterFinished: 86400 # expect
`),
    },
    {
      name: 'flow style',
      text: pre('  broadcastJobTemplate: {ttlSecondsAfterFinished: 3600} # expect\n'),
    },
    {
      name: 'beside a completion policy that has none',
      text: pre(`  broadcastJobTemplate:
    completionPolicy:
      type: Always
    ttlSecondsAfterFinished: 600 # expect
`),
    },
    // Was `0`, which `with` treats as empty and renders nothing (now a silent case).
    {
      name: 'a quoted number, which `with` renders',
      text: pre(`  broadcastJobTemplate:
    ttlSecondsAfterFinished: "3600" # expect
`),
    },
    {
      name: 'after the pod template',
      text: pre(`  broadcastJobTemplate:
    podTemplate:
      restartPolicy: Never
    ttlSecondsAfterFinished: 120 # expect
`),
    },
  ],
  silent: [
    {
      name: 'the TTL where Kruise reads it',
      text: pre(`  broadcastJobTemplate:
    completionPolicy:
      type: Always
      ttlSecondsAfterFinished: 86400
`),
    },
    // Found by a production file: `null` deletes the chart's default and `with` renders nothing.
    {
      name: 'set to null, which keeps the chart\'s default out',
      text: pre(`  broadcastJobTemplate:
    completionPolicy:
      ttlSecondsAfterFinished: 86400
    ttlSecondsAfterFinished: null
`),
    },
    {
      name: 'set to 0, which `with` renders as nothing',
      text: pre(`  broadcastJobTemplate:
    ttlSecondsAfterFinished: 0
`),
    },
    {
      name: 'not set in the file (the chart\'s default is not the user\'s doing)',
      text: pre(''),
    },
    {
      name: 'the AdvancedCronJob off',
      text: `images:
  - {name: gemma-3-12b-it, enabled: true}
advancedCronJob:
  enabled: false
  broadcastJobTemplate:
    ttlSecondsAfterFinished: 600
`,
    },
    {
      name: 'a pod template only',
      text: pre(`  broadcastJobTemplate:
    podTemplate:
      restartPolicy: Never
`),
    },
    {
      name: 'an Inference Stack file',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
`,
    },
  ],
};
