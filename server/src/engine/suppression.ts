// Inline controls: `# bit-harbor-disable-next-line <code>[, <code>]` silences those codes on the
// next line, `# bit-harbor-disable <code>` in the whole file; without codes, every code. A
// suppression that silences nothing is itself reported, so stale ones do not pile up.
import { LineIndex } from './lines';
import type { Finding } from './types';

interface Suppression {
  /** Zero-based line it applies to, or null for the whole file. */
  line: number | null;
  codes: string[] | null;
  range: { start: number; end: number };
  used: boolean;
}

const DIRECTIVE = /(^|[ \t])#[ \t]*bit-harbor-disable(-next-line)?(?=$|[ \t])([^\r\n]*)/gm;

function parseSuppressions(text: string, lines: LineIndex): Suppression[] {
  const found: Suppression[] = [];
  DIRECTIVE.lastIndex = 0;
  for (let match = DIRECTIVE.exec(text); match; match = DIRECTIVE.exec(text)) {
    const start = match.index + match[1].length;
    const codes = match[3].split(/[,\s]+/).filter(Boolean);
    const line = lines.positionAt(start).line;
    found.push({
      line: match[2] ? line + 1 : null,
      codes: codes.length > 0 ? codes : null,
      range: { start, end: match.index + match[0].length },
      used: false,
    });
  }
  return found;
}

/** Codes only a door comparing several files can produce: a file alone cannot tell if their suppressions are used. */
const CROSS_FILE_CODES = new Set(['not-prepulled', 'prepulled-unused']);

export function applySuppressions(text: string, findings: Finding[], options: { reportUnused: boolean } = { reportUnused: true }): Finding[] {
  if (!text.includes('bit-harbor-disable')) return findings;
  const lines = new LineIndex(text);
  const suppressions = parseSuppressions(text, lines);
  const kept = findings.filter((finding) => {
    const line = lines.positionAt(finding.range.start).line;
    const matching = suppressions.filter((s) => (s.line === null || s.line === line) && (s.codes === null || s.codes.includes(finding.code)));
    for (const suppression of matching) suppression.used = true;
    return matching.length === 0;
  });
  for (const suppression of suppressions) {
    if (suppression.used || !options.reportUnused) continue;
    if (suppression.codes?.every((code) => CROSS_FILE_CODES.has(code))) continue;
    kept.push({
      code: 'unused-suppression',
      severity: 'hint',
      message: suppression.codes
        ? `Nothing to suppress here: no ${suppression.codes.map((c) => `\`${c}\``).join(', ')} finding ${suppression.line === null ? 'in this file' : 'on the next line'}`
        : `Nothing to suppress ${suppression.line === null ? 'in this file' : 'on the next line'}`,
      range: suppression.range,
      data: { codes: suppression.codes ?? [] },
      tags: ['unnecessary'],
    });
  }
  return kept;
}
