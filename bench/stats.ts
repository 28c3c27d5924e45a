// Median and p95 of a handful of timings (nearest rank: a reported figure is one that was
// measured, never an interpolation between two).
export interface Summary {
  median: number;
  p95: number;
  samples: number;
}

function nearestRank(sorted: readonly number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1];
}

export function summarize(times: readonly number[]): Summary {
  if (times.length === 0) throw new Error('no samples to summarize');
  const sorted = [...times].sort((a, b) => a - b);
  return { median: nearestRank(sorted, 0.5), p95: nearestRank(sorted, 0.95), samples: sorted.length };
}

export function medianOf(times: readonly number[]): number {
  return summarize(times).median;
}
