// Fix-all: every safe fix of a file at once, repeated until nothing changes, so a second run has
// nothing to do; a removal that rests on the whole file waits for a pass where nothing else moved.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';

const ROOT = join(__dirname, '../../../..');

function fixAll(text: string, path = '/work/values.yaml'): string {
  return applyEdits(text, new Engine().fixAll({ path, text }));
}

function assertSettled(fixed: string, path = '/work/values.yaml'): void {
  const docs = parseAllDocuments(fixed, { version: '1.1' });
  for (const doc of Array.isArray(docs) ? docs : []) assert.deepEqual(doc.errors, []);
  assert.deepEqual(new Engine().fixAll({ path, text: fixed }), [], 'a second run changes nothing');
}

for (const example of ['inference-stack-mistakes.yaml', 'pre-porter-mistakes.yaml']) {
  for (const eol of ['\n', '\r\n']) {
    test(`fix-all: examples/${example}${eol === '\n' ? '' : ' (CRLF)'} settles in one run`, () => {
      const text = readFileSync(join(ROOT, 'examples', example), 'utf8').replace(/\r?\n/g, eol);
      const fixed = fixAll(text);
      assert.notEqual(fixed, text);
      assertSettled(fixed);
      const codes = new Engine().analyze({ path: '/work/values.yaml', text: fixed }).findings.map((f) => f.code);
      assert.ok(!codes.includes('unknown-key'), codes.join(', '));
    });
  }
}

test('fix-all: the safe fixes of the Inference Stack mistakes, and nothing else', () => {
  const text = readFileSync(join(ROOT, 'examples/inference-stack-mistakes.yaml'), 'utf8');
  const fixed = fixAll(text);
  assert.match(fixed, /type: ClusterIP {16}# ClusterIP/);
  assert.match(fixed, /\n {4}initContainers: {19}# initContainers/);
  assert.match(fixed, /image: vllm\/vllm-openai/, 'legacy keys are not safe: left alone');
  assert.match(fixed, /value: 8000/, 'no fix for wrong types');
});

test('fix-all: a volume unused only because of a misspelt mount is kept', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes:\n      - name: cache\n        emptyDir: {}\n    volumeMounts:\n      - name: cache\n        mountpath: /cache\n';
  const fixed = fixAll(text);
  assert.match(fixed, /mountPath: \/cache/);
  assert.match(fixed, /- name: cache\n {8}emptyDir: \{\}/);
  assertSettled(fixed);
});

test('fix-all: a volume nobody mounts goes in a pass of its own', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    replicaCont: 2\n    volumes:\n      - name: scratch\n        emptyDir: {}\n';
  const fixed = fixAll(text);
  assert.match(fixed, /replicaCount: 2/);
  assert.match(fixed, /volumes: \[\]/);
  assertSettled(fixed);
});

test('fix-all: a fix that reveals another (a renamed `resources` that asks for a GPU) is followed through', () => {
  const text = 'modelGroups:\n  llm:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    resource:\n      limits: {nvidia.com/gpu: 1}\n';
  const edits = new Engine().fixAll({ path: '/work/values.yaml', text });
  assert.equal(edits.length, 1, 'two passes come back as one edit of the original text');
  const fixed = applyEdits(text, edits);
  assert.match(fixed, /resources:\n {6}limits: \{nvidia\.com\/gpu: 1\}\n {4}nodeSelector:\n {6}nvidia\.com\/gpu\.present: "true"\n {4}tolerations:/);
  assertSettled(fixed);
});

test('fix-all: a clean file gets no edits', () => {
  const text = readFileSync(join(ROOT, 'examples/inference-stack-bit-harbor.yaml'), 'utf8');
  assert.deepEqual(new Engine().fixAll({ path: '/work/values.yaml', text }), []);
});

test('fix-all: a volume that a mount naming no volume may mean is not removed', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes:\n      - name: models\n        emptyDir: {}\n    volumeMounts:\n      - name: modles\n        mountPath: /m\n';
  const engine = new Engine();
  const unused = engine.analyze({ path: '/work/values.yaml', text }).findings.find((f) => f.code === 'unused-volume')!;
  const [remove] = engine.codeActions({ path: '/work/values.yaml', text }, null, [unused]);
  assert.equal(remove.safe, false);
  assert.match(fixAll(text), /- name: models\n {8}emptyDir: \{\}/);
});
