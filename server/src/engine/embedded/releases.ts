// The Helm releases a GitOps manifest declares, and the values written inline for each:
//  - Flux `HelmRelease`: `spec.values`; the chart in `spec.chart.spec.chart`, or the
//    `OCIRepository` that `spec.chartRef` names (in the same file);
//  - Argo CD `Application` (and an `ApplicationSet`'s `template`): per source, `helm.values`
//    (a string) or `helm.valuesObject`; the chart in `chart`, else the repository or path;
//  - helmfile: each of `releases` with its inline maps among `values`;
//  - Kustomize: each of `helmCharts` with `valuesInline`.
// A release of a chart we do not model is left alone. Pure: the manifest's parse in, facts out.
import * as nodePath from 'node:path';
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { MAX_LAYERS } from '../layers/plan';
import type { ChartId, OffsetRange } from '../types';
import { argoSetValue, helmfileEscape, type SetEntry } from './set-layer';
import { itemRegion, valuesRegion, type RegionRead } from './values-region';

export type GitOpsTool = 'flux' | 'argo-cd' | 'helmfile' | 'kustomize';

/** One inline values block of a release, in the order the tool merges them. */
export interface ValuesBlock {
  /** The key, as written (`values`, `valuesObject`, ...), and where it is. */
  key: string;
  keyRange: OffsetRange;
  read: RegionRead;
}

/** Where a release's values come from, in the order the tool merges them (later over earlier). */
export type ValuesSource =
  | { kind: 'inline'; block: ValuesBlock }
  /** A values file the manifest names, resolved against the manifest's folder. */
  | { kind: 'file'; written: string; path: string; range: OffsetRange }
  /**
   * A Flux `valuesFrom` ConfigMap that Kustomize generates beside the release
   * (`configMapGenerator` in the folder's kustomization), read once the door has read that file.
   */
  | { kind: 'generated'; name: string; key: string; what: string; range: OffsetRange; folder: string }
  /** `--set` entries (Argo CD parameters, helmfile set), applied after every values file. */
  | { kind: 'set'; entries: SetEntry[]; range: OffsetRange }
  /** Values the check cannot read (a ConfigMap elsewhere, a chart-relative file, a Secret). */
  | { kind: 'unread'; what: string; range: OffsetRange };

export interface PinnedVersion {
  text: string;
  range: OffsetRange;
}

/** Values written in the manifest that never reach Helm, and why. */
export interface IgnoredValues {
  range: OffsetRange;
  message: string;
}

export interface EmbeddedRelease {
  tool: GitOpsTool;
  chart: ChartId;
  /** The release name Helm gets; null when the tool generates one or it cannot be read. */
  releaseName: string | null;
  /** The namespace the tool installs the release in, when the manifest says. */
  namespace?: string;
  /** The chart version pinned, as written, and where; null when none is. */
  version: PinnedVersion | null;
  /** Where the chart is named: findings about the release as a whole go there. */
  chartRange: OffsetRange;
  sources: ValuesSource[];
  ignored: IgnoredValues[];
  /** Why the release's values are not checked at all (a merge the check does not model). */
  notChecked?: IgnoredValues;
}

/** How a chart reference names one of our charts: its last path segment, or a configured name. */
export function chartOfReference(reference: string, chartNames: Readonly<Record<string, ChartId>>): ChartId | null {
  const trimmed = reference.trim().replace(/\/+$/, '');
  if (Object.hasOwn(chartNames, trimmed)) return chartNames[trimmed];
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1).replace(/[:@].*$/, '');
  if (Object.hasOwn(chartNames, name)) return chartNames[name];
  return name === 'inference-stack' || name === 'pre-porter' ? name : null;
}

const LONE_CR: RegionRead = { problem: 'the file breaks lines with a lone CR, whose lines cannot be mapped' };

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

/** A scalar as a tool reads it into a string field: `true` is "true", null is "". */
function stringField(node: unknown): string {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? String(node.value) : '';
}

function versionOf(node: Node | null): PinnedVersion | null {
  const written = text(node);
  return written === null || !node?.range ? null : { text: written, range: { start: node.range[0], end: node.range[1] } };
}

function rangeOf(node: Node | null, fallback: OffsetRange): OffsetRange {
  return node?.range ? { start: node.range[0], end: node.range[1] } : fallback;
}

