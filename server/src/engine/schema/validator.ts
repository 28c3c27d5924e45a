// Compiles the chart schemas once (an Engine owns one SchemaValidator) and validates merged
// values. ajv reports every branch of a failed oneOf/anyOf; people need only the branch that
// came closest, so such failures are re-checked branch by branch and reduced to that one.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import kubernetesSchema from '../../../../schemas/kubernetes.schema.json';
import inferenceStackSchema from '../../../../schemas/inference-stack.schema.json';
import prePorterSchema from '../../../../schemas/pre-porter.schema.json';
import { schemaPlaces } from '../authoring/schema-at-path';
import type { ChartId } from '../types';

export interface SchemaIssue {
  keyword: string;
  /** Instance path segments (JSON pointer, unescaped). */
  path: string[];
  params: Record<string, unknown>;
  parentSchema: Record<string, unknown> | undefined;
  data: unknown;
  /** Set on issues about a key's name (propertyNames), which the propertyNames issue reports. */
  propertyName?: string;
}

/**
 * The Kubernetes definitions rendered objects are checked against (kubernetes.schema.json), by
 * name: the kinds the charts render from values, and one for any other object's metadata.
 */
export const RENDERED_KINDS = ['Deployment', 'Service', 'PersistentVolumeClaim', 'AdvancedCronJob', 'KubernetesObject'] as const;
export type RenderedKind = (typeof RENDERED_KINDS)[number];

/** Where a rendered kind's definition is, for ajv (here and in scripts/validators.mjs). */
export function renderedKindRef(kind: RenderedKind): string {
  return `${kubernetesSchema.$id}#/definitions/${kind}`;
}

/** Standalone validators per chart and rendered kind, from ajv's standalone code generated at build time. */
export type PrecompiledValidators = Record<ChartId | RenderedKind, ValidateFunction>;

/** The schemas a validator compiles: Kubernetes definitions plus one schema per chart. */
export interface SchemaBundle {
  shared: object[];
  charts: Record<ChartId, object>;
}

