// A values file as the authoring features read it: its YAML documents, each with the chart it
// belongs to (decided as the engine decides it) and its values alone and over the chart's
// defaults. Documents of neither chart are left out, so unrelated YAML gets no answers.
import type { Document } from 'yaml';
import { parseYaml, toValues } from '../document';
import type { LayerText } from '../layers/analyze';
import { isPlainMap, mergeUserLayers, mergeValues, type Values } from '../merge';
import { chartOf } from '../tag-sites';
import type { ChartId, EngineSettings, OffsetRange } from '../types';
import { chartDefaults } from './schema-at-path';
import { YamlCache, type YamlSource } from '../yaml-source';

export interface ValuesDocument {
  doc: Document;
  chart: ChartId;
  /** Where the document sits in the text, `---` included. */
  range: OffsetRange;
  /** The values written in this document; empty when they cannot be converted (alias bombs). */
  fileValues: Values;
  /** The document's values over the chart's defaults, as Helm renders them. */
  merged: Values;
  /** The base files merged under the document (layered values files), topmost first. */
  bases?: BaseValues[];
}

/** A base file's values, for features that say where a value comes from. */
export interface BaseValues {
  uri: string;
  path: string;
  values: Values;
}

/** The values of base files (their first YAML document, as Helm reads one), in Helm's order. */
export function baseValues(bases: readonly LayerText[]): BaseValues[] {
  return bases.map((base) => {
    const doc = parseYaml(base.text)[0];
    const converted = doc ? toValues(doc) : null;
    const values = converted && converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
    return { uri: base.uri, path: base.path, values };
  });
}

/** Every document of a chart in `text`, in file order; over `bases` (Helm's order) when given. */
export function chartDocuments(
  text: string,
  settings: EngineSettings,
  path?: string,
  bases?: readonly LayerText[],
  yaml: YamlSource = new YamlCache(),
): ValuesDocument[] {
  const below = bases && bases.length > 0 ? baseValues(bases) : null;
  // Every document, for the editing features (a later one, which Helm ignores, is still YAML someone edits).
  return yaml.parse(text).flatMap((doc) => {
    const chart = chartOf(doc, text, settings.files, path);
    if (!chart) return [];
    const converted = yaml.values(doc);
    const fileValues = converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
    const user = below ? mergeUserLayers([...below.map((base) => base.values), fileValues]) : fileValues;
    // Every request on one version merges the same values: once is enough.
    const merged = below ? mergeValues(chartDefaults(chart), user) : yaml.memo(`merged:${chart}`, fileValues, () => mergeValues(chartDefaults(chart), user));
    const [start, , end] = doc.range ?? [0, 0, text.length];
    const layered = below ? { bases: [...below].reverse() } : {};
    // The parser may put the end of a document with an unclosed flow collection one past the text.
    return [{ doc, chart, range: { start, end: Math.min(end, text.length) }, fileValues, merged: isPlainMap(merged) ? merged : {}, ...layered }];
  });
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
export function documentTypedInto(documents: readonly ValuesDocument[], offset: number, yaml: YamlSource, text: string): ValuesDocument | null {
  const docs = yaml.parse(text);
  // Before the first document's content (blank lines, comments), the caret types into it.
  let start: number | null = docs.length > 0 ? (docs[0].range?.[0] ?? 0) : null;
  for (const doc of docs) if ((doc.range?.[0] ?? 0) <= offset) start = doc.range?.[0] ?? 0;
  return documents.find((document) => document.range.start === start) ?? null;
}