interface Reading {
  manifest: string;
  /** Lines broken by a lone CR: the line reading here splits on LF, so no values are read. */
  loneCR: boolean;
  /** The manifest's folder, which the files it names are relative to. */
  folder: string;
  docs: readonly Document[];
  chartNames: Readonly<Record<string, ChartId>>;
  clean: boolean;
}

function block(reading: Reading, map: unknown, key: string): ValuesBlock | null {
  if (!isMap(map)) return null;
  const pair = pairOf(map, key);
  const keyNode = pair?.key as Node | undefined;
  if (!pair || !keyNode?.range) return null;
  const read = reading.loneCR ? LONE_CR : valuesRegion(reading.manifest, keyNode.range[0], pair.value, reading.clean);
  return read === null ? null : { key, keyRange: { start: keyNode.range[0], end: keyNode.range[1] }, read };
}

/** Every release of our charts in the manifest's documents, in document order. */
export function findReleases(manifest: string, docs: readonly Document[], chartNames: Readonly<Record<string, ChartId>>, manifestPath: string): EmbeddedRelease[] {
  const reading: Reading = { manifest, loneCR: /\r(?!\n)/.test(manifest), folder: nodePath.dirname(manifestPath), docs, chartNames, clean: docs.every((doc) => doc.errors.length === 0) };
  return docs.flatMap((doc) => releasesOf(reading, doc.contents)).map(boundFiles);
}

/** More values files per release than anyone layers (as base files: MAX_LAYERS); the rest are named as unread, not read. */
function boundFiles(release: EmbeddedRelease): EmbeddedRelease {
  let files = 0;
  const sources = release.sources.map((source): ValuesSource =>
    source.kind === 'file' && ++files > MAX_LAYERS ? { kind: 'unread', what: `\`${source.written}\` (more than ${MAX_LAYERS} values files)`, range: source.range } : source);
  return files > MAX_LAYERS ? { ...release, sources } : release;
}

/** Whether a document names its kind (`kind:`), as Kubernetes objects do and helmfiles do not. */
export function declaresKind(doc: Document): boolean {
  return text(get(doc.contents, 'kind')) !== null;
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
  let version = versionOf(get(spec, 'chart', 'spec', 'version'));
  let reference = text(chartNode);
  const chartRef = get(spec, 'chartRef');
  if (reference === null && chartRef) {
    // The OCIRepository the release points at, when the same file defines it; else its name.
    const name = text(get(chartRef, 'name'));
    const source = documentNamed(reading, 'OCIRepository', name);
    chartNode = get(chartRef, 'name');
    reference = text(get(source, 'spec', 'url')) ?? name;
    version = versionOf(get(source, 'spec', 'ref', 'tag')) ?? versionOf(get(source, 'spec', 'ref', 'semver'));
  }
  const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
  if (!chart) return [];
  const name = text(get(root, 'metadata', 'name'));
  const targetNamespace = text(get(spec, 'targetNamespace'));
  // Flux names the release `[targetNamespace-]name` unless spec.releaseName says otherwise.
  const releaseName = text(get(spec, 'releaseName')) ?? (name === null ? null : targetNamespace ? `${targetNamespace}-${name}` : name);
  // valuesFrom in order, then spec.values over them (Flux's HelmRelease API).
  const from = get(spec, 'valuesFrom');
  const sources: ValuesSource[] = isSeq(from) ? from.items.map((reference) => fluxValuesFrom(reading, reference)) : [];
  const values = block(reading, spec, 'values');
  if (values) sources.push({ kind: 'inline', block: values });
  const namespace = targetNamespace ?? text(get(root, 'metadata', 'namespace')) ?? undefined;
  return [{ tool: 'flux', chart, releaseName, namespace, version, chartRange: rangeOf(chartNode, rangeOf(root, { start: 0, end: 0 })), sources, ignored: [] }];
}

