// Hover on a key (or on a plain value, which explains its key, as schema-driven YAML tools do):
// the key's documentation and whether the value Helm uses comes from this file or the chart.
import type { Catalogue } from '../catalogue/catalogue';
import { codeSpan } from '../model-markdown';
import { isPlainMap } from '../merge';
import { modelGroup } from '../model-groups';
import { formatPath } from '../tag-sites';
import type { EngineSettings } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { groupModel } from './group-model';
import { renderedGroupLines } from './rendered-summary';
import { defaultMarkdown, schemaMarkdown } from './key-docs';
import { defaultOf, schemaAt, type DefaultOf } from './schema-at-path';
import type { ValuesDocument } from '../values-file';

function valueAt(root: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let node = root;
  for (const segment of path) {
    if (typeof segment === 'number' ? !Array.isArray(node) || segment >= node.length : !isPlainMap(node) || !Object.hasOwn(node, segment)) {
      return { found: false, value: undefined };
    }
    node = (node as Record<string | number, unknown>)[segment];
  }
  return { found: true, value: node };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Where the value Helm uses at `path` comes from: this file, the chart, or both merged. */
export function provenance(document: ValuesDocument, path: readonly PathSegment[], fallback: DefaultOf): string {
  const written = valueAt(document.fileValues, path);
  const base = document.bases?.find((candidate) => valueAt(candidate.values, path).found);
  if (base) return layerProvenance(written, base.path);
  if (!written.found) return fallback.kind === 'chart' ? 'Not set in this file: the value comes from the chart.' : 'Not set in this file.';
  if (written.value === null) {
    return fallback.kind === 'chart'
      ? '`null` here deletes the chart\'s default: Helm leaves the key out.'
      : 'Empty here: Helm leaves the key out.';
  }
  if (fallback.kind !== 'chart') return 'Set in this file.';
  if (same(written.value, fallback.value)) return 'Set in this file, to the chart\'s default.';
  if (isPlainMap(written.value) && isPlainMap(fallback.value)) {
    const fromChart = Object.keys(fallback.value).filter((key) => !Object.hasOwn(written.value as object, key));
    return fromChart.length > 0
      ? `Set in this file and merged over the chart's default: ${fromChart.map(codeSpan).join(', ')} still come${fromChart.length === 1 ? 's' : ''} from the chart.`
      : 'Set in this file; it overrides every key of the chart\'s default.';
  }
  return 'Set in this file; it replaces the chart\'s default.';
}

/** Where a value comes from when a base file (the topmost that writes it) sets it too. */
function layerProvenance(written: { found: boolean; value: unknown }, basePath: string): string {
  const name = codeSpan(basePath.slice(Math.max(basePath.lastIndexOf('/'), basePath.lastIndexOf('\\')) + 1));
  if (!written.found) return `Not set in this file: the value comes from base file ${name}.`;
  if (written.value === null) return `\`null\` here deletes the value of base file ${name}: Helm leaves the key out.`;
  return isPlainMap(written.value)
    ? `Set in this file and merged over the value of base file ${name}.`
    : `Set in this file; it replaces the value of base file ${name}.`;
}

/** One line on a model group: whether it renders, and which model it serves. */
function groupSummary(document: ValuesDocument, name: string, catalogue: Catalogue, settings: EngineSettings): string | null {
  const group = modelGroup(document.merged, name);
  if (!group) return null;
  const model = groupModel(group, catalogue, settings.registries);
  const parts = [group.enabled ? '**Enabled**' : '**Not enabled**: renders nothing'];
  if (model.modelName) parts.push(`serves ${codeSpan(model.modelName)}`);
  if (model.tag) parts.push(`weights from Bit Harbor ${codeSpan(model.tag)}${model.size ? ` (${model.size})` : ''}`);
  return parts.join(' · ');
}

/** The markdown for a key at `path`, or null where the schema knows no such key. */
export function keyHoverMarkdown(
  document: ValuesDocument,
  path: readonly PathSegment[],
  catalogue: Catalogue,
  settings: EngineSettings,
): string | null {
  const resolved = schemaAt(document.chart, path);
  if (!resolved) return null;
  const fallback = defaultOf(document.chart, path, resolved);
  const lines = [`**${codeSpan(formatPath(path))}**`, ''];
  if (document.chart === 'inference-stack' && path.length === 2 && path[0] === 'modelGroups') {
    const summary = groupSummary(document, String(path[1]), catalogue, settings);
    if (summary) lines.push(summary, '');
    const rendered = renderedGroupLines(document.merged, String(path[1]), settings);
    if (rendered.length > 0) lines.push(...rendered, '');
  }
  lines.push(...schemaMarkdown(resolved));
  const defaults = defaultMarkdown(fallback);
  if (defaults.length > 0) lines.push('', ...defaults);
  lines.push('', provenance(document, path, fallback));
  return lines.join('\n');
}
