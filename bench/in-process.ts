// Figures that need no language server: the CLI on the same files (a fresh process each run,
// as a CI job or a pre-commit hook runs it), the bare `yaml` parse of each text in this process
// (the floor under any full re-parse), and the load of the extension bundle.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { offlineEnv } from '../test/support/offline';
import { REPO_ROOT } from './servers';
import { medianOf } from './stats';

const CLI_RUNS = 3;
const PARSE_RUNS = 7;

function runOnce(args: string[]): Promise<{ ms: number; code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: offlineEnv('bench'), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
    child.stderr.resume();
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout }));
  });
}

/** `bit-harbor-values lint --offline FILE`: median wall time and how many findings it printed. */
export async function timeCli(file: string): Promise<{ ms: number; findings: number }> {
  const times: number[] = [];
  let findings = 0;
  for (let i = 0; i < CLI_RUNS; i++) {
    const run = await runOnce([path.join(REPO_ROOT, 'dist/cli.js'), 'lint', '--offline', '--format', 'json', file]);
    if (run.code !== 0 && run.code !== 1) throw new Error(`the CLI exited with ${run.code} on ${file}`);
    times.push(run.ms);
    findings = countJsonFindings(run.stdout);
  }
  return { ms: medianOf(times), findings };
}

function countJsonFindings(stdout: string): number {
  try {
    const findings = JSON.parse(stdout) as unknown;
    return Array.isArray(findings) ? findings.length : -1;
  } catch {
    return -1; // the figure that matters is the time; -1 says the count could not be read
  }
}

/** Node's own start-up with nothing to do, to read the CLI figure against. */
export async function timeNodeStartup(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < CLI_RUNS; i++) times.push((await runOnce(['-e', ''])).ms);
  return medianOf(times);
}

/** Median of `parseDocument(text)` after one warm-up parse, and the first (cold) parse. */
export function timeParse(text: string): { ms: number; firstMs: number } {
  let started = performance.now();
  parseDocument(text);
  const firstMs = performance.now() - started;
  const times: number[] = [];
  for (let i = 0; i < PARSE_RUNS; i++) {
    started = performance.now();
    parseDocument(text);
    times.push(performance.now() - started);
  }
  return { ms: medianOf(times), firstMs };
}

/** Activation as VS Code times it, and the client library that loads after it. */
export interface ExtensionTimes {
  /** require of dist/extension.js plus its activate() call until it returns (code loading + activate call). */
  activationMs: number;
  /** require of dist/language-client.js, which activate() leaves to a later turn of the event loop. */
  clientLibraryMs: number;
}

/**
 * VS Code counts an extension's activation as loading its main bundle plus the activate() call
 * until it returns. Timed here with a stand-in `vscode` module that answers every property (so
 * the figure includes no real VS Code API work), in a child process so the bundles load cold.
 * activate() yields before it loads the language client library and starts the client through
 * the real API; that library's load is timed on its own, and the client start is not timed (a
 * stand-in there would time the stand-in).
 */
export async function timeExtensionActivation(): Promise<ExtensionTimes> {
  const script = `
    const Module = require('node:module');
    const stub = () => new Proxy(function () {}, { get: (t, p) => (p === 'prototype' ? {} : p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : stub()), apply: () => stub(), construct: () => stub() });
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? stub() : load.call(this, request, ...rest); };
    const started = performance.now();
    const extension = require(${JSON.stringify(path.join(REPO_ROOT, 'dist/extension.js'))});
    if (typeof extension.activate !== 'function') throw new Error('no activate export');
    extension.activate({ subscriptions: [], asAbsolutePath: (p) => p, globalStorageUri: { fsPath: '' } });
    const activated = performance.now();
    require(${JSON.stringify(path.join(REPO_ROOT, 'dist/language-client.js'))});
    process.stdout.write(JSON.stringify({ activationMs: activated - started, clientLibraryMs: performance.now() - activated }));
    process.exit(0);`;
  const runs: ExtensionTimes[] = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    const run = await runOnce(['-e', script]);
    if (run.code !== 0) throw new Error('loading or activating dist/extension.js failed');
    runs.push(JSON.parse(run.stdout) as ExtensionTimes);
  }
  return { activationMs: medianOf(runs.map((run) => run.activationMs)), clientLibraryMs: medianOf(runs.map((run) => run.clientLibraryMs)) };
}
