// "Add GPU node targeting": a node selector for GPU nodes and a toleration for their taint, on
// a model group (nodeSelector / tolerations) or on Pre-Porter's globals. Entries already there
// stay as written; a toleration is added only when none tolerates the taint already.
import { isMap, type Document, type Node } from 'yaml';
import { tolerates, type Taint } from '../kubernetes/scheduling';
import { isPlainMap, type Values } from '../merge';
import type { EngineSettings, OffsetRange } from '../types';
import { appendListItems, ensureMapEntries, type TextEdit } from '../edit/yaml-edit';
import type { PathSegment } from '../yaml-nodes';
import { keyText, locate } from '../yaml-nodes';
import { fixOf, stringData, type FixContext, type FixFinding } from './fix';

export type GpuTarget = { chart: 'inference-stack'; group: string } | { chart: 'pre-porter' };

function paths(target: GpuTarget): { selector: PathSegment[]; tolerations: PathSegment[] } {
  return target.chart === 'pre-porter'
    ? { selector: ['globalNodeSelector'], tolerations: ['globalTolerations'] }
    : { selector: ['modelGroups', target.group, 'nodeSelector'], tolerations: ['modelGroups', target.group, 'tolerations'] };
}

function at(values: Values, path: PathSegment[]): unknown {
  return path.reduce<unknown>((node, segment) => (isPlainMap(node) ? node[String(segment)] : undefined), values);
}

function asTaint(toleration: Record<string, unknown>): Taint | null {
  if (typeof toleration.key !== 'string') return null;
  return { key: toleration.key, effect: typeof toleration.effect === 'string' ? toleration.effect : 'NoSchedule' };
}

/** Whether what Helm renders lacks one of `entries`' keys at `path` (where no map is, all of them). */
function lacksEntries(merged: Values, path: PathSegment[], entries: Record<string, unknown>): boolean {
  const map = at(merged, path);
  return Object.keys(entries).some((key) => !isPlainMap(map) || !(key in map));
}

/**
 * The edits that give `target` GPU targeting. `merged` is what Helm renders (defaults under the
 * file): a list that only exists in the chart's defaults is written out whole, since a list in
 * the file replaces the default one. None when a half that is missing cannot be written (the
 * edit helpers decline where the file's layout cannot be trusted): half a fix is no targeting.
 */
export function gpuTargetingEdits(text: string, doc: Document, merged: Values, target: GpuTarget, gpu: EngineSettings['gpu']): TextEdit[] {
  const { selector, tolerations } = paths(target);
  // An empty selector means "the group is already steered (by affinity)": add none.
  const edits = Object.keys(gpu.nodeSelector).length > 0 ? ensureMapEntries(text, doc, selector, gpu.nodeSelector) : [];
  if (edits.length === 0 && lacksEntries(merged, selector, gpu.nodeSelector)) return [];
  const existing = at(merged, tolerations);
  const current = Array.isArray(existing) ? existing : [];
  const wanted = gpu.tolerations.filter((toleration) => {
    const taint = asTaint(toleration);
    return taint ? !current.some((item) => tolerates(item, taint)) : !current.some((item) => JSON.stringify(item) === JSON.stringify(toleration));
  });
  if (wanted.length > 0) {
    const inFile = locate(doc, tolerations) !== null;
    const added = appendListItems(text, doc, tolerations, inFile ? wanted : [...current, ...wanted]);
    if (added.length === 0) return [];
    edits.push(...added);
  }
  return joinSameRange(edits);
}

/**
 * Both halves may edit the same place: fill the same empty group (`g:`, `g: ~`), or one fills
 * the last key of a map where the other appends to that map. Edits of one fix must not overlap,
 * so those become one edit. The more indented text goes first: at one place, deeper lines
 * belong to the entry before it, shallower ones start entries of their own.
 */
function joinSameRange(edits: TextEdit[]): TextEdit[] {
  const groups = new Map<string, TextEdit[]>();
  for (const edit of edits) {
    const key = `${edit.start}:${edit.end}`;
    groups.set(key, [...(groups.get(key) ?? []), edit]);
  }
  return [...groups.values()].map((group) => {
    if (group.length === 1) return group[0];
    const ordered = [...group].sort((a, b) => firstIndent(b.newText) - firstIndent(a.newText));
    return { start: group[0].start, end: group[0].end, newText: ordered.map((edit) => edit.newText).join('') };
  });
}

function firstIndent(text: string): number {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.length - line.trimStart().length;
}

const TITLE = 'Add GPU node targeting';

/** The quick fix on gpu-targeting-missing: only the half that is missing, when the group has one. */
export function gpuTargetingFixes(context: FixContext, finding: FixFinding) {
  const group = stringData(finding.data, 'group');
  const target: GpuTarget | null = context.chart === 'pre-porter' ? { chart: 'pre-porter' } : group ? { chart: 'inference-stack', group } : null;
  if (!target) return [];
  // A group that renders is written in the file; one that is not is a finding of an older text.
  if (group && context.chart === 'inference-stack' && locate(context.doc, ['modelGroups', group]) === null) return [];
  const gpu = {
    nodeSelector: finding.data.missingSelector === false ? {} : context.settings.gpu.nodeSelector,
    tolerations: finding.data.missingToleration === false ? [] : context.settings.gpu.tolerations,
  };
  const edits = gpuTargetingEdits(context.text, context.doc, context.merged, target, gpu);
  return fixOf({ title: TITLE, kind: 'quickfix', isPreferred: true, safe: true }, edits);
}

/** The model group whose entry (key to end of value) holds the whole of `range`. */
function groupAt(context: FixContext, range: OffsetRange): string | null {
  const groups = locate(context.doc, ['modelGroups'])?.value;
  if (!isMap(groups)) return null;
  for (const pair of groups.items) {
    const start = (pair.key as Node | null)?.range?.[0];
    const end = (pair.value as Node | null)?.range?.[2] ?? (pair.key as Node | null)?.range?.[2];
    if (start !== undefined && end !== undefined && start <= range.start && range.end <= end) return keyText(pair);
  }
  return null;
}

/** The same edits as a refactor anywhere in a model group or a Pre-Porter file, when they change something. */
export function gpuTargetingRefactor(context: FixContext, range: OffsetRange) {
  const group = context.chart === 'inference-stack' ? groupAt(context, range) : null;
  const target: GpuTarget | null = context.chart === 'pre-porter' ? { chart: 'pre-porter' } : group ? { chart: 'inference-stack', group } : null;
  if (!target) return [];
  const edits = gpuTargetingEdits(context.text, context.doc, context.merged, target, context.settings.gpu);
  return fixOf({ title: TITLE, kind: 'refactor.rewrite', safe: false }, edits);
}
