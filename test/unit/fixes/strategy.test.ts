// strategy-conflict: `rollingUpdate: null` beside `type: Recreate`, added where the rollingUpdate
// is inherited, written over it where the file has one; comments and quoting stay.
import { runFixCases, type FixCase } from '../../support/fix-cases';

const fix = { title: 'Set `rollingUpdate: null`', kind: 'quickfix', code: 'strategy-conflict' } as const;

const cases: FixCase[] = [
  {
    ...fix,
    name: 'inherited from the defaults: added after type',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    strategy:\n      type: "Recreate" # one pod at a time\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    strategy:\n      type: "Recreate" # one pod at a time\n      rollingUpdate: null\n',
  },
  {
    ...fix,
    name: 'flow style',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    strategy: {type: Recreate}\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    strategy: {type: Recreate, rollingUpdate: null}\n',
  },
  {
    ...fix,
    name: 'written beside Recreate: set to null where it stands, its comment kept',
    text: 'modelGroups:\n  llama:\n    enabled: true\n    strategy:\n      type: Recreate\n      rollingUpdate: # left from RollingUpdate\n        maxSurge: 1\n    replicaCount: 1\n',
    expected: 'modelGroups:\n  llama:\n    enabled: true\n    strategy:\n      type: Recreate\n      rollingUpdate: null # left from RollingUpdate\n    replicaCount: 1\n',
  },
];

runFixCases('strategy-conflict', cases);
