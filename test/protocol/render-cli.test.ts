// End-to-end tests of `bit-harbor-values render`: spawn the bundled CLI as a user would.
// Needs `npm run build` first (`npm test` does it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { offlineEnv } from '../support/offline';
import { referencePath } from '../support/markers';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...offlineEnv(), NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function objects(text: string): Record<string, any>[] {
  return parseAllDocuments(text).map((doc) => doc.toJS()).filter((object) => object !== null);
}

describe('bit-harbor-values render', () => {
  it('prints the manifests of an upstream example, each after --- and its # Source line', () => {
    const outcome = cli('render', referencePath('inference-stack', 'examples', 'single-vllm.yaml'));
    assert.equal(outcome.status, 0, outcome.stderr);
    assert.equal(outcome.stderr, '');
    const sources = outcome.stdout.split('\n').filter((line) => line.startsWith('# Source: '));
    assert.deepEqual(sources, [
      '# Source: inference-stack/templates/serviceaccount.yaml',
      '# Source: inference-stack/templates/configmap.yaml',
      '# Source: inference-stack/templates/service.yaml',
      '# Source: inference-stack/templates/service.yaml',
      '# Source: inference-stack/templates/deployment.yaml',
      '# Source: inference-stack/templates/deployment.yaml',
    ]);
    assert.equal(outcome.stdout.split('\n').filter((line) => line === '---').length, sources.length);
    const configMap = objects(outcome.stdout).find((object) => object.kind === 'ConfigMap')!;
    const targets = JSON.parse(configMap.data['config.json']).targets;
    assert.equal(targets['llama-3.1-8b'].url, 'http://RELEASE-NAME-inference-stack-vllm-llama:8000');
  });

  it('names objects after --release and merges -f bases under the file', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-render-'));
    const base = path.join(folder, 'base.yaml');
    const top = path.join(folder, 'prod.yaml');
    fs.writeFileSync(base, 'modelGroups:\n  chat:\n    enabled: true\n    image: {repository: vllm/vllm-openai, tag: v0.6.0}\n    service: {port: "8000"}\n    containerPort: "8000"\n    modelAlias: [chat]\n');
    fs.writeFileSync(top, 'modelGroups:\n  chat:\n    replicaCount: 3\n');
    const outcome = cli('render', '--release', 'prod', '-f', base, top);
    assert.equal(outcome.status, 0, outcome.stderr);
    const deployment = objects(outcome.stdout).find((object) => object.kind === 'Deployment' && object.metadata.name === 'prod-inference-stack-chat')!;
    assert.equal(deployment.spec.replicas, 3);
    // Printed inline: the quoted "8000" reaches Kubernetes as the integer 8000.
    assert.equal(deployment.spec.template.spec.containers[0].ports[0].containerPort, 8000);
    assert.equal(deployment.spec.template.spec.containers[0].image, 'vllm/vllm-openai:v0.6.0');
  });

  it('exits 2 with one line on a file that is not values of a chart, and on a missing file', () => {
    const notValues = cli('render', 'package.json');
    assert.equal(notValues.status, 2);
    assert.equal(notValues.stdout, '');
    assert.match(notValues.stderr, /^bit-harbor-values: package\.json is not a values file of Inference Stack or Pre-Porter[^\n]*\n$/);
    const missing = cli('render', 'no-such-file.yaml');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file/);
    const usage = cli('render');
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /missing FILE/);
  });

  it('renders Pre-Porter with --chart, and prints help', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-render-'));
    const file = path.join(folder, 'values.yaml');
    fs.writeFileSync(file, 'advancedCronJob:\n  enabled: true\n  successfulJobsHistoryLimit: 0\nimages:\n  - name: qwen2.5_7b\n    enabled: true\n');
    const outcome = cli('render', '--chart', 'pre-porter', file);
    assert.equal(outcome.status, 0, outcome.stderr);
    const job = objects(outcome.stdout).find((object) => object.kind === 'AdvancedCronJob')!;
    assert.equal(job.metadata.name, 'RELEASE-NAME-pre-porter-qwen2-5-7b');
    // `| default 3` treats 0 as unset.
    assert.equal(job.spec.successfulJobsHistoryLimit, 3);
    const help = cli('render', '--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: bit-harbor-values render/);
  });
});
