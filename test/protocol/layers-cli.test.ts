// The CLI with layered values files: `-f base -f override` as Helm merges them, and folder runs
// that honour modelines and `.bit-harbor-values.json`. Spawns the bundled dist/cli.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { offlineEnv } from '../support/offline';
import { BASE, BROKEN_BASE, DELETES_MOUNTS, DISABLES_GROUP, MOUNTS_BASE_VOLUME, MOUNTS_MISSPELT_VOLUME, SWAPS_MODEL } from '../unit/layers-fixtures';

const CLI = path.resolve(__dirname, '../../..', 'dist', 'cli.js');

interface Row {
  file: string;
  line: number;
  column: number;
  code: string;
  message: string;
}

let root = '';

function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return dir;
}

function cli(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...offlineEnv(), NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(cwd: string, ...args: string[]): { status: number | null; rows: Row[] } {
  const outcome = cli(cwd, 'lint', '--format', 'json', ...args);
  assert.equal(outcome.stderr, '');
  return { status: outcome.status, rows: JSON.parse(outcome.stdout) as Row[] };
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('bit-harbor-values lint with layers', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing; run \`npm run build\` first`);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'bh-layers-'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('-f base -f override: a mount of a base volume is silent, a misspelt one is in the override', () => {
    const dir = folder('mounts', { 'values.yaml': BASE, 'good.yaml': MOUNTS_BASE_VOLUME, 'bad.yaml': MOUNTS_MISSPELT_VOLUME });
    const good = json(dir, '-f', 'values.yaml', '-f', 'good.yaml');
    assert.deepEqual(good.rows.filter((row) => row.code === 'volume-not-found'), []);
    const bad = json(dir, '-f', 'values.yaml', '-f', 'bad.yaml');
    const missing = bad.rows.filter((row) => row.code === 'volume-not-found');
    assert.deepEqual(missing.map((row) => [row.file, row.line]), [['bad.yaml', lineOf(MOUNTS_MISSPELT_VOLUME, 'scrach')]]);
    assert.equal(bad.status, 1);
  });

  it('an override swapping the model: size-limit-too-small at the base sizeLimit, in the base file', () => {
    const dir = folder('swap', { 'values.yaml': BASE, 'values-prod.yaml': SWAPS_MODEL });
    const { rows } = json(dir, '-f', 'values.yaml', '-f', 'values-prod.yaml');
    const tooSmall = rows.filter((row) => row.code === 'size-limit-too-small');
    assert.deepEqual(tooSmall.map((row) => [row.file, row.line]), [['values.yaml', lineOf(BASE, 'sizeLimit: 30Gi')]]);
    assert.match(tooSmall[0].message, /qwen-3-14b/);
    // Helm's order matters: the base over the override is another release, without the swap.
    const reversed = json(dir, '-f', 'values-prod.yaml', '-f', 'values.yaml');
    assert.deepEqual(reversed.rows.filter((row) => row.code === 'size-limit-too-small'), []);
  });

  it('three layers name the right file for each finding, also in SARIF', () => {
    const middle = 'modelGroups:\n  vllm-gemma:\n    volumeMounts:\n      - {name: models, mountPath: /weights}\n      - {name: scrach, mountPath: /tmp}\n';
    const dir = folder('three', { 'values.yaml': BASE, 'values-gpu.yaml': middle, 'values-prod.yaml': SWAPS_MODEL });
    const { rows } = json(dir, '-f', 'values.yaml', '-f', 'values-gpu.yaml', '-f', 'values-prod.yaml');
    const picked = rows.filter((row) => row.code === 'volume-not-found' || row.code === 'size-limit-too-small').map((row) => [row.code, row.file, row.line]);
    assert.deepEqual(picked.sort(), [['size-limit-too-small', 'values.yaml', lineOf(BASE, 'sizeLimit: 30Gi')], ['volume-not-found', 'values-gpu.yaml', 5]]);
    const sarif = JSON.parse(cli(dir, 'lint', '--format', 'sarif', '-f', 'values.yaml', '-f', 'values-gpu.yaml', '-f', 'values-prod.yaml').stdout);
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    const sizeResult = results.find((result) => result.ruleId === 'size-limit-too-small');
    assert.match(sizeResult!.locations[0].physicalLocation.artifactLocation.uri, /(^|\/)values\.yaml$/);
  });

  it('enabled: false in the override removes the findings of the group; null deletes a base key', () => {
    const dir = folder('switches', { 'values.yaml': BROKEN_BASE, 'off.yaml': DISABLES_GROUP, 'null.yaml': DELETES_MOUNTS });
    assert.equal(json(dir, '-f', 'values.yaml').rows.filter((row) => row.code === 'volume-not-found').length, 1);
    const off = json(dir, '-f', 'values.yaml', '-f', 'off.yaml');
    assert.deepEqual(off.rows.filter((row) => row.code !== 'unused-volume'), []);
    assert.equal(off.status, 0);
    const deleted = json(dir, '-f', 'values.yaml', '-f', 'null.yaml');
    assert.deepEqual(deleted.rows.filter((row) => row.code === 'volume-not-found'), []);
  });

  it('a folder run layers by modeline: the base keeps its own findings once, plus what the override causes', () => {
    const dir = folder('modeline', { 'values.yaml': BROKEN_BASE, 'values-prod.yaml': SWAPS_MODEL });
    const { rows } = json(dir, '.');
    const inBase = rows.filter((row) => row.file === 'values.yaml');
    assert.equal(inBase.filter((row) => row.code === 'volume-not-found').length, 1, JSON.stringify(rows, null, 1));
    const caused = inBase.filter((row) => row.code === 'size-limit-too-small');
    assert.equal(caused.length, 1);
    assert.match(caused[0].message, /with values-prod\.yaml merged over it/);
  });

  it('a folder run uses the layers of .bit-harbor-values.json', () => {
    const override = SWAPS_MODEL.replace(/^# bit-harbor-values:.*\n/, '');
    const config = JSON.stringify({ layers: [['values.yaml', 'values-*.yaml']] });
    const dir = folder('config', { 'values.yaml': BASE, 'values-prod.yaml': override, '.bit-harbor-values.json': config });
    const { rows } = json(dir, '.');
    assert.deepEqual(rows.filter((row) => row.code === 'size-limit-too-small').map((row) => row.file), ['values.yaml']);
    const without = folder('no-config', { 'values.yaml': BASE, 'values-prod.yaml': override });
    assert.deepEqual(json(without, '.').rows.filter((row) => row.code === 'size-limit-too-small'), []);
  });

  it('an unreadable base and a cycle are one finding each on the modeline', () => {
    const dir = folder('problems', {
      'values-missing.yaml': '# bit-harbor-values: chart=inference-stack base=./nowhere.yaml\nmodelGroups: {}\n',
      'values-self.yaml': '# bit-harbor-values: chart=inference-stack base=./values-self.yaml\nmodelGroups: {}\n',
    });
    const { rows, status } = json(dir, '.');
    const picked = rows.map((row) => [row.file, row.code, row.line, row.column]);
    assert.deepEqual(picked, [['values-missing.yaml', 'base-unreadable', 1, 49], ['values-self.yaml', 'base-cycle', 1, 49]]);
    assert.equal(status, 1);
  });

  it('a bad .bit-harbor-values.json and a missing -f file are usage problems (exit 2)', () => {
    const dir = folder('bad-config', { 'values.yaml': BASE, '.bit-harbor-values.json': '{"layers": "values*.yaml"}' });
    const bad = cli(dir, 'lint', '.');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /\.bit-harbor-values\.json: "layers" must be a list of lists/);
    const missing = cli(dir, 'lint', '-f', 'values.yaml', '-f', 'nope.yaml');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read nope\.yaml/);
  });
});
