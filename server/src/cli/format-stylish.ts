// Human-readable output in the style of ESLint's "stylish": findings grouped under their file,
// position, severity and code aligned, each message wrapped under its finding, a summary.
// Styling is for terminals only, so that piped or redirected output stays plain text.
import type { Severity } from '../engine/types';
import { escapeForTerminal } from './escape-terminal';
import type { LintRun, LocatedFinding } from './files';

export interface StylishOptions {
  /** Stdout is a terminal: underline file names and colour severities. */
  tty: boolean;
  /** Where the model catalogue came from and how old it is, for the footer. */
  catalogue?: string;
  /** Columns to wrap messages at: the terminal's, at most 100 (a CI log's width is unknown). */
  columns?: number;
}

const DEFAULT_COLUMNS = 100;
/** Below this the message column would be too narrow to read; wrap as if this wide. */
const MIN_COLUMNS = 40;

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function formatStylish(run: LintRun, options: StylishOptions): string {
  const style = (codes: string, text: string) => (options.tty ? `\x1b[${codes}m${text}\x1b[0m` : text);
  const width = Math.max(MIN_COLUMNS, Math.min(options.columns ?? DEFAULT_COLUMNS, DEFAULT_COLUMNS));
  const blocks: string[] = [];
  for (const file of run.files) {
    if (file.findings.length === 0) continue;
    blocks.push([style('4', escapeForTerminal(file.displayPath)), ...findingLines(file.findings, style, width)].join('\n') + '\n');
  }
  const total = run.files.reduce((sum, file) => sum + file.findings.length, 0);
  const footer = options.catalogue ? '\n' + style('2', `Model catalogue: ${options.catalogue}`) : '';
  blocks.push(style(total === 0 ? '32' : '1', summary(run)) + footer + '\n');
  return blocks.join('\n');
}

/**
 * Each finding: its position, severity and code on one line, the message wrapped under it. A
 * message is often longer than a terminal; padding every row to the longest one made lines of
 * 360 columns that every terminal and CI log wraps into noise.
 */
function findingLines(findings: readonly LocatedFinding[], style: (codes: string, text: string) => string, width: number): string[] {
  const positionWidth = Math.max(...findings.map((finding) => `${finding.line}:${finding.column}`.length));
  const severityWidth = Math.max(...findings.map((finding) => finding.severity.length));
  return findings.flatMap((finding) => {
    // Pad before styling: escape sequences have no width on screen but do have a length.
    const head = [
      '  ' + `${finding.line}:${finding.column}`.padEnd(positionWidth),
      style(SEVERITY_COLOUR[finding.severity], finding.severity.padEnd(severityWidth)),
      style('2', finding.code),
    ].join('  ');
    // What the file wrote in a message (keys, values) may hold escape sequences: shown, not sent.
    const message = escapeForTerminal(finding.message.replace(/\s*[\r\n]+\s*/g, ' '));
    return [head, ...wrap(message, width - MESSAGE_INDENT.length).map((line) => MESSAGE_INDENT + line)];
  });
}

const MESSAGE_INDENT = '    ';

/** Words onto lines of at most `width` columns; a word longer than that is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length <= width) {
      line += ' ' + word;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    for (; rest.length > width; rest = rest.slice(width)) lines.push(rest.slice(0, width));
    line = rest;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export function summary(run: LintRun): string {
  const counts = new Map<Severity, number>(SEVERITIES.map((severity) => [severity, 0]));
  for (const file of run.files) {
    for (const finding of file.findings) counts.set(finding.severity, (counts.get(finding.severity) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  // "in N files" counts the values files that were checked, with or without problems.
  const scope = ` in ${plural(run.files.length, 'file')}`;
  const skipped =
    run.notValuesFiles === 0
      ? ''
      : run.notValuesFiles === 1
        ? ' (1 file is not a values file)'
        : ` (${run.notValuesFiles} files are not values files)`;
  if (total === 0) return `✔ no problems${scope}${skipped}`;
  const breakdown = SEVERITIES.map((severity) => plural(counts.get(severity) ?? 0, severity)).join(', ');
  return `✖ ${plural(total, 'problem')} (${breakdown})${scope}${skipped}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
