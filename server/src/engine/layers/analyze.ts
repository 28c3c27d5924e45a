// The layered check: a values file merged over its base files (`helm install -f base -f file`)
// and the chart's defaults, with every finding on the node of whichever file writes it. The
// files' texts are laid end to end in one range of offsets (each base's nodes shifted after
// the file's own), so the checks, written for one text, run unchanged; findings are then
// split back by file. A single file never comes here: Engine.analyze is its path.
import { Document } from 'yaml';
import { ignoredDocument, modelineFindings, readDocument } from '../document-read';
import type { MergedView } from '../engine';
import type { Values } from '../merge';
import { issueToFinding } from '../schema/messages';
import type { SchemaIssue } from '../schema/validator';
import { tagSitesInDocument } from '../tag-sites';
import type { AnalysisInput, AnalysisResult, ChartId, EngineSettings, Finding, OffsetRange } from '../types';
import type { TagSummary } from '../workspace';
import { baseChart, firstDocument, mergedUserValues, mergedValues, readValuesFile } from '../values-file';
import type { PathSegment } from '../yaml-nodes';
import { layerDocument, locateInLayers, shiftDocument, type LayerDocument } from './provenance';

export interface LayerText {
  uri: string;
  path: string;
  text: string;
  /** The file's size when only its start was read (over the size limit), for the finding that says so. */
  bytesOnDisk?: number;
}

export interface LayeredInput extends AnalysisInput {
  /** The analysed file's uri: related locations in a base's findings point back at it. */
  uri: string;
  /** Base files in Helm's order: each merged over the ones before it, this file over all. */
  bases: LayerText[];
  /** Findings from reading the layers (layers/plan.ts), `uri` set when they are in a base. */
  problems?: Finding[];
}

/** What the engine lends the layered check (its validators, rules and controls). */
export interface LayerChecks {
  settings: EngineSettings;
  checkMerged(view: MergedView): { findings: Finding[]; tags: TagSummary | null };
  control(text: string, findings: Finding[], reportUnused: boolean): Finding[];
}

/** Where a file's text starts in the joined offsets. */
interface Placed {
  uri: string;
  text: string;
  start: number;
}

interface ReadBase {
  layer: LayerDocument;
  values: Values;
  explained: Set<string>;
}

export function analyzeLayered(input: LayeredInput, checks: LayerChecks): AnalysisResult {
  // Its own parse, not a document's: the bases' nodes are moved to the joined offsets below.
  const file = readValuesFile({ text: input.text, path: input.path, chart: input.chart }, checks.settings);
  let detectedBy: AnalysisResult['detectedBy'] = file.namedBy;

  const placed: Placed[] = [];
  let offset = 0;
  for (const file of [{ uri: input.uri, text: input.text }, ...[...input.bases].reverse()]) {
    placed.push({ uri: file.uri, text: file.text, start: offset });
    offset += file.text.length + 1;
  }
  const joined = placed.map((file) => file.text).join('\n');
  // Helm reads one YAML document per values file: a base's first.
  const baseDocs = placed.slice(1).map((base) => ({ file: base, doc: firstDocument(base.text) }));
  const chartOfBases = baseDocs.reduce<ChartId | null>((found, { file: base, doc }) => found ?? baseChart(base.text, doc), null);

  const findings: Finding[] = modelineFindings(file.modeline);
  // Helm reads a values file's first YAML document only; the others are one warning each (engine.ts).
  const [first, ...ignored] = file.docs;
  // A file of comments only (its modeline) still puts its bases to the check.
  const topDocs = [first ?? emptyDocument()];
  const layerChart = topDocs.reduce<ChartId | null>((found, doc) => found ?? file.chartOf(doc), null) ?? chartOfBases;
  let bases: ReadBase[] | null = null;
  const readBases = (chart: ChartId): ReadBase[] => {
    // Top first; each base's own findings once, moved to its place in the joined offsets.
    bases ??= baseDocs.flatMap(({ file, doc }) => {
      if (!doc) return [];
      const read = readDocument(doc, chart, file.text);
      findings.push(...read.findings.map((finding) => shiftFinding(finding, file.start)));
      shiftDocument(doc, file.start);
      return read.values ? [{ layer: layerDocument(doc), values: read.values, explained: read.explained }] : [];
    });
    return bases;
  };

  let firstChart: ChartId | null = null;
  let tags: TagSummary | null = null;
  for (const doc of topDocs) {
    const chart = file.chartOf(doc) ?? chartOfBases;
    if (!chart) continue;
    firstChart ??= chart;
    detectedBy ??= 'content';
    const read = readDocument(doc, chart, input.text);
    findings.push(...read.findings);
    if (read.values === null) continue;
    const below = chart === layerChart ? readBases(chart) : [];
    const checked = checks.checkMerged(layeredView(doc, chart, read, below, joined, checks.settings));
    findings.push(...checked.findings);
    tags ??= checked.tags && topOnly(checked.tags, input.text.length);
  }
  if (firstChart) findings.push(...ignored.map((doc) => ignoredDocument(doc, input.text)));

  const split = [...findings.map((finding) => toFile(finding, placed)), ...(input.problems ?? [])];
  const controlled = placed.flatMap((file, index) => {
    const uri = index === 0 ? undefined : file.uri;
    return checks.control(file.text, split.filter((finding) => finding.uri === uri), index === 0);
  });
  return { chart: firstChart, detectedBy: firstChart ? detectedBy : null, findings: sortUnique(controlled), tags };
}

