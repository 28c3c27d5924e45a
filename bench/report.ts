// The benchmark's results as a Markdown table (stdout and README) and JSON (bench/results/),
// with the issue's targets checked against the figures of the same run.
import { readFileSync, writeFileSync } from 'node:fs';
import type { SessionFigures } from './scenario';
import { TYPING_SCENARIOS, type TypingFigures } from './typing';
import type { ExtensionTimes } from './in-process';
import type { Summary } from './stats';

export interface FileResult {
  groups: number;
  lines: number;
  bytes: number;
  ours: SessionFigures;
  theirs: SessionFigures | null;
  cli: { ms: number; findings: number };
  parse: { ms: number; firstMs: number };
  typing: TypingResult;
}

/** The typing scenarios on one file (typing.ts). */
export interface TypingResult {
  name: string;
  lines: number;
  ours: TypingFigures;
  theirs: TypingFigures | null;
  /** Why yaml-language-server has no figures for this file (it did not answer). */
  theirsFailed?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  date: string;
  /** 1-minute load averages when the run started and ended: other work on the machine skews every figure. */
  load: [number, number];
}

export interface Results {
  machine: Machine;
  files: FileResult[];
  /** The typing scenarios on the other generator's file (generate-values-fleet.ts). */
  fleet: TypingResult;
  /** Activation as VS Code counts it (bundle load + activate() call), and the client library loaded after it. */
  extension: ExtensionTimes;
  nodeStartupMs: number;
  targets: Target[];
}

export interface Target {
  what: string;
  limit: string;
  measured: string;
  met: boolean;
}

const ms = (value: number) => (!Number.isFinite(value) ? '–' : value < 10 ? value.toFixed(1) : value.toFixed(0));
const ratio = (ours: number, theirs: number) => (theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '–');

function pair(ours: number, theirs: number | undefined): string {
  return theirs === undefined ? ms(ours) : `${ms(ours)} / ${ms(theirs)} (${ratio(ours, theirs)})`;
}

type Row = [string, (file: FileResult) => string];

/** Marks a figure taken from fewer than the usual 20 samples (the run's time budget cut it short). */
function samplesNote(f: FileResult, pick: (f: SessionFigures) => Summary): string {
  const counts = [pick(f.ours).samples, f.theirs ? pick(f.theirs).samples : 20];
  return counts.every((n) => n >= 20) ? '' : ` [n=${counts.join('/')}]`;
}

function summaryRows(label: string, pick: (f: SessionFigures) => Summary): Row[] {
  return [
    [`${label}, median ms`, (f) => pair(pick(f.ours).median, f.theirs ? pick(f.theirs).median : undefined) + samplesNote(f, pick)],
    [`${label}, p95 ms`, (f) => pair(pick(f.ours).p95, f.theirs ? pick(f.theirs).p95 : undefined) + samplesNote(f, pick)],
  ];
}

const ROWS: Row[] = [
  ['server startup (spawn → initialize result), ms', (f) => pair(f.ours.startupMs, f.theirs?.startupMs)],
  ['open → first diagnostics, ms', (f) => pair(f.ours.firstDiagnosticsMs, f.theirs?.firstDiagnosticsMs)],
  ['diagnostics on open (count)', (f) => `${f.ours.firstDiagnostics} / ${f.theirs?.firstDiagnostics ?? '–'}`],
  ...summaryRows('edit in one group → diagnostics', (f) => f.editMs),
  ['edit → diagnostics, server CPU per edit, ms', (f) => pair(f.ours.editCpuMs ?? NaN, f.theirs?.editCpuMs ?? undefined)],
  ...summaryRows('completion at a Bit Harbor tag', (f) => f.completionTagMs),
  ...summaryRows('completion at a key', (f) => f.completionKeyMs),
  ...summaryRows('hover on a tag', (f) => f.hoverTagMs),
  ...summaryRows('hover on a key', (f) => f.hoverKeyMs),
  ...summaryRows('code actions at a mistake', (f) => f.codeActionMs),
  ['server peak RSS (VmHWM), MiB', (f) => pair(f.ours.peakRssMiB ?? NaN, f.theirs?.peakRssMiB ?? undefined)],
  ['CLI `lint` (fresh process), ms', (f) => `${ms(f.cli.ms)}`],
  ['bare `yaml` parseDocument (warm / first), ms', (f) => `${ms(f.parse.ms)} / ${ms(f.parse.firstMs)}`],
];

export function markdownTable(results: Results): string {
  const { files, machine } = results;
  const header = `| figure (ours / yaml-language-server) | ${files.map((f) => `${f.groups} groups (${f.lines.toLocaleString('en')} lines)`).join(' | ')} |`;
  const rule = `|---|${files.map(() => '---').join('|')}|`;
  const rows = ROWS.map(([label, cell]) => `| ${label} | ${files.map(cell).join(' | ')} |`);
  const targets = results.targets.map((t) => `| ${t.what} | ${t.limit} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`);
  return [
    `Measured ${machine.date} on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, ${machine.platform}; ` +
      `load average ${machine.load[0].toFixed(1)} at the start, ${machine.load[1].toFixed(1)} at the end.`,
    '',
    header,
    rule,
    ...rows,
    '',
    `Extension activation (require of dist/extension.js and its activate() call until it returns, with a stand-in \`vscode\`): ` +
      `${ms(results.extension.activationMs)} ms, then the language client library it loads after returning: ${ms(results.extension.clientLibraryMs)} ms; ` +
      `Node's own start-up (\`node -e ''\`): ${ms(results.nodeStartupMs)} ms.`,
    '',
    ...typingTable([...files.map((f) => f.typing), results.fleet]),
    '',
    '| target | limit | measured | |',
    '|---|---|---|---|',
    ...targets,
  ].join('\n');
}

