// Which chart a values file belongs to. Order matters and is part of the contract: an explicit
// modeline beats the user's glob settings, which beat guessing from content. Guessing is
// deliberately conservative so that unrelated YAML (docker-compose, CI files) gets nothing.
import { isMap, isScalar, type Document } from 'yaml';
import { matchesGlob } from './glob';
import type { ChartId, EngineSettings, OffsetRange } from './types';

export interface Modeline {
  /** The chart named by the modeline, or null when the name is not one we know. */
  chart: ChartId | null;
  /** The text after `chart=`, as written. */
  chartText: string;
  /** Where the chart name sits, for a finding when it is wrong. */
  chartRange: OffsetRange;
}

const MODELINE = /^[ \t]*#[ \t]*bit-harbor-values:[^\n\r]*?\bchart=([^\s]*)/gm;

export function findModeline(text: string): Modeline | null {
  MODELINE.lastIndex = 0;
  const match = MODELINE.exec(text);
  if (!match) return null;
  const chartText = match[1];
  const start = match.index + match[0].length - chartText.length;
  const chart = chartText === 'inference-stack' || chartText === 'pre-porter' ? chartText : null;
  return { chart, chartText, chartRange: { start, end: start + chartText.length } };
}

export function chartFromGlobs(path: string, files: EngineSettings['files']): ChartId | null {
  if (files.inferenceStack.some((glob) => matchesGlob(path, glob))) return 'inference-stack';
  if (files.prePorter.some((glob) => matchesGlob(path, glob))) return 'pre-porter';
  return null;
}

/** Top-level keys of a parsed document, as strings, without converting the whole tree. */
function topLevelKeys(doc: Document): string[] {
  const contents = doc.contents;
  if (!isMap(contents)) return [];
  const keys: string[] = [];
  for (const pair of contents.items) {
    if (isScalar(pair.key)) keys.push(String(pair.key.value));
  }
  return keys;
}

export function chartFromContent(doc: Document): ChartId | null {
  const keys = topLevelKeys(doc);
  if (keys.includes('modelGroups') || keys.includes('onwards')) return 'inference-stack';
  const prePorterCompanion = keys.some(
    (key) => key === 'imageRegistry' || key === 'advancedCronJob' || key.startsWith('global'),
  );
  if (keys.includes('images') && prePorterCompanion) return 'pre-porter';
  return null;
}

/** One `base=` of a modeline: a file this one is checked on top of (Helm's `-f base -f this`). */
export interface BaseDeclaration {
  /** The path as written, relative to the declaring file. */
  path: string;
  /** Where it is written, for a finding when it cannot be used. */
  range: OffsetRange;
}

const MODELINE_LINE = /^[ \t]*#[ \t]*bit-harbor-values:([^\n\r]*)/m;
const BASE = /(?:^|\s)base=("([^"]*)"|[^\s]+)/g;

/**
 * The `base=` entries of the file's modeline, in the order written (Helm's order: each is merged
 * over the ones before it, and this file over all). A quoted value may hold spaces.
 */
export function findBaseDeclarations(text: string): BaseDeclaration[] {
  if (!text.includes('base=')) return [];
  const line = MODELINE_LINE.exec(text);
  if (!line) return [];
  const bodyStart = line.index + line[0].length - line[1].length;
  const declarations: BaseDeclaration[] = [];
  BASE.lastIndex = 0;
  for (let match = BASE.exec(line[1]); match; match = BASE.exec(line[1])) {
    const written = match[1];
    const start = bodyStart + match.index + match[0].length - written.length;
    const path = match[2] ?? written;
    if (path !== '') declarations.push({ path, range: { start, end: start + written.length } });
  }
  return declarations;
}
