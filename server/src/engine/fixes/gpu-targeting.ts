// "Add GPU node targeting": a node selector for GPU nodes and a toleration for their taint, on
// a model group (nodeSelector / tolerations) or on Pre-Porter's globals. Entries already there
// stay as written; a toleration is added only when none tolerates the taint already.
import type { Document } from 'yaml';
import { tolerates, type Taint } from '../kubernetes/scheduling';
import { isPlainMap, type Values } from '../merge';
import type { EngineSettings } from '../types';
import { appendListItems, ensureMapEntries, type TextEdit } from '../edit/yaml-edit';
import type { PathSegment } from '../yaml-nodes';
import { locate } from '../yaml-nodes';

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

/**
 * The edits that give `target` GPU targeting. `merged` is what Helm renders (defaults under the
 * file): a list that only exists in the chart's defaults is written out whole, since a list in
 * the file replaces the default one.
 */
export function gpuTargetingEdits(text: string, doc: Document, merged: Values, target: GpuTarget, gpu: EngineSettings['gpu']): TextEdit[] {
  const { selector, tolerations } = paths(target);
  const edits = ensureMapEntries(text, doc, selector, gpu.nodeSelector);
  const existing = at(merged, tolerations);
  const current = Array.isArray(existing) ? existing : [];
  const wanted = gpu.tolerations.filter((toleration) => {
    const taint = asTaint(toleration);
    return taint ? !current.some((item) => tolerates(item, taint)) : !current.some((item) => JSON.stringify(item) === JSON.stringify(toleration));
  });
  if (wanted.length > 0) {
    const inFile = locate(doc, tolerations) !== null;
    edits.push(...appendListItems(text, doc, tolerations, inFile ? wanted : [...current, ...wanted]));
  }
  return edits;
}
