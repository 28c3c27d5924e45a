// A values file, read once: the size and nesting guards, its YAML documents, the chart it belongs
// to, its base files, and its values merged over the chart's defaults as Helm renders them. Every
// door and feature takes a values file's parse, chart and merged values from here, so that the
// guards hold everywhere and every feature agrees with the check on what the file is: no other
// module parses a values file's text, decides its chart or merges values
// (test/unit/one-values-file.test.ts holds the code to that).
import type { Document } from 'yaml';
import { chartDefaults } from './authoring/schema-at-path';
import { chartFromContent, chartFromGlobs, findModeline, type Modeline } from './detect';
import { nestingFinding, nestingRefusal, parseYaml, sizeFinding, toValues } from './document';
import { declaresKind, isGitOpsManifest } from './embedded/releases';
import type { LayerText } from './layers/analyze';
import { isPlainMap, mergeUserLayers, mergeValues, type Values } from './merge';
import { modelGroups, type GroupView, type ViewReuse } from './model-groups';
import type { ChartId, EngineSettings, Finding, OffsetRange } from './types';
import { YamlCache, type YamlSource } from './yaml-source';

export interface ValuesFileInput {
  text: string;
  path?: string;
  /** A chart the caller decided (the CLI's `--chart`, a GitOps release's): no detection then. */
  chart?: ChartId;
  /** The file's size when only its start was read, for the finding that says it is too large. */
  bytesOnDisk?: number;
  /** Base files in Helm's order (`-f base -f file`): each merged over the ones before it. */
  bases?: readonly LayerText[];
}

/** How a file's chart was decided before its content is read. */
export type NamedBy = 'forced' | 'modeline' | 'glob';

export interface ValuesDocument {
  doc: Document;
  chart: ChartId;
  /** Where the document sits in the text, `---` included. */
  range: OffsetRange;
  /** The values written in this document; empty when they cannot be converted (alias bombs). */
  fileValues: Values;
  /** The document's values over its bases and the chart's defaults, as Helm renders them. */
  merged: Values;
  /** The base files merged under the document (layered values files), topmost first. */
  bases?: BaseValues[];
  /** Every model group's view (Inference Stack), read from its rendered pod; once per version. */
  groups(): GroupView[];
}

/** A base file's values, for features that say where a value comes from. */
export interface BaseValues {
  uri: string;
  path: string;
  values: Values;
}