function emptyDocument(): Document {
  const doc = new Document();
  doc.contents = null;
  return doc;
}

function layeredView(doc: Document, chart: ChartId, read: { values: Values | null; explained: Set<string> }, below: ReadBase[], joined: string, settings: EngineSettings): MergedView {
  const values = read.values ?? {};
  const layers = [layerDocument(doc), ...below.map((base) => base.layer)];
  const fileValues = mergedUserValues([...below.map((base) => base.values).reverse(), values]);
  const explained = new Set([read.explained, ...below.map((base) => base.explained)].flatMap((set) => [...set]));
  return {
    chart,
    doc,
    text: joined,
    fileValues,
    merged: mergedValues(chart, [fileValues]),
    explained,
    locate: (path) => locateInLayers(layers, path)?.location ?? null,
    issueToFinding: (issue) => {
      const hit = locateInLayers(layers, issuePath(issue)) ?? locateInLayers(layers, issue.path);
      return hit ? issueToFinding(issue, layers[hit.layer].doc) : null;
    },
    // A tag counts in the file whose value Helm uses, and only there.
    tagSites: () => layers.flatMap((layer, index) => tagSitesInDocument(layer.doc, joined, chart, settings.registries)
      .filter((site) => locateInLayers(layers, site.path)?.layer === index)),
  };
}

/** The path of the node an issue is about: an unknown key's own path, else the issue's. */
function issuePath(issue: SchemaIssue): PathSegment[] {
  if (issue.keyword === 'additionalProperties') return [...issue.path, String(issue.params.additionalProperty)];
  return issue.path;
}

function shiftRange(range: OffsetRange, by: number): OffsetRange {
  return { start: range.start + by, end: range.end + by };
}

function shiftFinding(finding: Finding, by: number): Finding {
  return { ...finding, range: shiftRange(finding.range, by), related: finding.related?.map((r) => ({ ...r, range: shiftRange(r.range, by) })) };
}

function placeOf(offset: number, placed: readonly Placed[]): Placed {
  let found = placed[0];
  for (const file of placed) if (file.start <= offset) found = file;
  return found;
}

/** A finding in joined offsets -> its file (`uri`, absent for the analysed one) and that file's offsets. */
function toFile(finding: Finding, placed: readonly Placed[]): Finding {
  const own = placeOf(finding.range.start, placed);
  const local = (range: OffsetRange, file: Placed) => ({ start: range.start - file.start, end: Math.min(range.end, file.start + file.text.length) - file.start });
  const related = finding.related?.map((location) => {
    if (location.uri !== undefined) return location;
    const file = placeOf(location.range.start, placed);
    return { ...location, range: local(location.range, file), ...(file === own ? {} : { uri: file.uri }) };
  });
  const moved: Finding = { ...finding, range: local(finding.range, own) };
  if (related) moved.related = related;
  if (own !== placed[0]) moved.uri = own.uri;
  return moved;
}

function topOnly(summary: TagSummary, length: number): TagSummary {
  const inTop = (range: OffsetRange) => range.start <= length;
  return { ...summary, used: summary.used.filter((use) => inTop(use.range)), prepulled: summary.prepulled.filter((use) => inTop(use.range)) };
}

function sortUnique(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings
    .filter((f) => {
      const key = `${f.uri ?? ''}|${f.code}|${f.range.start}|${f.range.end}|${f.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.uri ?? '').localeCompare(b.uri ?? '') || a.range.start - b.range.start || a.range.end - b.range.end);
}
