// ttl-not-applied: the value moves to `completionPolicy.ttlSecondsAfterFinished`, where
// OpenKruise reads it; offered only where the completion policy has no TTL of its own.
import { isMap } from 'yaml';
import { removeMapEntry, replaceMapValue } from '../edit/node-edit';
import { ensureMapEntries, walk } from '../edit/yaml-edit';
import { TTL_PATH } from '../rules/ttl-not-applied';
import { valueAt } from './group-edits';
import { fixOf, type Fix, type FixContext } from './fix';

const TITLE = 'Move it to `completionPolicy.ttlSecondsAfterFinished`';

export function ttlNotAppliedFixes(context: FixContext): Fix[] {
  const template = TTL_PATH.slice(0, -1);
  const value = valueAt(context.merged, TTL_PATH);
  if (typeof value !== 'number') return [];
  if (walk(context.doc, [...template, 'completionPolicy', 'ttlSecondsAfterFinished']).depth === template.length + 2) return [];
  // The template's only entry: it becomes the policy, in place (removing it would empty the map).
  const parent = walk(context.doc, template).node;
  if (isMap(parent) && parent.items.length === 1) {
    const edits = replaceMapValue(context.text, context.doc, TTL_PATH, { ttlSecondsAfterFinished: value }, 'completionPolicy');
    return fixOf({ title: TITLE, kind: 'quickfix', isPreferred: true, safe: false }, edits);
  }
  const removed = removeMapEntry(context.text, context.doc, TTL_PATH);
  const added = ensureMapEntries(context.text, context.doc, [...template, 'completionPolicy'], { ttlSecondsAfterFinished: value });
  if (removed.length === 0 || added.length === 0) return [];
  // The entry removed may be where the policy would go (the map's only entry): not both at once.
  if (removed.some((r) => added.some((a) => a.start < r.end && r.start < a.end))) return [];
  return fixOf({ title: TITLE, kind: 'quickfix', isPreferred: true, safe: false }, [...removed, ...added]);
}
