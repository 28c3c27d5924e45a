// GitHub Actions workflow commands, one annotation per finding, which GitHub shows on the line
// of the pull request's diff (as yamllint does under GITHUB_ACTIONS):
//   ::error file=<path>,line=<l>,col=<c>,endLine=<l>,endColumn=<c>,title=<code>::<message>
// Escaping as GitHub's toolkit does it (toCommandValue / escapeProperty): `%`, CR and LF in
// the message; also `:` and `,` in property values. Control characters and escape sequences a
// values file wrote are shown escaped, as in every other format.
import type { Severity } from '../engine/types';
import { escapeForTerminal } from './escape-terminal';
import type { LintRun } from './files';
import { summary } from './format-stylish';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The path as GitHub resolves it against the workspace: forward slashes. */
function workspacePath(displayPath: string): string {
  return displayPath.split('\\').join('/');
}

export function formatGithub(run: LintRun): string {
  const lines = run.files.flatMap((file) => file.findings.map((finding) => {
    const properties = [
      `file=${escapeProperty(escapeForTerminal(workspacePath(file.displayPath)))}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `endLine=${finding.endLine}`,
      `endColumn=${finding.endColumn}`,
      `title=${escapeProperty(finding.code)}`,
    ].join(',');
    const message = escapeForTerminal(finding.message.replace(/\s*[\r\n]+\s*/g, ' '));
    return `::${COMMAND[finding.severity]} ${properties}::${escapeData(message)}`;
  }));
  // The log's own last line, as stylish ends: annotations are listed apart from the log.
  return [...lines, summary(run)].join('\n') + '\n';
}