/** One `valuesFrom` entry: a ConfigMap of the same file is read; anything else is named as unread. */
function fluxValuesFrom(reading: Reading, reference: unknown): ValuesSource {
  const kind = text(get(reference, 'kind')) ?? 'ConfigMap';
  const name = text(get(reference, 'name')) ?? '';
  const key = text(get(reference, 'valuesKey')) ?? 'values.yaml';
  const range = rangeOf(reference as Node, { start: 0, end: 0 });
  const what = `${kind} \`${name}\` (key \`${key}\`)`;
  if (get(reference, 'targetPath')) return { kind: 'unread', what, range };
  const source = kind === 'ConfigMap' ? documentNamed(reading, 'ConfigMap', name) : null;
  const values = source ? block(reading, get(source, 'data'), key) : null;
  if (values) return { kind: 'inline', block: values };
  // Not in this file: the Flux guide's shape generates it with Kustomize from a values file.
  return kind === 'ConfigMap' && !source ? { kind: 'generated', name, key, what, range, folder: reading.folder } : { kind: 'unread', what, range };
}

function documentNamed(reading: Reading, kind: string, name: string | null): Node | null {
  if (name === null) return null;
  const found = reading.docs.find((doc) => text(get(doc.contents, 'kind')) === kind && text(get(doc.contents, 'metadata', 'name')) === name);
  return (found?.contents as Node | undefined) ?? null;
}

function argo(reading: Reading, spec: Node | null, appName: string | null): EmbeddedRelease[] {
  const namespace = text(get(spec, 'destination', 'namespace')) ?? undefined;
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
    // Argo CD: valueFiles (from the chart's source), then valuesObject, or the values string
    // only when valuesObject is not set (ApplicationSourceHelm.ValuesYAML), then parameters.
    const ordered: ValuesSource[] = seqItems(get(helm, 'valueFiles')).map((file) => ({
      kind: 'unread', what: `\`${text(file) ?? ''}\` (Argo CD reads valueFiles from the chart's source)`, range: rangeOf(file, { start: 0, end: 0 }),
    }));
    const inline = object ?? values;
    if (inline) ordered.push({ kind: 'inline', block: inline });
    // Each parameter is `--set name=value` (`--set-string` with forceString), commas escaped.
    const parameters = seqItems(get(helm, 'parameters')).map((item): SetEntry => ({
      expression: `${text(get(item, 'name')) ?? ''}=${argoSetValue(stringField(get(item, 'value')))}`,
      asString: isScalar(get(item, 'forceString')) && (get(item, 'forceString') as { value: unknown }).value === true,
      nameRange: rangeOf(get(item, 'name'), rangeOf(item, { start: 0, end: 0 })),
      valueRange: rangeOf(get(item, 'value'), rangeOf(item, { start: 0, end: 0 })),
    }));
    if (parameters.length > 0) ordered.push({ kind: 'set', entries: parameters, range: keyRangeOf(helm, 'parameters') });
    if (seqItems(get(helm, 'fileParameters')).length > 0) ordered.push({ kind: 'unread', what: '`fileParameters` (Helm\'s --set-file)', range: keyRangeOf(helm, 'fileParameters') });
    return [{
      tool: 'argo-cd', chart, namespace,
      releaseName: text(get(helm, 'releaseName')) ?? appName,
      version: versionOf(get(source, 'targetRevision')),
      chartRange: rangeOf(chartNode, { start: 0, end: 0 }),
      sources: ordered,
      ignored: object && values ? [{ range: values.keyRange, message: 'Argo CD passes `valuesObject` to Helm and ignores this `values` string when both are set' }] : [],
    }];
  });
}

function seqItems(node: unknown): Node[] {
  return isSeq(node) ? (node.items as Node[]) : [];
}

function keyRangeOf(map: unknown, key: string): OffsetRange {
  const keyNode = isMap(map) ? (pairOf(map, key)?.key as Node | undefined) : undefined;
  return rangeOf(keyNode ?? null, { start: 0, end: 0 });
}

/** A file a manifest names, or why it cannot be read: a URL, or a template the tool renders first. */
function fileSource(reading: Reading, node: Node, what: string): ValuesSource {
  const written = text(node) ?? '';
  const range = rangeOf(node, { start: 0, end: 0 });
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(written) || written.startsWith('git::')) return { kind: 'unread', what: `\`${written}\` (${what} from the network)`, range };
  if (written.endsWith('.gotmpl') || written.includes('{{')) return { kind: 'unread', what: `\`${written}\` (a template ${what === 'helmfile' ? 'helmfile' : 'the tool'} renders first)`, range };
  return { kind: 'file', written, path: nodePath.resolve(reading.folder, written), range };
}

