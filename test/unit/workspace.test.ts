import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { crossFileFindings, type SummaryOfFile } from '../../server/src/engine/workspace';

const engine = new Engine();

const STACK = `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    volumes:
      - name: weights
        image:
          reference: "ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct"
  gemma:
    enabled: false
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    initContainers:
      - name: w
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
`;

const PORTER = (enabled: boolean) => `images:
  - name: gemma-3-12b-it
    enabled: true
  - name: qwen-3-8b
    enabled: ${enabled}
advancedCronJob:
  enabled: true
`;

function summary(uri: string, text: string): SummaryOfFile {
  const result = engine.analyze({ path: uri, text });
  assert.ok(result.tags, `${uri} has a tag summary`);
  return { uri, summary: result.tags };
}

test('tags used by enabled groups and pre-pulled by rendered images are summarised', () => {
  const stack = summary('/a/values.yaml', STACK).summary;
  assert.deepEqual(stack.used.map((u) => [u.tag, u.group]), [['llama-3.1-8b-instruct', 'llama']]);
  assert.equal(STACK.slice(stack.used[0].range.start, stack.used[0].range.end), 'llama-3.1-8b-instruct');
  const porter = summary('/a/pp.yaml', PORTER(true)).summary;
  assert.deepEqual(porter.prepulled.map((u) => u.tag), ['gemma-3-12b-it', 'qwen-3-8b']);
  assert.deepEqual(summary('/a/pp.yaml', PORTER(false)).summary.prepulled.map((u) => u.tag), ['gemma-3-12b-it']);
});

test('a used tag that no Pre-Porter file pulls is not-prepulled, with a related location there', () => {
  const stack = summary('file:///a/values.yaml', STACK);
  const porter = summary('file:///a/pp.yaml', PORTER(true));
  const findings = crossFileFindings(stack, [stack, porter]);
  assert.deepEqual(findings.map((f) => [f.code, f.data?.tag]), [['not-prepulled', 'llama-3.1-8b-instruct']]);
  assert.equal(findings[0].related?.[0].uri, 'file:///a/pp.yaml');
  assert.equal(PORTER(true).slice(findings[0].related![0].range.start, findings[0].related![0].range.end), 'images');
});

test('a pulled tag no enabled group uses is prepulled-unused', () => {
  const stack = summary('file:///a/values.yaml', STACK);
  const porter = summary('file:///a/pp.yaml', PORTER(true));
  const findings = crossFileFindings(porter, [stack, porter]);
  assert.deepEqual(findings.map((f) => [f.code, f.data?.tag]).sort(), [['prepulled-unused', 'gemma-3-12b-it'], ['prepulled-unused', 'qwen-3-8b']]);
});

test('without a file of the other chart there is nothing to compare', () => {
  const stack = summary('file:///a/values.yaml', STACK);
  assert.deepEqual(crossFileFindings(stack, [stack]), []);
  const porter = summary('file:///a/pp.yaml', PORTER(true));
  assert.deepEqual(crossFileFindings(porter, []), []);
});

test('a disabled cron pre-pulls nothing', () => {
  const text = PORTER(true).replace('advancedCronJob:\n  enabled: true', 'advancedCronJob:\n  enabled: false');
  assert.deepEqual(summary('/a/pp.yaml', text).summary.prepulled, []);
});
