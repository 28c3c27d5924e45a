// Key completion: the keys the schema allows at the cursor that the map does not have yet, and,
// where the schema allows any key, the ones this file and the cluster make likely (the file's
// model groups under networkPolicy.modelGroups, GPU node labels in a nodeSelector, resource
// names in limits and requests, the chart's example groups under modelGroups). Each inserts
// the shape of its value: `key: ` for a scalar, a new indented line for a map, `- ` for a list.
import { codeSpan } from '../model-markdown';
import { isPlainMap } from '../merge';
import type { EngineSettings } from '../types';
import type { PathSegment } from '../yaml-nodes';
import type { AuthoringCompletion, KeySite } from './completion-site';
import { keyDetail, keyDocumentation } from './key-docs';
import { nodeLabels } from './node-labels';
import { yamlText } from './value-completion';
import { chartDefaults, childAt, defaultOf, propertyNames, schemaAt, shapeOf, type ResolvedSchema, type Shape } from './schema-at-path';
import { isEmpty } from '../render/helm';

interface KeyChoice {
  name: string;
  /** Text after `name: ` on the same line, for entries whose value is known (`"true"`). */
  value?: string;
  detail?: string;
  documentation?: string;
}

const RESOURCE_NAMES: readonly KeyChoice[] = [
  { name: 'nvidia.com/gpu', detail: 'GPUs (NVIDIA device plugin)', documentation: 'Whole NVIDIA GPUs. Limits and requests must be equal; setting the limit is enough.' },
  { name: 'memory', detail: 'bytes', documentation: 'Memory, e.g. `16Gi`. Above its memory limit the container is OOM-killed; a memory-backed emptyDir counts against it.' },
  { name: 'cpu', detail: 'cores', documentation: 'CPU, in cores or millicores (`500m`).' },
  { name: 'ephemeral-storage', detail: 'bytes', documentation: 'Node disk for logs, writable layers and emptyDirs, e.g. `50Gi`.' },
];

const NODE_SELECTOR_KEYS = new Set(['nodeSelector', 'globalNodeSelector']);

/** Names a map that takes any key is likely to get, each with what it stands for. */
function likelyKeys(site: KeySite, settings: EngineSettings): KeyChoice[] {
  const path = site.mapPath;
  const last = path.at(-1);
  const { chart, fileValues } = site.document;
  if (chart === 'inference-stack' && path.length === 2 && path[0] === 'networkPolicy' && path[1] === 'modelGroups') {
    const groups = isPlainMap(fileValues.modelGroups) ? fileValues.modelGroups : {};
    return Object.entries(groups).map(([name, group]) => ({
      name,
      detail: isPlainMap(group) && !isEmpty(group.enabled) ? 'model group (enabled)' : 'model group (not enabled: gets no policy)',
      documentation: `NetworkPolicy spec for the pods of model group ${codeSpan(name)}.`,
    }));
  }
  if (chart === 'inference-stack' && path.length === 1 && path[0] === 'modelGroups') {
    const examples = chartDefaults(chart) as { modelGroups?: Record<string, unknown> };
    return Object.keys(examples.modelGroups ?? {}).map((name) => ({
      name,
      detail: "chart's example group",
      documentation: `One of the chart's example groups: it inherits the chart's values for ${codeSpan(name)} (disabled unless \`enabled: true\`).`,
    }));
  }
  if (typeof last === 'string' && NODE_SELECTOR_KEYS.has(last)) {
    return nodeLabels(settings.gpu.nodeSelector).map((label) => ({
      name: label.key,
      value: label.values[0] === undefined ? undefined : yamlText(label.values[0], false),
      detail: 'GPU node label',
      documentation: label.description,
    }));
  }
  if ((last === 'limits' || last === 'requests') && path.at(-2) !== undefined) return [...RESOURCE_NAMES];
  return [];
}

/** The text inserted for a key: its name, and the start of its value shaped for the schema. */
function insertion(site: KeySite, name: string, shape: Shape, indentUnit: number, value?: string): string {
  if (site.hasColon) return name;
  if (site.flow) return `${name}: ${value ?? ''}`;
  if (value !== undefined) return `${name}: ${value}`;
  const indent = ' '.repeat(site.column + indentUnit);
  if (shape === 'map') return `${name}:\n${indent}`;
  if (shape === 'list') return `${name}:\n${indent}- `;
  return `${name}: `;
}

export function completeKeys(site: KeySite, mapSchema: ResolvedSchema, settings: EngineSettings, indentUnit: number): AuthoringCompletion[] {
  const { chart } = site.document;
  const items: AuthoringCompletion[] = [];
  const offered = new Set<string>();
  const add = (choice: KeyChoice, schema: ResolvedSchema | null, path: PathSegment[]) => {
    if (site.present.has(choice.name) || offered.has(choice.name)) return;
    offered.add(choice.name);
    const shape: Shape = schema ? shapeOf(schema) : 'scalar';
    items.push({
      label: choice.name,
      kind: 'key',
      detail: choice.detail ?? (schema ? keyDetail(schema, defaultOf(chart, path, schema)) : undefined),
      documentation: choice.documentation ?? (schema ? keyDocumentation(chart, path, schema) : undefined),
      edit: { range: site.edit, newText: insertion(site, choice.name, shape, indentUnit, choice.value) },
      filterText: choice.name,
      sortText: String(items.length).padStart(4, '0'),
    });
  };
  for (const name of propertyNames(mapSchema)) {
    const path = [...site.mapPath, name];
    add({ name }, childAt(mapSchema, name), path);
  }
  for (const choice of likelyKeys(site, settings)) {
    const path = [...site.mapPath, choice.name];
    add(choice, childAt(mapSchema, choice.name), path);
  }
  const skeleton = requiredSkeleton(site, mapSchema);
  if (skeleton) items.push({ ...skeleton, sortText: String(items.length).padStart(4, '0') });
  return items;
}

/**
 * A new list item of a kind with required keys (`VolumeMount`: name and mountPath) gets an item
 * that writes them all, one per line at the item's column, as yaml-language-server offers it.
 */
function requiredSkeleton(site: KeySite, mapSchema: ResolvedSchema): Omit<AuthoringCompletion, 'sortText'> | null {
  const required = Array.isArray(mapSchema.schema.required) ? mapSchema.schema.required.filter((key): key is string => typeof key === 'string') : [];
  if (typeof site.mapPath.at(-1) !== 'number' || site.present.size > 0 || site.hasColon || required.length === 0 || !mapSchema.definition) return null;
  const separator = site.flow ? ', ' : `\n${' '.repeat(site.column)}`;
  return {
    label: mapSchema.definition,
    kind: 'key',
    detail: `${mapSchema.definition} with its required keys`,
    documentation: `Writes the keys a ${codeSpan(mapSchema.definition)} must have: ${required.map(codeSpan).join(', ')}.${mapSchema.description ? `\n\n${mapSchema.description}` : ''}`,
    // Block lines carry no trailing space; the cursor ends after the last key's `: `.
    edit: { range: site.edit, newText: required.map((key, index) => (site.flow || index === required.length - 1 ? `${key}: ` : `${key}:`)).join(separator) },
    filterText: mapSchema.definition,
  };
}

/** The schema of the map a key site writes into, when there is one. */
export function mapSchemaAt(site: KeySite): ResolvedSchema | null {
  const resolved = schemaAt(site.document.chart, site.mapPath);
  return resolved && shapeOf(resolved) === 'map' ? resolved : null;
}
