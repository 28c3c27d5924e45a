// The text near the cursor with something inserted (a marker at the cursor), parsed to find where
// the cursor stands. Only the lines of the entry holding the cursor (a model group, or a top-level
// entry) are parsed, under their top-level key: the path to the cursor is the same as in the whole
// file, the parse costs the entry's size, and neither the whole text is copied nor the document's
// parse (yaml-source.ts) is disturbed. Away from every entry (above the first key), the whole text is.
import type { Document } from 'yaml';
import { parseValuesText, type ValuesFile } from '../values-file';
import { entryLinesAround } from '../yaml-incremental';

export interface Probe {
  /** The probe's own text: the entry's lines with the insertion, under its top-level key. */
  text: string;
  /** The parse of `text` (one document, or every document of the whole text): nodes at offsets of `text`. */
  docs: Document[];
  /** An offset of the analysed text (outside the replaced span) as an offset of `text`. */
  toProbe(at: number): number;
  /** An offset of `text` as one of the analysed text; inside the insertion, where it was made. */
  toText(at: number): number;
}

/** At most this many probes of one version are kept (completion asks one place, hover none). */
const KEPT_PROBES = 8;

/**
 * `text` with [start, end) replaced by `insert`, read around the cursor (see above); parsed once
 * per version and place: a completion's tags, keys and snippets each ask for the same probe.
 * Callers only read the probe's documents.
 */
export function probeAt(file: ValuesFile, start: number, end: number, insert: string): Probe {
  const probes = file.memo('probes', () => new Map<string, Probe>());
  const key = `${start}:${end}:${insert}`;
  let probe = probes.get(key);
  if (!probe) {
    if (probes.size >= KEPT_PROBES) probes.clear();
    probe = readProbe(file, start, end, insert);
    probes.set(key, probe);
  }
  return probe;
}

function readProbe(file: ValuesFile, start: number, end: number, insert: string): Probe {
  const { docs, text } = file;
  const lines = docs.length === 1 ? entryLinesAround(docs[0], text, start, end) : null;
  const from = lines?.start ?? 0;
  const to = lines?.end ?? text.length;
  const head = lines?.outerKey != null ? `${JSON.stringify(lines.outerKey)}:\n` : '';
  const probeText = head + text.slice(from, start) + insert + text.slice(end, to);
  const offset = head.length - from;
  const insertAt = start + offset;
  const delta = insert.length - (end - start);
  return {
    text: probeText,
    // Guarded as every parse is: nesting too deep for the parser's stack gives no documents.
    docs: parseValuesText(probeText),
    toProbe: (at) => (at < start ? at + offset : at + offset + delta),
    toText: (at) => (at < insertAt ? at - offset : at >= insertAt + insert.length ? at - offset - delta : start),
  };
}
