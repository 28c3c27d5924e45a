// Navigation within a values file: from a mount's volume name to the volume, from an alias to
// its anchor, from a networkPolicy entry to its model group; references of a volume (its
// mounts) and of an anchor (its aliases); and renaming a volume with all its mounts. Only
// volume names can be renamed: a key is the chart's, a tag the catalogue's.
import { isAlias, isScalar, visit, type Alias, type Document, type Node } from 'yaml';
import type { EngineSettings, OffsetRange } from '../types';
import { locate } from '../yaml-nodes';
import { documentAt, readValuesFile, type ValuesDocument } from '../values-file';
import { nameNodes, nameNode, volumeNamedBy, volumeScopes, type VolumeAt, type VolumeScope } from './volume-scopes';
import { nodeAt, rangeOf } from './yaml-position';

/** Volume names are DNS-1123 labels. */
const VOLUME_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_VOLUME_NAME = 63;

export interface TextEditAt {
  range: OffsetRange;
  newText: string;
}

export type RenameResult = { edits: TextEditAt[] } | { error: string };
export type PrepareRenameResult = { range: OffsetRange; placeholder: string } | { error: string };

interface Located {
  document: ValuesDocument;
  found: NonNullable<ReturnType<typeof nodeAt>>;
}

function locateAt(text: string, offset: number, settings: EngineSettings, path?: string): Located | null {
  const document = documentAt(readValuesFile({ text, path }, settings).documents(), offset);
  const found = document ? nodeAt(document.doc, offset) : null;
  return document && found ? { document, found } : null;
}

function volumeAt(located: Located): VolumeAt | null {
  if (located.found.role !== 'value') return null;
  const { document } = located;
  return volumeNamedBy(document.doc, volumeScopes(document), located.found.node, located.found.path);
}

/** The anchored node an alias refers to: the last node with that anchor before the alias. */
function anchorOf(doc: Document, alias: Alias): Node | null {
  const start = alias.range?.[0] ?? 0;
  let anchored: Node | null = null;
  visit(doc, (_key, node) => {
    // A pair's missing key or value (`: x`, `k:`) is visited as null.
    const candidate = node as (Node & { anchor?: string }) | null;
    if (candidate && candidate.anchor === alias.source && (candidate.range?.[0] ?? Infinity) < start) anchored = candidate;
  });
  return anchored;
}

/** Where `&name` is written before the node that carries it (node ranges leave it out). */
function anchorTokenRange(text: string, node: Node, name: string): OffsetRange {
  const nodeStart = node.range?.[0] ?? 0;
  const token = `&${name}`;
  for (let at = text.lastIndexOf(token, nodeStart); at >= 0; at = text.lastIndexOf(token, at - 1)) {
    const after = text[at + token.length];
    if (after === undefined || /[\s,\]}]/.test(after)) return { start: at, end: at + token.length };
  }
  return rangeOf(node) ?? { start: nodeStart, end: nodeStart };
}

function aliasesOf(doc: Document, anchor: Node): Alias[] {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, alias) => void (anchorOf(doc, alias) === anchor && aliases.push(alias)) });
  return aliases;
}

function ranges(nodes: readonly (Node | null)[]): OffsetRange[] {
  return nodes.flatMap((node) => {
    const range = rangeOf(node);
    return range ? [range] : [];
  });
}

export function definitionAt(text: string, offset: number, settings: EngineSettings, path?: string): OffsetRange[] {
  const located = locateAt(text, offset, settings, path);
  if (!located) return [];
  const { document, found } = located;
  if (isAlias(found.node)) {
    const anchor = anchorOf(document.doc, found.node);
    return anchor ? [anchorTokenRange(text, anchor, found.node.source)] : [];
  }
  const volume = volumeAt(located);
  if (volume) return ranges([nameNodes(document.doc, volume.scope, volume.name).declaration]);
  const [section, groups, group] = found.path;
  if (document.chart === 'inference-stack' && found.role === 'key' && found.path.length === 3 && section === 'networkPolicy' && groups === 'modelGroups') {
    const target = locate(document.doc, ['modelGroups', group]);
    return ranges([target?.key ?? null]);
  }
  return [];
}

