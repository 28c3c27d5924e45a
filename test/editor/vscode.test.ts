// The VS Code suites (client/test/suite/) in a real VS Code: code-server 4.100.3 (VS Code 1.100.3)
// and Debian's Chromium, offline. Provisions what it needs first (scripts/provision-editor-tools.mjs:
// apt-get as root, else it fails with the command to run), runs the suites once and fails unless
// every suite passed and the count of passing tests is the one expected. Run `npm run build` and
// `tsc -p client/test/tsconfig.json` first (npm test does): the extension under test is this
// worktree's dist/extension.js.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { provisionEditorTools, ROOT } from './tools';
import { runSuites } from './vscode/suites';

// Each `it` in client/test/suite/*.test.ts; a suite that stops loading shows up as a lower count.
const EXPECTED_TESTS = Number(process.env.BIT_HARBOR_EXPECTED_VSCODE_TESTS ?? 17);

it('runs the VS Code suites in code-server and Chromium', { timeout: 30 * 60_000 }, async () => {
  const tools = provisionEditorTools('vscode');
  const result = await runSuites({ ...tools, name: 'vscode', testsPath: 'out/vscode-suite/suite/index.js', extensionDevelopmentPath: ROOT });
  assert.equal(result.passed, EXPECTED_TESTS, `expected ${EXPECTED_TESTS} passing VS Code tests\n${result.transcript}`);
  // BIT_HARBOR_SUITE_GREP (a focused run while iterating) skips the tests that take them.
  if (process.env.BIT_HARBOR_SUITE_GREP) return;
  for (const name of ['problems-panel', 'tag-completion']) assert.ok(existsSync(join(result.screenshots, `${name}.png`)), `screenshot ${name}`);
  // `npm run screenshots` sets this to refresh the README's images from this run.
  const publish = process.env.BIT_HARBOR_PUBLISH_SCREENSHOTS;
  if (publish) {
    for (const file of readdirSync(result.screenshots).filter((name) => name.endsWith('.png'))) copyFileSync(join(result.screenshots, file), resolve(ROOT, publish, file));
  }
});
