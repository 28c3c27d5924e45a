// A values file's own findings, before any merge: the modeline, YAML syntax, conversion to
// plain values, legacy keys. Shared by the single-file check (engine.ts) and the layered one.
import type { Document } from 'yaml';
import type { Modeline } from './detect';
import { syntaxFindings, toValues, type ValuesResult } from './document';
import { findLegacyKeys } from './legacy';
import { isPlainMap, type Values } from './merge';
import type { ChartId, Finding } from './types';
import { nodeRange } from './yaml-nodes';

/** A modeline naming a chart this extension does not know. */
export function modelineFindings(modeline: Modeline | null): Finding[] {
  if (!modeline || modeline.chart !== null) return [];
  return [{
    code: 'bad-value',
    severity: 'error',
    message: `\`${modeline.chartText}\` is not a chart this extension knows; use \`chart=inference-stack\` or \`chart=pre-porter\``,
    range: modeline.chartRange,
    data: { value: modeline.chartText, suggestions: ['inference-stack', 'pre-porter'] },
  }];
}

/**
 * One YAML document's own findings (syntax, conversion, legacy keys) and its values, or null
 * values when they cannot be checked further (not convertible, not a map).
 */
export function readDocument(
  doc: Document,
  chart: ChartId,
  text: string,
  convert: (doc: Document) => ValuesResult = toValues,
): { findings: Finding[]; values: Values | null; explained: Set<string> } {
  const findings = syntaxFindings(doc, text);
  const converted = convert(doc);
  if (converted.problem !== null) {
    const range = nodeRange(doc.contents) ?? { start: 0, end: 0 };
    findings.push({ code: 'yaml-syntax', severity: 'error', message: `YAML: ${converted.problem}`, range: { start: range.start, end: range.start }, data: {} });
    return { findings, values: null, explained: new Set() };
  }
  for (const issue of converted.issues ?? []) {
    findings.push({ code: 'yaml-syntax', severity: 'error', message: `YAML: ${issue.message}`, range: { start: issue.offset, end: issue.offset + 2 }, data: {} });
  }
  if (!isPlainMap(converted.values)) {
    const range = nodeRange(doc.contents);
    if (range) findings.push({ code: 'wrong-type', severity: 'error', message: 'A values file must be a map of keys to values', range, data: { path: '' } });
    return { findings, values: null, explained: new Set() };
  }
  const legacy = findLegacyKeys(doc, chart);
  findings.push(...legacy.findings);
  return { findings, values: converted.values, explained: legacy.explained };
}

/**
 * A YAML document after the first of a values file: Helm reads the first document only (its YAML
 * decoder stops there), so nothing from this `---` on reaches the chart, and it is not checked.
 */
export function ignoredDocument(doc: Document, text: string): Finding {
  const start = Math.min(doc.range?.[0] ?? 0, text.length);
  return {
    code: 'ignored-document',
    severity: 'warning',
    message: 'Helm reads only the first YAML document of a values file; everything from this `---` on is ignored',
    range: { start, end: text.startsWith('---', start) ? start + 3 : Math.min(start + 1, text.length) },
    data: {},
  };
}
