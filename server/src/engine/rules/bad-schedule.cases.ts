// Files that must and must not get bad-schedule. Lines that carry the finding end with `# expect`.
import type { RuleCases } from './cases';

const MODELINE = '# bit-harbor-values: chart=pre-porter\n';
const head = 'images: []\nadvancedCronJob:\n  enabled: true\n';

export const cases: RuleCases = {
  code: 'bad-schedule',
  trigger: [
    {
      name: 'a schedule over 256 characters is not parsed, nor quoted back',
      message: /^This schedule is 300 characters long/,
      text: `advancedCronJob:
  enabled: true
  schedule: "${'1'.repeat(300)}" # expect
images:
  - {name: gemma-3-12b-it, enabled: true}
`,
    },
    {
      name: 'day-of-week 7: the Go parser Kruise uses stops at 6',
      text: `${head}  schedule: "0 2 * * 7" # expect\n`,
      message: /day-of-week \(field 5\).*Sunday is 0/,
    },
    {
      name: 'a seconds field (6 fields)',
      text: `${head}  schedule: "0 0 2 * * *" # expect\n`,
      message: /no seconds/,
    },
    {
      name: 'hour 24',
      text: `${head}  schedule: "0 24 * * *" # expect\n`,
      message: /hour \(field 2\)/,
    },
    {
      name: 'a TZ= prefix while timeZone is set by the chart default',
      text: `${head}  schedule: "TZ=Europe/Paris 0 2 * * *" # expect\n`,
      message: /timeZone/,
    },
    {
      name: 'a bad zone in a TZ= prefix with timeZone emptied',
      text: `${head}  timeZone: ""\n  schedule: "TZ=Europe/Pari 0 2 * * *" # expect\n`,
      message: /Europe\/Paris/,
    },
    {
      name: '@every: accepted by the parser but reported (as a warning)',
      text: `${head}  schedule: "@every 6h" # expect\n`,
      message: /undocumented/,
    },
    {
      name: 'the 30th of February never comes',
      text: `${head}  schedule: "0 0 30 2 *" # expect\n`,
      message: /never fires/,
    },
    {
      name: 'flow style',
      text: 'images: []\nadvancedCronJob: {enabled: true, schedule: "*/0 * * * *"} # expect\n',
    },
    {
      name: 'an anchored schedule: at the anchor',
      text: `imageRegistry: r\nimages: []\ncommonAnnotations:\n  refresh: &when "61 * * * *" # expect\nadvancedCronJob:\n  schedule: *when\n`,
      message: /minute \(field 1\)/,
    },
    {
      name: 'checked while the cron is still off',
      text: 'images: []\nadvancedCronJob:\n  enabled: false\n  schedule: "every day" # expect\n',
    },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document file: only the document with the bad schedule',
      text: `${MODELINE}advancedCronJob:\n  schedule: "0 2 * * *"\n---\nadvancedCronJob:\n  schedule: "0 2 * * MON-SUN"\n`,
    },
    { name: 'the chart default', text: `${MODELINE}` },
    { name: 'the upstream example', text: `${head}  schedule: "0 */12 * * *"\n` },
    { name: 'ranges, steps and names', text: `${head}  schedule: "*/15 9-17 * JAN-JUN mon-fri"\n` },
    { name: 'a descriptor', text: `${head}  schedule: "@daily"\n` },
    { name: 'a TZ= prefix with timeZone emptied', text: `${head}  timeZone: ""\n  schedule: "CRON_TZ=Europe/Paris 0 2 * * *"\n` },
    { name: 'the 29th of February (leap years)', text: `${head}  schedule: "0 0 29 2 *"\n` },
    { name: 'an empty schedule is the schema\'s (minLength)', text: `${head}  schedule: ""\n` },
    { name: 'a number is the schema\'s (wrong-type)', text: `${head}  schedule: 5\n` },
    {
      name: 'multi-document file with good schedules',
      text: `${MODELINE}advancedCronJob: {schedule: "@hourly"}\n---\nadvancedCronJob: {schedule: "30 1 * * 0"}\n`,
    },
  ],
};
