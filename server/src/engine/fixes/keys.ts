// Fixes for what the schema and the legacy table find: a did-you-mean for an unknown key or an
// enum value (the quotes as written), and the move of an old Inference Stack `image: <string>`
// plus `tag:` into `image: {repository, tag}`. Pre-Porter's `daemonSet` gets no automatic fix:
// its settings have no one-to-one home in `advancedCronJob`.
import { isMap, isScalar, visit, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { removeMapEntry, replaceScalar, scalarSource } from '../edit/node-edit';
import { ensureMapEntries, indentUnit, walk, type TextEdit } from '../edit/yaml-edit';
import { LineIndex } from '../lines';
import type { OffsetRange } from '../types';
import { keyText } from '../yaml-nodes';
import { fixOf, stringData, stringsData, type Fix, type FixContext, type FixFinding } from './fix';

/** The pair whose key starts at `range.start`, with the map holding it. */
function keyAt(doc: Document, range: OffsetRange): { pair: Pair; map: YAMLMap } | null {
  let found: { pair: Pair; map: YAMLMap } | null = null;
  visit(doc, {
    Pair(_key, pair, path) {
      const parent = path[path.length - 1];
      if (isScalar(pair.key) && pair.key.range?.[0] === range.start && isMap(parent)) {
        found = { pair, map: parent };
        return visit.BREAK;
      }
    },
  });
  return found;
}

/** The scalar value (not a key) that starts at `range.start`. */
function valueAt(doc: Document, range: OffsetRange): Scalar | null {
  let found: Scalar | null = null;
  visit(doc, {
    Pair(_key, pair) {
      if (isScalar(pair.value) && pair.value.range?.[0] === range.start) found = pair.value;
      if (found) return visit.BREAK;
    },
    Seq(_key, seq) {
      found = seq.items.find((item): item is Scalar => isScalar(item) && item.range?.[0] === range.start) ?? null;
      if (found) return visit.BREAK;
    },
  });
  return found;
}

export function unknownKeyFixes(context: FixContext, finding: FixFinding): Fix[] {
  const at = keyAt(context.doc, finding.range);
  const key = stringData(finding.data, 'key');
  if (!at || key === undefined || keyText(at.pair) !== key) return [];
  const present = new Set(at.map.items.map(keyText));
  // Renaming onto a key the map already has would make a duplicate key: not a fix.
  const suggestions = stringsData(finding.data, 'suggestions').filter((s) => !present.has(s));
  const only = stringsData(finding.data, 'suggestions').length === 1;
  return suggestions.flatMap((suggestion, index) =>
    fixOf({ title: `Change to \`${suggestion}\``, kind: 'quickfix', isPreferred: index === 0, safe: only },
      replaceScalar(at.pair.key as Scalar, suggestion)));
}

export function badValueFixes(context: FixContext, finding: FixFinding): Fix[] {
  const suggestions = stringsData(finding.data, 'suggestions');
  const allowed = Array.isArray(finding.data.allowed) ? finding.data.allowed : [];
  // A diagnostic published for an older text may point at another value now: fix only its own.
  const found = valueAt(context.doc, finding.range);
  const node = found && String(found.value) === String(finding.data.value) ? found : null;
  const written = context.text.slice(finding.range.start, finding.range.end);
  return suggestions.flatMap((suggestion, index) => {
    // An enum of numbers or booleans keeps its type; a modeline (in a comment) is plain text.
    const typed = allowed.find((value) => String(value) === suggestion && ['number', 'boolean'].includes(typeof value)) as number | boolean | undefined;
    const edits: TextEdit[] = node
      ? replaceScalar(node, typed ?? suggestion)
      : written === String(finding.data.value) ? [{ ...finding.range, newText: suggestion }] : [];
    return fixOf({ title: `Change to \`${suggestion}\``, kind: 'quickfix', isPreferred: index === 0, safe: node !== null && suggestions.length === 1 }, edits);
  });
}

/** `repo:tag` split at a tag colon (not a registry port: no `/` after it). */
function splitImage(image: string): { repository: string; tag?: string } {
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/') && colon > 0 ? { repository: image.slice(0, colon), tag: image.slice(colon + 1) } : { repository: image };
}

/** `image: <string>` (with `tag:` beside it, or a `:tag` in the string) -> `image: {repository, tag}`. */
function imageToMap(context: FixContext, groupName: string, group: YAMLMap, imagePair: Pair, image: Scalar, tagPair: Pair | undefined): TextEdit[] {
  const { text } = context;
  const source = (node: Scalar) => text.slice(node.range![0], node.range![1]);
  const split = splitImage(String(image.value));
  const tag = tagPair && isScalar(tagPair.value) ? source(tagPair.value) : split.tag !== undefined ? scalarSource(image, split.tag) : null;
  const repository = tagPair || split.tag === undefined ? source(image) : scalarSource(image, split.repository);
  const entries = [`repository: ${repository}`, ...(tag === null ? [] : [`tag: ${tag}`])];
  const removeTag = tagPair ? removeMapEntry(text, context.doc, ['modelGroups', groupName, 'tag']) : [];
  if (group.flow) return [{ start: image.range![0], end: image.range![1], newText: `{${entries.join(', ')}}` }, ...removeTag];
  const key = imagePair.key as Node;
  const column = new LineIndex(text).positionAt(key.range![0]).character + indentUnit(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = text.indexOf('\n', image.range![1]);
  const insertAt = lineEnd < 0 ? text.length : lineEnd + 1;
  const lines = entries.map((entry) => ' '.repeat(column) + entry + eol).join('');
  const colon = text.indexOf(':', key.range![1]);
  return [
    { start: colon + 1, end: image.range![1], newText: '' },
    { start: insertAt, end: insertAt, newText: (lineEnd < 0 ? eol : '') + lines },
    ...removeTag,
  ];
}

function legacyImageFixes(context: FixContext, groupName: string): Fix[] {
  const group = walk(context.doc, ['modelGroups', groupName]).node;
  if (!isMap(group)) return [];
  const imagePair = group.items.find((pair) => keyText(pair) === 'image');
  const tagPair = group.items.find((pair) => keyText(pair) === 'tag');
  if (imagePair && isScalar(imagePair.value) && typeof imagePair.value.value === 'string') {
    return fixOf({ title: 'Use `image: {repository, tag}`', kind: 'quickfix', isPreferred: true, safe: false },
      imageToMap(context, groupName, group, imagePair, imagePair.value, tagPair));
  }
  if (!tagPair || !isScalar(tagPair.value)) return [];
  const image = imagePair?.value;
  const hasTag = isMap(image) && image.items.some((pair) => keyText(pair) === 'tag');
  const remove = removeMapEntry(context.text, context.doc, ['modelGroups', groupName, 'tag']);
  if (hasTag) return fixOf({ title: 'Remove the ignored `tag` (`image.tag` is set)', kind: 'quickfix', safe: false }, remove);
  if (imagePair && !isMap(image)) return [];
  const move = ensureMapEntries(context.text, context.doc, ['modelGroups', groupName, 'image'], { tag: tagPair.value.value });
  return fixOf({ title: 'Move `tag` to `image.tag`', kind: 'quickfix', isPreferred: true, safe: false }, move.length > 0 ? [...move, ...remove] : []);
}

export function legacyKeyFixes(context: FixContext, finding: FixFinding): Fix[] {
  const key = stringData(finding.data, 'key');
  const path = stringData(finding.data, 'path')?.split('.') ?? [];
  if (context.chart === 'inference-stack' && path[0] === 'modelGroups' && (key === 'image' || key === 'tag') && path.length >= 3) {
    return legacyImageFixes(context, path.slice(1, -1).join('.'));
  }
  if (context.chart === 'pre-porter' && key === 'kruise' && path.length === 1) {
    return fixOf({ title: 'Remove `kruise`', kind: 'quickfix', safe: false }, removeMapEntry(context.text, context.doc, ['kruise']));
  }
  return [];
}
