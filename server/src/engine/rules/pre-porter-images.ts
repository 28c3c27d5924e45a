// Read-only view of Pre-Porter's `images` over the merged values, deciding "does it render" the
// way the chart's template does: `{{ if .Values.advancedCronJob.enabled }}` around
// `{{ range .Values.images }}{{ if .enabled }}`. Those are Go template truth tests, so a quoted
// "true" (a wrong-type finding of its own) still renders, and so does "false".
import { isPlainMap, type Values } from '../merge';
import type { PathSegment } from '../yaml-nodes';

export interface PrePorterImage {
  index: number;
  /** The Bit Harbor tag, when written as a string. */
  name: string | null;
  values: Values;
  /** Its `enabled` is true in Go's sense (the cron switch is separate: cronEnabled). */
  enabled: boolean;
  path: PathSegment[];
}

/** Go template truth: false, 0, nil, "" and empty lists and maps are false; all else is true. */
export function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isPlainMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** `advancedCronJob.enabled` on the merged values: without it the chart renders no job at all. */
export function cronEnabled(values: Values): boolean {
  const cron = values.advancedCronJob;
  return isPlainMap(cron) && isTruthy(cron.enabled);
}

/** The items of `images` that are maps; anything else is the schema's to report. */
export function prePorterImages(values: Values): PrePorterImage[] {
  const images = values.images;
  if (!Array.isArray(images)) return [];
  return images.flatMap((item, index) => {
    if (!isPlainMap(item)) return [];
    return [{
      index,
      name: typeof item.name === 'string' ? item.name : null,
      values: item,
      enabled: isTruthy(item.enabled),
      path: ['images', index],
    }];
  });
}
