// The chart versions the checks model and the keys each version added, held to the charts'
// Chart.yaml and CHANGELOG in ../shared/reference; and what a GitOps release pinning another
// version is told.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { exactVersion, KEYS_SINCE, MODELLED_VERSIONS } from '../../server/src/engine/embedded/chart-version';
import type { ChartId } from '../../server/src/engine/types';
import { referencePath } from '../support/markers';

const FOLDERS: Record<ChartId, string[]> = { 'inference-stack': ['inference-stack'], 'pre-porter': ['bit-harbor', 'pre-porter'] };

function changelogSection(chart: ChartId, version: string): string {
  const log = readFileSync(referencePath(...FOLDERS[chart], 'CHANGELOG.md'), 'utf8');
  const start = log.indexOf(`## [${version}]`);
  assert.ok(start >= 0, `${chart} CHANGELOG has ${version}`);
  const end = log.indexOf('\n## [', start + 1);
  return log.slice(start, end < 0 ? undefined : end);
}

test('the modelled versions are the reference charts\' versions', () => {
  for (const chart of Object.keys(FOLDERS) as ChartId[]) {
    const version = /^version:\s*(\S+)/m.exec(readFileSync(referencePath(...FOLDERS[chart], 'Chart.yaml'), 'utf8'))?.[1];
    assert.equal(MODELLED_VERSIONS[chart], version);
  }
});

test('each key a version added is in that version\'s CHANGELOG entry and in the modelled values', () => {
  for (const key of KEYS_SINCE) {
    const name = key.path[key.path.length - 1].toLowerCase();
    assert.match(changelogSection(key.chart, key.since).toLowerCase(), new RegExp(`\\b${name}`), `${key.path.join('.')} in ${key.since}`);
    const values = readFileSync(referencePath(...FOLDERS[key.chart], 'values.yaml'), 'utf8');
    assert.match(values, new RegExp(`^\\s*${key.path[key.path.length - 1]}:`, 'm'));
  }
});

test('exact versions only: a range, a branch or a digest pins no one version', () => {
  assert.deepEqual(exactVersion('v0.4.3'), [0, 4, 3]);
  for (const written of ['0.4.*', '>=0.4.0', '~0.4', 'main', 'HEAD', '0.4', 'sha256:abc']) assert.equal(exactVersion(written), null, written);
});

const app = (version: string) => [
  'apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: a', 'spec:', '  source:',
  '    repoURL: ghcr.io/doublewordai', '    chart: inference-stack', `    targetRevision: ${version}`, '    helm:', '      valuesObject:',
  '        configMaps: {}', '        modelGroups:', '          vllm-gemma:', '            args: ["--port", "8000"]', '',
].join('\n');

test('a release pinning 0.4.2 is told once, and the keys 0.4.2 does not read are flagged where written', () => {
  const text = app('0.4.2');
  const found = new Engine().analyze({ path: '/repo/app.yaml', text }).findings
    .filter((f) => f.code === 'chart-version' || f.code === 'key-not-in-version')
    .map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`);
  assert.deepEqual(found, ['chart-version:0.4.2', 'key-not-in-version:configMaps', 'key-not-in-version:args']);
});

test('the modelled version, or a range, gets no version finding', () => {
  for (const version of ['0.4.4', 'v0.4.4', '0.4.*']) {
    const codes = new Engine().analyze({ path: '/repo/app.yaml', text: app(version) }).findings.map((f) => f.code);
    assert.ok(!codes.includes('chart-version') && !codes.includes('key-not-in-version'), `${version}: ${codes.join(', ')}`);
  }
});
