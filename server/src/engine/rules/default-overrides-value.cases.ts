// Cases for default-overrides-value (Pre-Porter). The AdvancedCronJob renders only when
// advancedCronJob.enabled; images only when enabled.
import type { RuleCases } from './cases';

const cron = (body: string) => `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
  - name: gemma-3-12b-it
    enabled: true
advancedCronJob:
  enabled: true
${body}`;

const image = (keys: string, globals: string) => `imageRegistry: ghcr.io/doublewordai/bit-harbor
${globals}images:
  - name: gemma-3-12b-it
    enabled: true
${keys}advancedCronJob:
  enabled: true
`;

export const cases: RuleCases = {
  code: 'default-overrides-value',
  trigger: [
    {
      name: 'successfulJobsHistoryLimit: 0 renders 3',
      message: /^The chart passes `successfulJobsHistoryLimit` through `default`, which treats 0 as unset: 3 renders instead\.$/,
      text: cron('  successfulJobsHistoryLimit: 0 # expect\n'),
    },
    {
      name: 'failedJobsHistoryLimit: 0 renders 1',
      text: cron('  failedJobsHistoryLimit: 0 # expect\n'),
    },
    {
      name: 'an empty per-image nodeSelector does not clear the global one',
      message: /`globalNodeSelector` renders instead/,
      text: image('    nodeSelector: {} # expect\n', 'globalNodeSelector:\n  nvidia.com/gpu.present: "true"\n'),
    },
    {
      name: 'empty per-image tolerations',
      text: image('    tolerations: [] # expect\n', 'globalTolerations:\n  - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}\n'),
    },
    {
      name: 'an empty pod security context under a global one',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
globalSecurityContext: {runAsNonRoot: true}
images:
  - {name: gemma-3-12b-it, enabled: true}
advancedCronJob:
  enabled: true
  broadcastJobTemplate:
    podTemplate:
      securityContext: {} # expect
`,
    },
  ],
  silent: [
    {
      name: 'history limits above zero',
      text: cron('  successfulJobsHistoryLimit: 1\n  failedJobsHistoryLimit: 2\n'),
    },
    {
      name: 'an empty per-image nodeSelector with no global one',
      text: image('    nodeSelector: {}\n', ''),
    },
    {
      name: 'a per-image nodeSelector of its own (override-replaces-global\'s business)',
      text: image('    nodeSelector: {kubernetes.io/hostname: gpu-1}\n', 'globalNodeSelector:\n  nvidia.com/gpu.present: "true"\n'),
    },
    {
      name: 'the AdvancedCronJob off: nothing renders',
      text: `images:
  - {name: gemma-3-12b-it, enabled: true}
advancedCronJob:
  enabled: false
  successfulJobsHistoryLimit: 0
`,
    },
    {
      name: 'a disabled image',
      text: `imageRegistry: ghcr.io/doublewordai/bit-harbor
globalNodeSelector: {nvidia.com/gpu.present: "true"}
images:
  - name: gemma-3-12b-it
    enabled: false
    nodeSelector: {}
advancedCronJob:
  enabled: true
`,
    },
  ],
};
