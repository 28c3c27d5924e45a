// Re-checking one model group after an edit inside it. A keystroke in a 1,000-group file changes
// one group's values; the findings of group-scoped rules (Rule.scope) about the other 999 stay
// what they were, only moved by the edit's length. So the last analysis of a document keeps
// those findings and the tag sites, and the next one runs such rules on the edited group alone
// and keeps the rest. Schema validation and the whole-file rules run on the whole file as ever.
// test/unit/incremental-analysis.test.ts checks the result equals a full analysis, edit by edit.
import { lineStartAt } from './lines';
import { isMap, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import type { TagSite } from './tag-sites';
import type { Finding, OffsetRange } from './types';
import { textChange } from './yaml-incremental';
import type { YamlSource } from './yaml-source';
import type { KeptViews } from './model-groups';

/** What a door keeps of a document's last analysis, for the next one (opaque to the door). */
export class AnalysisHistory {
  previous: PreviousCheck | null = null;
  /**
   * The groups the last analysis re-checked alone (names joined by `, `; empty when it only
   * dropped a deleted group's findings), or null when it checked every group (for logs and tests).
   */
  lastGroup: string | null = null;
  /**
   * For a GitOps manifest: the parse and history of each release's values text, by release, so
   * that a keystroke inside them re-reads one entry and re-checks one group as in a values file.
   */
  embedded: Map<string, { yaml: YamlSource; history: AnalysisHistory }> | null = null;
  /**
   * The last full check's group views by group name, with the written values they were rendered
   * from: a group whose written values are the same object (an edit elsewhere; yaml-source.ts
   * shares what it did not re-read) keeps its view, so pasting a group renders one pod, not all.
   */
  groupViews: KeptViews = new Map();
}

/** The last single-document Inference Stack check of a text. */
export interface PreviousCheck {
  /** The engine and input it was made with: another engine, path or chart starts afresh. */
  engine: object;
  path: string | undefined;
  chart: string | undefined;
  text: string;
  groups: GroupSpan[];
  /** Findings of group-scoped rules, severity set, before suppressions. */
  groupFindings: Finding[];
  sites: TagSite[];
}

/** A model group's entry in `modelGroups` and the lines it takes (its key's line up to the next key's). */
export interface GroupSpan {
  name: string;
  start: number;
  end: number;
}

/**
 * The groups an edit changed: the run of groups it rewrote (one for a keystroke; the pasted one,
 * none for a deleted one), where that run lies now and before, and what the last check found.
 */
export interface GroupReuse {
  /** The groups written in the changed lines now, in order, with their value nodes. */
  groups: { name: string; node: unknown }[];
  parent: YAMLMap;
  span: OffsetRange;
  oldSpan: OffsetRange;
  delta: number;
  previous: PreviousCheck;
}

/** Raised when a rule breaks its scope (a finding outside its group's lines): check in full then. */
export class NotIncremental extends Error {}

/** The entries of the document's block `modelGroups` map, or null when there is no such map. */
export function groupSpans(doc: Document, text: string): GroupSpan[] | null {
  const root = doc.contents;
  if (!isMap(root) || root.flow) return null;
  const index = root.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === 'modelGroups');
  const groups = index < 0 ? null : (root.items[index] as Pair).value;
  if (!isMap(groups) || groups.flow || groups.items.length === 0) return null;
  const next = root.items[index + 1] as Pair | undefined;
  const end = next && isScalar(next.key) && next.key.range ? lineStartAt(text, next.key.range[0]) : text.length;
  const spans: GroupSpan[] = [];
  for (const pair of groups.items as Pair[]) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || pair.key.value === '__proto__' || !pair.key.range) return null;
    const start = lineStartAt(text, pair.key.range[0]);
    if (spans.length > 0) spans[spans.length - 1].end = start;
    spans.push({ name: pair.key.value, start, end });
  }
  return spans;
}

/**
 * The groups to re-check after an edit, or null (check in full): the groups before the edit keep
 * their lines, those after it their text (moved by the edit's length), and between them is the
 * run the edit rewrote. A pasted group is a run of one where there was none, a deleted one the
 * other way round. The edit must lie within the groups' lines.
 */
