// `npm run bench`: generates values files of 10, 100 and 1,000 model groups, drives our server
// and yaml-language-server over stdio on each, times the CLI and the bare parse, prints a table,
// writes bench/results/latest.json and refreshes the README's benchmark section.
//
// Options: --groups 10,100   only these sizes;  --ours-only   skip yaml-language-server;
//          --no-readme        leave README.md alone;
//          --profile          instead, profile our server and the CLI (default: 1,000 groups).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInferenceStackValues } from './generate-values';
import { generateFleetValues } from './generate-values-fleet';
import { timeCli, timeExtensionActivation, timeNodeStartup, timeParse } from './in-process';
import { profile } from './profile';
import { checkTargets, markdownTable, updateReadme, type FileResult, type Results, type TypingResult } from './report';
import { runSession } from './scenario';
import { ourServer, REPO_ROOT, yamlLanguageServer } from './servers';
import { runTyping } from './typing';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index < 0 ? undefined : process.argv[index + 1];
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function benchFile(dir: string, groups: number, withTheirs: boolean): Promise<FileResult> {
  const text = generateInferenceStackValues(groups);
  const file = path.join(dir, `values-${groups}.yaml`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lines = text.split('\n').length - 1;
  log(`${groups} groups (${lines} lines): our server`);
  const ours = await runSession(ourServer(), uri, text, groups);
  let theirs = null;
  if (withTheirs) {
    log(`${groups} groups: yaml-language-server`);
    theirs = await runSession(yamlLanguageServer(path.join(dir, 'values-*.yaml')), uri, text, groups);
  }
  log(`${groups} groups: CLI and parse`);
  const cli = await timeCli(file);
  const parse = timeParse(text);
  const typing = await benchTyping(dir, `values-${groups}`, text, withTheirs);
  return { groups, lines, bytes: Buffer.byteLength(text), ours, theirs, cli, parse, typing };
}

/** The typing scenarios (typing.ts) on one file, ours and yaml-language-server's. */
async function benchTyping(dir: string, name: string, text: string, withTheirs: boolean): Promise<TypingResult> {
  const file = path.join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  log(`${name}: typing, our server`);
  const ours = await runTyping(ourServer(), uri, text);
  let theirs = null;
  let theirsFailed: string | undefined;
  if (withTheirs) {
    log(`${name}: typing, yaml-language-server`);
    try {
      theirs = await runTyping(yamlLanguageServer(path.join(dir, '*.yaml')), uri, text);
    } catch (error) {
      // A server that gives up on a file is a figure too: the table says so instead of a time.
      theirsFailed = error instanceof Error ? error.message.split('\n')[0] : String(error);
      log(`${name}: yaml-language-server: ${theirsFailed}`);
    }
  }
  return { name, lines: text.split('\n').length - 1, ours, theirs, ...(theirsFailed ? { theirsFailed } : {}) };
}

async function main(): Promise<void> {
  const profiling = process.argv.includes('--profile');
  const sizes = (option('--groups') ?? (profiling ? '1000' : '10,100,1000')).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--groups takes sizes of at least 10 groups, e.g. 10,100,1000');
  if (profiling) return profile(sizes);
  const withTheirs = !process.argv.includes('--ours-only');
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const dir = mkdtempSync(path.join(tmpdir(), 'bit-harbor-bench-'));
  const files: FileResult[] = [];
  for (const groups of sizes) files.push(await benchFile(dir, groups, withTheirs));
  // The other generator's shapes (anchors, merge keys, block lists, comments) at the largest size.
  const fleetGroups = Math.max(...sizes);
  const fleet = await benchTyping(dir, `fleet-${fleetGroups}`, generateFleetValues(fleetGroups), withTheirs);
  log('extension activation and node start-up');
  const extension = await timeExtensionActivation();
  const nodeStartupMs = await timeNodeStartup();
  const results: Results = {
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      date: new Date().toISOString().slice(0, 10),
      load: [loadBefore, loadavg()[0]],
    },
    files,
    fleet,
    extension,
    nodeStartupMs,
    targets: checkTargets(files, extension, fleet),
  };
  const table = markdownTable(results);
  process.stdout.write(`${table}\n`);
  const resultsDir = path.join(REPO_ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (!process.argv.includes('--no-readme') && withTheirs && sizes.join() === '10,100,1000') {
    if (!updateReadme(path.join(REPO_ROOT, 'README.md'), table)) log('README.md has no bench markers; not updated');
  }
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in bench/results/latest.json`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
