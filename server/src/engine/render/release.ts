// What every template of a chart shares: the release, the chart's names and its common labels.
import type { ChartId } from '../types';
import { chartName, fullname, isEmpty, resolvePlainScalar, sortedKeys, field, trunc63 } from './helm';
import { FromValues, ValuesReader } from './provenance';

export interface RenderOptions {
  /** `helm template NAME`; helm-unittest and this model default to `RELEASE-NAME`. */
  releaseName?: string;
  namespace?: string;
}

export const DEFAULT_RELEASE_NAME = 'RELEASE-NAME';

/** Chart.yaml facts the templates read. */
export const CHART_META: Record<ChartId, { name: string; version: string; appVersion: string }> = {
  'inference-stack': { name: 'inference-stack', version: '0.4.4', appVersion: 'latest' },
  'pre-porter': { name: 'pre-porter', version: '1.1.1', appVersion: '1.0.0' },
};

export interface ReleaseContext {
  chart: ChartId;
  values: ValuesReader;
  release: string;
  namespace: string;
  /** The chart's `name` helper. */
  name: string;
  /** The chart's `fullname` helper. */
  fullname: string;
}

export function releaseContext(chart: ChartId, merged: unknown, options: RenderOptions = {}): ReleaseContext {
  const release = options.releaseName || DEFAULT_RELEASE_NAME;
  const names = {
    chartName: CHART_META[chart].name,
    releaseName: release,
    nameOverride: field(merged, 'nameOverride'),
    fullnameOverride: field(merged, 'fullnameOverride'),
  };
  return {
    chart,
    values: new ValuesReader(merged),
    release,
    namespace: options.namespace || 'default',
    name: chartName(names),
    fullname: fullname(names),
  };
}

/** The same context reading one subtree from `value` (a model group rendered alone). */
export function scopedContext(context: ReleaseContext, path: (string | number)[], value: unknown): ReleaseContext {
  return { ...context, values: new ValuesReader(context.values.root, { path, value }, context.values.shareCopies) };
}

/** `selectorLabels`: name and instance, as printed inline. */
export function selectorLabels(context: ReleaseContext): Record<string, unknown> {
  return {
    'app.kubernetes.io/name': resolvePlainScalar(context.name),
    'app.kubernetes.io/instance': resolvePlainScalar(context.release),
  };
}

/** The chart's common `labels` helper (Pre-Porter's adds `commonLabels`). */
export function commonLabels(context: ReleaseContext): Record<string, unknown> {
  const meta = CHART_META[context.chart];
  const labels: Record<string, unknown> = {
    'helm.sh/chart': trunc63(`${meta.name}-${meta.version}`.replace(/\+/g, '_')),
    ...selectorLabels(context),
    'app.kubernetes.io/version': meta.appVersion,
    'app.kubernetes.io/managed-by': 'Helm',
  };
  if (context.chart === 'pre-porter') Object.assign(labels, copiedEntries(context.values, ['commonLabels']));
  return labels;
}

/**
 * `toYaml` of a map written among a template's own keys: its entries join the surrounding map
 * (a key written twice keeps the later one, as the YAML decoders Kubernetes uses do).
 */
export function copiedEntries(values: ValuesReader, path: (string | number)[]): Record<string, unknown> {
  const map = values.get(path);
  const entries: Record<string, unknown> = {};
  if (isEmpty(map)) return entries;
  for (const key of sortedKeys(map)) entries[key] = values.copy([...path, key]);
  return entries;
}

/** A name the template assembles (`<fullname>-<suffix>`), attributed to the values node it names. */
export function nameFrom(values: ValuesReader, text: string, path: (string | number)[]): unknown {
  const value = resolvePlainScalar(text);
  return values.has(path) ? new FromValues(value, path, false, true) : value;
}
