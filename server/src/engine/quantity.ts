// Kubernetes quantities, compared exactly: `50G` is 50e9 bytes and `50Gi` is 50 * 2^30, never
// equal; `5e10` is an exponent form. Byte counts of models fit a double exactly (< 2^53).

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

// `\d+(?:\.\d*)?` rather than `\d+\.?\d*`: the latter can split a run of digits between its
// two halves in every way, quadratic on a long number; this one backtracks at most once per digit.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/;

/**
 * Longer quantities are not read: a double holds about 17 significant digits, and a value file
 * is hostile input (see SECURITY.md). `isQuantityTooLong` lets a check say so.
 */
export const MAX_QUANTITY_LENGTH = 64;

export function isQuantityTooLong(value: unknown): boolean {
  return typeof value === 'string' && value.trim().length > MAX_QUANTITY_LENGTH;
}

/** The quantity's value (bytes for sizes), or null when it is not a Kubernetes quantity or too long to read. */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || isQuantityTooLong(value)) return null;
  const match = QUANTITY.exec(value.trim());
  if (!match) return null;
  const [, mantissa, exponent, suffix] = match;
  if (exponent) return Number(mantissa + exponent);
  return Number(mantissa) * SUFFIX[suffix ?? ''];
}

export function toGiB(bytes: number): number {
  return bytes / 2 ** 30;
}

/** `22.7 GiB`: one decimal, the unit Kubernetes users read sizes in. */
export function formatGiB(bytes: number): string {
  return `${toGiB(bytes).toFixed(1)} GiB`;
}

/** The smallest whole number of Gi at or above `bytes`, as a quantity string (`23Gi`). */
export function ceilGi(bytes: number): string {
  return `${Math.ceil(bytes / 2 ** 30)}Gi`;
}
