// quantity-too-long: a quantity longer than 64 characters, which is not read.
import type { RuleCases } from './cases';

const LONG = '9999999999999999999999999999999999999999999999999999999999999999999999';
const AT_LIMIT = '1'.repeat(62) + 'Gi';

function group(body: string): string {
  return `modelGroups:
  g:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
${body}`;
}

export const cases: RuleCases = {
  code: 'quantity-too-long',
  trigger: [
    {
      name: 'an emptyDir sizeLimit of 70 digits, quoted',
      message: /70 characters long; quantities over 64 characters are not read/,
      text: group(`    volumes:
      - name: w
        emptyDir:
          sizeLimit: "${LONG}" # expect
`),
    },
    {
      name: 'a persistent volume size with a unit',
      text: group(`    persistentVolumes:
      - name: cache
        mountPath: /cache
        size: ${LONG}Gi # expect
`),
    },
    {
      name: 'a memory limit',
      text: group(`    resources:
      limits:
        memory: ${LONG}Mi # expect
`),
    },
    {
      name: 'a quoted cpu request that is not even a number',
      text: group(`    resources:
      requests:
        cpu: "${'x'.repeat(90)}" # expect
`),
    },
    {
      name: 'two long quantities in one group, each reported',
      text: group(`    resources:
      limits:
        memory: ${LONG}M # expect
      requests:
        memory: ${LONG}k # expect
`),
    },
  ],
  silent: [
    { name: 'a sizeLimit of exactly 64 characters', text: group(`    volumes:\n      - name: w\n        emptyDir:\n          sizeLimit: ${AT_LIMIT}\n`) },
    { name: 'an ordinary sizeLimit', text: group('    volumes:\n      - name: w\n        emptyDir:\n          sizeLimit: 50Gi\n') },
    { name: 'a long env value is no quantity', text: group(`    env:\n      - name: A\n        value: "${LONG}"\n`) },
    { name: 'a long model alias is no quantity', text: group(`    modelAlias: [${LONG}]\n`) },
    { name: 'a plain run of digits is a YAML number, read as one', text: group(`    resources:\n      limits:\n        memory: ${LONG}\n`) },
    { name: 'a long comment after a quantity', text: group(`    resources:\n      limits:\n        memory: 32Gi # ${LONG}\n`) },
  ],
};