export const BUILT_IN_SCHEMAS: SchemaBundle = {
  shared: [kubernetesSchema],
  charts: { 'inference-stack': inferenceStackSchema, 'pre-porter': prePorterSchema },
};

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function startsWith(path: string[], prefix: string[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

function valueAt(root: unknown, path: string[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/** Whether a schema has a oneOf/anyOf anywhere: a plain walk, far cheaper than indexing them. */
function hasAlternatives(schema: unknown): boolean {
  if (schema === null || typeof schema !== 'object') return false;
  if (Array.isArray(schema)) return schema.some(hasAlternatives);
  for (const [key, child] of Object.entries(schema)) {
    if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child)) return true;
    if (hasAlternatives(child)) return true;
  }
  return false;
}

/** Where each oneOf/anyOf array sits: `<schema $id>#<pointer>`, so its branches can be compiled. */
function indexAlternatives(schema: unknown, base: string, pointer: string, index: Map<unknown, string>): void {
  if (schema === null || typeof schema !== 'object') return;
  for (const [key, child] of Object.entries(schema)) {
    const childPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if ((key === 'oneOf' || key === 'anyOf') && Array.isArray(child)) index.set(child, `${base}#${childPointer}`);
    indexAlternatives(child, base, childPointer, index);
  }
}

/** The options the schemas are compiled with, here and in scripts/validators.mjs. */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, logger: false } as const;

export class SchemaValidator {
  private compiler: Ajv | undefined;
  private readonly validators = new Map<ChartId | RenderedKind, ValidateFunction>();
  private alternativesIndex: Map<unknown, string> | undefined;
  private readonly precompiled: PrecompiledValidators | null;
  private readonly kubernetesFieldsOf = new Map<ChartId, readonly (readonly string[])[]>();

  /** `precompiled`: validators built from these very schemas (see scripts/validators.mjs), if any. */
  constructor(private readonly bundle: SchemaBundle = BUILT_IN_SCHEMAS, precompiled: PrecompiledValidators | null = null) {
    // Precompiled code reports copies of the schemas, so the oneOf/anyOf reduction (which finds
    // branches by schema identity) needs the compiler's own validators.
    this.precompiled = precompiled && !this.schemas().some(hasAlternatives) ? precompiled : null;
  }

  private schemas(): object[] {
    return [...this.bundle.shared, ...Object.values(this.bundle.charts)];
  }

  /** The oneOf/anyOf arrays by identity, indexed on the first failed one (a walk of every schema). */
  private get alternatives(): Map<unknown, string> {
    if (!this.alternativesIndex) {
      this.alternativesIndex = new Map();
      for (const schema of this.schemas()) indexAlternatives(schema, (schema as { $id?: string }).$id ?? '', '', this.alternativesIndex);
    }
    return this.alternativesIndex;
  }

  /**
   * The ajv instance, made on first need: with precompiled validators it may never be, so ajv
   * itself is only required here (its modules take several milliseconds to load).
   */
  private get ajv(): Ajv {
    if (!this.compiler) {
      /* eslint-disable @typescript-eslint/no-require-imports */
      const AjvClass = (require('ajv') as typeof import('ajv')).default;
      const addFormats = (require('ajv-formats') as typeof import('ajv-formats')).default;
      /* eslint-enable @typescript-eslint/no-require-imports */
      this.compiler = new AjvClass(AJV_OPTIONS);
      addFormats(this.compiler);
      for (const schema of this.bundle.shared) this.compiler.addSchema(schema);
    }
    return this.compiler;
  }

  /** Compiled on first use: a CLI run over one chart's files never pays for the other's. */
  private validatorFor(name: ChartId | RenderedKind): ValidateFunction {
    let validate = this.validators.get(name);
    if (!validate) {
      validate = this.precompiled?.[name] ?? (name === 'inference-stack' || name === 'pre-porter'
        ? this.ajv.compile(this.bundle.charts[name])
        : this.ajv.getSchema(renderedKindRef(name)));
      if (!validate) throw new Error(`no definition of ${name} in the Kubernetes schema`);
      this.validators.set(name, validate);
    }
    return validate;
  }

  /**
   * Where the chart's values hold a Kubernetes type (a `$ref` into kubernetes.schema.json), as
   * values paths with `*` for any key or index: `modelGroups/* /resources`, `onwards/env/*`. Read
   * from the shipped chart schemas, as completion and hover read them (schema-at-path.ts).
   */
  kubernetesFields(chart: ChartId): readonly (readonly string[])[] {
    let fields = this.kubernetesFieldsOf.get(chart);
    if (!fields) {
      fields = schemaPlaces(chart, (resolved) => resolved.file === 'kubernetes');
      this.kubernetesFieldsOf.set(chart, fields);
    }
    return fields;
  }

  /** The chart's schema, for features that read descriptions and defaults. */
  schemaOf(chart: ChartId): Record<string, unknown> {
    return this.bundle.charts[chart] as Record<string, unknown>;
  }

  validate(chart: ChartId, values: unknown): SchemaIssue[] {
    return this.run(chart, values);
  }

  /** Issues of a rendered object against its kind's Kubernetes definition, at paths in the object. */
  validateObject(kind: RenderedKind, object: unknown): SchemaIssue[] {
    return this.run(kind, object);
  }

  private run(name: ChartId | RenderedKind, data: unknown): SchemaIssue[] {
    const validate = this.validatorFor(name);
    if (validate(data)) return [];
    return this.reduce(validate.errors ?? [], data, []);
  }

  private reduce(errors: readonly ErrorObject[], root: unknown, prefix: string[]): SchemaIssue[] {
    let issues = errors.map((error) => toIssue(error, prefix));
    for (const error of errors) {
      if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') continue;
      const at = [...prefix, ...parsePointer(error.instancePath)];
      const branches = this.branchIssues(error, valueAt(root, parsePointer(error.instancePath)), at);
      if (!branches) continue;
      const fromBranches = new Set(branches.flat().map(signature));
      const best = rootTypeUnion(branches, at) ?? closestBranch(branches);
      issues = issues.filter((issue) => {
        if (issue.keyword === error.keyword && issue.path.join('/') === at.join('/')) return false;
        return !(startsWith(issue.path, at) && fromBranches.has(signature(issue)));
      });
      issues.push(...(best.length > 0 ? best : [toIssue(error, prefix)]));
    }
    return issues;
  }

  private branchIssues(error: ErrorObject, value: unknown, at: string[]): SchemaIssue[][] | null {
    const location = this.alternatives.get(error.schema);
    if (!location || !Array.isArray(error.schema)) return null;
    return error.schema.map((_, i) => {
      const branch = this.ajv.getSchema(`${location}/${i}`);
      if (!branch || branch(value)) return [];
      return this.reduce(branch.errors ?? [], value, at);
    });
  }
}

function toIssue(error: ErrorObject, prefix: string[]): SchemaIssue {
  return {
    keyword: error.keyword,
    path: [...prefix, ...parsePointer(error.instancePath)],
    params: error.params as Record<string, unknown>,
    parentSchema: error.parentSchema as Record<string, unknown> | undefined,
    data: error.data,
    propertyName: (error as { propertyName?: string }).propertyName,
  };
}

function signature(issue: SchemaIssue): string {
  return `${issue.keyword}|${issue.path.join('/')}|${JSON.stringify(issue.params)}`;
}

/** When no branch even has the right type, one issue listing every accepted type says it best. */
function rootTypeUnion(branches: SchemaIssue[][], at: string[]): SchemaIssue[] | null {
  const types: string[] = [];
  for (const issues of branches) {
    const rootType = issues.find((issue) => issue.keyword === 'type' && issue.path.length === at.length);
    if (!rootType) return null;
    types.push(...String(rootType.params.type).split(','));
  }
  const first = branches[0]?.[0];
  if (!first) return null;
  const type = [...new Set(types)].join(',');
  return [{ ...first, keyword: 'type', path: at, params: { type }, propertyName: undefined }];
}

/** The branch that got furthest: a wrong type at its root is worst, then fewer and deeper errors win. */
function closestBranch(branches: SchemaIssue[][]): SchemaIssue[] {
  let best: SchemaIssue[] = branches[0] ?? [];
  let bestScore = -Infinity;
  for (const issues of branches) {
    if (issues.length === 0) continue;
    const minDepth = Math.min(...issues.map((issue) => issue.path.length));
    const rootTypeMismatch = issues.some((issue) => issue.keyword === 'type' && issue.path.length === minDepth);
    const maxDepth = Math.max(...issues.map((issue) => issue.path.length));
    const score = (rootTypeMismatch ? -1000 : 0) + maxDepth * 10 - issues.length;
    if (score > bestScore) {
      bestScore = score;
      best = issues;
    }
  }
  return best;
}