export interface ValuesFile {
  readonly text: string;
  readonly path: string | undefined;
  /** Over the size limit or nested too deep: the one finding, and no documents are read. */
  readonly refusal: Finding | null;
  /** Absent when the caller forced the chart. */
  readonly modeline: Modeline | null;
  /** The chart the caller, a modeline or the glob settings name, before any content is read. */
  readonly namedChart: ChartId | null;
  readonly namedBy: NamedBy | null;
  /** Every YAML document of the text (Helm reads the first; the editing features read them all). */
  readonly docs: readonly Document[];
  /** A document's chart: the one the file names, else the one its content shows (detect.ts). */
  chartOf(doc: Document): ChartId | null;
  /** A document's values as written (toValues), converted once per version. */
  valuesOf(doc: Document): ReturnType<typeof toValues>;
  /**
   * A Flux, Argo CD, helmfile or Kustomize manifest: its values are those of the releases it
   * deploys (embedded/), not its own text. A Flux, Argo CD or Kustomize object says so by its
   * kind; a helmfile (or a kind-less kustomization) only by its keys, so a values file that a glob
   * names, or whose keys are ours, stays a values file even with a stray `releases:` in it.
   */
  readonly manifest: boolean;
  /** Every document of a chart, in file order, with its values alone and merged. */
  documents(): ValuesDocument[];
  /** `values` (a document's own) over the chart's defaults; once per version of the text. */
  mergedOf(chart: ChartId, values: Values): Values;
  /** Whether an edit left the values of `doc`'s entries but the edited one as they were (YamlSource.groupwise). */
  groupwise(doc: Document): boolean;
  /**
   * The model groups' views of merged values (each renders its pod), kept while the text and the
   * merged values stay: the check, the outline, inlay hints and hovers of a version share them.
   */
  groupsOf(merged: Values, reuse?: ViewReuse): GroupView[];
  /**
   * What a feature derives from this version of the text, once: a completion request's three
   * parts (tags, keys, snippets) ask for the same probe parse (authoring/probe.ts).
   */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * The values file of `input`. With the document's YamlSource, a version's parse, conversion and
 * merged values are shared by every request on it (the language server keeps one per document).
 */
export function readValuesFile(input: ValuesFileInput, settings: EngineSettings, yaml: YamlSource = new YamlCache()): ValuesFile {
  const tooLarge = sizeFinding(input.text, settings.maxFileSize, input.bytesOnDisk);
  if (tooLarge || input.bases?.length) return build(input, settings, yaml, tooLarge);
  // Once per version, path and chart: every request on a version reads the same file.
  yaml.parse(input.text);
  return yaml.memo(`values-file:${input.path ?? ''}:${input.chart ?? ''}`, settings, () => build(input, settings, yaml, null));
}

function build(input: ValuesFileInput, settings: EngineSettings, yaml: YamlSource, tooLarge: Finding | null): ValuesFile {
  const { text, path } = input;
  const refusal = tooLarge ?? (yaml.tooDeep(text) ? nestingRefusal(text) : null);
  const modeline = input.chart ? null : findModeline(text);
  const globChart = input.chart || modeline?.chart || path === undefined ? null : chartFromGlobs(path, settings.files);
  const namedChart = input.chart ?? modeline?.chart ?? globChart;
  const namedBy: NamedBy | null = input.chart ? 'forced' : modeline?.chart ? 'modeline' : globChart ? 'glob' : null;
  const docs = refusal ? [] : yaml.parse(text);
  const chartOf = (doc: Document) => namedChart ?? chartFromContent(doc);
  const manifest = namedBy !== 'forced' && namedBy !== 'modeline'
    && docs.some((doc) => isGitOpsManifest(doc) && (declaresKind(doc) || (globChart === null && chartFromContent(doc) === null)));
  // Every request on one version merges the same values: once is enough.
  const mergedOf = (chart: ChartId, values: Values) =>
    input.bases?.length ? mergedValues(chart, [...baseValues(input.bases).map((base) => base.values), values]) : yaml.memo(`merged:${chart}`, values, () => mergedValues(chart, [values]));
  const groupsOf = (merged: Values, reuse?: ViewReuse) => yaml.memo('groups', merged, () => modelGroups(merged, undefined, reuse));
  let documents: ValuesDocument[] | null = null;
  // This version's own: readValuesFile builds a file once per version of the text.
  const version = {};
  return {
    text,
    path,
    refusal,
    modeline,
    namedChart,
    namedBy,
    docs,
    chartOf,
    manifest,
    valuesOf: (doc) => yaml.values(doc),
    documents: () => (documents ??= chartDocuments(text, docs, chartOf, input.bases ?? [], yaml, groupsOf)),
    mergedOf,
    groupwise: (doc) => yaml.groupwise(doc),
    groupsOf,
    memo: (key, compute) => yaml.memo(`file:${key}`, version, compute),
  };
}

function chartDocuments(
  text: string,
  docs: readonly Document[],
  chartOf: (doc: Document) => ChartId | null,
  bases: readonly LayerText[],
  yaml: YamlSource,
  groupsOf: (merged: Values) => GroupView[],
): ValuesDocument[] {
  const below = bases.length > 0 ? baseValues(bases) : null;
  return docs.flatMap((doc) => {
    const chart = chartOf(doc);
    if (!chart) return [];
    const converted = yaml.values(doc);
    const fileValues = converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
    // Every request on one version merges the same values: once is enough.
    const merged = below
      ? mergedValues(chart, [...below.map((base) => base.values), fileValues])
      : yaml.memo(`merged:${chart}`, fileValues, () => mergedValues(chart, [fileValues]));
    const [start, , end] = doc.range ?? [0, 0, text.length];
    const layered = below ? { bases: [...below].reverse() } : {};
    // The parser may put the end of a document with an unclosed flow collection one past the text.
    const groups = () => groupsOf(merged);
    return [{ doc, chart, range: { start, end: Math.min(end, text.length) }, fileValues, merged, ...layered, groups }];
  });
}

/**
 * The one finding of a text the limits refuse (over `bitHarbor.maxFileSize`, or nested too deep),
 * which is then not read; null for one that is read. For a layer, which has no document of its own.
 */
export function refusalOf(text: string, settings: EngineSettings, bytesOnDisk?: number): Finding | null {
  return sizeFinding(text, settings.maxFileSize, bytesOnDisk) ?? nestingFinding(text);
}

/** User layers (Helm's order, each over the ones before) merged over the chart's defaults, as Helm renders them. */
export function mergedValues(chart: ChartId, layers: readonly Values[]): Values {
  const merged = mergeValues(chartDefaults(chart), layers.length === 1 ? layers[0] : mergeUserLayers(layers));
  return isPlainMap(merged) ? merged : {};
}

/** The user layers merged as `-f a -f b` merges them, before the chart's defaults. */
export function mergedUserValues(layers: readonly Values[]): Values {
  return mergeUserLayers(layers);
}

/**
 * The document Helm reads of a values text (its first), freshly parsed: a layered check moves a
 * base's nodes to the joined offsets, so it must not be a document another request reads.
 * Undefined for a text of comments only, or one nested too deep.
 */
export function firstDocument(text: string): Document | undefined {
  return nestingFinding(text) ? undefined : parseYaml(text, true)[0];
}

/** The chart a base names (modeline) or shows (content), for a file that names none itself. */
export function baseChart(text: string, doc: Document | undefined): ChartId | null {
  return findModeline(text)?.chart ?? (doc ? chartFromContent(doc) : null);
}

/** The values of base files (their first YAML document, as Helm reads one), in Helm's order. */
export function baseValues(bases: readonly LayerText[]): BaseValues[] {
  return bases.map((base) => {
    const doc = firstDocument(base.text);
    const converted = doc ? toValues(doc) : null;
    const values = converted && converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
    return { uri: base.uri, path: base.path, values };
  });
}

/**
 * The documents of a values text that is no open document's version (a completion probe: the
 * text with a marker at the caret; a text after fixes; values a manifest holds, read before they
 * are checked), guarded as every parse is and never cached.
 */
export function parseValuesText(text: string): Document[] {
  return parseYaml(text);
}

/** The document holding `offset`; at a boundary the later document wins (`---` starts it). */
export function documentAt(documents: readonly ValuesDocument[], offset: number): ValuesDocument | null {
  let found: ValuesDocument | null = null;
  for (const document of documents) {
    if (document.range.start <= offset && offset <= document.range.end) found = document;
  }
  return found;
}

/**
 * The chart document a caret at `offset` types into: of the text's YAML documents, the last one
 * starting at or before it (also on the blank lines after its content, which a probe with the
 * caret parses as part of it), when that one is of a chart.
 */
export function documentTypedInto(file: ValuesFile, offset: number): ValuesDocument | null {
  const { docs } = file;
  // Before the first document's content (blank lines, comments), the caret types into it.
  let start: number | null = docs.length > 0 ? (docs[0].range?.[0] ?? 0) : null;
  for (const doc of docs) if ((doc.range?.[0] ?? 0) <= offset) start = doc.range?.[0] ?? 0;
  return file.documents().find((document) => document.range.start === start) ?? null;
}