export function reuseFor(previous: PreviousCheck, doc: Document, text: string, spans: GroupSpan[]): GroupReuse | null {
  const old = previous.groups;
  const before = previous.text;
  const change = textChange(before, text);
  const delta = text.length - before.length;
  // textChange's common end stops where the common start ends; a pasted group that begins as
  // the next one does (`  group-`) moves it. The text from `from` on is the same when the part
  // of it before the common end is.
  const common = text.length - change.newEnd;
  const sameTail = (oldFrom: number, newFrom: number) =>
    before.length - oldFrom === text.length - newFrom
    && (oldFrom >= before.length - common || before.slice(oldFrom, before.length - common) === text.slice(newFrom, text.length - common));
  const same = (a: GroupSpan, b: GroupSpan, shift: number) => a.name === b.name && a.start + shift === b.start && a.end + shift === b.end;
  let head = 0;
  while (head < old.length && head < spans.length && old[head].end <= change.start && same(old[head], spans[head], 0)) head++;
  let tail = 0;
  while (tail < old.length - head && tail < spans.length - head) {
    const a = old[old.length - 1 - tail];
    const b = spans[spans.length - 1 - tail];
    if (!same(a, b, delta) || !sameTail(a.start, b.start)) break;
    tail++;
  }
  const region = (groups: readonly GroupSpan[]): OffsetRange => ({
    start: head > 0 ? groups[head - 1].end : groups[0].start,
    end: tail > 0 ? groups[groups.length - tail].start : groups[groups.length - 1].end,
  });
  const oldSpan = region(old);
  const span = region(spans);
  const rewritten = spans.length - head - tail;
  if (rewritten + old.length - head - tail === 0) return null;
  if (oldSpan.start !== span.start || oldSpan.start > change.start || span.end - oldSpan.end !== delta) return null;
  if (tail === 0 && !sameTail(oldSpan.end, span.end)) return null;
  const parent = ((doc.contents as YAMLMap).items as Pair[]).find((pair) => isScalar(pair.key) && pair.key.value === 'modelGroups')!.value as YAMLMap;
  const groups = spans.slice(head, head + rewritten).map((group, index) => ({ name: group.name, node: (parent.items[head + index] as Pair).value }));
  return { groups, parent, span, oldSpan, delta, previous };
}

/** The last group's findings elsewhere, moved by the edit; those in the edited group are dropped. */
export function keptFindings(findings: readonly Finding[], reuse: GroupReuse): Finding[] {
  const { oldSpan } = reuse;
  return findings.flatMap((finding) => {
    const { start, end } = finding.range;
    if (start >= oldSpan.start && end <= oldSpan.end && !(start === oldSpan.end && end === oldSpan.end)) return [];
    if (start < oldSpan.end && end > oldSpan.start) throw new NotIncremental();
    // A finding elsewhere that points into the edited group may no longer hold.
    if (finding.related?.some((location) => location.uri === undefined && location.range.start < oldSpan.end && location.range.end > oldSpan.start)) {
      throw new NotIncremental();
    }
    return [moved(finding, reuse)];
  });
}

/** Checks the edited group's new findings lie within its lines, as Rule.scope promises. */
export function withinGroup(findings: readonly Finding[], reuse: GroupReuse): Finding[] {
  for (const { range } of findings) {
    if (range.start < reuse.span.start || range.end > reuse.span.end || (range.start === reuse.span.end && range.end === reuse.span.end)) {
      throw new NotIncremental();
    }
  }
  return [...findings];
}

/** The tag sites outside the edited group, moved by the edit. */
export function keptSites(sites: readonly TagSite[], reuse: GroupReuse): TagSite[] {
  const { oldSpan } = reuse;
  return sites.flatMap((site) => {
    if (site.valueRange.start >= oldSpan.start && site.valueRange.start < oldSpan.end) return [];
    if (site.valueRange.start < oldSpan.start) return [site];
    return [{ ...site, tagRange: shift(site.tagRange, reuse.delta), valueRange: shift(site.valueRange, reuse.delta) }];
  });
}

function moved(finding: Finding, reuse: GroupReuse): Finding {
  const after = (range: OffsetRange) => range.start >= reuse.oldSpan.end;
  const related = finding.related?.map((location) => (location.uri === undefined && after(location.range) ? { ...location, range: shift(location.range, reuse.delta) } : location));
  if (!after(finding.range) && related === finding.related) return finding;
  return { ...finding, range: after(finding.range) ? shift(finding.range, reuse.delta) : finding.range, ...(related ? { related } : {}) };
}

function shift(range: OffsetRange, delta: number): OffsetRange {
  return { start: range.start + delta, end: range.end + delta };
}