/** p95 of each typing scenario per file, ours / yaml-language-server's. */
function typingTable(results: TypingResult[]): string[] {
  const cell = (result: TypingResult, scenario: (typeof TYPING_SCENARIOS)[number]) => {
    const ours = result.ours.scenarios[scenario];
    const theirs = result.theirs?.scenarios[scenario];
    if (!ours) return '–';
    return result.theirsFailed ? `${ms(ours.p95)} / no answer` : pair(ours.p95, theirs?.p95);
  };
  const rss = (result: TypingResult) => pair(result.ours.peakRssMiB ?? NaN, result.theirs?.peakRssMiB ?? undefined);
  return [
    'While typing: p95 ms from each keystroke to its diagnostics (completion: to the answer), ours / yaml-language-server; ' +
      'the last column is the other generator (anchors and merge keys in a shared block, block lists, comments).',
    '',
    `| while typing, p95 ms | ${results.map((r) => `${r.name} (${r.lines.toLocaleString('en')} lines)`).join(' | ')} |`,
    `|---|${results.map(() => '---').join('|')}|`,
    ...TYPING_SCENARIOS.map((scenario) => `| ${scenario} | ${results.map((r) => cell(r, scenario)).join(' | ')} |`),
    `| server peak RSS over the typing session, MiB | ${results.map(rss).join(' | ')} |`,
    `| server heap idle after the session (collected), MiB, ours | ${results.map((r) => (r.ours.idleHeapMiB == null ? '–' : r.ours.idleHeapMiB.toFixed(0))).join(' | ')} |`,
    ...results.flatMap((r) => (r.theirsFailed ? ['', `yaml-language-server on ${r.name}: ${r.theirsFailed}.`] : [])),
  ];
}

/** The issue's targets, checked against medians (and p95s where the target says so). */
export function checkTargets(files: FileResult[], extension: ExtensionTimes, fleet?: TypingResult): Target[] {
  const small = files.find((f) => f.groups === 10);
  const large = files.find((f) => f.groups === 1000);
  const targets: Target[] = [];
  const add = (what: string, limit: number, value: number, unit = 'ms') =>
    targets.push({ what, limit: `≤ ${limit} ${unit}`, measured: `${ms(value)} ${unit}`, met: value <= limit });
  const any = small ?? large ?? files[0];
  if (any) add('server startup', 150, any.ours.startupMs);
  add('extension activation (load + activate call)', 50, extension.activationMs);
  if (small) {
    add('350 lines: first diagnostics', 30, small.ours.firstDiagnosticsMs);
    add('350 lines: edit → diagnostics p95', 50, small.ours.editMs.p95);
    add('350 lines: completion p95 (tag)', 10, small.ours.completionTagMs.p95);
    add('350 lines: completion p95 (key)', 10, small.ours.completionKeyMs.p95);
  }
  if (large) {
    const limit = 1.3 * large.parse.ms;
    targets.push({
      what: '35,000 lines: first diagnostics ≤ 1.3 × parseDocument',
      limit: `≤ ${ms(limit)} ms`,
      measured: `${ms(large.ours.firstDiagnosticsMs)} ms (${(large.ours.firstDiagnosticsMs / large.parse.ms).toFixed(1)}×)`,
      met: large.ours.firstDiagnosticsMs <= limit,
    });
    add('35,000 lines: edit in one group → diagnostics p95', 100, large.ours.editMs.p95);
    add('35,000 lines: completion p95 (tag)', 20, large.ours.completionTagMs.p95);
    add('35,000 lines: completion p95 (key)', 20, large.ours.completionKeyMs.p95);
    add('35,000 lines: peak RSS', 150, large.ours.peakRssMiB ?? Infinity, 'MiB');
    add('35,000 lines: CLI lint', 1000, large.cli.ms);
  }
  // Issue #18: every typing scenario, per file size.
  const typingLimits = (result: TypingResult, edit: number, completion: number, paste: number) => {
    for (const scenario of TYPING_SCENARIOS) {
      const figure = result.ours.scenarios[scenario];
      if (!figure) continue;
      const limit = scenario === 'completion on that line' ? completion : scenario.includes('whole group') ? paste : edit;
      add(`${result.name} (${result.lines.toLocaleString('en')} lines): ${scenario}, p95`, limit, figure.p95);
    }
  };
  for (const file of files) {
    if (file.groups <= 100) typingLimits(file.typing, 30, 10, 30);
    else typingLimits(file.typing, 100, 30, 150);
  }
  if (fleet) {
    typingLimits(fleet, fleet.lines > 10_000 ? 100 : 30, fleet.lines > 10_000 ? 30 : 10, fleet.lines > 10_000 ? 150 : 30);
    add(`${fleet.name}: peak RSS while typing`, 200, fleet.ours.peakRssMiB ?? Infinity, 'MiB');
  }
  if (large) add('35,000 lines: peak RSS while typing', 200, large.typing.ours.peakRssMiB ?? Infinity, 'MiB');
  if (large) add('35,000 lines: heap idle after typing', 60, large.typing.ours.idleHeapMiB ?? Infinity, 'MiB');
  return targets;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the generated part of the README's benchmark section. */
export function updateReadme(readmePath: string, table: string): boolean {
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return false;
  writeFileSync(readmePath, `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`);
  return true;
}
