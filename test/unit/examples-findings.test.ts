// What the examples say, held: the repository's correct examples (values files and a GitOps
// manifest) get no finding; none of the repository's examples, the files of mistakes included,
// gets a finding about routing or weights (their mistakes are of other kinds); and the chart's own
// upstream examples (read from ../shared at test time) get only their real findings: the
// multi-engine example's sglang-embed selects GPU nodes without tolerating their taint, and the
// TensorRT-LLM example's init container mounts `model-data`, which no volume defines.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { referencePath, repoRoot } from '../support/markers';

const ROUTING_AND_WEIGHTS = new Set([
  'gateway-model-mismatch', 'duplicate-alias', 'invalid-name', 'model-path-mismatch', 'weights-not-used', 'weights-unreachable',
  'weights-shadowed', 'init-cannot-run', 'size-limit-too-small', 'ephemeral-storage-too-small', 'pvc-too-small', 'command-not-executable',
]);
const CORRECT = ['inference-stack-bit-harbor.yaml', 'pre-porter-gpu-nodes.yaml', 'gitops/flux-helmrelease.yaml'];

function yamlUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? yamlUnder(full) : name.endsWith('.yaml') ? [full] : [];
  });
}

function codesOf(file: string): string[] {
  return new Engine().analyze({ path: file, text: readFileSync(file, 'utf8') }).findings.map((finding) => finding.code);
}

test('the correct examples get no finding', () => {
  for (const name of CORRECT) assert.deepEqual(codesOf(join(repoRoot(), 'examples', name)), [], name);
});

test('no example gets a finding about routing or weights', () => {
  const examples = join(repoRoot(), 'examples');
  for (const file of yamlUnder(examples)) {
    assert.deepEqual(codesOf(file).filter((code) => ROUTING_AND_WEIGHTS.has(code)), [], relative(examples, file));
  }
});

test('the upstream examples get only their real findings', () => {
  const expected: Record<string, string[]> = {
    'multi-engine.yaml': ['gpu-targeting-missing'],
    'single-sglang.yaml': [],
    'single-tensorrt-llm.yaml': ['volume-not-found'],
    'single-vllm.yaml': [],
  };
  const folder = referencePath('inference-stack', 'examples');
  assert.deepEqual(readdirSync(folder).filter((name) => name.endsWith('.yaml')).sort(), Object.keys(expected));
  for (const [name, codes] of Object.entries(expected)) assert.deepEqual(codesOf(join(folder, name)), codes, name);
});
