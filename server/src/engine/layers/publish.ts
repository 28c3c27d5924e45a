// What a door shows for a layered check. The base files are checked on their own too (the
// editor shows each open file's findings; a folder run lints every file), so a finding in a
// base is only this file's business when the bases alone do not have it: this file causes it.
// The editor then shows such a finding on this file, pointing into the base.
import * as nodePath from 'node:path';
import { findBaseDeclarations } from '../detect';
import type { Finding, OffsetRange } from '../types';

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
    const { uri: _inBase, ...rest } = finding;
    return {
      ...rest,
      range: here ? here.range : anchor,
      message: `In \`${name}\`: ${finding.message}`,
      related: [{ uri: base, range: finding.range, message: `here, in ${name}, with this file merged over it` }, ...related],
      data: { ...finding.data, layer: { uri: base, range: finding.range } },
    };
  });
}
