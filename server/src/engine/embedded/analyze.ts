// A GitOps manifest's findings: each release of our charts checked as Helm receives its values,
// its sources merged in the tool's order, with every finding moved from the values' own text to
// the manifest's lines and columns. The values are checked by the same engine as a values file
// (the chart forced, the release's name given), so nothing here knows about a check.
import type { LayeredInput, LayerText } from '../layers/analyze';
import { publishOnFile } from '../layers/publish';
import type { AnalysisResult, ChartId, Finding, OffsetRange, RelatedLocation } from '../types';
import type { Projection } from './projection';
import { visit } from 'yaml';
import { firstDocument, parseValuesText } from '../values-file';
import { versionFindings } from './chart-version';
import { generatedValuesFile, kustomizationPaths } from './generated-config-map';
import { setLayer } from './set-layer';
import type { EmbeddedRelease, ValuesBlock, ValuesSource } from './releases';

/** A values file a manifest names, as the door read it: its uri for related locations and its text, or why not. */
export type ManifestFile = { uri: string; text: string } | { problem: string };

/** What the manifest check needs of the engine: a values file's check, under a release's name. */
export interface ValuesChecker {
  /** `key`: which release's values these are, so their parse and history can follow edits. */
  analyze(input: { path: string; text: string; chart: ChartId }, releaseName: string | null, key?: string): AnalysisResult;
  analyzeLayers(input: LayeredInput, releaseName: string | null): AnalysisResult;
}

/**
 * Findings that are true of what is written, whatever a source the check could not read adds:
 * syntax, keys and the values themselves. With an unread source only these are reported, since
 * a finding about what is missing or how values combine could be wrong.
 */
const WRITTEN_HERE = new Set(['yaml-syntax', 'unknown-key', 'wrong-type', 'bad-value', 'legacy-key', 'invalid-tag', 'unknown-model', 'bad-schedule', 'bad-timezone', 'quantity-too-long']);

const EMBEDDED = 'embedded:';

/** The projected inline blocks of a release, in merge order (blocks that could not be read dropped). */
export function projectedBlocks(release: EmbeddedRelease): { block: ValuesBlock; projection: Projection }[] {
  return release.sources.flatMap((source) =>
    source.kind === 'inline' && source.block.read && 'projection' in source.block.read ? [{ block: source.block, projection: source.block.read.projection }] : []);
}

/**
 * The files the releases need, by absolute path, for the door to read: their values files, and
 * for a generated ConfigMap the folder's kustomization, then (once that is read) the file it names.
 */
export function namedFiles(releases: readonly EmbeddedRelease[], files: ReadonlyMap<string, ManifestFile>): string[] {
  return [...new Set(releases.flatMap((release) => release.sources.flatMap((source): string[] => {
    if (source.kind === 'file') return [source.path];
    if (source.kind !== 'generated') return [];
    const behind = generatedValuesFile(source.folder, source.name, source.key, files);
    return [...kustomizationPaths(source.folder), ...(behind ? [behind] : [])];
  })))];
}

export function analyzeReleases(path: string, releases: readonly EmbeddedRelease[], files: ReadonlyMap<string, ManifestFile>, checker: ValuesChecker): Finding[] {
  return releases.flatMap((release, index) => releaseFindings(path, release, files, checker, String(index)));
}

/** One layer of the merge: its text, and how its findings reach the manifest. */
export interface Layer {
  uri: string;
  text: string;
  /** For values written in the manifest: where a range of `text` is in the manifest. */
  toManifest: ((range: OffsetRange) => OffsetRange) | null;
  /** For a file: where the manifest names it. */
  named: OffsetRange | null;
}

function releaseFindings(path: string, release: EmbeddedRelease, files: ReadonlyMap<string, ManifestFile>, checker: ValuesChecker, key: string): Finding[] {
  if (release.notChecked) return [{ code: 'values-not-checked', severity: 'info', message: release.notChecked.message, range: release.notChecked.range }];
  const findings: Finding[] = release.ignored.map((ignored) => ({ code: 'values-ignored', severity: 'warning', range: ignored.range, message: ignored.message }));
  const { layers, unread, findings: reading } = releaseLayers(release, files);
  findings.push(...reading);
  const written = layers.flatMap((layer) => {
    const doc = layer.toManifest ? firstDocument(layer.text) : undefined;
    return doc && layer.toManifest ? [{ doc, toManifest: layer.toManifest }] : [];
  });
  findings.push(...versionFindings(release, written));
  // Without values written here there is nothing of this manifest's to check (files are checked on their own).
  if (!layers.some((layer) => layer.toManifest)) return findings;
  const top = layers[layers.length - 1];
  const result = layers.length === 1
    ? checker.analyze({ path, text: top.text, chart: release.chart }, release.releaseName, key)
    : checker.analyzeLayers({ path, uri: top.uri, text: top.text, chart: release.chart, bases: layers.slice(0, -1).map((layer): LayerText => ({ uri: layer.uri, path, text: layer.text })) }, release.releaseName);
  const byUri = new Map(layers.map((layer) => [layer.uri, layer]));
  const layerOfUri = (uri: string | undefined) => (uri === undefined ? top : byUri.get(uri));
  // A file's findings that the file has alone are its own business (it is checked on its own).
  const ownOf = new Map<string, Set<string>>();
  const fileOwn = (layer: Layer) => {
    let own = ownOf.get(layer.uri);
    if (!own) ownOf.set(layer.uri, (own = new Set(checker.analyze({ path, text: layer.text, chart: release.chart }, release.releaseName).findings.map(identity))));
    return own;
  };
  for (const finding of result.findings) {
    if (unread && !WRITTEN_HERE.has(finding.code)) continue;
    const layer = layerOfUri(finding.uri);
    if (!layer) continue;
    if (layer.toManifest) {
      findings.push(moved(finding, layer.toManifest, (uri) => layerOfUri(uri ?? finding.uri)));
    } else if (layer.named && !fileOwn(layer).has(identity(finding))) {
      const inFile = { ...finding, uri: layer.uri, related: finding.related?.map((location) => movedRelated(location, finding.uri, layerOfUri)) };
      findings.push(...publishOnFile([inFile], '', layer.named));
    }
  }
  return findings;
}

