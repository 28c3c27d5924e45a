// Fixes for the pvc-* checks.
// - pvc-too-small: the entry's `size` becomes the minimum the finding computed (modelRoom).
// - pvc-rwo-blocks-rollout (a surge): `strategy.type: Recreate`. A `rollingUpdate` block the
//   merged values carry must go with it, since Kubernetes rejects rollingUpdate beside Recreate.
//   The fix writes `rollingUpdate: null`: Helm deletes a key set to null, which is the only way
//   to drop a block the chart's defaults hold (vllm-gemma's), and drops the null itself when the
//   defaults hold none. A group without a `strategy` key (it inherits one) gets one.
// - pvc-rwx-concurrent-writes: `HF_HUB_OFFLINE=1` in `env`, so the replicas read the cache and
//   never download into it; and `readOnly: true` on a `volumeMounts` item that mounts it. A
//   `readOnly` on the `persistentVolumes` entry is not offered: the chart passes only name,
//   mountPath and subPath to the mount, so it would change nothing.
// Switching to Recreate (downtime on each upgrade) and reading offline (an empty cache then
// fails to start) are trade-offs the person makes: neither is applied by fix-all.
import { isMap, isScalar } from 'yaml';
import { replaceScalarAt, setNull } from '../edit/node-edit';
import { ensureMapEntries, walk, type TextEdit } from '../edit/yaml-edit';
import { isPlainMap } from '../merge';
import { parseQuantity } from '../quantity';
import type { PathSegment } from '../yaml-nodes';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { appendToList, groupNamed, setEntries } from './group-edits';

function pathData(data: Record<string, unknown>, key: string): PathSegment[] | null {
  const value = data[key];
  return Array.isArray(value) && value.every((s) => typeof s === 'string' || typeof s === 'number') ? value as PathSegment[] : null;
}

export function pvcTooSmallFixes(context: FixContext, finding: FixFinding): Fix[] {
  const minimum = stringData(finding.data, 'minimum');
  const path = pathData(finding.data, 'path');
  if (!minimum || parseQuantity(minimum) === null || !path) return [];
  // Only a size written in the file (not through an alias) is rewritten.
  const edits = replaceScalarAt(context.doc, [...path, 'size'], minimum);
  return fixOf({ title: `Set size to ${minimum}`, kind: 'quickfix', isPreferred: true, safe: true }, edits);
}

export function pvcRwoFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  if (finding.data.cause !== 'surge' || !group) return [];
  const strategyPath = [...group.path, 'strategy'];
  const merged = group.values.strategy;
  const inheritsRolling = isPlainMap(merged) && merged.rollingUpdate !== undefined && merged.rollingUpdate !== null;
  const found = walk(context.doc, strategyPath);
  const title = inheritsRolling ? 'Set strategy.type to Recreate (rollingUpdate: null)' : 'Set strategy.type to Recreate';
  const fix = { title, kind: 'quickfix' as const, safe: false };
  if (found.depth < strategyPath.length || (isScalar(found.node) && found.node.value === null) || found.node === null) {
    return fixOf(fix, ensureMapEntries(context.text, context.doc, strategyPath, inheritsRolling ? { type: 'Recreate', rollingUpdate: null } : { type: 'Recreate' }));
  }
  if (!isMap(found.node)) return []; // an alias or a scalar: not ours to rewrite
  const edits: TextEdit[] = [];
  const missing: Record<string, unknown> = {};
  if (walk(context.doc, [...strategyPath, 'type']).depth === strategyPath.length + 1) edits.push(...replaceScalarAt(context.doc, [...strategyPath, 'type'], 'Recreate'));
  else missing.type = 'Recreate';
  if (inheritsRolling) {
    const rollingPath = [...strategyPath, 'rollingUpdate'];
    if (walk(context.doc, rollingPath).depth === rollingPath.length) edits.push(...setNull(context.text, context.doc, rollingPath));
    else missing.rollingUpdate = null;
  }
  if (Object.keys(missing).length > 0) edits.push(...ensureMapEntries(context.text, context.doc, strategyPath, missing));
  return fixOf(fix, edits);
}

/** The last `env` item of that name (the one Kubernetes keeps), or -1. */
function envIndex(env: unknown, name: string): number {
  const items: unknown[] = Array.isArray(env) ? env : [];
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (isPlainMap(item) && item.name === name) return index;
  }
  return -1;
}

export function pvcRwxFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  if (!group) return [];
  const fixes: Fix[] = [];
  const envPath = [...group.path, 'env'];
  const index = envIndex(group.values.env, 'HF_HUB_OFFLINE');
  const offline = index < 0
    ? appendToList(context, envPath, [{ name: 'HF_HUB_OFFLINE', value: '1' }])
    : setEntries(context, [...envPath, index], { value: '1' });
  fixes.push(...fixOf({ title: 'Set HF_HUB_OFFLINE=1 (once the cache is filled)', kind: 'quickfix', safe: false }, offline));
  const mountPath = pathData(finding.data, 'path');
  if (finding.data.mountedBy === 'volumeMounts' && mountPath && walk(context.doc, mountPath).depth === mountPath.length) {
    fixes.push(...fixOf({ title: 'Mount it read-only (readOnly: true)', kind: 'quickfix', safe: false }, setEntries(context, mountPath, { readOnly: true })));
  }
  return fixes;
}

