// The real upstream files, read from ../shared at test time: what the chart maintainers ship
// must not be flagged, and the 0.2.3 Pre-Porter file must read as "old", not as noise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import { referencePath } from '../support/markers';

const engine = new Engine();

function lint(parts: string[], chart?: 'inference-stack' | 'pre-porter') {
  const path = referencePath(...parts);
  const text = readFileSync(path, 'utf8');
  const result = engine.analyze({ path, text, chart });
  const lines = new LineIndex(text);
  const shown = result.findings.map((f) => `${f.code}@${lines.positionAt(f.range.start).line + 1}: ${f.message}`);
  return { result, shown, text, lines };
}

const CLEAN: string[][] = [
  ['inference-stack', 'values.yaml'],
  ['inference-stack', 'examples', 'single-vllm.yaml'],
  ['inference-stack', 'examples', 'single-sglang.yaml'],
  ['inference-stack', 'examples', 'single-tensorrt-llm.yaml'],
  ['inference-stack', 'examples', 'multi-engine.yaml'],
  ['bit-harbor', 'pre-porter', 'values.yaml'],
];

/**
 * Findings the checks make on upstream files that a chart maintainer would agree with: each is
 * a real mistake in the example, not a false positive.
 */
const AGREED: Record<string, string[]> = {
  // `sglang-embed` requests a GPU and selects GPU nodes but, unlike the file's other two
  // groups, has no toleration for the nvidia.com/gpu taint.
  'inference-stack/examples/multi-engine.yaml': ['gpu-targeting-missing@204'],
  // The init container mounts `model-data`, but the persistent volume that would provide it
  // is commented out: Kubernetes rejects the pod.
  'inference-stack/examples/single-tensorrt-llm.yaml': ['volume-not-found@174'],
};

for (const parts of CLEAN) {
  const name = parts.join('/');
  test(`upstream ${name} has no findings but the agreed ones`, () => {
    const { result, shown } = lint(parts);
    assert.notEqual(result.chart, null, 'detected as a values file');
    const codes = shown.map((line) => line.slice(0, line.indexOf(':')));
    assert.deepEqual(codes, AGREED[name] ?? [], shown.join('\n'));
  });
}

test('upstream chart values are detected as the right chart', () => {
  assert.equal(lint(['inference-stack', 'values.yaml']).result.chart, 'inference-stack');
  assert.equal(lint(['bit-harbor', 'pre-porter', 'values.yaml']).result.chart, 'pre-porter');
});

test('the Pre-Porter 0.2.3 values file gets legacy-key findings and nothing else', () => {
  const { result, shown, text, lines } = lint(['bit-harbor-v0.2.3-daemonset', 'pre-porter', 'values.yaml']);
  assert.equal(result.chart, 'pre-porter');
  assert.deepEqual(result.findings.map((f) => f.code), ['legacy-key'], shown.join('\n'));
  const [finding] = result.findings;
  assert.equal(text.slice(finding.range.start, finding.range.end), 'daemonSet');
  assert.equal(text.split('\n')[lines.positionAt(finding.range.start).line], 'daemonSet:');
});

test('the upstream Chart.yaml files and models.json-like YAML are of neither chart', () => {
  for (const parts of [['inference-stack', 'Chart.yaml'], ['bit-harbor', 'pre-porter', 'Chart.yaml']]) {
    const { result } = lint(parts);
    assert.equal(result.chart, null);
    assert.deepEqual(result.findings, []);
  }
});
