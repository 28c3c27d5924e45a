// The Helm releases a GitOps manifest declares, and the values written inline for each:
//  - Flux `HelmRelease`: `spec.values`; the chart in `spec.chart.spec.chart`, or the
//    `OCIRepository` that `spec.chartRef` names (in the same file);
//  - Argo CD `Application` (and an `ApplicationSet`'s `template`): per source, `helm.values`
//    (a string) or `helm.valuesObject`; the chart in `chart`, else the repository or path;
//  - helmfile: each of `releases` with its inline maps among `values`;
//  - Kustomize: each of `helmCharts` with `valuesInline`.
// A release of a chart we do not model is left alone. Pure: the manifest's parse in, facts out.
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { ChartId, OffsetRange } from '../types';
import { itemRegion, valuesRegion, type RegionRead } from './values-region';

export type GitOpsTool = 'flux' | 'argo-cd' | 'helmfile' | 'kustomize';

/** One inline values block of a release, in the order the tool merges them. */
export interface ValuesBlock {
  /** The key, as written (`values`, `valuesObject`, ...), and where it is. */
  key: string;
  keyRange: OffsetRange;
  read: RegionRead;
}

export interface EmbeddedRelease {
  tool: GitOpsTool;
  chart: ChartId;
  /** The release name Helm gets; null when the tool generates one or it cannot be read. */
  releaseName: string | null;
  /** The chart version pinned, as written; null when none is. */
  version: string | null;
  /** Where the chart is named: findings about the release as a whole go there. */
  chartRange: OffsetRange;
  /** The inline values Helm receives (later over earlier). */
  blocks: ValuesBlock[];
  /** Inline values the tool does not pass to Helm (Argo CD's `values` beside `valuesObject`). */
  ignored: ValuesBlock[];
}

/** How a chart reference names one of our charts: its last path segment, or a configured name. */
export function chartOfReference(reference: string, chartNames: Readonly<Record<string, ChartId>>): ChartId | null {
  const trimmed = reference.trim().replace(/\/+$/, '');
  if (Object.hasOwn(chartNames, trimmed)) return chartNames[trimmed];
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1).replace(/[:@].*$/, '');
  if (Object.hasOwn(chartNames, name)) return chartNames[name];
  return name === 'inference-stack' || name === 'pre-porter' ? name : null;
}

function get(node: unknown, ...keys: string[]): Node | null {
  let at: unknown = node;
  for (const key of keys) {
    if (!isMap(at)) return null;
    at = pairOf(at, key)?.value ?? null;
  }
  return (at as Node | null) ?? null;
}

function pairOf(map: YAMLMap, key: string): Pair<Node, Node> | null {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === key) return item as Pair<Node, Node>;
  }
  return null;
}

function text(node: unknown): string | null {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null;
}

function rangeOf(node: Node | null, fallback: OffsetRange): OffsetRange {
  return node?.range ? { start: node.range[0], end: node.range[1] } : fallback;
}

interface Reading {
  manifest: string;
  docs: readonly Document[];
  chartNames: Readonly<Record<string, ChartId>>;
  clean: boolean;
}

function block(reading: Reading, map: unknown, key: string): ValuesBlock | null {
  if (!isMap(map)) return null;
  const pair = pairOf(map, key);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range) return null;
  const read = valuesRegion(reading.manifest, keyNode.range[0], pair.value, reading.clean);
  return read === null ? null : { key, keyRange: { start: keyNode.range[0], end: keyNode.range[1] }, read };
}

/** Every release of our charts in the manifest's documents, in document order. */
export function findReleases(manifest: string, docs: readonly Document[], chartNames: Readonly<Record<string, ChartId>>): EmbeddedRelease[] {
  const reading: Reading = { manifest, docs, chartNames, clean: docs.every((doc) => doc.errors.length === 0) };
  return docs.flatMap((doc) => releasesOf(reading, doc.contents));
}

/** Whether a document is one of the manifests read here (whatever chart it deploys). */
export function isGitOpsManifest(doc: Document): boolean {
  const root = doc.contents;
  if (!isMap(root)) return false;
  const kind = text(get(root, 'kind'));
  const api = text(get(root, 'apiVersion')) ?? '';
  if (kind === 'HelmRelease' && api.startsWith('helm.toolkit.fluxcd.io/')) return true;
  if ((kind === 'Application' || kind === 'ApplicationSet') && api.startsWith('argoproj.io/')) return true;
  if (isSeq(get(root, 'helmCharts')) && (kind === null || kind === 'Kustomization')) return true;
  return kind === null && isSeq(get(root, 'releases')) && get(root, 'releases') !== null;
}

function releasesOf(reading: Reading, root: unknown): EmbeddedRelease[] {
  if (!isMap(root)) return [];
  const kind = text(get(root, 'kind'));
  const api = text(get(root, 'apiVersion')) ?? '';
  if (kind === 'HelmRelease' && api.startsWith('helm.toolkit.fluxcd.io/')) return flux(reading, root);
  if (kind === 'Application' && api.startsWith('argoproj.io/')) return argo(reading, get(root, 'spec'), text(get(root, 'metadata', 'name')));
  if (kind === 'ApplicationSet' && api.startsWith('argoproj.io/')) {
    // The template's name is usually a generator's placeholder: not a release name to check.
    const name = text(get(root, 'spec', 'template', 'metadata', 'name'));
    return argo(reading, get(root, 'spec', 'template', 'spec'), name && !name.includes('{{') ? name : null);
  }
  if (kind === null || kind === 'Kustomization') {
    const charts = get(root, 'helmCharts');
    if (isSeq(charts)) return charts.items.flatMap((entry) => kustomize(reading, entry));
  }
  const releases = get(root, 'releases');
  if (kind === null && isSeq(releases)) return releases.items.flatMap((entry) => helmfile(reading, entry));
  return [];
}

