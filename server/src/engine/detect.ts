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
