// A model group's view is read from the pod the chart renders for it (model-groups.ts). A full
// check keeps the views of groups whose written values an edit did not touch: pasting a group
// renders one pod, and what the check finds is what a fresh check finds.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { Engine } from '../../server/src/engine/engine';
import { AnalysisHistory } from '../../server/src/engine/incremental';
import { modelGroup } from '../../server/src/engine/model-groups';
import { YamlCache } from '../../server/src/engine/yaml-source';

const PATH = '/work/values.yaml';

/** The generated file of `groups` groups, checked once as an editor's first check of it. */
function opened(groups: number): { engine: Engine; text: string; yaml: YamlCache; history: AnalysisHistory } {
  const engine = new Engine();
  const text = generateInferenceStackValues(groups);
  const yaml = new YamlCache();
  const history = new AnalysisHistory();
  engine.analyze({ text, path: PATH }, yaml, history);
  return { engine, text, yaml, history };
}

function groupBlock(text: string, name: string): { start: number; end: number } {
  const start = text.indexOf(`\n  ${name}:\n`) + 1;
  const next = text.slice(start + 3).search(/\n {2}\S/);
  return { start, end: next < 0 ? text.length : start + 3 + next + 1 };
}

test('a pasted group renders one pod; the other groups keep their views, and the findings are a fresh check\'s', () => {
  const { engine, text, yaml, history } = opened(20);
  const before = new Map([...history.groupViews].map(([name, entry]) => [name, entry.view]));
  assert.equal(before.size, 20);

  const { start, end } = groupBlock(text, 'group-10');
  const pasted = text.slice(0, end) + text.slice(start, end).replace('group-10:', 'group-pasted:') + text.slice(end);
  const result = engine.analyze({ text: pasted, path: PATH }, yaml, history);
  assert.deepEqual(result.findings, engine.analyze({ text: pasted, path: PATH }).findings);
  const kept = [...before].filter(([name, view]) => history.groupViews.get(name)?.view === view).length;
  // The group the paste lands beside is read again by the parse (its entry ends where the paste starts).
  assert.ok(kept >= 19, `${kept} of 20 groups kept their views`);
  assert.ok(history.groupViews.has('group-pasted'));
});

test('a view is rendered again when its group or the release\'s fullname changes', () => {
  const { engine, text, yaml, history } = opened(3);
  const first = history.groupViews.get('group-1')!.view;
  const renamed = `fullnameOverride: llm\n${text}`;
  engine.analyze({ text: renamed, path: PATH }, yaml, history);
  assert.notEqual(history.groupViews.get('group-1')!.view, first, 'fullnameOverride names the pod\'s service account');
  const kept = history.groupViews.get('group-1')!.view;
  const edited = renamed.replace(/(\n {2}group-1:\n(?: {4}.*\n)*? {4}enabled: true\n)/, '$1    replicaCount: 2\n');
  assert.notEqual(edited, renamed);
  engine.analyze({ text: edited, path: PATH }, yaml, history);
  // That edit re-checked group-1 alone; the next full check (a pasted group) must not keep its old view.
  const { start, end } = groupBlock(edited, 'group-2');
  const pasted = edited.slice(0, end) + edited.slice(start, end).replace('group-2:', 'group-pasted:') + edited.slice(end);
  const result = engine.analyze({ text: pasted, path: PATH }, yaml, history);
  assert.notEqual(history.groupViews.get('group-1')!.view, kept);
  assert.equal(history.groupViews.get('group-1')!.view.values.replicaCount, 2);
  assert.deepEqual(result.findings, engine.analyze({ text: pasted, path: PATH }).findings);
});

test('volumes and mounts are in the rendered pod\'s order, each knowing the values entry it came from', () => {
  const view = modelGroup({
    modelGroups: {
      a: {
        enabled: true,
        image: { repository: 'vllm/vllm-openai', tag: 'v0.10.1' },
        volumeMounts: [{ name: 'shm', mountPath: '/dev/shm' }],
        volumes: [{ name: 'shm', emptyDir: { medium: 'Memory' } }],
        persistentVolumes: [{ name: 'cache', size: '50Gi', mountPath: '/cache' }],
      },
    },
  }, 'a')!;
  assert.deepEqual(view.volumes.map((volume) => [volume.name, volume.source, volume.path.join('.')]), [
    ['cache', 'persistentVolume', 'modelGroups.a.persistentVolumes.0'],
    ['shm', 'emptyDir', 'modelGroups.a.volumes.0'],
  ]);
  assert.deepEqual(view.engine.mounts.map((mount) => [mount.mountPath, mount.path.join('.')]), [
    ['/cache', 'modelGroups.a.persistentVolumes.0'],
    ['/dev/shm', 'modelGroups.a.volumeMounts.0'],
  ]);
  assert.equal(view.engine.image, 'vllm/vllm-openai:v0.10.1');
});
