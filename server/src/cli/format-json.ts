// Machine-readable output: one flat array of findings, for scripts and other tools. Positions
// are 1-based like the stylish output; the end position is exclusive.
import type { LintRun } from './files';

export function formatJson(run: LintRun): string {
  const rows = run.files.flatMap((file) =>
    file.findings.map((finding) => ({
      file: file.displayPath,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      severity: finding.severity,
      code: finding.code,
      message: finding.message,
    })),
  );
  return JSON.stringify(rows, null, 2) + '\n';
}
