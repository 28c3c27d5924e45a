// A values file as the authoring features read it: its YAML documents, each with the chart it
// belongs to (decided as the engine decides it) and its values alone and over the chart's
// defaults. Documents of neither chart are left out, so unrelated YAML gets no answers.
import type { Document } from 'yaml';
import { parseYaml, toValues } from '../document';
import { isPlainMap, mergeValues, type Values } from '../merge';
import { chartOf } from '../tag-sites';
import type { ChartId, EngineSettings, OffsetRange } from '../types';
import { chartDefaults } from './schema-at-path';

export interface ValuesDocument {
  doc: Document;
  chart: ChartId;
  /** Where the document sits in the text, `---` included. */
  range: OffsetRange;
  /** The values written in this document; empty when they cannot be converted (alias bombs). */
  fileValues: Values;
  /** The document's values over the chart's defaults, as Helm renders them. */
  merged: Values;
}

/** Every document of a chart in `text`, in file order. */
export function chartDocuments(text: string, settings: EngineSettings, path?: string): ValuesDocument[] {
  return parseYaml(text).flatMap((doc) => {
    const chart = chartOf(doc, text, settings.files, path);
    if (!chart) return [];
    const converted = toValues(doc);
    const fileValues = converted.problem === null && isPlainMap(converted.values) ? converted.values : {};
    const merged = mergeValues(chartDefaults(chart), fileValues);
    const [start, , end] = doc.range ?? [0, 0, text.length];
    // The parser may put the end of a document with an unclosed flow collection one past the text.
    return [{ doc, chart, range: { start, end: Math.min(end, text.length) }, fileValues, merged: isPlainMap(merged) ? merged : {} }];
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
