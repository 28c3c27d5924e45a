// Every finding code the engine can emit, with its default severity and a one-line summary.
// The docs for a code live in docs/rules/<code>.md; doors turn that path into a link.
import { RULES } from './rules/index';
import { CHART_IDS, type ChartId, type Severity } from './types';

export interface CodeInfo {
  code: string;
  severity: Severity;
  summary: string;
  /** The charts whose files can get it. */
  charts?: readonly ChartId[];
}

const ENGINE_CODES: readonly CodeInfo[] = [
  { code: 'yaml-syntax', severity: 'error', summary: 'The file is not valid YAML at this point.' },
  { code: 'unknown-key', severity: 'error', summary: 'A key the chart does not read; Helm ignores it silently.' },
  { code: 'wrong-type', severity: 'error', summary: 'A value of the wrong type (a string where a list belongs, ...).' },
  { code: 'bad-value', severity: 'error', summary: 'A value of the right type that the chart or Kubernetes rejects.' },
  { code: 'missing-key', severity: 'error', summary: 'A key the chart needs is absent from the merged values.' },
  { code: 'legacy-key', severity: 'warning', summary: 'A key from an older chart version that the current chart ignores.' },
  { code: 'not-prepulled', severity: 'info', summary: 'A Bit Harbor tag a model group uses that no Pre-Porter image pre-pulls.' },
  { code: 'prepulled-unused', severity: 'hint', summary: 'A pre-pulled Bit Harbor tag no enabled model group uses.' },
  { code: 'file-too-large', severity: 'warning', summary: 'The file is over the size limit (bitHarbor.maxFileSize) and is not checked.' },
  { code: 'internal-error', severity: 'hint', summary: 'A check failed on this file and was skipped; the other checks still ran.' },
  { code: 'unused-suppression', severity: 'hint', summary: 'A bit-harbor-disable comment that silences nothing.' },
  { code: 'base-unreadable', severity: 'error', summary: 'A base file named by the modeline cannot be read, so the file is checked without it.' },
  { code: 'base-cycle', severity: 'error', summary: 'A base file leads back to a file already in the chain of bases.' },
  { code: 'values-not-checked', severity: 'info', summary: 'Values inside a GitOps manifest written in a form whose positions cannot be read (a folded or quoted string).' },
  { code: 'chart-version', severity: 'info', summary: 'A GitOps release pins a chart version other than the one the checks model.' },
  { code: 'key-not-in-version', severity: 'warning', summary: 'A key written for a GitOps release that its pinned chart version does not read yet; Helm ignores it.' },
  { code: 'invalid-set', severity: 'error', summary: 'A --set entry of a GitOps release (Argo CD parameter, helmfile set) that Helm cannot parse.' },
  { code: 'values-source-unread', severity: 'info', summary: 'A source of a GitOps release\'s values the check cannot read; only what is written in the manifest is checked.' },
  { code: 'values-ignored', severity: 'warning', summary: 'Values in a GitOps manifest that the tool never passes to Helm.' },
  { code: 'ignored-document', severity: 'warning', summary: 'A YAML document after the first of a values file, which Helm never reads.' },
];

// A rule may emit an engine code (subpath.ts reports bad-value): each code is listed once.
const CODES: readonly CodeInfo[] = [
  ...ENGINE_CODES.map((info) => ({ ...info, charts: CHART_IDS })),
  ...RULES.flatMap((rule) => rule.codes.map((info) => ({ ...info, charts: rule.charts }))),
]
  .filter((info, index, all) => all.findIndex((other) => other.code === info.code) === index);

const BY_CODE = new Map(CODES.map((info) => [info.code, info]));

export function allCodes(): readonly CodeInfo[] {
  return CODES;
}

export function codeInfo(code: string): CodeInfo | undefined {
  return BY_CODE.get(code);
}

/** Path of the code's docs page relative to the package root. */
export function docsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