/** The layers of a release's merge, in order, the findings of reading them, and whether a source had to be left out. */
export function releaseLayers(release: EmbeddedRelease, files: ReadonlyMap<string, ManifestFile>): { layers: Layer[]; unread: boolean; findings: Finding[] } {
  const layers: Layer[] = [];
  const findings: Finding[] = [];
  let unread = false;
  for (const source of release.sources) {
    const layer = layerOf(source, files, layers.length);
    findings.push(...layer.findings);
    unread ||= layer.unread;
    if (layer.layer) layers.push(layer.layer);
  }
  return { layers, unread, findings };
}

/** A source as a layer of the merge, and the findings of reading it; `unread` when the check must do without it. */
function layerOf(source: ValuesSource, files: ReadonlyMap<string, ManifestFile>, index: number): { layer: Layer | null; findings: Finding[]; unread: boolean } {
  const uri = `${EMBEDDED}${index}`;
  if (source.kind === 'inline') {
    const read = source.block.read;
    if (read && 'projection' in read) {
      // A template expression the tool renders first (an ApplicationSet's `{{cluster}}`) is not yet the values Helm gets.
      if (read.projection.text.includes('{{')) return notChecked(source.block.keyRange, 'they hold a template expression (`{{ }}`) the tool renders first');
      const outside = aliasFromOutside(read.projection.text);
      if (outside) return notChecked(source.block.keyRange, `they use \`*${outside}\`, an anchor set elsewhere in the manifest`);
      return { layer: { uri, text: read.projection.text, toManifest: (range) => read.projection.toOuterRange(range), named: null }, findings: [], unread: false };
    }
    return notChecked(source.block.keyRange, read && 'problem' in read ? read.problem : 'they could not be read');
  }
  if (source.kind === 'unread') return { layer: null, findings: [unreadFinding(source.what, source.range)], unread: true };
  if (source.kind === 'generated') {
    const path = generatedValuesFile(source.folder, source.name, source.key, files);
    const file = path ? files.get(path) : undefined;
    if (!file || 'problem' in file) {
      const why = path ? `its file ${file && 'problem' in file ? `cannot be read: ${file.problem}` : 'is not read'}` : 'not in this file, nor generated by a kustomization beside it';
      return { layer: null, findings: [unreadFinding(`${source.what} (${why})`, source.range)], unread: true };
    }
    return { layer: { uri: file.uri, text: file.text, toManifest: null, named: source.range }, findings: [], unread: false };
  }
  if (source.kind === 'set') {
    const set = setLayer(source.entries);
    if (set.indexed) return { layer: null, findings: [unreadFinding('`--set` entries that index a list (`name[0]`), which change the lists below them in place', source.range)], unread: true };
    return { layer: set.text === '' ? null : { uri, text: set.text, toManifest: set.toManifest, named: null }, findings: set.problems, unread: false };
  }
  const file = files.get(source.path);
  if (!file || 'problem' in file) return { layer: null, findings: [unreadFinding(`\`${source.written}\` (${file && 'problem' in file ? file.problem : 'not read'})`, source.range)], unread: true };
  return { layer: { uri: file.uri, text: file.text, toManifest: null, named: source.range }, findings: [], unread: false };
}

/** The name of an alias whose anchor is not in `text` (it is in the manifest around it), else null. */
function aliasFromOutside(text: string): string | null {
  if (!text.includes('*')) return null;
  const anchors = new Set<string>();
  let outside: string | null = null;
  for (const doc of parseValuesText(text)) {
    visit(doc, {
      Node(_key, node) {
        if (node.anchor) anchors.add(node.anchor);
      },
      Alias(_key, node) {
        if (!anchors.has(node.source)) outside ??= node.source;
      },
    });
  }
  return outside;
}

function notChecked(range: OffsetRange, problem: string): { layer: null; findings: Finding[]; unread: true } {
  return { layer: null, findings: [{ code: 'values-not-checked', severity: 'info', message: `These values are not checked: ${problem}`, range }], unread: true };
}

function unreadFinding(what: string, range: OffsetRange): Finding {
  return { code: 'values-source-unread', severity: 'info', message: `Checked without ${what}: only what is written here is checked`, range };
}

function identity(finding: Finding): string {
  return `${finding.code}|${finding.range.start}|${finding.range.end}|${finding.message}`;
}

/** A related location of a finding in a file layer: into values written here it is moved to the manifest (no uri). */
function movedRelated(location: RelatedLocation, findingUri: string | undefined, layerOfUri: (uri: string | undefined) => Layer | undefined): RelatedLocation {
  const layer = layerOfUri(location.uri ?? findingUri);
  if (layer?.toManifest) return { message: location.message, range: layer.toManifest(location.range) };
  return layer ? { ...location, uri: layer.uri } : location;
}

/** A finding of values written here, at the same characters of the manifest. */
function moved(finding: Finding, toManifest: (range: OffsetRange) => OffsetRange, layerOfUri: (uri: string | undefined) => Layer | undefined): Finding {
  const { uri: _uri, ...rest } = finding;
  const related = finding.related?.map((location) => movedRelated(location, finding.uri, layerOfUri));
  return { ...rest, range: toManifest(finding.range), ...(related ? { related } : {}) };
}
