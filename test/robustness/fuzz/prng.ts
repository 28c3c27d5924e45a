// A small seeded PRNG (mulberry32) so every fuzz case can be replayed from (seed, case number)
// alone: no Math.random anywhere in the fuzzers.

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generator of case `index` of a run seeded with `seed`: cases are independent of each other. */
export function caseRandom(seed: number, index: number): Random {
  return mulberry32((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0);
}

export function int(random: Random, below: number): number {
  return Math.floor(random() * below);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[int(random, items.length)];
}

/** A seed from the command line or the environment, else a fresh one (printed by the caller). */
export function chooseSeed(given: string | undefined): number {
  if (given !== undefined && given !== '') {
    const parsed = Number(given);
    if (!Number.isInteger(parsed)) throw new Error(`the fuzz seed must be an integer, got ${given}`);
    return parsed >>> 0;
  }
  return (Date.now() ^ (process.pid << 16)) >>> 0;
}
