// Hover anywhere in a values file, except on image tags (their own hover comes first): a volume
// name shows the volume and its mounts, a quantity its bytes and GiB, and any key (or plain
// value) the key's documentation and where its value comes from.
import { isScalar } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import { codeSpan } from '../model-markdown';
import { formatGiB, parseQuantity } from '../quantity';
import type { LayerText } from '../layers/analyze';
import type { EngineSettings, OffsetRange } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { keyHoverMarkdown } from './key-hover';
import { ACCESS_MODE_CONSEQUENCES } from './persistent-volume-help';
import { schemaAt } from './schema-at-path';
import { documentAt, readValuesFile } from '../values-file';
import { volumeHoverMarkdown } from './volume-hover';
import { volumeNamedBy, volumeScopes } from './volume-scopes';
import { nodeAt, rangeOf } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';

export interface AuthoringHover {
  range: OffsetRange;
  markdown: string;
}

/** Resource names whose quantities are counts rather than bytes. */
const NOT_BYTES = /(^|\/)(gpu|cpu)$|^nvidia\.com\//;

/** `50G` = 50,000,000,000 bytes ≈ 46.6 GiB; `500m` CPU = 0.5 cores. */
export function quantityMarkdown(written: string, path: readonly PathSegment[]): string | null {
  const value = parseQuantity(written);
  if (value === null) return null;
  const last = String(path.at(-1) ?? '');
  if (last === 'cpu') return `${codeSpan(written)} = ${value} core${value === 1 ? '' : 's'}`;
  if (NOT_BYTES.test(last)) return null;
  const exact = Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
  const gib = value / 2 ** 30;
  const approx = Number.isInteger(gib * 10) ? '=' : '≈';
  return `${codeSpan(written)} = ${exact} bytes ${approx} ${formatGiB(value)}`;
}

/** `modelGroups.<g>.persistentVolumes[i].accessModes[j]`: what the mode means for the group's pods. */
function accessModeLine(path: readonly PathSegment[], value: unknown): string | null {
  if (path.length !== 6 || path[0] !== 'modelGroups' || path[2] !== 'persistentVolumes' || path[4] !== 'accessModes') return null;
  const consequence = typeof value === 'string' ? ACCESS_MODE_CONSEQUENCES[value] : undefined;
  return consequence ? `${codeSpan(value as string)}: the claim attaches to ${consequence}` : null;
}

function isQuantityPlace(chart: Parameters<typeof schemaAt>[0], path: readonly PathSegment[]): boolean {
  return schemaAt(chart, path)?.definition === 'quantity';
}

export function hoverAuthoring(
  text: string,
  offset: number,
  catalogue: Catalogue,
  settings: EngineSettings,
  path?: string,
  bases?: readonly LayerText[],
  yaml: YamlSource = new YamlCache(),
): AuthoringHover | null {
  const document = documentAt(readValuesFile({ text, path, bases }, settings, yaml).documents(), offset);
  if (!document) return null;
  const found = nodeAt(document.doc, offset);
  if (!found) return null;
  const range = rangeOf(found.node);
  if (!range) return null;

  if (found.role === 'value') {
    const volume = volumeNamedBy(document.doc, volumeScopes(document), found.node, found.path);
    if (volume) return { range, markdown: volumeHoverMarkdown(document, volume, catalogue, settings) };
  }
  let keyMarkdown = keyHoverMarkdown(document, found.path, catalogue, settings);
  const mode = found.role === 'value' && isScalar(found.node) ? accessModeLine(found.path, found.node.value) : null;
  if (mode) keyMarkdown = keyMarkdown ? `${mode}\n\n---\n\n${keyMarkdown}` : mode;
  if (found.role === 'value' && isScalar(found.node) && isQuantityPlace(document.chart, found.path)) {
    const quantity = quantityMarkdown(text.slice(range.start, range.end).replace(/^["']|["']$/g, ''), found.path);
    if (quantity) return { range, markdown: keyMarkdown ? `${quantity}\n\n---\n\n${keyMarkdown}` : quantity };
  }
  return keyMarkdown ? { range, markdown: keyMarkdown } : null;
}
