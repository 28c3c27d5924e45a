// Types judged on what Kubernetes receives. A field the chart prints inline (`{{ .x }}`) is
// read back as YAML, so a quoted "8000" in the values reaches Kubernetes as the integer 8000:
// the values schema's `type` issue about it is replaced by what the schema says of the
// integer the manifest carries (its range still applies). A field copied with `toYaml` keeps
// its type and its issue (a string containerPort inside an initContainers entry stays wrong).
import type { SchemaIssue } from '../schema/validator';
import type { ChartId } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { field, isMap } from './helm';
import { releaseContext, renderModelGroup, renderRelease } from './index';
import type { RenderedDocument } from './provenance';

function keyOf(path: readonly PathSegment[]): string {
  return path.map(String).join('\u0000');
}

function at(object: unknown, path: readonly PathSegment[]): unknown {
  let node = object;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isMap(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

/** The documents that can hold the fields at `paths`: only those groups' when all are in model groups. */
function documentsFor(chart: ChartId, merged: unknown, paths: readonly (readonly string[])[]): RenderedDocument[] {
  const groups = new Set(paths.map((path) => (chart === 'inference-stack' && path[0] === 'modelGroups' && path.length > 2 ? path[1] : null)));
  if (groups.has(null)) return renderRelease(chart, merged).documents;
  const context = releaseContext(chart, merged);
  const all = field(merged, 'modelGroups');
  return [...groups].flatMap((name) => {
    const group = renderModelGroup(name!, field(all, name!), context);
    return [group.deployment, group.service, ...group.persistentVolumeClaims, group.serviceAccount, group.networkPolicy, group.serviceMonitor]
      .filter((document): document is RenderedDocument => document !== null);
  });
}

/** Values paths printed inline whose rendered value is an integer, with that integer. */
export function renderedIntegers(documents: readonly RenderedDocument[]): Map<string, number> {
  const integers = new Map<string, number>();
  for (const document of documents) {
    for (const field of document.origins.inlineFields()) {
      const value = at(document.object, field.rendered);
      if (typeof value === 'number' && Number.isInteger(value)) integers.set(keyOf(field.values), value);
    }
  }
  return integers;
}

function withValue(root: unknown, path: readonly string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, index) => (String(index) === head ? withValue(item, rest, value) : item));
  if (isMap(root)) return { ...root, [head]: withValue(root[head], rest, value) };
  return root;
}

/**
 * The schema issues of `merged`, with string values the chart prints inline as integers judged
 * as those integers. `validate` runs a second time only when such a value is found.
 */
export function issuesOnRenderedTypes(
  chart: ChartId,
  merged: unknown,
  issues: SchemaIssue[],
  validate: (values: unknown) => SchemaIssue[],
): SchemaIssue[] {
  const candidates = issues.filter((issue) => issue.keyword === 'type' && typeof issue.data === 'string');
  if (candidates.length === 0) return issues;
  const integers = renderedIntegers(documentsFor(chart, merged, candidates.map((issue) => issue.path)));
  const printed = candidates.filter((issue) => integers.has(keyOf(issue.path)));
  if (printed.length === 0) return issues;
  let rendered = merged;
  for (const issue of printed) rendered = withValue(rendered, issue.path, integers.get(keyOf(issue.path)));
  return validate(rendered);
}
