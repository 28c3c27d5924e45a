// The chart version a GitOps release pins, against the one the checks model: said once when they
// differ, and a key written for the release that its pinned version does not read yet is flagged
// (Helm ignores keys a chart does not read, silently). Which key arrived when is taken from the
// charts' CHANGELOGs (test/unit/chart-versions.test.ts holds the two to each other).
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { ChartId, Finding, OffsetRange } from '../types';
import type { EmbeddedRelease } from './releases';

/** The chart versions whose templates the render model and the schemas follow. */
export const MODELLED_VERSIONS: Readonly<Record<ChartId, string>> = { 'inference-stack': '0.4.4', 'pre-porter': '1.1.1' };

const CHART_NAMES: Readonly<Record<ChartId, string>> = { 'inference-stack': 'Inference Stack', 'pre-porter': 'Pre-Porter' };

/** A values key and the chart version that first reads it (`*`: any key at that level). */
export interface KeySince {
  chart: ChartId;
  path: readonly string[];
  since: string;
}

export const KEYS_SINCE: readonly KeySince[] = [
  { chart: 'inference-stack', path: ['modelGroups', '*', 'args'], since: '0.4.3' },
  { chart: 'inference-stack', path: ['configMaps'], since: '0.4.4' },
];

type Version = [number, number, number];

/** An exact version (`0.4.3`, `v0.4.3`); null for a range, a branch or a digest, which say no one version. */
export function exactVersion(written: string): Version | null {
  const match = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})$/.exec(written.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Inline values of the release, parsed, and how their ranges reach the manifest. */
export interface WrittenValues {
  doc: Document;
  toManifest(range: OffsetRange): OffsetRange;
}

export function versionFindings(release: EmbeddedRelease, written: readonly WrittenValues[]): Finding[] {
  const pinned = release.version ? exactVersion(release.version.text) : null;
  if (!release.version || !pinned) return [];
  const modelled = MODELLED_VERSIONS[release.chart];
  const name = CHART_NAMES[release.chart];
  if (compare(pinned, exactVersion(modelled)!) === 0) return [];
  const findings: Finding[] = [{
    code: 'chart-version', severity: 'info', range: release.version.range,
    message: `This release pins ${name} ${release.version.text}; the checks follow ${modelled}, the version they model`,
  }];
  for (const key of KEYS_SINCE) {
    if (key.chart !== release.chart || compare(pinned, exactVersion(key.since)!) >= 0) continue;
    for (const values of written) {
      for (const node of keysAt(values.doc.contents, key.path)) {
        findings.push({
          code: 'key-not-in-version', severity: 'warning', range: values.toManifest({ start: node.range![0], end: node.range![1] }),
          message: `\`${key.path[key.path.length - 1]}\` arrived in ${name} ${key.since}; ${release.version.text}, pinned here, ignores it`,
        });
      }
    }
  }
  return findings;
}

/** The key nodes at `path` (`*` matching any key), in document order. */
function keysAt(node: unknown, path: readonly string[]): Node[] {
  if (!isMap(node) || path.length === 0) return [];
  const [head, ...rest] = path;
  return node.items.flatMap((pair) => {
    if (!isScalar(pair.key) || !pair.key.range || (head !== '*' && String(pair.key.value) !== head)) return [];
    return rest.length === 0 ? [pair.key as Node] : keysAt(pair.value, rest);
  });
}
