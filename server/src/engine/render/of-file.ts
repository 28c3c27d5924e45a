// A values file (over its bases, if any) rendered: its merged values are taken from the
// layered check's own path (parse, guards, chart detection, merge), never parsed or merged
// again here. Helm reads only the first YAML document of a values file, so only it renders.
import { analyzeLayered, type LayerText } from '../layers/analyze';
import type { AnalysisInput, ChartId, EngineSettings } from '../types';
import { renderRelease, type RenderedRelease, type RenderOptions } from './index';

export interface RenderInput extends AnalysisInput {
  uri?: string;
  /** Base files in Helm's order (`-f base -f file`). */
  bases?: LayerText[];
}

export function mergedValuesOf(input: RenderInput, settings: EngineSettings): { chart: ChartId; merged: unknown } | null {
  let found: { chart: ChartId; merged: unknown } | null = null;
  analyzeLayered({ ...input, uri: input.uri ?? input.path ?? '', bases: input.bases ?? [] }, {
    settings,
    checkMerged: (view) => {
      found ??= { chart: view.chart, merged: view.merged };
      return { findings: [], tags: null };
    },
    control: () => [],
  });
  return found;
}

export function renderFile(input: RenderInput, settings: EngineSettings, options: RenderOptions): RenderedRelease | null {
  const values = mergedValuesOf(input, settings);
  return values ? renderRelease(values.chart, values.merged, options) : null;
}
