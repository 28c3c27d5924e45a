// A GitOps manifest's findings: each release of our charts checked as Helm receives its values,
// with every finding moved from the values' own text to the manifest's lines and columns. The
// values are checked by the same engine as a values file (the chart forced, the release's name
// given), so nothing here knows about a check.
import type { AnalysisResult, ChartId, Finding, RelatedLocation } from '../types';
import type { LayeredInput } from '../layers/analyze';
import type { EmbeddedRelease, ValuesBlock } from './releases';
import type { Projection } from './projection';

/** What the manifest check needs of the engine: a values file's check, under a release's name. */
export interface ValuesChecker {
  analyze(input: { path: string; text: string; chart: ChartId }, releaseName: string | null): AnalysisResult;
  analyzeLayers(input: LayeredInput, releaseName: string | null): AnalysisResult;
}

const TOOL_NAMES: Record<EmbeddedRelease['tool'], string> = { flux: 'Flux', 'argo-cd': 'Argo CD', helmfile: 'helmfile', kustomize: 'Kustomize' };

export function analyzeReleases(path: string, releases: readonly EmbeddedRelease[], checker: ValuesChecker): Finding[] {
  return releases.flatMap((release) => releaseFindings(path, release, checker));
}

/** The projected blocks of a release, in merge order (blocks that could not be read dropped). */
export function projectedBlocks(release: EmbeddedRelease): { block: ValuesBlock; projection: Projection }[] {
  return release.blocks.flatMap((block) => ('projection' in (block.read ?? {}) ? [{ block, projection: (block.read as { projection: Projection }).projection }] : []));
}

function releaseFindings(path: string, release: EmbeddedRelease, checker: ValuesChecker): Finding[] {
  const findings: Finding[] = [];
  for (const block of release.blocks) {
    if (block.read && 'problem' in block.read) {
      findings.push({ code: 'values-not-checked', severity: 'info', message: `These values are not checked: ${block.read.problem}`, range: block.keyRange });
    }
  }
  for (const ignored of release.ignored) {
    findings.push({
      code: 'values-ignored', severity: 'warning', range: ignored.keyRange,
      message: `${TOOL_NAMES[release.tool]} passes \`valuesObject\` to Helm and ignores this \`${ignored.key}\` string when both are set`,
    });
  }
  const layers = projectedBlocks(release);
  if (layers.length === 0) return findings;
  const top = layers[layers.length - 1];
  if (layers.length === 1) {
    const result = checker.analyze({ path, text: top.projection.text, chart: release.chart }, release.releaseName);
    return findings.concat(result.findings.map((finding) => moved(finding, top.projection, () => top.projection)));
  }
  // Several inline maps (helmfile): each later one merged over the earlier, as Helm's -f files.
  const uriOf = (index: number) => `embedded:${index}`;
  const bases = layers.slice(0, -1).map((layer, index) => ({ uri: uriOf(index), path, text: layer.projection.text }));
  const result = checker.analyzeLayers({ path, uri: uriOf(layers.length - 1), text: top.projection.text, chart: release.chart, bases }, release.releaseName);
  const projectionOf = (uri: string | undefined) => (uri === undefined ? top.projection : layers[Number(uri.slice('embedded:'.length))]?.projection ?? null);
  return findings.concat(result.findings.flatMap((finding) => {
    const projection = projectionOf(finding.uri);
    return projection ? [moved(finding, projection, projectionOf)] : [];
  }));
}

/** A finding of the values' text, at the same characters of the manifest. */
function moved(finding: Finding, projection: Projection, projectionOf: (uri: string | undefined) => Projection | null): Finding {
  const { uri: _uri, ...rest } = finding;
  const related = finding.related?.flatMap((location): RelatedLocation[] => {
    const uri = location.uri ?? finding.uri;
    const inLayer = uri === undefined || uri.startsWith('embedded:');
    const target = inLayer ? projectionOf(uri) : null;
    if (!inLayer) return [location];
    return target ? [{ message: location.message, range: target.toOuterRange(location.range) }] : [];
  });
  return { ...rest, range: projection.toOuterRange(finding.range), ...(related ? { related } : {}) };
}
