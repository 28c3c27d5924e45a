// Folding and selection ranges from the YAML structure, for editors that do not fold by
// indentation (and because a flow map or a block scalar does not fold by indentation anyway).
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import { LineIndex } from '../lines';
import type { EngineSettings, OffsetRange } from '../types';
import { documentAt, readValuesFile } from '../values-file';
import { rangeOf, trimEnd } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';

export interface AuthoringFoldingRange {
  /** Zero-based lines. */
  startLine: number;
  endLine: number;
  kind?: 'comment';
}

const MAX_DEPTH = 64;

function isBlockScalar(node: unknown): boolean {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

export function foldingRanges(text: string, settings: EngineSettings, path?: string, yaml: YamlSource = new YamlCache()): AuthoringFoldingRange[] {
  const documents = readValuesFile({ text, path }, settings, yaml).documents();
  if (documents.length === 0) return [];
  const lines = new LineIndex(text);
  const folds: AuthoringFoldingRange[] = [];
  const fold = (start: number, node: unknown) => {
    const range = rangeOf(node as Node);
    if (!range) return;
    const startLine = lines.positionAt(start).line;
    const endLine = lines.positionAt(trimEnd(text, range).end).line;
    if (endLine > startLine) folds.push({ startLine, endLine });
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = rangeOf(pair.key as Node);
        if (key && (isMap(pair.value) || isSeq(pair.value) || isBlockScalar(pair.value))) fold(key.start, pair.value);
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        const range = rangeOf(item as Node);
        if (range && (isMap(item) || isSeq(item) || isBlockScalar(item))) fold(range.start, item);
        walk(item, depth + 1);
      }
    }
  };
  for (const document of documents) walk(document.doc.contents, 0);
  folds.push(...commentFolds(text));
  return folds.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

/** Runs of two or more whole-line comments. */
function commentFolds(text: string): AuthoringFoldingRange[] {
  const folds: AuthoringFoldingRange[] = [];
  let runStart = -1;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const isComment = line.trimStart().startsWith('#');
    if (isComment && runStart < 0) runStart = index;
    if (!isComment && runStart >= 0) {
      if (index - 1 > runStart) folds.push({ startLine: runStart, endLine: index - 1, kind: 'comment' });
      runStart = -1;
    }
  });
  if (runStart >= 0 && lines.length - 1 > runStart) folds.push({ startLine: runStart, endLine: lines.length - 1, kind: 'comment' });
  return folds;
}

/**
 * For each offset, the ranges around it from the innermost outwards: the scalar's text (inside
 * quotes), the scalar, the `key: value` entry or list item, the collection, and so on up to the
 * document and the whole text. Null when the text is no values file.
 */
export function selectionRanges(
  text: string,
  offsets: readonly number[],
  settings: EngineSettings,
  path?: string,
  yaml: YamlSource = new YamlCache(),
): OffsetRange[][] | null {
  const documents = readValuesFile({ text, path }, settings, yaml).documents();
  if (documents.length === 0) return null;
  return offsets.map((offset) => {
    const chain: OffsetRange[] = [{ start: 0, end: text.length }];
    const document = documentAt(documents, offset);
    if (document) chain.push(trimEnd(text, document.range));
    const push = (range: OffsetRange | null) => {
      if (!range) return;
      const last = chain[chain.length - 1];
      const inside = range.start >= last.start && range.end <= last.end && (range.start !== last.start || range.end !== last.end);
      if (inside && range.start <= offset && offset <= range.end) chain.push(range);
    };
    const walk = (node: unknown, depth: number): void => {
      if (depth > MAX_DEPTH) return;
      const own = rangeOf(node as Node);
      if (!own || offset < own.start || offset > own.end) return;
      push(trimEnd(text, own));
      if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) push({ start: own.start + 1, end: own.end - 1 });
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = rangeOf(pair.key as Node);
          const value = rangeOf(pair.value as Node);
          if (!key) continue;
          const entry = trimEnd(text, { start: key.start, end: Math.max(key.end, value?.end ?? key.end) });
          if (offset < entry.start || offset > entry.end) continue;
          push(entry);
          if (offset <= key.end) walk(pair.key, depth + 1);
          else walk(pair.value, depth + 1);
          return;
        }
      } else if (isSeq(node)) {
        for (const item of node.items) walk(item, depth + 1);
      } else if (isAlias(node)) {
        push(own);
      }
    };
    if (document) walk(document.doc.contents, 0);
    return chain.reverse();
  });
}