function helmfile(reading: Reading, entry: unknown): EmbeddedRelease[] {
  const chartNode = get(entry, 'chart');
  const reference = text(chartNode);
  const chart = reference === null ? null : chartOfReference(reference, reading.chartNames);
  if (!chart) return [];
  // values: files and inline maps in order, then secrets, then set (helmfile's order of -f and --set).
  const sources = seqItems(get(entry, 'values')).flatMap((item, index): ValuesSource[] => {
    if (isScalar(item)) return [fileSource(reading, item, 'helmfile')];
    if (!isMap(item) || !item.range) return [];
    // An inline map among the files: its lines are the item's, after its `- `.
    const lineStart = reading.manifest.lastIndexOf('\n', item.range[0] - 1) + 1;
    const dash = itemDash(reading.manifest, item.range[0]);
    const read = reading.loneCR ? LONE_CR : itemRegion(reading.manifest, item.range[0], dash - lineStart);
    return read ? [{ kind: 'inline', block: { key: `values[${index}]`, keyRange: { start: dash, end: dash + 1 }, read } }] : [];
  });
  for (const secret of seqItems(get(entry, 'secrets'))) sources.push({ kind: 'unread', what: `\`${text(secret) ?? ''}\` (secrets helmfile decrypts)`, range: rangeOf(secret, { start: 0, end: 0 }) });
  // set, then setString: each `--set name=value` with braces and commas escaped, `values` as a `{a,b}` list.
  const entries: SetEntry[] = [];
  for (const [key, asString] of [['set', false], ['setString', true]] as const) {
    for (const item of seqItems(get(entry, key))) {
      if (get(item, 'file')) {
        sources.push({ kind: 'unread', what: '`set` from a file (Helm\'s --set-file)', range: rangeOf(item, { start: 0, end: 0 }) });
        continue;
      }
      const list = get(item, 'values');
      const value = isSeq(list) ? `{${list.items.map((v) => helmfileEscape(stringField(v))).join(',')}}` : helmfileEscape(stringField(get(item, 'value')));
      entries.push({
        expression: `${helmfileEscape(text(get(item, 'name')) ?? '')}=${value}`,
        asString,
        nameRange: rangeOf(get(item, 'name'), rangeOf(item, { start: 0, end: 0 })),
        valueRange: rangeOf(list ?? get(item, 'value'), rangeOf(item, { start: 0, end: 0 })),
      });
    }
  }
  if (entries.length > 0) sources.push({ kind: 'set', entries, range: keyRangeOf(entry, 'set') });
  return [{ tool: 'helmfile', chart, releaseName: text(get(entry, 'name')), namespace: text(get(entry, 'namespace')) ?? undefined, version: versionOf(get(entry, 'version')), chartRange: rangeOf(chartNode, { start: 0, end: 0 }), sources, ignored: [] }];
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
  const inline = block(reading, entry, 'valuesInline');
  const fileNode = get(entry, 'valuesFile');
  const file = text(fileNode) ? fileSource(reading, fileNode!, 'Kustomize') : null;
  const merge = text(get(entry, 'valuesMerge')) ?? 'override';
  const release: EmbeddedRelease = {
    tool: 'kustomize', chart, releaseName: text(get(entry, 'releaseName')), namespace: text(get(entry, 'namespace')) ?? undefined, version: versionOf(get(entry, 'version')),
    chartRange: rangeOf(chartNode, { start: 0, end: 0 }), sources: [], ignored: [],
  };
  // Kustomize merges valuesInline with valuesFile itself (valuesMerge, default override: inline
  // over the file), passes the result as one -f, then each additionalValuesFiles as another.
  if (inline && merge === 'replace' && file) release.ignored.push({ range: keyRangeOf(entry, 'valuesFile'), message: 'With `valuesMerge: replace`, Kustomize passes `valuesInline` and ignores this `valuesFile`' });
  if (inline && merge === 'merge') {
    release.notChecked = { range: keyRangeOf(entry, 'valuesMerge'), message: 'These values are not checked: with `valuesMerge: merge` Kustomize keeps the values file\'s (or the chart\'s) values over `valuesInline`, a merge this check does not model' };
  }
  if (file && !(inline && merge === 'replace')) release.sources.push(file);
  if (inline) release.sources.push({ kind: 'inline', block: inline });
  for (const extra of seqItems(get(entry, 'additionalValuesFiles'))) release.sources.push(fileSource(reading, extra, 'Kustomize'));
  return [release];
}
