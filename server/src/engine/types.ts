// The engine's vocabulary. Everything the doors (LSP server, CLI) receive from the engine is
// expressed in these types; positions are offsets into the analysed text so that the engine
// never depends on a protocol's notion of lines and characters.
import type { ManifestFile } from './embedded/analyze';
import type { TagSummary } from './workspace';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export type ChartId = 'inference-stack' | 'pre-porter';

export const CHART_IDS: readonly ChartId[] = ['inference-stack', 'pre-porter'];

/** Half-open range of UTF-16 offsets into the document text: [start, end). */
export interface OffsetRange {
  start: number;
  end: number;
}

export interface RelatedLocation {
  /** Absent means: the same document as the finding. */
  uri?: string;
  range: OffsetRange;
  message: string;
}

export type FindingTag = 'unnecessary' | 'deprecated';

/** The engine's one output type: a problem, where it is, and what a quick fix needs to know. */
export interface Finding {
  /** Stable kebab-case identifier, e.g. `unknown-key`. Quick fixes key on it. */
  code: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  related?: RelatedLocation[];
  /**
   * The file the range is in, when it is not the analysed one: a base file of a layered check
   * (`analyzeLayers`). Absent for every finding of a single file.
   */
  uri?: string;
  /** Machine-readable facts about the finding (suggestions, paths) for quick fixes. */
  data?: Record<string, unknown>;
  tags?: FindingTag[];
}

/** Settings the engine reads. The doors translate their own configuration into this. */
export interface EngineSettings {
  files: {
    /** Globs of files that are Inference Stack values files whatever their content. */
    inferenceStack: string[];
    /** Globs of files that are Pre-Porter values files whatever their content. */
    prePorter: string[];
  };
  /** Severity per code, or `off`; codes not listed keep their default. */
  rules: Record<string, Severity | 'off'>;
  /** Room a volume needs above the model's size, in percent (`bitHarbor.sizeHeadroomPercent`). */
  sizeHeadroomPercent: number;
  /** Registries that mirror Bit Harbor's images, besides ghcr.io/doublewordai/bit-harbor. */
  registries: string[];
  /** Inlay hints after sizeLimits and Bit Harbor tags (`bitHarbor.inlayHints.enabled`). */
  inlayHints: boolean;
  /** How the cluster marks GPU nodes, for the "add GPU node targeting" fix. */
  gpu: {
    nodeSelector: Record<string, string>;
    tolerations: Record<string, unknown>[];
  };
  /** More node label keys that mark GPU nodes (`bitHarbor.gpuNodeLabels`; `*` at the end: a prefix). */
  gpuNodeLabels: string[];
  /** The cluster's platform (`bitHarbor.cluster.platform`): `gke` adds the GPU toleration itself. */
  platform: ClusterPlatform;
  /** The cluster's Kubernetes version (`bitHarbor.cluster.kubernetesVersion`, `1.32`); '' when unknown. */
  kubernetesVersion: string;
  /** The Helm release's name (`bitHarbor.releaseName`), for object names; '' when unknown. */
  releaseName: string;
  /** Image with a shell for the init container that copies weights out of an image volume. */
  copyImage: string;
  /**
   * `bitHarbor.layers`: ordered glob lists; in one folder, a file matching a later glob is
   * checked on top of the files matching the earlier ones (base, then overrides).
   */
  layers: string[][];
  /**
   * `bitHarbor.chartNames`: chart names (or full references) of mirrored or renamed charts, and
   * which of ours each is, for releases in GitOps manifests.
   */
  chartNames: Record<string, ChartId>;
  /** Files larger than this many bytes (UTF-8) are not parsed: one finding says so (`bitHarbor.maxFileSize`). */
  maxFileSize: number;
}

export const CLUSTER_PLATFORMS = ['generic', 'gke', 'eks', 'aks'] as const;
export type ClusterPlatform = (typeof CLUSTER_PLATFORMS)[number];

/** 5 MiB: a values file is a few kilobytes; a file this large is generated or not a values file. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export const DEFAULT_SETTINGS: EngineSettings = {
  files: { inferenceStack: [], prePorter: [] },
  rules: {},
  sizeHeadroomPercent: 10,
  registries: [],
  inlayHints: true,
  gpu: {
    nodeSelector: { 'nvidia.com/gpu.present': 'true' },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  },
  gpuNodeLabels: [],
  platform: 'generic',
  kubernetesVersion: '',
  releaseName: '',
  // Pinned, so a fix writes the same image every time and a cluster pulls a known one.
  copyImage: 'busybox:1.37.0',
  layers: [],
  chartNames: {},
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
};

/** What the engine is asked to analyse. */
export interface AnalysisInput {
  /** File path or URI path, used for glob-based chart detection. */
  path: string;
  text: string;
  /** Forces the chart (the CLI's `--chart`); skips detection. */
  chart?: ChartId;
  /** The file's size when only its start was read (over the size cap), for the finding that says so. */
  bytesOnDisk?: number;
  /** The values files a GitOps manifest names (Engine.manifestFiles), as the door read them, by absolute path. */
  files?: ReadonlyMap<string, ManifestFile>;
}

export interface AnalysisResult {
  /** The chart of the first document that has one, or null when the file is of neither chart. */
  chart: ChartId | null;
  /** How the chart was decided, for status displays. */
  detectedBy: 'forced' | 'modeline' | 'glob' | 'content' | 'manifest' | null;
  findings: Finding[];
  /** Bit Harbor tags this file uses or pre-pulls, for checks across files. */
  tags?: TagSummary | null;
}
