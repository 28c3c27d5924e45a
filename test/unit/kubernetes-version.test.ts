// The cluster's Kubernetes version (bitHarbor.cluster.kubernetesVersion, --kubernetes-version):
// read strictly, and the recipes offered (quick fixes, snippets) only where the cluster gives
// what they need: image volumes from 1.31, subPath on them from 1.33.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { completeSnippets } from '../../server/src/engine/completion/snippets';
import { Engine } from '../../server/src/engine/engine';
import { imageVolumeSubPath, imageVolumeSupport, parseKubernetesVersion } from '../../server/src/engine/kubernetes/versions';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { toEngineSettings } from '../../server/src/server/settings';

test('versions are read as written by kubectl and the clouds, and nothing else', () => {
  assert.deepEqual(parseKubernetesVersion('1.32'), { major: 1, minor: 32 });
  assert.deepEqual(parseKubernetesVersion('v1.33.2'), { major: 1, minor: 33 });
  assert.deepEqual(parseKubernetesVersion('1.34.1-gke.1234000'), { major: 1, minor: 34 });
  assert.deepEqual(parseKubernetesVersion(' v1.30.14-eks-931bdca '), { major: 1, minor: 30 });
  for (const text of ['', 'latest', '1', '1.x', 'v1.32.3.4', '1.32 or so', `1.${'9'.repeat(10)}`]) assert.equal(parseKubernetesVersion(text), null, text);
  assert.equal(toEngineSettings({ cluster: { kubernetesVersion: 'soon' } }).kubernetesVersion, '');
  assert.equal(toEngineSettings({ cluster: { kubernetesVersion: 'v1.32.1' } }).kubernetesVersion, 'v1.32.1');
});

test('image volumes: none before 1.31, the gate until 1.35; subPath from 1.33', () => {
  const at = (minor: number) => ({ major: 1, minor });
  assert.deepEqual([30, 31, 33, 34, 35, 40].map((minor) => imageVolumeSupport(at(minor))), ['none', 'gate', 'gate', 'gate', 'default', 'default']);
  assert.deepEqual([31, 32, 33].map((minor) => imageVolumeSubPath(at(minor))), [false, false, true]);
  assert.equal(imageVolumeSupport({ major: 2, minor: 0 }), 'default');
});

// The loading guide's recipe: a Bit Harbor init container that cannot copy anything.
const RECIPE = `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, /models]
    initContainers:
      - name: weights
        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it
        volumeMounts: [{name: models, mountPath: /models}]
    volumeMounts: [{name: models, mountPath: /models}]
    volumes:
      - name: models
        emptyDir: {sizeLimit: 50Gi}
`;

function recipeTitles(kubernetesVersion: string): string[] {
  const engine = new Engine({ kubernetesVersion });
  const findings = engine.analyze({ path: '/work/values.yaml', text: RECIPE }).findings.filter((f) => ['weights-shadowed', 'init-cannot-run', 'weights-unreachable'].includes(f.code));
  assert.ok(findings.length > 0, 'the recipe is flagged');
  return [...new Set(engine.codeActions({ path: '/work/values.yaml', text: RECIPE }, null, findings).map((fix) => fix.title.replace(/,.*$/, '').replace(/ \(.*$/, '')))].sort();
}

test('the quick fixes offer the recipes the cluster can run', () => {
  const both = recipeTitles('');
  assert.equal(both.length, 2, both.join(' | '));
  assert.deepEqual(recipeTitles('1.35'), both);
  assert.deepEqual(recipeTitles('1.32'), both.filter((title) => !title.startsWith('Mount the Bit Harbor image as a volume')));
  assert.deepEqual(recipeTitles('1.30'), []);
});

test('the recipe snippets follow the version too', () => {
  const labels = (kubernetesVersion: string) => completeSnippets('modelGroups:\n  \n', 'modelGroups:\n  '.length, new Engine().catalogue, { ...DEFAULT_SETTINGS, kubernetesVersion }, '/work/values.yaml').map((item) => item.label);
  const all = labels('');
  assert.ok(all.some((label) => label.includes('zero copy')) && all.some((label) => label.includes('writable copy')), all.join(' | '));
  assert.ok(!labels('1.32').some((label) => label.includes('zero copy')));
  assert.ok(labels('1.32').some((label) => label.includes('writable copy')));
  assert.ok(!labels('1.30').some((label) => label.includes('zero copy') || label.includes('writable copy')));
});
