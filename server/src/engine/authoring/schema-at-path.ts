// The schema of a place in a values file, for completion and hover. The chart schemas point into
// kubernetes.schema.json with `$ref`, and a referring schema writes its own `description` and
// `default` beside the `$ref` (draft-07 ignores such siblings; people do not): the place's own
// words win, the definition's are kept as the general explanation.
import inferenceStackDefaults from '../../../../schemas/inference-stack.defaults.json';
import inferenceStackSchema from '../../../../schemas/inference-stack.schema.json';
import kubernetesSchema from '../../../../schemas/kubernetes.schema.json';
import prePorterDefaults from '../../../../schemas/pre-porter.defaults.json';
import prePorterSchema from '../../../../schemas/pre-porter.schema.json';
import { isPlainMap } from '../merge';
import type { ChartId } from '../types';
import type { PathSegment } from '../yaml-nodes';

export type JsonSchema = Record<string, unknown>;

export interface ResolvedSchema {
  /** The `$ref` target with the referring schema's own keywords laid over it. */
  schema: JsonSchema;
  /** What this place is for: the referring schema's description, else the definition's. */
  description?: string;
  /** The definition's own description when the place has a more specific one. */
  generalDescription?: string;
  /** The definition the place resolves to (`quantity`, `VolumeMount`, `ModelGroup`), if any. */
  definition?: string;
  /** The file relative `$ref`s inside `schema` point into. */
  file: SchemaFile;
}

export type Shape = 'map' | 'list' | 'scalar';

const CHART_DEFAULTS: Record<ChartId, unknown> = {
  'inference-stack': inferenceStackDefaults,
  'pre-porter': prePorterDefaults,
};

/** Bounds `$ref` chains; the schemas nest a handful deep. */
const MAX_REF_HOPS = 16;
const KUBERNETES_FILE = 'kubernetes.schema.json';

/** The schema file a `$ref` points into: the Kubernetes definitions or the chart's own. */
export type SchemaFile = ChartId | 'kubernetes';

const SCHEMA_FILES: Record<SchemaFile, JsonSchema> = {
  'inference-stack': inferenceStackSchema,
  'pre-porter': prePorterSchema,
  kubernetes: kubernetesSchema,
};

