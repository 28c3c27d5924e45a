// One run of compiled mocha suites in code-server, from a fresh run folder with a copy of the
// fixture workspace, offline unless the run says otherwise; returns the suites' own count so a caller can tell a run of no
// test (or of fewer tests than written) from a green one.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../tools';
import { runInCodeServer } from './code-server';

// The profile's user settings, shared with the @vscode/test-electron runner (scripts/test-electron.mjs).
export const SETTINGS = JSON.parse(readFileSync(join(ROOT, 'test/editor/fixtures/user-settings.json'), 'utf8')) as Record<string, unknown>;

export interface SuiteRun {
  codeServerEntry: string;
  /** The browser that drives the workbench. */
  chromium: string;
  /** Its folder under .test-run/. */
  name: string;
  /** The compiled suites' index module, relative to the root. */
  testsPath: string;
  extensionDevelopmentPath?: string;
  /** Called after the run folder is laid and before code-server starts (to install a .vsix). */
  prepare?: (runDir: string) => void;
  /**
   * A run with the network features on: no BIT_HARBOR_OFFLINE, these user settings over the
   * fixture's (the catalogue host), this environment for the suites, and workspace trust as given.
   */
  online?: { settings: Record<string, unknown>; env: Record<string, string>; workspaceTrust: boolean };
}

export interface SuiteResult {
  passed: number;
  seconds: number;
  screenshots: string;
  transcript: string;
}

export async function runSuites(run: SuiteRun): Promise<SuiteResult> {
  // npm test compiles them once (tsc -p client/test/tsconfig.json), before test files run in parallel.
  assert.ok(existsSync(join(ROOT, run.testsPath)), `${run.testsPath} is missing: run tsc -p client/test/tsconfig.json first`);
  const runDir = join(ROOT, '.test-run', run.name);
  rmSync(runDir, { recursive: true, force: true });
  const workspace = join(runDir, 'workspace');
  cpSync(join(ROOT, 'test/editor/fixtures/workspace'), workspace, { recursive: true });
  const screenshots = join(runDir, 'screenshots');
  mkdirSync(screenshots, { recursive: true });
  run.prepare?.(runDir);
  const started = Date.now();
  const result = await runInCodeServer({
    codeServerEntry: run.codeServerEntry, chromium: run.chromium, runDir, workspace,
    extensionDevelopmentPath: run.extensionDevelopmentPath,
    extensionTestsPath: join(ROOT, run.testsPath),
    settings: { ...SETTINGS, ...run.online?.settings },
    env: { ...(run.online ? run.online.env : { BIT_HARBOR_OFFLINE: '1' }), BIT_HARBOR_SCREENSHOT_DIR: screenshots },
    workspaceTrust: run.online?.workspaceTrust ?? false,
    // The full suites take about a minute here; a run that never reports fails in bounded time.
    timeoutMs: 6 * 60_000,
    onConsole: (line) => process.env.BIT_HARBOR_SHOW_CONSOLE && process.stderr.write(`[vscode] ${line}\n`),
    screenshotDir: screenshots,
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  const transcript = result.console.join('\n');
  const summary = result.console.map((line) => /bit-harbor-suites: (\d+) passed, (\d+) failed/.exec(line)).find(Boolean);
  assert.ok(summary, `the suites never reported; the browser console:\n${transcript}\n--- code-server ---\n${result.serverLog}`);
  process.stderr.write(`VS Code suites (${run.name}): ${summary[1]} passed, ${summary[2]} failed in ${seconds} s\n`);
  assert.equal(Number(summary[2]), 0, transcript);
  assert.equal(result.exitCode, 0, transcript);
  return { passed: Number(summary[1]), seconds, screenshots, transcript };
}
