// Files that must and must not get bad-timezone. Lines that carry the finding end with `# expect`.
import type { RuleCases } from './cases';

const MODELINE = '# bit-harbor-values: chart=pre-porter\n';
const head = 'images: []\nadvancedCronJob:\n  enabled: true\n';

export const cases: RuleCases = {
  code: 'bad-timezone',
  trigger: [
    { name: 'a typo gets a suggestion', text: `${head}  timeZone: Europe/Londn # expect\n`, message: /did you mean `Europe\/London`/ },
    { name: 'a bare city', text: `${head}  timeZone: London # expect\n`, message: /`Europe\/London`/ },
    { name: 'an offset, which Intl may accept and Kubernetes does not', text: `${head}  timeZone: "+01:00" # expect\n`, message: /Etc\/GMT-1/ },
    { name: 'wrong case: Go reads names case-sensitively', text: `${head}  timeZone: utc # expect\n`, message: /`UTC`/ },
    { name: 'Local is refused', text: `${head}  timeZone: Local # expect\n`, message: /refuses `Local`/ },
    { name: 'an ICU-only abbreviation', text: `${head}  timeZone: PST # expect\n`, message: /America\/Los_Angeles/ },
    { name: 'flow style', text: 'images: []\nadvancedCronJob: {enabled: true, timeZone: Europe/Pariss} # expect\n' },
    {
      name: 'an anchored zone: at the anchor',
      text: `imageRegistry: r\nimages: []\ncommonLabels:\n  tz: &zone Mars/Olympus_Mons # expect\nadvancedCronJob:\n  timeZone: *zone\n`,
    },
    { name: 'checked while the cron is still off', text: 'images: []\nadvancedCronJob:\n  enabled: false\n  timeZone: CEST # expect\n' },
  ],
  silent: [
    // Was a trigger: Helm reads only the first YAML document of a values file (DOMAIN.md), so the later one
    // is one ignored-document warning and is not checked.
    {
      name: 'multi-document file: only the document with the bad zone',
      text: `${MODELINE}advancedCronJob:\n  timeZone: Europe/Paris\n---\nadvancedCronJob:\n  timeZone: Europe/Parris\n`,
    },
    { name: 'the chart default (UTC, which Intl does not list)', text: `${MODELINE}` },
    { name: 'a canonical zone', text: `${head}  timeZone: Europe/Paris\n` },
    { name: 'the current IANA name ICU files under an old one', text: `${head}  timeZone: Asia/Kolkata\n` },
    { name: 'a backward link', text: `${head}  timeZone: Asia/Calcutta\n` },
    { name: 'an Etc zone', text: `${head}  timeZone: Etc/GMT+5\n` },
    { name: 'an area-less tz name', text: `${head}  timeZone: EST5EDT\n` },
    { name: 'empty: the chart leaves timeZone out', text: `${head}  timeZone: ""\n` },
    {
      name: 'multi-document file with good zones',
      text: `${MODELINE}advancedCronJob: {timeZone: US/Eastern}\n---\nadvancedCronJob: {timeZone: Etc/UTC}\n`,
    },
  ],
};
