// size-limit-too-small: the sizeLimit becomes the minimum (model plus headroom, whole Gi), in the
// quotes it was written with. The model is llama-3.1-8b-instruct, 15.0 GiB: 17Gi with the
// default 10% headroom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../../server/src/engine/engine';
import { runFixCases, type FixCase } from '../../support/fix-cases';

const BH = 'ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct';

/** The working copy recipe, lint-clean but for the emptyDir written as `emptyDir`. */
function copyRecipe(emptyDir: string, indent = '  '): string {
  const lines = `modelGroups:
.llama:
..enabled: true
..image: {repository: vllm/vllm-openai}
..service: {port: 8000}
..containerPort: 8000
..command: ["vllm", "serve", "/models/llama"]
..initContainers:
..- name: copy-weights
..  image: busybox:1.37.0
..  command: ["sh", "-c", "cp -a /bit-harbor/models/. /models/llama/"]
..  volumeMounts:
..  - {name: bit-harbor, mountPath: /bit-harbor, readOnly: true}
..  - {name: weights, mountPath: /models/llama}
..volumeMounts:
..- {name: weights, mountPath: /models/llama}
..volumes:
..- name: bit-harbor
..  image: {reference: ${BH}}
..- name: weights
..  ${emptyDir}
..nodeSelector: {nvidia.com/gpu.present: "true"}
..tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
`;
  return lines.replace(/\./g, (dot, offset: number, all: string) => (all[offset - 1] === '\n' || all[offset - 1] === '.' ? indent : dot));
}

const fix = { code: 'size-limit-too-small', title: 'Set sizeLimit to 17Gi', kind: 'quickfix', safe: true, preferred: true } as const;

const cases: FixCase[] = [
  {
    ...fix,
    name: 'double quotes and a comment on the value are kept',
    text: copyRecipe('emptyDir:\n        sizeLimit: "10Gi" # too small'),
    expected: copyRecipe('emptyDir:\n        sizeLimit: "17Gi" # too small'),
  },
  {
    ...fix,
    name: 'single quotes, a decimal unit',
    text: copyRecipe("emptyDir:\n        sizeLimit: '16G'\n        medium: \"\""),
    expected: copyRecipe("emptyDir:\n        sizeLimit: '17Gi'\n        medium: \"\""),
  },
  {
    ...fix,
    name: 'plain, 4 spaces',
    text: copyRecipe('emptyDir:\n              sizeLimit: 10Gi', '    '),
    expected: copyRecipe('emptyDir:\n              sizeLimit: 17Gi', '    '),
  },
  {
    ...fix,
    name: 'a flow emptyDir',
    text: copyRecipe('emptyDir: {sizeLimit: 10Gi} # scratch'),
    expected: copyRecipe('emptyDir: {sizeLimit: 17Gi} # scratch'),
  },
  {
    ...fix,
    name: 'a byte count becomes a quantity',
    text: copyRecipe('emptyDir: {sizeLimit: 10000000000}'),
    expected: copyRecipe('emptyDir: {sizeLimit: 17Gi}'),
  },
  {
    ...fix,
    title: 'Set sizeLimit to 15Gi',
    name: 'without headroom the minimum is the model rounded up',
    settings: { sizeHeadroomPercent: 0 },
    text: copyRecipe('emptyDir: {sizeLimit: 14Gi}'),
    expected: copyRecipe('emptyDir: {sizeLimit: 15Gi}'),
  },
];

runFixCases('size-limit-too-small', cases);

test('size-limit-too-small: a memory limit too small for a memory-backed volume gets no fix', () => {
  // The copy's memory limit: tmpfs pages are charged to the container that writes them.
  const text = copyRecipe('emptyDir: {medium: Memory}')
    .replace('cp -a /bit-harbor/models/. /models/llama/"]\n', 'cp -a /bit-harbor/models/. /models/llama/"]\n      resources: {limits: {memory: 8Gi}}\n');
  const engine = new Engine();
  const findings = engine.analyze({ path: '/work/values.yaml', text }).findings.filter((f) => f.code === 'size-limit-too-small');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].data?.limit, 'memory');
  assert.deepEqual(engine.codeActions({ path: '/work/values.yaml', text }, null, findings), []);
});
