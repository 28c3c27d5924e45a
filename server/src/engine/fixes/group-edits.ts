// Edits on values as Helm sees them, shared by the fixes: a list the file does not write comes
// from the chart's defaults, and a list written in the file replaces the default one, so
// adding to (or changing) such a list writes it out whole. Maps merge, so a key is simply added.
import { isScalar } from 'yaml';
import { replaceScalar, type ScalarValue } from '../edit/node-edit';
import { appendListItems, ensureMapEntries, walk, type TextEdit } from '../edit/yaml-edit';
import { isPlainMap, valueAt, type Values } from '../merge';
import { modelGroup, type GroupView } from '../model-groups';
import { modelRoom } from '../rules/size-limit-too-small';
import { locate, type PathSegment } from '../yaml-nodes';
import type { FixContext } from './fix';

export function groupNamed(context: FixContext, name: string | undefined): GroupView | undefined {
  return name === undefined ? undefined : modelGroup(context.merged, name);
}

export { valueAt } from '../merge';

/** Appends to the list at `path` as rendered: a list only in the defaults is written out whole. */
export function appendToList(context: FixContext, path: readonly PathSegment[], items: unknown[]): TextEdit[] {
  const { text, doc, merged } = context;
  if (locate(doc, path)) return appendListItems(text, doc, path, items);
  const current = valueAt(merged, path);
  return appendListItems(text, doc, path, [...(Array.isArray(current) ? current : []), ...items]);
}

/**
 * Gives the map at `path` these scalar entries: a scalar already there is replaced (its quotes
 * kept), a missing key is added after the map's last entry.
 */
export function setEntries(context: FixContext, path: readonly PathSegment[], entries: Record<string, ScalarValue>): TextEdit[] {
  const { text, doc } = context;
  const edits: TextEdit[] = [];
  const missing: Record<string, ScalarValue> = {};
  for (const [key, value] of Object.entries(entries)) {
    const found = walk(doc, [...path, key]);
    if (found.depth < path.length + 1) missing[key] = value;
    else if (isScalar(found.node) && found.node.value !== value) edits.push(...replaceScalar(found.node, value));
  }
  if (Object.keys(missing).length > 0) edits.push(...ensureMapEntries(text, doc, path, missing));
  return edits;
}

/** Sets item `index` of the list at `path` to `value`; a list only in the defaults is written whole. */
export function setListItem(context: FixContext, path: readonly PathSegment[], index: number, value: ScalarValue): TextEdit[] {
  const found = walk(context.doc, [...path, index]);
  if (found.depth === path.length + 1) return isScalar(found.node) ? replaceScalar(found.node, value) : [];
  if (locate(context.doc, path)) return []; // written through an alias: not ours to rewrite
  const current = valueAt(context.merged, path);
  if (!Array.isArray(current) || index >= current.length) return [];
  const list = current.map((item, i) => (i === index ? value : item));
  return ensureMapEntries(context.text, context.doc, path.slice(0, -1), { [String(path[path.length - 1])]: list });
}

/** `base`, or `base-2`, `base-3`... whichever is not taken. */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/**
 * The sizeLimit an emptyDir receiving `model` needs: its size plus the headroom setting, rounded
 * up to a whole Gi, exactly as size-limit-too-small demands. Null when the size is unknown.
 */
export function weightsSizeLimit(context: FixContext, model: string): string | null {
  const size = context.catalogue.sizeOf(model);
  if (!size || !Number.isFinite(size.bytes) || size.bytes <= 0) return null;
  return modelRoom(size.bytes, context.settings).minimum;
}
