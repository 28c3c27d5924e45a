// Files that must and must not get image-not-rendered. Lines that carry the finding end with
// `# expect`.
import type { RuleCases } from './cases';

const MODELINE = '# bit-harbor-values: chart=pre-porter\n';
const CRON_ON = 'advancedCronJob:\n  enabled: true\n';

export const cases: RuleCases = {
  code: 'image-not-rendered',
  trigger: [
    {
      name: 'an image switched off while the cron runs: at its enabled: false',
      text: `${CRON_ON}images:\n  - name: gemma-3-12b-it\n    enabled: true\n  - name: qwen-3-8b\n    enabled: false # expect\n`,
      message: /`qwen-3-8b` is not pre-pulled/,
    },
    {
      name: 'an image without enabled: at its name',
      text: `${CRON_ON}images:\n  - name: gemma-3-12b-it # expect\n    pullPolicy: Always\n`,
      message: /no `enabled: true`/,
    },
    {
      name: 'enable (misspelt) does not switch an image on, and the message says which key is read',
      text: `${CRON_ON}images:\n  - name: gemma-3-12b-it # expect\n    enable: true\n`,
      message: /reads `enabled`, not `enable`/,
    },
    {
      name: 'the cron written off: one finding at its enabled, not one per image',
      text: 'advancedCronJob:\n  enabled: false # expect\nimages:\n  - {name: a, enabled: true}\n  - {name: b, enabled: true}\n  - {name: c}\n',
      message: /Nothing is pre-pulled.*`a`, `b`/,
    },
    {
      name: 'the cron left at its default: at the images key',
      text: 'imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages: # expect\n  - name: gemma-3-12b-it\n    enabled: true\n',
      message: /advancedCronJob\.enabled: true/,
    },
    {
      name: 'an advancedCronJob section without enabled: at the section key',
      text: 'advancedCronJob: # expect\n  schedule: "0 3 * * *"\nimages:\n  - name: gemma-3-12b-it\n    enabled: true\n',
    },
    {
      name: 'flow style: only the image that is off',
      text: 'advancedCronJob: {enabled: true}\nimages: [{name: a, enabled: true}, {name: b, enabled: false}] # expect\n',
    },
    {
      name: 'an anchored image reused by alias: reported once, at the anchor',
      text: `${CRON_ON}images:\n  - &off {name: gemma-3-12b-it, enabled: false} # expect\n  - *off\n`,
    },
    {
      name: 'enabled: 0 is false to the template',
      text: `${CRON_ON}images:\n  - name: a\n    enabled: 0 # expect\n`,
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document file: the second document has the image that is off',
      text: `${MODELINE}${CRON_ON}images:\n  - {name: a, enabled: true}\n---\n${CRON_ON}images:\n  - {name: b, enabled: false}\n`,
    },
    {
      name: 'the chart defaults: an empty list with the cron off asks for nothing',
      text: 'imageRegistry: "ghcr.io/doublewordai/bit-harbor"\nimages: []\nadvancedCronJob:\n  enabled: false\n',
    },
    {
      name: 'defaults only, through the modeline',
      text: `${MODELINE}`,
    },
    {
      name: 'every image enabled and the cron on',
      text: `${CRON_ON}images:\n  - name: gemma-3-12b-it\n    enabled: true\n  - {name: qwen-3-8b, enabled: true}\n`,
    },
    {
      name: 'everything parked: the cron off and every image off',
      text: 'advancedCronJob:\n  enabled: false\nimages:\n  - {name: a, enabled: false}\n  - {name: b}\n',
    },
    {
      name: 'an empty list with the cron on',
      text: `${CRON_ON}images: []\n`,
    },
    {
      name: 'a quoted "true" still renders (the template tests truth; wrong-type reports the quotes)',
      text: `${CRON_ON}images:\n  - name: a\n    enabled: "true"\n`,
    },
    {
      name: 'the switches shared through an anchor and alias',
      text: 'advancedCronJob: {enabled: &on true}\nimages:\n  - {name: a, enabled: *on}\n  - {name: b, enabled: *on}\n',
    },
    {
      name: 'multi-document file where both documents render everything',
      text: `${MODELINE}${CRON_ON}images:\n  - {name: a, enabled: true}\n---\n${CRON_ON}images:\n  - {name: b, enabled: true}\n`,
    },
    {
      name: 'an enabled image without a name is missing-key\'s business, even with the cron off',
      text: 'imageRegistry: r\nimages:\n  - enabled: true\n',
    },
    {
      name: 'images that are not maps are the schema\'s business',
      text: `${CRON_ON}images:\n  - gemma-3-12b-it\n`,
    },
  ],
};