function fileSchema(file: SchemaFile): JsonSchema {
  return SCHEMA_FILES[file];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Follows `$ref`s from `schema` (found in `file`) to a schema without one. */
function deref(schema: JsonSchema, file: SchemaFile): ResolvedSchema {
  let current = schema;
  let currentFile = file;
  let definition: string | undefined;
  const overlays: JsonSchema[] = [];
  for (let hops = 0; typeof current.$ref === 'string' && hops < MAX_REF_HOPS; hops++) {
    const [target, pointer = ''] = current.$ref.split('#');
    overlays.push(current);
    if (target === KUBERNETES_FILE) currentFile = 'kubernetes';
    const name = /^\/definitions\/(.+)$/.exec(pointer)?.[1];
    const definitions = fileSchema(currentFile).definitions;
    const found = name && isPlainMap(definitions) ? definitions[name] : undefined;
    if (!isPlainMap(found)) break;
    definition = name;
    current = found;
  }
  // The outermost referring schema (the first met) is the most specific: it is laid over last.
  const merged: JsonSchema = { ...current };
  for (const overlay of [...overlays].reverse()) {
    for (const [key, value] of Object.entries(overlay)) if (key !== '$ref') merged[key] = value;
  }
  delete merged.$ref;
  const own = overlays.map((overlay) => text(overlay.description)).find((description) => description !== undefined);
  const general = text(current.description);
  const description = own ?? general;
  return { schema: merged, description, generalDescription: general !== description ? general : undefined, definition, file: currentFile };
}

/** The schema of one child: a property, an additionalProperties entry or a list item. */
function childSchema(schema: JsonSchema, segment: PathSegment): JsonSchema | null {
  if (typeof segment === 'number') return isPlainMap(schema.items) ? schema.items : null;
  const properties = schema.properties;
  if (isPlainMap(properties) && Object.hasOwn(properties, segment) && isPlainMap(properties[segment])) return properties[segment];
  return isPlainMap(schema.additionalProperties) ? schema.additionalProperties : null;
}

/** The schema at `path` of a chart's values, or null where the schema says nothing. */
export function schemaAt(chart: ChartId, path: readonly PathSegment[]): ResolvedSchema | null {
  let step = deref(fileSchema(chart), chart);
  for (const segment of path) {
    const child = childSchema(step.schema, segment);
    if (!child) return null;
    step = deref(child, step.file);
  }
  return step;
}

/** The schema of one child of a resolved place. */
export function childAt(resolved: ResolvedSchema, segment: PathSegment): ResolvedSchema | null {
  const child = childSchema(resolved.schema, segment);
  return child ? deref(child, resolved.file) : null;
}

/** The named properties a map at this place takes, in the schema's order. */
export function propertyNames(resolved: ResolvedSchema): string[] {
  const properties = resolved.schema.properties;
  return isPlainMap(properties) ? Object.keys(properties) : [];
}

/** Deeper than any place the schemas describe (a claim template's resources are about 12 deep). */
const MAX_PLACE_DEPTH = 20;

/**
 * The values paths of a chart's schema where `found` holds, `*` for any key or index, not looked
 * below: `definition === 'quantity'` gives every place a quantity is written, `file ===
 * 'kubernetes'` every place the values hold a Kubernetes type (`modelGroups/* /resources`).
 */
export function schemaPlaces(chart: ChartId, found: (resolved: ResolvedSchema) => boolean): string[][] {
  const places: string[][] = [];
  const walk = (resolved: ResolvedSchema, path: string[], through: readonly string[]): void => {
    if (found(resolved)) {
      places.push(path);
      return;
    }
    // A definition met again on its own path is a recursion: what it holds is listed already.
    if (path.length > MAX_PLACE_DEPTH || (resolved.definition && through.includes(resolved.definition))) return;
    const next = resolved.definition ? [...through, resolved.definition] : through;
    for (const name of propertyNames(resolved)) {
      const child = childAt(resolved, name);
      if (child) walk(child, [...path, name], next);
    }
    // Any other key of a map (additionalProperties), any item of a list.
    for (const segment of ['\u0000any key', 0] as const) {
      const child = childAt(resolved, segment);
      if (child) walk(child, [...path, '*'], next);
    }
  };
  const top = schemaAt(chart, []);
  if (top) walk(top, [], []);
  return places;
}

function types(schema: JsonSchema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : typeof type === 'string' ? [type] : [];
}

export function shapeOf(resolved: ResolvedSchema): Shape {
  const schema = resolved.schema;
  const declared = types(schema);
  if (declared.includes('array') || (declared.length === 0 && isPlainMap(schema.items))) return 'list';
  if (declared.includes('object') || (declared.length === 0 && (isPlainMap(schema.properties) || isPlainMap(schema.additionalProperties)))) {
    return 'map';
  }
  return 'scalar';
}

/** `string`, `integer`, `map`, `list of VolumeMount`, `quantity`: what the value must be. */
export function typeLabel(resolved: ResolvedSchema): string {
  if (resolved.definition === 'quantity') return 'quantity';
  const shape = shapeOf(resolved);
  if (shape === 'list') {
    const items = childAt(resolved, 0);
    const itemLabel = items ? (items.definition && shapeOf(items) === 'map' ? items.definition : typeLabel(items)) : 'any';
    return `list of ${itemLabel}`;
  }
  if (shape === 'map') return resolved.definition && resolved.definition !== 'StringMap' ? resolved.definition : 'map';
  const declared = types(resolved.schema);
  return declared.length > 0 ? declared.join(' | ') : 'any';
}

/** The values the schema allows, when it lists them. */
export function enumValues(resolved: ResolvedSchema): unknown[] {
  return Array.isArray(resolved.schema.enum) ? resolved.schema.enum : [];
}

export type DefaultOf =
  /** The chart's values.yaml sets this place. */
  | { kind: 'chart'; value: unknown }
  /** Only the chart's example groups have it; `group` is not one of them and inherits nothing. */
  | { kind: 'example'; value: unknown; group: string }
  /** The schema's default: what leaving the key out means (a list item's `enabled`, say). */
  | { kind: 'schema'; value: unknown }
  | { kind: 'none' };

/** The chart's default values, as a tree. */
export function chartDefaults(chart: ChartId): unknown {
  return CHART_DEFAULTS[chart];
}

function defaultsAt(chart: ChartId, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let node: unknown = CHART_DEFAULTS[chart];
  for (const segment of path) {
    // Lists replace rather than merge: nothing inside one is inherited.
    if (typeof segment === 'number' || !isPlainMap(node) || !Object.hasOwn(node, segment)) return { found: false, value: undefined };
    node = node[segment];
  }
  return { found: true, value: node };
}

/** What a place defaults to when the file does not set it, and where that default comes from. */
export function defaultOf(chart: ChartId, path: readonly PathSegment[], resolved: ResolvedSchema | null): DefaultOf {
  const inChart = defaultsAt(chart, path);
  if (inChart.found) return { kind: 'chart', value: inChart.value };
  if (!resolved || !Object.hasOwn(resolved.schema, 'default')) return { kind: 'none' };
  const value = resolved.schema.default;
  // ModelGroup's schema defaults are those of the example group vllm-gemma: a group the chart
  // does not define inherits none of them.
  const isGroupKey = chart === 'inference-stack' && path[0] === 'modelGroups' && path.length > 2 && typeof path[1] === 'string';
  const isExampleGroup = isGroupKey && defaultsAt(chart, path.slice(0, 2)).found;
  if (isGroupKey && !isExampleGroup && !path.slice(2).some((segment) => typeof segment === 'number')) {
    return { kind: 'example', value, group: String(path[1]) };
  }
  return { kind: 'schema', value };
}

/** A default as a short, one-line text for details (`"IfNotPresent"`, `{}`, `[…3]`). */
export function shortValue(value: unknown, max = 40): string {
  if (Array.isArray(value) && value.length > 0 && JSON.stringify(value).length > max) return `[…${value.length}]`;
  if (isPlainMap(value) && JSON.stringify(value).length > max) return `{${Object.keys(value).slice(0, 3).join(', ')}${Object.keys(value).length > 3 ? ', …' : ''}}`;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > max ? `${json.slice(0, max - 1)}…` : json;
}
