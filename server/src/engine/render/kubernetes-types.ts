// Kubernetes types judged on what Kubernetes receives. Each rendered object is checked against
// its kind's definition (kubernetes.schema.json: the pod spec of a Deployment or of a Kruise
// AdvancedCronJob, a Service's ports, a claim's spec, any object's labels and annotations), and
// each issue is carried back through the object's origins to the values node that produced the
// field. Fields the template writes itself, and strings it assembles around a value (names,
// `repository:tag`: invalid-name and invalid-tag judge those), are not the values' to fix.
//
// The values-level schema keeps the chart's own structure. Its issues inside a Kubernetes-typed
// field give way to these where that field reached a rendered object; where it did not (a group
// switched off, an ingress not enabled), they are kept: the values are judged as they would be
// copied once switched on.
import type { GroupView } from '../model-groups';
import type { RenderedKind, SchemaIssue, SchemaValidator } from '../schema/validator';
import type { ChartId } from '../types';
import { isMap } from './helm';
import { releaseContext, renderWith } from './index';
import { ValuesReader, type RenderedDocument } from './provenance';

export type ObjectValidator = (kind: RenderedKind, object: unknown) => SchemaIssue[];

/** What the checked objects say: issues at values paths, and the values paths they took fields from. */
export interface RenderedCheck {
  issues: SchemaIssue[];
  /** Read on the first values-level issue inside a Kubernetes field of these objects, then kept. */
  copied(): Copied;
}

const KINDS: Readonly<Record<string, RenderedKind>> = {
  Deployment: 'Deployment',
  Service: 'Service',
  PersistentVolumeClaim: 'PersistentVolumeClaim',
  AdvancedCronJob: 'AdvancedCronJob',
};

function at(object: unknown, path: readonly string[]): unknown {
  let node = object;
  for (const segment of path) node = Array.isArray(node) ? node[Number(segment)] : isMap(node) ? node[segment] : undefined;
  return node;
}

/**
 * Whether an issue is about a map's field set to null inside a copied value (`runAsUser: null`),
 * which Kubernetes decodes as a field not set: not an issue.
 */
function isNullField(object: unknown, issue: SchemaIssue): boolean {
  return issue.data === null && issue.path.length > 0 && isMap(at(object, issue.path.slice(0, -1)));
}

/**
 * The issues of rendered objects, each at the values path its field came from. The objects are
 * rendered for checking (ValuesReader.shareCopies): the template's fields written as null are left
 * out, as Kubernetes reads them.
 */
export function checkRendered(documents: readonly RenderedDocument[], validate: ObjectValidator): RenderedCheck {
  const issues: SchemaIssue[] = [];
  for (const document of documents) {
    const kind = KINDS[String(document.object.kind)] ?? 'KubernetesObject';
    for (const issue of validate(kind, document.object)) {
      if (isNullField(document.object, issue)) continue;
      const origin = document.origins.of(issue.path);
      if (origin.kind !== 'values' || origin.assembled) continue;
      issues.push({ ...issue, path: origin.path.map(String) });
    }
  }
  let copied: Copied | undefined;
  return { issues, copied: () => (copied ??= copiedPaths(documents)) };
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  return pattern.length <= path.length && pattern.every((segment, index) => segment === '*' || segment === path[index]);
}

/** One issue per place: the first of a keyword at a values path (and key, for a key's issues). */
function signature(issue: SchemaIssue): string {
  const key = issue.params.additionalProperty ?? issue.params.missingProperty ?? '';
  return `${issue.keyword}\u0000${String(key)}\u0000${issue.path.join('\u0000')}`;
}

export interface KubernetesInput {
  chart: ChartId;
  merged: unknown;
  /** Inference Stack: the enabled groups' views (each checks its own objects once, see GroupView). */
  groups: () => readonly GroupView[];
  validator: SchemaValidator;
  /** The values-level schema's issues. */
  valuesIssues: SchemaIssue[];
}

/** The documents of the release that are not a model group's: the Onwards gateway, Pre-Porter's jobs. */
function releaseDocuments(chart: ChartId, merged: unknown): RenderedDocument[] {
  const context = { ...releaseContext(chart, merged), values: new ValuesReader(merged, undefined, true) };
  return renderWith(context, []).documents;
}

/** The values paths (`/`-joined) the documents took fields from (`exact`), and every prefix of them (`within`). */
interface Copied {
  exact: Set<string>;
  within: Set<string>;
}

function copiedPaths(documents: readonly RenderedDocument[]): Copied {
  const copied: Copied = { exact: new Set(), within: new Set() };
  for (const document of documents) {
    for (const { values } of document.origins.entries()) {
      let key = '';
      for (const segment of values) copied.within.add((key = key === '' ? String(segment) : `${key}/${String(segment)}`));
      copied.exact.add(key);
    }
  }
  return copied;
}

/** Whether a field at `root` reached an object: copied itself, from above, or in part from below. */
function reached(copied: Copied, root: readonly string[]): boolean {
  if (copied.within.has(root.join('/'))) return true;
  for (let length = 1; length < root.length; length++) if (copied.exact.has(root.slice(0, length).join('/'))) return true;
  return false;
}

/** The values-level issues outside rendered Kubernetes fields, then the rendered objects' issues. */
export function kubernetesIssues(input: KubernetesInput): SchemaIssue[] {
  const validate: ObjectValidator = (kind, object) => input.validator.validateObject(kind, object);
  const release = checkRendered(releaseDocuments(input.chart, input.merged), validate);
  const groups = input.groups();
  const checks = [release, ...groups.map((view) => view.kubernetesCheck(validate))];
  const fields = input.validator.kubernetesFields(input.chart);
  // A values-level issue inside a Kubernetes-typed field gives way when that field, or a field
  // below it, was rendered: by the group it is in (its own objects), or by the rest of the release.
  const copied = new Map<string, Copied>();
  let byName: Map<string, GroupView> | undefined;
  const rendered = (root: readonly string[]) => {
    const group = input.chart === 'inference-stack' && root[0] === 'modelGroups' ? root[1] : undefined;
    const owner = group === undefined ? '' : `group:${group}`;
    let paths = copied.get(owner);
    if (!paths) {
      byName ??= new Map(groups.map((view) => [view.name, view]));
      const view = group === undefined ? undefined : byName.get(group);
      paths = group === undefined ? release.copied() : view ? view.kubernetesCheck(validate).copied() : { exact: new Set(), within: new Set() };
      copied.set(owner, paths);
    }
    return reached(paths, root);
  };
  const kept = input.valuesIssues.filter((issue) => {
    const field = fields.find((pattern) => matches(pattern, issue.path));
    return !field || !rendered(issue.path.slice(0, field.length));
  });
  const seen = new Set(kept.map(signature));
  const out = [...kept];
  for (const check of checks) {
    for (const issue of check.issues) {
      const key = signature(issue);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}
