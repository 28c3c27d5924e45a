// Human-readable output in the style of ESLint's "stylish": findings grouped under their file,
// columns aligned, a one-line summary. Styling is for terminals only, so that piped or
// redirected output stays plain text.
import type { Severity } from '../engine/types';
import { escapeForTerminal } from './escape-terminal';
import type { LintRun, LocatedFinding } from './files';

export interface StylishOptions {
  /** Stdout is a terminal: underline file names and colour severities. */
  tty: boolean;
  /** Where the model catalogue came from and how old it is, for the footer. */
  catalogue?: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const SEVERITY_COLOUR: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };

export function formatStylish(run: LintRun, options: StylishOptions): string {
  const style = (codes: string, text: string) => (options.tty ? `\x1b[${codes}m${text}\x1b[0m` : text);
  const blocks: string[] = [];
  for (const file of run.files) {
    if (file.findings.length === 0) continue;
    blocks.push([style('4', escapeForTerminal(file.displayPath)), ...findingLines(file.findings, style)].join('\n') + '\n');
  }
  const total = run.files.reduce((sum, file) => sum + file.findings.length, 0);
  const footer = options.catalogue ? '\n' + style('2', `Model catalogue: ${options.catalogue}`) : '';
  blocks.push(style(total === 0 ? '32' : '1', summary(run)) + footer + '\n');
  return blocks.join('\n');
}

function findingLines(findings: readonly LocatedFinding[], style: (codes: string, text: string) => string): string[] {
  const rows = findings.map((finding) => ({
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    // The layout is one finding per line, so a multi-line message is folded onto one; what the
    // file wrote in it (keys, values) may hold escape sequences: shown, not sent to the terminal.
    message: escapeForTerminal(finding.message.replace(/\s*[\r\n]+\s*/g, ' ')),
    code: finding.code,
  }));
  const width = (pick: (row: (typeof rows)[number]) => string) => Math.max(...rows.map((row) => pick(row).length));
  const positionWidth = width((row) => row.position);
  const severityWidth = width((row) => row.severity);
  const messageWidth = width((row) => row.message);
  // Pad before styling: escape sequences have no width on screen but do have a length.
  return rows.map((row) =>
    [
      '  ' + row.position.padEnd(positionWidth),
      style(SEVERITY_COLOUR[row.severity], row.severity.padEnd(severityWidth)),
      row.message.padEnd(messageWidth),
      style('2', row.code),
    ].join('  '),
  );
}

function summary(run: LintRun): string {
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
