// ttl-not-applied: the TTL moves into completionPolicy, where OpenKruise reads it.
import { runFixCases, type FixCase } from '../../support/fix-cases';

const fix = { code: 'ttl-not-applied', title: 'Move it to `completionPolicy.ttlSecondsAfterFinished`', kind: 'quickfix', safe: false, preferred: true } as const;
const head = 'imageRegistry: ghcr.io/doublewordai/bit-harbor\nimages:\n  - {name: gemma-3-12b-it, enabled: true}\nadvancedCronJob:\n  enabled: true\n';

const cases: FixCase[] = [
  {
    ...fix,
    name: 'beside a completion policy: the TTL joins it',
    text: `${head}  broadcastJobTemplate:\n    completionPolicy:\n      type: Always # one run\n    ttlSecondsAfterFinished: 600\n    podTemplate:\n      restartPolicy: Never\n`,
    expected: `${head}  broadcastJobTemplate:\n    completionPolicy:\n      type: Always # one run\n      ttlSecondsAfterFinished: 600\n    podTemplate:\n      restartPolicy: Never\n`,
  },
  {
    ...fix,
    name: 'without one: the policy is added',
    text: `${head}  broadcastJobTemplate:\n    ttlSecondsAfterFinished: 600\n    podTemplate:\n      restartPolicy: Never\n`,
    expected: `${head}  broadcastJobTemplate:\n    podTemplate:\n      restartPolicy: Never\n    completionPolicy:\n      ttlSecondsAfterFinished: 600\n`,
  },
  {
    ...fix,
    name: 'the template\'s only entry: it becomes the policy in place',
    text: `${head}  broadcastJobTemplate:\n    ttlSecondsAfterFinished: 3600 # an hour\nglobalNodeSelector: {nvidia.com/gpu.present: "true"}\n`,
    expected: `${head}  broadcastJobTemplate:\n    completionPolicy:\n      ttlSecondsAfterFinished: 3600\nglobalNodeSelector: {nvidia.com/gpu.present: "true"}\n`,
    dropped: ['# an hour'],
  },
  {
    ...fix,
    name: 'flow style, the only entry',
    text: `${head}  broadcastJobTemplate: {ttlSecondsAfterFinished: 3600}\n`,
    expected: `${head}  broadcastJobTemplate: {completionPolicy: {ttlSecondsAfterFinished: 3600}}\n`,
  },
];

runFixCases('ttl-not-applied', cases);
