// The CI side as its users run it, on a scratch git repository with a broken and a fixed values
// file: the pre-commit hook through `pre-commit try-repo` (Debian's pre-commit, which installs the
// hook from this repository as a node package: npm install, npm pack, npm install -g), and the
// GitHub Action's step (scripts/action.sh) under GITHUB_ACTIONS=true, whose SARIF file must
// validate against the SARIF 2.1.0 schema. The action's step is run on this worktree's build;
// in a workflow it first installs and builds the CLI in the action's checkout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sarifValidator } from '../support/sarif-schema';
import { provisionEditorTools, ROOT } from './tools';

const BROKEN = 'modelGroups:\n  llama:\n    enabled: true\n    replicaCont: 2\n';
const FIXED = 'modelGroups:\n  vllm-gemma:\n    enabled: false\n    replicaCount: 2\n';

describe('CI hooks', { timeout: 15 * 60_000 }, () => {
  let scratch: string;
  let env: NodeJS.ProcessEnv;
  before(() => {
    provisionEditorTools('pre-commit');
    scratch = mkdtempSync(join(tmpdir(), 'bhv-ci-hooks-'));
    const repo = join(scratch, 'repo');
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    writeFileSync(join(repo, 'deploy', 'broken.yaml'), BROKEN);
    writeFileSync(join(repo, 'deploy', 'fixed.yaml'), FIXED);
    // A fresh pre-commit cache and catalogue cache: the hook is installed as on a new machine.
    env = { ...process.env, PRE_COMMIT_HOME: join(scratch, 'pre-commit'), XDG_CACHE_HOME: join(scratch, 'cache'), NO_COLOR: '1' };
    delete env.GITHUB_ACTIONS;
    for (const args of [['init', '-q'], ['add', '.'], ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'values']]) {
      const git = spawnSync('git', args, { cwd: repo, env, encoding: 'utf8' });
      assert.equal(git.status, 0, git.stderr);
    }
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(command, args, { cwd: join(scratch, 'repo'), env: { ...env, ...extra }, encoding: 'utf8', timeout: 10 * 60_000 });

  it('pre-commit try-repo: the hook fails the broken file at its line and passes the fixed one', () => {
    const broken = run('pre-commit', ['try-repo', ROOT, 'bit-harbor-values', '--files', 'deploy/broken.yaml']);
    assert.equal(broken.status, 1, `${broken.stdout}${broken.stderr}`);
    assert.match(broken.stdout, /bit-harbor-values\.+Failed/);
    assert.match(broken.stdout, /deploy\/broken\.yaml\n[^]*\n {2}4:5 +error +unknown-key\n/);
    const fixed = run('pre-commit', ['try-repo', ROOT, 'bit-harbor-values', '--files', 'deploy/fixed.yaml']);
    assert.equal(fixed.status, 0, `${fixed.stdout}${fixed.stderr}`);
    assert.match(fixed.stdout, /bit-harbor-values\.+Passed/);
  });

  it('the Action\'s step annotates the broken line and writes a SARIF file that validates', () => {
    const sarif = join(scratch, 'results.sarif');
    const action = run('bash', [join(ROOT, 'scripts/action.sh')], {
      GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, INPUT_PATHS: 'deploy', INPUT_RULES: 'group-not-rendered=off', INPUT_SARIF_FILE: sarif,
    });
    assert.equal(action.status, 1, `${action.stdout}${action.stderr}`);
    assert.match(action.stdout, /^::error file=deploy\/broken\.yaml,line=4,col=5,endLine=4,endColumn=16,title=unknown-key::/m);
    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    assert.deepEqual(sarifValidator()(log), []);
    const [result] = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'unknown-key');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation, { uri: 'deploy/broken.yaml', uriBaseId: '%SRCROOT%' });
    const clean = run('bash', [join(ROOT, 'scripts/action.sh')], { GITHUB_ACTIONS: 'true', GITHUB_ACTION_PATH: ROOT, INPUT_PATHS: 'deploy/fixed.yaml' });
    assert.equal(clean.status, 0, `${clean.stdout}${clean.stderr}`);
  });
});
