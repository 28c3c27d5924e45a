// End-to-end tests of the bundled CLI: spawn `node dist/cli.js` as a user or CI job would and
// check exit status, stdout and stderr. Needs `npm run build` first (`npm test` does it).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { offlineEnv } from '../support/offline';
import { sarifValidator } from '../support/sarif-schema';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/cli';
const TYPO = `${FIXTURES}/typo/values.yaml`;

interface CliOutcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): CliOutcome {
  return cliWith({}, ...args);
}

/** The CLI with more environment; never GITHUB_ACTIONS from the machine the tests run on. */
function cliWith(env: NodeJS.ProcessEnv, ...args: string[]): CliOutcome {
  const base: NodeJS.ProcessEnv = { ...offlineEnv(), NO_COLOR: '1' };
  delete base.GITHUB_ACTIONS;
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The stylish footer when the bundled catalogue is in use (tests run offline with an empty cache). */
const FOOTER = 'Model catalogue: the bundled catalogue (bit-harbor@61975bd)\n';

/** A usage or I/O problem: exit 2, nothing on stdout, exactly one line on stderr. */
function assertUsageProblem(outcome: CliOutcome, message: RegExp): void {
  assert.equal(outcome.status, 2, outcome.stderr);
  assert.equal(outcome.stdout, '');
  assert.match(outcome.stderr, /^bit-harbor-values: [^\n]+\n$/);
  assert.match(outcome.stderr, message);
}

describe('bit-harbor-values CLI', () => {
  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} is missing; run \`npm run build\` first`);
  });

  it('prints help and the package version', () => {
    const help = cli('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: bit-harbor-values lint/);
    const version = cli('--version');
    assert.equal(version.status, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(version.stdout, `${pkg.version}\n`);
  });

  it('exits 0 on a clean folder and skips the docker-compose file in it', () => {
    const outcome = cli('lint', `${FIXTURES}/clean`);
    assert.equal(outcome.stderr, '');
    assert.equal(outcome.stdout, '✔ no problems in 1 file\n' + FOOTER);
    assert.equal(outcome.status, 0);
  });

  it('exits 1 and reports the finding when a file has an error', () => {
    const outcome = cli('lint', TYPO);
    assert.equal(outcome.stderr, '');
    assert.equal(outcome.status, 1);
    const lines = outcome.stdout.split('\n');
    assert.equal(lines[0], TYPO);
    // The misspelt switch also leaves the group off (group-not-rendered, at the group's key).
    const at = lines.findIndex((line) => /^ {2}4:5 {2}error {2}unknown-key$/.test(line));
    assert.ok(at > 0, outcome.stdout);
    assert.match(lines[at + 1], /^ {4}.*enabeld/);
    assert.match(outcome.stdout, /\n✖ \d+ problems? \(\d+ errors?, .*\) in 1 file\nModel catalogue: the bundled catalogue \(bit-harbor@61975bd\)\n$/);
  });

  it('walks folders without mentioning files of neither chart', () => {
    const outcome = cli('lint', FIXTURES);
    assert.equal(outcome.status, 1);
    assert.doesNotMatch(outcome.stdout, /docker-compose/);
    assert.match(outcome.stdout, /^test\/fixtures\/cli\/typo\/values\.yaml\n/);
    assert.match(outcome.stdout, / in 2 files\nModel catalogue: [^\n]+\n$/);
  });

  it('exits 2 when the paths hold no values file (a mistyped path in CI), 0 with --allow-empty', () => {
    const none = cli('lint', `${FIXTURES}/docker-compose.yml`);
    assert.equal(none.status, 2);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /no values file of either chart in test\/fixtures\/cli\/docker-compose\.yml \(pass --allow-empty/);
    const allowed = cli('lint', '--allow-empty', `${FIXTURES}/docker-compose.yml`);
    assert.equal(allowed.status, 0);
    assert.equal(allowed.stdout, '✔ no problems in 0 files (1 file is not a values file)\n' + FOOTER);
  });

  it('exits 2 on a --rule code that does not exist, naming the nearest', () => {
    const outcome = cli('lint', '--rule', 'unknwn-key=off', `${FIXTURES}/typo/values.yaml`);
    assert.equal(outcome.status, 2);
    assert.match(outcome.stderr, /^bit-harbor-values: unknown finding code unknwn-key in --rule; did you mean unknown-key\?/);
  });

  it('checks any file against the chart given with --chart', () => {
    const outcome = cli('lint', '--chart=inference-stack', '--format', 'json', `${FIXTURES}/docker-compose.yml`);
    assert.equal(outcome.status, 1);
    const findings = JSON.parse(outcome.stdout);
    assert.ok(findings.some((f: { code: string }) => f.code === 'unknown-key'), outcome.stdout);
  });

  it('compares the files it is given: not-prepulled and prepulled-unused, and --rule turns one off', () => {
    const cross = path.join('test', 'fixtures', 'cross');
    const both = JSON.parse(cli('lint', '--format=json', cross).stdout) as { file: string; code: string; line: number }[];
    assert.deepEqual(both.map((f) => [path.basename(f.file), f.code, f.line]), [
      ['pre-porter.yaml', 'prepulled-unused', 2],
      ['values.yaml', 'not-prepulled', 43],
    ]);
    const alone = JSON.parse(cli('lint', '--format=json', path.join(cross, 'values.yaml')).stdout);
    assert.deepEqual(alone, [], 'a file alone has no other file to compare with');
    const off = JSON.parse(cli('lint', '--format=json', '--rule', 'not-prepulled=off', cross).stdout) as { code: string }[];
    assert.deepEqual(off.map((f) => f.code), ['prepulled-unused']);
  });

  it('uses --catalog as the catalogue, and a bad one is a one-line error with exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-catalog-'));
    const catalog = path.join(dir, 'models.json');
    fs.writeFileSync(catalog, JSON.stringify({ models: [{ name: 'my-model', repo: 'https://huggingface.co/me/my-model' }] }));
    const values = path.join(dir, 'values.yaml');
    fs.writeFileSync(values, 'images:\n  - name: my-model\n    enabled: true\n  - name: gemma-3-12b-it\n    enabled: true\nadvancedCronJob: {enabled: true}\nglobalNodeSelector: {nvidia.com/gpu.present: "true"}\nglobalTolerations: [{key: nvidia.com/gpu, operator: Exists}]\n');
    const outcome = cli('lint', '--format=json', '--catalog', catalog, values);
    const codes = (JSON.parse(outcome.stdout) as { code: string; line: number }[]).map((f) => `${f.code}@${f.line}`);
    assert.deepEqual(codes, ['unknown-model@4'], 'my-model is known from the file; gemma is not in it');
    fs.writeFileSync(catalog, '{"models": 5}');
    assertUsageProblem(cli('lint', '--catalog', catalog, values), /cannot use .*models\.json as the catalogue/);
    const stylish = cli('lint', '--offline', values);
    assert.match(stylish.stdout, /Model catalogue: the bundled catalogue/);
  });

  it('prints JSON findings with 1-based positions', () => {
    const outcome = cli('lint', '--format=json', FIXTURES);
    assert.equal(outcome.status, 1);
    const findings = JSON.parse(outcome.stdout);
    assert.ok(Array.isArray(findings) && findings.length > 0);
    for (const f of findings) {
      assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(f.severity));
    }
    const typo = findings.find((f: { code: string }) => f.code === 'unknown-key');
    assert.deepEqual(
      { file: typo.file, line: typo.line, column: typo.column, endLine: typo.endLine, severity: typo.severity },
      { file: path.normalize(TYPO), line: 4, column: 5, endLine: 4, severity: 'error' },
    );
    assert.equal(cli('lint', '--format', 'json', `${FIXTURES}/clean`).stdout, '[]\n');
  });

  it('prints a SARIF 2.1.0 log', () => {
    const outcome = cli('lint', '--format', 'sarif', TYPO);
    assert.equal(outcome.status, 1);
    const log = JSON.parse(outcome.stdout);
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'bit-harbor-values');
    assert.equal(driver.version, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    const ruleIds = driver.rules.map((rule: { id: string }) => rule.id);
    assert.ok(ruleIds.includes('unknown-key'));
    assert.equal(new Set(ruleIds).size, ruleIds.length);
    for (const result of log.runs[0].results) {
      assert.ok(ruleIds.includes(result.ruleId));
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: TYPO, uriBaseId: '%SRCROOT%' });
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine);
    }
    const unknownKey = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'unknown-key');
    assert.equal(unknownKey.level, 'error');
    assert.deepEqual(sarifValidator()(log), [], 'the log validates against the SARIF 2.1.0 schema');
    // Help is the rule's docs page, read from the package.
    const rule = driver.rules.find((r: { id: string }) => r.id === 'unknown-key');
    assert.equal(rule.help.markdown, fs.readFileSync(path.join(ROOT, 'docs/rules/unknown-key.md'), 'utf8'));
    assert.ok(unknownKey.partialFingerprints['bitHarborValues/v1']);
    assert.deepEqual([unknownKey.locations[0].physicalLocation.region.startLine, unknownKey.locations[0].physicalLocation.region.startColumn], [4, 5]);
  });

  it('annotates the pull request under GitHub Actions (workflow commands by default)', () => {
    const outcome = cliWith({ GITHUB_ACTIONS: 'true' }, 'lint', TYPO);
    assert.equal(outcome.status, 1);
    assert.match(outcome.stdout, /^::error file=test\/fixtures\/cli\/typo\/values\.yaml,line=4,col=5,endLine=4,endColumn=12,title=unknown-key::.*enabeld/m);
    assert.match(outcome.stdout, /\n✖ \d+ problems? .*\n$/);
  });

  it('--platform gke stops asking for the GPU toleration; --gpu-node-label adds a GPU label', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-platform-'));
    try {
      const file = path.join(dir, 'values.yaml');
      fs.writeFileSync(file, 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    command: [vllm, serve, google/gemma-3-12b-it]\n    nodeSelector: {example.com/pool: gpu}\n');
      const codes = (...args: string[]) => (JSON.parse(cli('lint', '--format=json', ...args, file).stdout) as { code: string; message: string }[])
        .filter((f) => f.code === 'gpu-targeting-missing').map((f) => f.message.replace(/^.* but has /, ''));
      assert.deepEqual(codes(), [`no GPU node selector and no toleration for the \`nvidia.com/gpu\` taint: it may stay Pending or run on a node without GPUs.`]);
      assert.deepEqual(codes('--gpu-node-label', 'example.com/pool'), [`no toleration for the \`nvidia.com/gpu\` taint GPU nodes commonly carry: it may stay Pending.`]);
      assert.deepEqual(codes('--gpu-node-label', 'example.com/*', '--platform', 'gke'), []);
      assert.match(cli('lint', '--platform', 'openshift', file).stderr, /bad --platform value openshift \(expected generic, gke, eks, aks\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line on stderr for usage and I/O problems', () => {
    assertUsageProblem(cli('lint', '--frmat=json', TYPO), /unknown option --frmat/);
    assertUsageProblem(cli('lint', 'test/fixtures/cli/missing.yaml'), /^bit-harbor-values: cannot read test\/fixtures\/cli\/missing\.yaml: ENOENT/);
    assertUsageProblem(cli('lint'), /missing PATH/);
    assertUsageProblem(cli(), /missing command/);
    assertUsageProblem(cli('check', TYPO), /unknown command check/);
    assertUsageProblem(cli('lint', '--chart', 'helm', TYPO), /bad --chart value helm/);
    assertUsageProblem(cli('lint', '--format', 'xml', TYPO), /bad --format value xml/);
  });

  it('reads nothing and prints nothing when one of several paths is missing', () => {
    assertUsageProblem(cli('lint', TYPO, 'nope/'), /cannot read nope\/: ENOENT/);
  });
});

describe('--kubernetes-version', () => {
  it('reports an image volume the cluster does not have, and refuses a value that is no version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-k8s-'));
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    command: [vllm, serve, /models/gemma]\n    volumeMounts: [{name: weights, mountPath: /models/gemma, subPath: models, readOnly: true}]\n    volumes:\n      - name: weights\n        image: {reference: "ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it"}\n');
    const old = cli('lint', '--format', 'json', '--kubernetes-version', 'v1.30.2', file);
    const codes = (JSON.parse(old.stdout) as { code: string }[]).map((f) => f.code);
    assert.ok(codes.includes('image-volume-unavailable'), codes.join(', '));
    const current = cli('lint', '--format', 'json', '--kubernetes-version', '1.35', file);
    assert.ok(!(JSON.parse(current.stdout) as { code: string }[]).some((f) => f.code === 'image-volume-unavailable'));
    assertUsageProblem(cli('lint', '--kubernetes-version', 'recent', file), /bad --kubernetes-version value recent/);
  });
});

describe('-f files and the limits', () => {
  it('a -f file over --max-file-size or nested too deep is one finding on it, never checked in part', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-limits-'));
    const write = (name: string, text: string) => { fs.writeFileSync(path.join(dir, name), text); return path.join(dir, name); };
    const big = write('big.yaml', `${'# padding\n'.repeat(300)}modelGroups:\n  x:\n    enabled: true\n    replicaCont: 1\n`);
    const deep = write('deep.yaml', `a:\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i + 1)}b:\n`).join('')}`);
    const small = write('small.yaml', 'onwards:\n  replicaCount: 1\n');
    const sized = JSON.parse(cli('lint', '--format', 'json', '--max-file-size', '1000', '-f', big, '-f', small).stdout) as { file: string; code: string }[];
    assert.deepEqual(sized.map((f) => [path.basename(f.file), f.code]), [['big.yaml', 'file-too-large']]);
    const nested = JSON.parse(cli('lint', '--format', 'json', '-f', deep, '-f', small).stdout) as { file: string; code: string }[];
    assert.deepEqual(nested.map((f) => [path.basename(f.file), f.code]), [['deep.yaml', 'yaml-syntax']]);
  });
});