function flux(reading: Reading, root: YAMLMap): EmbeddedRelease[] {
  const spec = get(root, 'spec');
  let chartNode = get(spec, 'chart', 'spec', 'chart');
  let version = text(get(spec, 'chart', 'spec', 'version'));
  let reference = text(chartNode);
  const chartRef = get(spec, 'chartRef');
  if (reference === null && chartRef) {
    // The OCIRepository the release points at, when the same file defines it; else its name.
    const name = text(get(chartRef, 'name'));
    const source = reading.docs.find((doc) => text(get(doc.contents, 'kind')) === 'OCIRepository' && text(get(doc.contents, 'metadata', 'name')) === name);
    chartNode = get(chartRef, 'name');
    reference = text(get(source?.contents, 'spec', 'url')) ?? name;
    version = text(get(source?.contents, 'spec', 'ref', 'tag')) ?? text(get(source?.contents, 'spec', 'ref', 'semver'));
  }
  const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
  if (!chart) return [];
  const name = text(get(root, 'metadata', 'name'));
  const targetNamespace = text(get(spec, 'targetNamespace'));
  // Flux names the release `[targetNamespace-]name` unless spec.releaseName says otherwise.
  const releaseName = text(get(spec, 'releaseName')) ?? (name === null ? null : targetNamespace ? `${targetNamespace}-${name}` : name);
  const values = block(reading, spec, 'values');
  return [{ tool: 'flux', chart, releaseName, version, chartRange: rangeOf(chartNode, rangeOf(root, { start: 0, end: 0 })), blocks: values ? [values] : [], ignored: [] }];
}

function argo(reading: Reading, spec: Node | null, appName: string | null): EmbeddedRelease[] {
  const single = get(spec, 'source');
  const many = get(spec, 'sources');
  const sources = single ? [single] : isSeq(many) ? many.items : [];
  return sources.flatMap((source): EmbeddedRelease[] => {
    const chartNode = get(source, 'chart') ?? get(source, 'path') ?? get(source, 'repoURL');
    const reference = text(get(source, 'chart')) ?? text(get(source, 'path')) ?? text(get(source, 'repoURL'));
    const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
    if (!chart) return [];
    const helm = get(source, 'helm');
    const values = block(reading, helm, 'values');
    const object = block(reading, helm, 'valuesObject');
    // Argo CD passes valuesObject when it is set, and the values string only when it is not.
    return [{
      tool: 'argo-cd', chart,
      releaseName: text(get(helm, 'releaseName')) ?? appName,
      version: text(get(source, 'targetRevision')),
      chartRange: rangeOf(chartNode, { start: 0, end: 0 }),
      blocks: object ? [object] : values ? [values] : [],
      ignored: object && values ? [values] : [],
    }];
  });
}

function helmfile(reading: Reading, entry: unknown): EmbeddedRelease[] {
  const chartNode = get(entry, 'chart');
  const reference = text(chartNode);
  const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
  if (!chart) return [];
  const values = get(entry, 'values');
  const blocks = isSeq(values)
    ? values.items.flatMap((item, index): ValuesBlock[] => {
      if (!isMap(item) || !item.range) return [];
      // An inline map among the files: its lines are the item's, after its `- `.
      const lineStart = reading.manifest.lastIndexOf('\n', item.range[0] - 1) + 1;
      const dash = itemDash(reading.manifest, item.range[0]);
      const read = itemRegion(reading.manifest, item.range[0], dash - lineStart);
      return read ? [{ key: `values[${index}]`, keyRange: { start: item.range[0], end: item.range[0] }, read }] : [];
    })
    : [];
  return [{ tool: 'helmfile', chart, releaseName: text(get(entry, 'name')), version: text(get(entry, 'version')), chartRange: rangeOf(chartNode, { start: 0, end: 0 }), blocks, ignored: [] }];
}

/** The offset of the `-` before a sequence item's content, read as the item's "key". */
function itemDash(manifest: string, contentStart: number): number {
  let at = contentStart - 1;
  while (at > 0 && manifest[at] === ' ') at--;
  return manifest[at] === '-' ? at : contentStart;
}

function kustomize(reading: Reading, entry: unknown): EmbeddedRelease[] {
  const chartNode = get(entry, 'name');
  const reference = text(chartNode);
  const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
  if (!chart) return [];
  const values = block(reading, entry, 'valuesInline');
  // Without releaseName Kustomize passes --generate-name: the name is not known here.
  return [{ tool: 'kustomize', chart, releaseName: text(get(entry, 'releaseName')), version: text(get(entry, 'version')), chartRange: rangeOf(chartNode, { start: 0, end: 0 }), blocks: values ? [values] : [], ignored: [] }];
}
