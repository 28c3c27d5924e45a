#!/usr/bin/env node
// The second runner of the VS Code suites (client/test/suite/): desktop VS Code 1.100.3 through
// @vscode/test-electron, for machines that can download VS Code (this one cannot, so it is not
// part of `npm test`; the offline code-server runner is, test/editor/vscode.test.ts).
//
//   npm run test:electron                    downloads VS Code 1.100.3 into .vscode-test/
//   BIT_HARBOR_VSCODE_EXECUTABLE=/path/code npm run test:electron   uses an installed VS Code
//
// On Linux without a display, run it under xvfb-run. Same fixture workspace, same user settings
// (offline catalogue) and the same pass count check as the offline runner.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const runDir = join(root, '.test-run', 'electron');
rmSync(runDir, { recursive: true, force: true });
const workspace = join(runDir, 'workspace');
cpSync(join(root, 'test/editor/fixtures/workspace'), workspace, { recursive: true });
const userData = join(runDir, 'user-data');
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), readFileSync(join(root, 'test/editor/fixtures/user-settings.json')));

try {
  await runTests({
    version: '1.100.3',
    vscodeExecutablePath: process.env.BIT_HARBOR_VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/vscode-suite/suite/index.js'),
    extensionTestsEnv: { BIT_HARBOR_OFFLINE: '1' },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData, '--extensions-dir', join(runDir, 'extensions')],
  });
} catch (error) {
  process.stderr.write(`VS Code (electron) suites failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
