// command-not-executable: the flags move to `args` and `command` becomes null (the vllm/vllm-openai
// image's entrypoint runs them); comments and other keys stay.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../../server/src/engine/engine';
import { runFixCases, type FixCase } from '../../support/fix-cases';

const fix = { code: 'command-not-executable', title: 'Move the flags to `args` (the image\'s entrypoint runs them)', kind: 'quickfix', safe: false, preferred: true } as const;

const cases: FixCase[] = [
  {
    ...fix,
    name: 'the default group enabled as it ships: command null, its flags in args',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true # on\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true # on\n    command: null\n    args:\n      - --host\n      - 0.0.0.0\n      - --port\n      - "8000"\n      - --model\n      - google/gemma-3-12b-it\n      - --dtype\n      - bfloat16\n',
  },
  {
    ...fix,
    name: 'flags written as the command, with args: the command\'s go first',
    text: 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    command: [--model, /models/llama] # flags\n    args: [--port, "8000"]\n',
    expected: 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    command: null # flags\n    args: [--model, /models/llama, --port, "8000"]\n',
  },
];

runFixCases('command-not-executable', cases);

test('command-not-executable: no fix where the image\'s entrypoint is not known to take the flags', () => {
  const text = 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: example/engine}\n    service: {port: 8000}\n    containerPort: 8000\n    command: [--model, /models/llama]\n';
  const engine = new Engine();
  const findings = engine.analyze({ path: '/v.yaml', text }).findings.filter((f) => f.code === 'command-not-executable');
  assert.equal(findings.length, 1);
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text }, null, findings), []);
});
