// Types judged on the rendered objects (issue #16, item 4): a quoted number the chart prints
// inline is what Kubernetes reads as an integer; one copied with toYaml stays a string.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';

const engine = new Engine();

function codes(text: string, chart: 'inference-stack' | 'pre-porter' = 'inference-stack'): string[] {
  const lines = new LineIndex(text);
  return engine.analyze({ path: 'values.yaml', text, chart }).findings
    .filter((f) => f.code === 'wrong-type' || f.code === 'bad-value')
    .map((f) => `${f.code}@${lines.positionAt(f.range.start).line + 1}`);
}

const GROUP = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n';

test('a quoted service.port, containerPort and replicaCount of an enabled group are not wrong-type', () => {
  assert.deepEqual(codes(`${GROUP}    service:\n      port: "8000"\n    containerPort: "8000"\n    replicaCount: "2"\n`), []);
});

test('quoted Onwards ports and a quoted additional port are not wrong-type', () => {
  assert.deepEqual(codes(`onwards:\n  service:\n    port: "80"\n  containerPort: "3000"\n${GROUP}    additionalPorts:\n      - name: metrics\n        containerPort: "9000"\n        servicePort: "9000"\n`), []);
});

test('a quoted probe timing is not wrong-type', () => {
  assert.deepEqual(codes(`${GROUP}    livenessProbe:\n      periodSeconds: "10"\n`), []);
});

test('a string containerPort inside an initContainers entry (toYaml) is still wrong-type, on its line', () => {
  assert.deepEqual(codes(`${GROUP}    initContainers:\n      - name: c\n        image: busybox\n        ports:\n          - containerPort: "8000"\n`), ['wrong-type@8']);
});

test('a quoted port out of range is judged as the integer it renders', () => {
  assert.deepEqual(codes(`${GROUP}    containerPort: "70000"\n`), ['bad-value@4']);
});

test('a word where a number is printed is still wrong-type', () => {
  assert.deepEqual(codes(`${GROUP}    containerPort: http\n`), ['wrong-type@4']);
});

test('a disabled group renders nothing: its quoted port is still reported', () => {
  assert.deepEqual(codes('modelGroups:\n  vllm-gemma:\n    enabled: false\n    containerPort: "8000"\n'), ['wrong-type@4']);
});
