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

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/;

/** The quantity's value (bytes for sizes), or null when it is not a Kubernetes quantity. */
export function parseQuantity(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
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
