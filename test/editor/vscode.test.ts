// The VS Code suites (client/test/suite/) in a real VS Code: code-server 4.100.3 (VS Code 1.100.3)
// and Debian's Chromium, offline. Provisions what it needs first (scripts/provision-editor-tools.mjs:
// apt-get as root, else it fails with the command to run), compiles the suites, runs them once and
// fails unless every suite passed and the count of passing tests is the one expected.
// Run `npm run build` first: the extension under test is dist/extension.js of this worktree.
import assert from 'node:assert/strict';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { compileSuites, provisionEditorTools, ROOT } from './tools';
import { runInCodeServer } from './vscode/code-server';

// Each `it` in client/test/suite/*.test.ts; a suite that stops loading shows up as a lower count.
const EXPECTED_TESTS = Number(process.env.BIT_HARBOR_EXPECTED_VSCODE_TESTS ?? 13);

it('runs the VS Code suites in code-server and Chromium', { timeout: 30 * 60_000 }, async () => {
  const codeServerEntry = provisionEditorTools('vscode');
  compileSuites();
  const runDir = join(ROOT, '.test-run', 'vscode');
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  cpSync(join(ROOT, 'test/editor/fixtures/workspace'), workspace, { recursive: true });
  const screenshots = join(runDir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  const started = Date.now();
  const result = await runInCodeServer({
    codeServerEntry, runDir, workspace,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/vscode-suite/suite/index.js'),
    settings: {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'telemetry.telemetryLevel': 'off',
      'bitHarbor.catalog.offline': true,
    },
    env: { BIT_HARBOR_OFFLINE: '1', BIT_HARBOR_SCREENSHOT_DIR: screenshots },
    timeoutMs: 10 * 60_000,
    onConsole: (line) => process.env.BIT_HARBOR_SHOW_CONSOLE && process.stderr.write(`[vscode] ${line}\n`),
    screenshotDir: screenshots,
  });
  const summary = result.console.map((line) => /bit-harbor-suites: (\d+) passed, (\d+) failed/.exec(line)).find(Boolean);
  const transcript = result.console.filter((line) => !line.startsWith('%c')).join('\n');
  assert.ok(summary, `the suites never reported; the browser console:\n${transcript}\n--- code-server ---\n${result.serverLog}`);
  process.stderr.write(`VS Code suites: ${summary[0]} in ${Math.round((Date.now() - started) / 1000)} s\n`);
  assert.equal(Number(summary[2]), 0, transcript);
  assert.equal(result.exitCode, 0, transcript);
  assert.equal(Number(summary[1]), EXPECTED_TESTS, `expected ${EXPECTED_TESTS} passing VS Code tests\n${transcript}`);
  // BIT_HARBOR_SUITE_GREP (a focused run while iterating) skips the tests that take them.
  if (!process.env.BIT_HARBOR_SUITE_GREP) for (const name of ['problems-panel', 'tag-completion']) assert.ok(existsSync(join(screenshots, `${name}.png`)), `screenshot ${name}`);
  // `npm run screenshots` sets this to refresh the README's images from this run.
  const publish = process.env.BIT_HARBOR_PUBLISH_SCREENSHOTS;
  if (publish) {
    for (const file of readdirSync(screenshots).filter((name) => name.endsWith('.png'))) copyFileSync(join(screenshots, file), resolve(ROOT, publish, file));
  }
});
