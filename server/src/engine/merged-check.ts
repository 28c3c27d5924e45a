// What a check of merged values works with besides the engine: the view of a document it
// checks, what it returns, and the rules for reading schema issues and failing rules. Split
// from engine.ts, which drives the steps.
import type { Document } from 'yaml';
import { isPlainMap, type Values } from './merge';
import type { RuleContext } from './rules/rule';
import type { SchemaIssue } from './schema/validator';
import type { GroupView } from './model-groups';
import type { TagSite } from './tag-sites';
import type { ChartId, Finding } from './types';
import type { TagSummary } from './workspace';
import { isEmpty } from './render/helm';

/** Findings of merged values; those of group-scoped rules and the tag sites also apart, for the next check. */
export interface Checked {
  findings: Finding[];
  tags: TagSummary | null;
  groupFindings: Finding[];
  sites: TagSite[];
  /** The group re-checked alone, or null for a check of every group. */
  reused: string | null;
}

/** What a check of merged values needs to know besides them (see Engine.checkMerged). */
export interface MergedView {
  chart: ChartId;
  doc: Document;
  text: string;
  /** The values written (in every layer, merged), without the chart's defaults. */
  fileValues: Values;
  merged: unknown;
  /** Paths a legacy-key finding already explains. */
  explained: Set<string>;
  issueToFinding?: (issue: SchemaIssue) => Finding | null;
  locate?: RuleContext['locate'];
  tagSites?: () => TagSite[];
  /** Every model group's view of `merged`, when the file keeps them for its version (ValuesFile.groupsOf). */
  groups?: () => GroupView[];
}

/**
 * A group that does not render needs no complete set of the chart's own keys (image, service,
 * containerPort); typos and Kubernetes objects in it are still checked.
 */
export function isDisabledGroup(merged: unknown, path: string[]): boolean {
  const groupLevel = path.length === 2 || (path.length === 3 && (path[2] === 'image' || path[2] === 'service'));
  if (path[0] !== 'modelGroups' || !groupLevel || !isPlainMap(merged)) return false;
  const groups = merged.modelGroups;
  const group = isPlainMap(groups) ? groups[path[1]] : undefined;
  return isPlainMap(group) && isEmpty(group.enabled);
}

/** `mountpath` is both an unknown key and a missing `mountPath`: one mistake, one finding. */
export function withoutMisspeltRequired(findings: Finding[]): Finding[] {
  const misspelt = new Set(
    findings
      .filter((f) => f.code === 'unknown-key')
      .flatMap((f) => ((f.data?.suggestions as string[] | undefined) ?? []).map((s) => `${String(f.data?.path)}|${s}`)),
  );
  return findings.filter((f) => f.code !== 'missing-key' || !misspelt.has(`${String(f.data?.path)}|${String(f.data?.key)}`));
}

export function internalError(code: string, error: unknown): Finding {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal-error',
    severity: 'hint',
    message: `The \`${code}\` check failed on this file and was skipped: ${detail}`,
    range: { start: 0, end: 0 },
    data: { rule: code },
  };
}

export function isExplained(issue: SchemaIssue, explained: Set<string>): boolean {
  if (explained.size === 0) return false;
  const path = issue.keyword === 'additionalProperties' ? [...issue.path, String(issue.params.additionalProperty)] : issue.path;
  for (let length = path.length; length > 0; length--) {
    if (explained.has(path.slice(0, length).join('/'))) return true;
  }
  return false;
}
