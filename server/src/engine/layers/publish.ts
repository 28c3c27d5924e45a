// What a door shows for a layered check. The base files are checked on their own too (the
// editor shows each open file's findings; a folder run lints every file), so a finding in a
// base is only this file's business when the bases alone do not have it: this file causes it.
// The editor then shows such a finding on this file, pointing into the base.
import * as nodePath from 'node:path';
import { findBaseDeclarations } from '../detect';
import type { Engine } from '../engine';
import type { AnalysisResult, Finding, OffsetRange } from '../types';
import type { LayeredInput } from './analyze';

function identity(finding: Finding, fileUri: string): string {
  return `${finding.uri ?? fileUri}|${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message}`;
}

/**
 * The layered findings without those the bases have alone. `basesAlone` are the findings of
 * the bases checked without this file (the last base's own analysis, layered over the ones
 * before it), `lastBaseUri` that base's uri (its own findings carry no `uri`).
 */
export function findingsCausedByFile(layered: readonly Finding[], basesAlone: readonly Finding[], lastBaseUri: string): Finding[] {
  const known = new Set(basesAlone.map((finding) => identity(finding, lastBaseUri)));
  return layered.filter((finding) => finding.uri === undefined || !known.has(identity(finding, lastBaseUri)));
}

/** Where a finding from a base lands in this file: the first `base=`, or the file's start. */
export function layerAnchor(text: string): OffsetRange {
  return findBaseDeclarations(text)[0]?.range ?? { start: 0, end: 0 };
}

/**
 * Findings of a base moved onto this file (`fileUri`), for an editor that publishes per file:
 * at their related location in this file when they have one (the override's image), else at
 * `anchor`; the base's node becomes the first related location.
 */
export function publishOnFile(findings: readonly Finding[], fileUri: string, anchor: OffsetRange): Finding[] {
  return findings.map((finding) => {
    if (finding.uri === undefined || finding.uri === fileUri) return finding;
    const base = finding.uri;
    const name = nodePath.basename(decodeURIComponent(base.replace(/^[a-z]+:\/\//i, '')));
    const related = (finding.related ?? []).map((location) => ({ ...location, uri: location.uri ?? base }));
    const here = related.find((location) => location.uri === fileUri);
    const rest = withoutUri(finding);
    return {
      ...rest,
      range: here ? here.range : anchor,
      message: `In \`${name}\`: ${finding.message}`,
      related: [{ uri: base, range: finding.range, message: `here, in ${name}, with this file merged over it` }, ...related],
      data: { ...finding.data, layer: { uri: base, range: finding.range } },
    };
  });
}

/** What findingsCausedByFile compares against: the bases checked as they are without the file. */
export function basesAloneFindings(engine: Pick<Engine, 'analyze' | 'analyzeLayers'>, input: LayeredInput): Finding[] {
  const last = input.bases.at(-1);
  if (!last) return [];
  const below = input.bases.slice(0, -1);
  // Problems of reading the bases belong to them; the file's own stay out.
  const problems = (input.problems ?? []).flatMap((finding) =>
    finding.uri === undefined ? [] : [finding.uri === last.uri ? withoutUri(finding) : finding]);
  if (below.length === 0 && problems.length === 0) return engine.analyze({ path: last.path, text: last.text, chart: input.chart }).findings;
  return engine.analyzeLayers({ path: last.path, uri: last.uri, text: last.text, chart: input.chart, bases: below, problems }).findings;
}

/** The findings of a layered check that are the file's business: its own, and those it causes in a base. */
export function layeredFindingsOfFile(engine: Pick<Engine, 'analyze' | 'analyzeLayers'>, input: LayeredInput, result: AnalysisResult): Finding[] {
  const last = input.bases.at(-1);
  return last ? findingsCausedByFile(result.findings, basesAloneFindings(engine, input), last.uri) : result.findings;
}

function withoutUri(finding: Finding): Finding {
  const { uri: _uri, ...rest } = finding;
  return rest;
}
