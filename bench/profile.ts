// `npm run bench -- --profile [--groups 1000]`: where the time goes. Runs our server's session
// and the CLI under `node --cpu-prof`, then prints the functions with the most self time and
// the most inclusive time from each profile. Profiles stay in a temporary folder (path printed)
// for Chrome DevTools or speedscope.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInferenceStackValues } from './generate-values';
import { runSession } from './scenario';
import { offlineEnv } from '../test/support/offline';
import { ourServer, REPO_ROOT } from './servers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = 15;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? path.basename(url.replace(/^file:\/\//, '')) : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/** Self and inclusive milliseconds per function, the biggest first. */
export function summarizeProfile(profile: CpuProfile): { totalMs: number; self: [string, number][]; inclusive: [string, number][] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') return;
    totalMs += ms;
    self.set(frameName(node), (self.get(frameName(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = frameName(byId.get(at)!);
      if (seen.has(name) || name === '(root)') continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  });
  const top = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  return { totalMs, self: top(self), inclusive: top(inclusive) };
}

function printSummary(title: string, file: string): void {
  const summary = summarizeProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  const line = ([name, ms]: [string, number]) => `  ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${name}`;
  process.stdout.write(`\n## ${title}: ${summary.totalMs.toFixed(0)} ms on the CPU (${file})\n`);
  process.stdout.write(`top self time:\n${summary.self.map(line).join('\n')}\n`);
  process.stdout.write(`top inclusive time:\n${summary.inclusive.map(line).join('\n')}\n`);
}

function onlyProfile(dir: string): string {
  const found = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'));
  if (found.length !== 1) throw new Error(`expected one profile in ${dir}, found ${found.length}`);
  return path.join(dir, found[0]);
}

export async function profile(groupSizes: number[]): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'bit-harbor-profile-'));
  for (const groups of groupSizes) {
    const text = generateInferenceStackValues(groups);
    const file = path.join(root, `values-${groups}.yaml`);
    writeFileSync(file, text);
    const serverDir = mkdtempSync(path.join(root, `server-${groups}-`));
    await runSession(ourServer(serverDir), pathToFileURL(file).href, text, groups);
    printSummary(`server session, ${groups} groups`, onlyProfile(serverDir));
    const cliDir = mkdtempSync(path.join(root, `cli-${groups}-`));
    const cli = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', cliDir, path.join(REPO_ROOT, 'dist/cli.js'), 'lint', '--offline', file], { env: offlineEnv('bench') });
    if (cli.status !== 0 && cli.status !== 1) throw new Error(`the CLI exited with ${cli.status}`);
    printSummary(`CLI lint, ${groups} groups`, onlyProfile(cliDir));
  }
}