export function referencesAt(text: string, offset: number, includeDeclaration: boolean, settings: EngineSettings, path?: string): OffsetRange[] {
  const located = locateAt(text, offset, settings, path);
  if (!located) return [];
  const { document, found } = located;
  if (isAlias(found.node)) {
    const anchor = anchorOf(document.doc, found.node);
    if (!anchor) return [];
    const uses = ranges(aliasesOf(document.doc, anchor));
    return includeDeclaration ? [anchorTokenRange(text, anchor, found.node.source), ...uses] : uses;
  }
  const volume = volumeAt(located);
  if (!volume) return [];
  const { declaration, mounts } = nameNodes(document.doc, volume.scope, volume.name);
  return ranges(includeDeclaration ? [declaration, ...mounts] : mounts);
}

/** The text of a name node, quotes excluded: what a rename replaces. */
function nameContentRange(text: string, node: Node, name: string): OffsetRange | null {
  const range = rangeOf(node);
  if (!range || !isScalar(node)) return null;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const content = quoted ? { start: range.start + 1, end: range.end - 1 } : range;
  // Escapes or a block scalar make source and value differ: such a name is not edited blindly.
  return text.slice(content.start, content.end) === name ? content : null;
}

/** Why the volume cannot be renamed here, or the nodes to rename. */
function renameTargets(text: string, document: ValuesDocument, volume: VolumeAt): { nodes: Node[] } | { error: string } {
  const { declaration, mounts } = nameNodes(document.doc, volume.scope, volume.name);
  if (!declaration) return { error: `No volume named \`${volume.name}\` in ${volume.scope.label} to rename` };
  const nodes = [declaration, ...mounts];
  const owner = volume.scope.owner.join('/');
  const others = volumeScopes(document).filter((scope) => scope.owner.join('/') !== owner);
  const shared = others.find((scope) => sharesNode(document.doc, scope, nodes));
  if (shared) return { error: `The name is shared with ${shared.label} through a YAML alias; rename it at the anchor by hand` };
  if (nodes.some((node) => !nameContentRange(text, node, volume.name))) return { error: 'The name is written with escapes or as a block scalar' };
  return { nodes };
}

function sharesNode(doc: Document, scope: VolumeScope, nodes: readonly Node[]): boolean {
  const names = [...scope.volumes, ...scope.mounts].map((item) => nameNode(doc, item.path));
  return names.some((node) => node !== null && nodes.includes(node));
}

export function prepareRenameAt(text: string, offset: number, settings: EngineSettings, path?: string): PrepareRenameResult {
  const located = locateAt(text, offset, settings, path);
  const volume = located ? volumeAt(located) : null;
  if (!located || !volume) return { error: 'Only volume names can be renamed' };
  const targets = renameTargets(text, located.document, volume);
  if ('error' in targets) return targets;
  const range = nameContentRange(text, volume.node, volume.name);
  return range ? { range, placeholder: volume.name } : { error: 'The name is written with escapes or as a block scalar' };
}

export function renameAt(text: string, offset: number, newName: string, settings: EngineSettings, path?: string): RenameResult {
  const located = locateAt(text, offset, settings, path);
  const volume = located ? volumeAt(located) : null;
  if (!located || !volume) return { error: 'Only volume names can be renamed' };
  if (!VOLUME_NAME.test(newName) || newName.length > MAX_VOLUME_NAME) {
    return { error: `\`${newName}\` is not a valid volume name: lowercase letters, digits and "-", starting and ending with a letter or digit, at most 63 characters` };
  }
  if (newName !== volume.name && volume.scope.volumes.some((candidate) => candidate.name === newName)) {
    return { error: `${volume.scope.label} already has a volume named \`${newName}\`` };
  }
  const targets = renameTargets(text, located.document, volume);
  if ('error' in targets) return targets;
  const edits = targets.nodes.flatMap((node) => {
    const range = nameContentRange(text, node, volume.name);
    return range ? [{ range, newText: newName }] : [];
  });
  return { edits };
}
