// Quick fixes for unknown-model: replace the tag with each suggestion the finding carries, the
// nearest first and preferred. Keyed on the finding's code and `data`, never on its message, so
// rewording a message cannot break a fix.
import { OCI_TAG } from '../bit-harbor';
import type { OffsetRange } from '../types';
import type { Fix, FixContext, FixFinding } from './fix';

export interface TagFix {
  title: string;
  edit: { range: OffsetRange; newText: string };
  isPreferred: boolean;
}

/** The parts of a published finding a fix needs; `range` is in offsets of the current text. */
export interface FixableFinding {
  code?: unknown;
  data?: unknown;
  range: OffsetRange;
}

export function unknownModelFixes(finding: FixableFinding, text: string): TagFix[] {
  if (finding.code !== 'unknown-model') return [];
  const data = finding.data;
  if (typeof data !== 'object' || data === null) return [];
  const { tag, suggestions } = data as { tag?: unknown; suggestions?: unknown };
  if (typeof tag !== 'string' || tag === '' || !Array.isArray(suggestions)) return [];
  // The text may have changed since the finding was published: fix only a tag still in place.
  if (text.slice(finding.range.start, finding.range.end) !== tag) return [];
  return suggestions
    .filter((suggestion): suggestion is string => typeof suggestion === 'string' && OCI_TAG.test(suggestion))
    .map((suggestion, index) => ({
      title: `Change to ${suggestion}`,
      edit: { range: finding.range, newText: suggestion },
      isPreferred: index === 0,
    }));
}

/** The same fixes in the registry's shape (fixes/index.ts). */
export function unknownModelRegistryFixes(context: FixContext, finding: FixFinding): Fix[] {
  return unknownModelFixes(finding, context.text).map((fix) => ({
    title: fix.title,
    kind: 'quickfix',
    isPreferred: fix.isPreferred,
    edits: [{ start: fix.edit.range.start, end: fix.edit.range.end, newText: fix.edit.newText }],
    safe: false,
  }));
}
