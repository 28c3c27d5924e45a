// Suggestions for misspelt keys, enum values and catalogue tags, by edit distance (optimal string
// alignment, so a swap of two neighbours costs one: `enabeld` -> `enabled`).
//
// The candidates can be a catalogue of tens of thousands of tags and the input a hostile value,
// so the distance is computed only within a band of `max` edits around the diagonal, candidates
// whose length alone puts them further away are skipped, and a search stops once it has spent
// SUGGESTION_BUDGET cells: a suggestion is a courtesy, an answer per keystroke is not.

/** Table cells one search may compute (a few milliseconds of work). */
export const SUGGESTION_BUDGET = 150_000;
/** Inputs longer than this get no suggestions: nothing that long is a slip of the fingers. */
export const MAX_SUGGESTION_INPUT = 256;

/** The distance between `a` and `b` when it is at most `max`, otherwise `max + 1`. */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  const far = max + 1;
  let older = new Array<number>(cols).fill(far);
  let previous = Array.from({ length: cols }, (_, j) => (j <= max ? j : far));
  let current = new Array<number>(cols).fill(far);
  for (let i = 1; i <= a.length; i++) {
    current.fill(far);
    if (i <= max) current[0] = i;
    let rowMin = current[0];
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, older[j - 2] + 1);
      current[j] = Math.min(d, far);
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > max) return far;
    [older, previous, current] = [previous, current, older];
  }
  return Math.min(previous[b.length], far);
}

/** The full distance, for short strings (tests and small lists). */
export function editDistance(a: string, b: string): number {
  return boundedEditDistance(a, b, Math.max(a.length, b.length));
}

/**
 * A cheap test that rules most candidates out before any table is built: every edit changes
 * the character counts of a string by at most two in total (a substitution: one down, one up),
 * so strings whose counts differ by more than 2 x `max` are more than `max` edits apart.
 * Compares case-insensitively; linear in the candidate's length.
 */
export function nearFilter(input: string, max: number): (candidate: string) => boolean {
  const counts = new Int32Array(129);
  const bucket = (c: number) => (c < 128 ? c : 128);
  const lowered = input.toLowerCase();
  for (let i = 0; i < lowered.length; i++) counts[bucket(lowered.charCodeAt(i))]++;
  return (candidate) => {
    const other = candidate.toLowerCase();
    let gap = lowered.length;
    for (let i = 0; i < other.length; i++) {
      const b = bucket(other.charCodeAt(i));
      gap += counts[b] > 0 ? -1 : 1;
      counts[b]--;
    }
    for (let i = 0; i < other.length; i++) counts[bucket(other.charCodeAt(i))]++;
    return gap <= 2 * max;
  };
}

/** Cells a bounded comparison of strings of these lengths costs, for the budget. */
export function comparisonCost(length: number, max: number): number {
  return length * (2 * max + 1);
}

/** Candidates close enough to `input` to be what was meant, nearest first. */
export function suggest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  if (input.length > MAX_SUGGESTION_INPUT) return [];
  const lowered = input.toLowerCase();
  const threshold = Math.max(1, Math.floor(input.length / 3));
  const scored: { candidate: string; distance: number }[] = [];
  let budget = SUGGESTION_BUDGET;
  const near = nearFilter(input, threshold);
  for (const candidate of candidates) {
    if (candidate === input || Math.abs(candidate.length - input.length) > threshold) continue;
    const other = candidate.toLowerCase();
    // Case slips (`sizelimit`, `ifnotpresent`) are the commonest typo: rank them first.
    if (other === lowered) {
      scored.push({ candidate, distance: 0 });
      continue;
    }
    if (!near(candidate)) continue;
    budget -= comparisonCost(input.length, threshold);
    if (budget < 0) break;
    const distance = boundedEditDistance(lowered, other, threshold) + 0.5;
    if (distance <= threshold) scored.push({ candidate, distance });
  }
  scored.sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}
