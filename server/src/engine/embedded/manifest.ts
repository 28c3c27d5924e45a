// The engine's side of GitOps manifests: whether a file is one, its releases (found once per
// text and engine), their check, the views the editor features read, and the render of one
// release. The engine lends what needs it (an engine per release name, its severity controls).
import type { Document } from 'yaml';
import { syntaxFindings } from '../document';
import type { Engine } from '../engine';
import { AnalysisHistory } from '../incremental';
import { renderFile } from '../render/of-file';
import type { RenderedRelease, RenderOptions } from '../render/index';
import type { RenderInput } from '../render/of-file';
import type { AnalysisInput, AnalysisResult, ChartId, EngineSettings, Finding } from '../types';
import { readValuesFile } from '../values-file';
import { YamlCache, type YamlSource } from '../yaml-source';
import { analyzeReleases, projectedBlocks, releaseLayers } from './analyze';
import type { Projection } from './projection';
import { findReleases, type EmbeddedRelease } from './releases';

/** Releases of one manifest checked at most; a manifest holds a few. */
export const MAX_RELEASES = 100;

/** Not a file anyone has: only the embedded view's settings name it. */
const EMBEDDED_PATH = '/bit-harbor-values/embedded/values.yaml';

/** What a feature reads inside a manifest: the values' text, as a values file of the release's chart. */
export interface EmbeddedView {
  engine: Engine;
  /** The path to give the features for that text (it names the chart to the engine's settings). */
  path: string;
  projection: Projection;
}

/** What the manifest check borrows from the engine. */
export interface ManifestHost {
  settings: EngineSettings;
  /** The engine that checks a release's values under its name (the same one for the same name). */
  engineFor(releaseName: string | null): Engine;
  applySeverities(findings: Finding[]): Finding[];
}

/**
 * The releases of a GitOps manifest (none of ours: empty); null for a values file or other YAML.
 * Found once per text and engine: a keystroke asks for them from the check, the files the door
 * reads and the features.
 */
export function manifestReleases(input: AnalysisInput, yaml: YamlSource, engine: object, settings: EngineSettings): EmbeddedRelease[] | null {
  const file = readValuesFile(input, settings, yaml);
  if (!file.manifest) return null;
  return yaml.memo('manifest-releases', engine, () => findReleases(input.text, file.docs, settings.chartNames, input.path));
}

/** The releases of our charts a manifest deploys, each checked as Helm receives its values. */
export function analyzeManifest(input: AnalysisInput, docs: readonly Document[], all: readonly EmbeddedRelease[], host: ManifestHost, history?: AnalysisHistory): AnalysisResult {
  if (all.length === 0) return { chart: null, detectedBy: null, findings: [], tags: null };
  // Each release is a check of its own: a generated manifest of thousands is checked in part, and says so.
  const releases = all.slice(0, MAX_RELEASES);
  // Each release's values keep their own parse and history across edits, as a values file does.
  const previous = history?.embedded ?? new Map<string, { yaml: YamlSource; history: AnalysisHistory }>();
  const kept = new Map<string, { yaml: YamlSource; history: AnalysisHistory }>();
  const memoryOf = (key: string) => {
    const memory = previous.get(key) ?? { yaml: new YamlCache(), history: new AnalysisHistory() };
    kept.set(key, memory);
    return memory;
  };
  const findings = analyzeReleases(input.path, releases, input.files ?? new Map(), {
    analyze: (values, releaseName, key) => {
      const memory = history && key !== undefined ? memoryOf(key) : null;
      return host.engineFor(releaseName).analyze(values, memory?.yaml, memory?.history);
    },
    analyzeLayers: (values, releaseName) => host.engineFor(releaseName).analyzeLayers(values),
  });
  // The manifest's own YAML errors, where no release's values (checked above) hold them.
  const regions = releases.flatMap((release) => projectedBlocks(release).map(({ projection }) => projection.outer));
  const outside = docs.flatMap((doc) => syntaxFindings(doc, input.text)).filter((f) => !regions.some((r) => f.range.start >= r.start && f.range.start <= r.end));
  if (history) history.embedded = kept;
  if (all.length > MAX_RELEASES) {
    findings.push({ code: 'values-not-checked', severity: 'info', range: all[MAX_RELEASES].chartRange, message: `These values are not checked: this manifest declares ${all.length} releases of these charts, and the first ${MAX_RELEASES} are checked` });
  }
  return { chart: releases[0].chart, detectedBy: 'manifest', findings: [...host.applySeverities(outside), ...findings], tags: null };
}

/** Every values block of the releases, each with an engine that reads its text as values of the release's chart. */
export function embeddedViews(releases: readonly EmbeddedRelease[], derive: (settings: Partial<EngineSettings>) => Engine): EmbeddedView[] {
  return releases.flatMap((release) => {
    // The features find a file's chart by its path: this path is the release's chart's.
    const files = release.chart === 'inference-stack' ? { inferenceStack: [EMBEDDED_PATH], prePorter: [] } : { inferenceStack: [], prePorter: [EMBEDDED_PATH] };
    const engine = derive({ files, layers: [], ...(release.releaseName ? { releaseName: release.releaseName } : {}) });
    return projectedBlocks(release).map(({ projection }) => ({ engine, path: EMBEDDED_PATH, projection }));
  });
}

/** The release `options.releaseName` names (else the first), its sources merged as the tool merges them. */
export function renderManifestRelease(releases: readonly EmbeddedRelease[], input: RenderInput, settings: EngineSettings, options: RenderOptions): RenderedRelease | null {
  const release = releases.find((candidate) => options.releaseName === undefined || candidate.releaseName === options.releaseName);
  if (!release) return null;
  const { layers } = releaseLayers(release, input.files ?? new Map());
  const top = layers[layers.length - 1];
  if (!top) return null;
  const releaseName = options.releaseName ?? release.releaseName ?? settings.releaseName ?? undefined;
  const namespace = options.namespace ?? release.namespace;
  return renderFile(
    { path: input.path, uri: top.uri, text: top.text, chart: release.chart, bases: layers.slice(0, -1).map((layer) => ({ uri: layer.uri, path: input.path, text: layer.text })) },
    settings,
    { ...options, ...(releaseName ? { releaseName } : {}), ...(namespace ? { namespace } : {}) },
  );
}
