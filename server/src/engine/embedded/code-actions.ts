// Fixes inside a manifest's values: the findings and the range a door sends (in the manifest's
// offsets) are moved into the values' text of the block that holds them, fixed there as in a
// values file, and the edits moved back, each new line indented into the block.
import type { CodeFix, FixableFinding } from '../fixes/index';
import type { OffsetRange } from '../types';
import { projectedBlocks } from './analyze';
import type { Projection } from './projection';
import type { EmbeddedRelease } from './releases';

/** The findings and range a door sent, moved into one block's text (null: the range is not in it). */
export interface InnerRequest {
  range: OffsetRange | null;
  findings: FixableFinding[];
}

type FixBlock = (release: EmbeddedRelease, block: Projection, inner: InnerRequest) => CodeFix[];

export function manifestCodeActions(releases: readonly EmbeddedRelease[], range: OffsetRange | null, findings: readonly FixableFinding[], fixBlock: FixBlock): CodeFix[] {
  const fixes: CodeFix[] = [];
  for (const release of releases) {
    for (const { projection } of projectedBlocks(release)) {
      const indexes: number[] = [];
      const inner: FixableFinding[] = [];
      findings.forEach((finding, index) => {
        const start = finding.range ? projection.toInner(finding.range.start) : null;
        const end = finding.range ? projection.toInner(finding.range.end) : null;
        if (start === null || end === null) return;
        indexes.push(index);
        inner.push({ ...finding, range: { start, end } });
      });
      const innerRange = range ? innerRangeOf(projection, range) : null;
      if (inner.length === 0 && innerRange === null) continue;
      for (const fix of fixBlock(release, projection, { range: innerRange, findings: inner })) {
        fixes.push({
          ...fix,
          edits: fix.uri === undefined ? fix.edits.map((edit) => projection.toOuterEdit(edit)) : fix.edits,
          finding: fix.finding === undefined ? undefined : indexes[fix.finding],
        });
      }
    }
  }
  return fixes;
}

function innerRangeOf(projection: Projection, range: OffsetRange): OffsetRange | null {
  const start = projection.toInner(range.start);
  const end = projection.toInner(range.end);
  return start === null || end === null ? null : { start, end };
}
