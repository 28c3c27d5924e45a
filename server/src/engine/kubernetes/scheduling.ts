// Kubernetes scheduling facts shared by the GPU checks and fixes: does a toleration tolerate a
// taint, and does a node selector or affinity pick GPU nodes.
import { isPlainMap } from '../merge';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** The taint NVIDIA's GPU operator and most clouds put on GPU nodes. */
export const GPU_TAINT: Taint = { key: 'nvidia.com/gpu', effect: 'NoSchedule' };

/** Kubernetes' matching: an empty key with Exists tolerates everything; empty effect matches all. */
export function tolerates(toleration: unknown, taint: Taint): boolean {
  if (!isPlainMap(toleration)) return false;
  const { key, operator, value, effect } = toleration;
  if (effect !== undefined && effect !== '' && effect !== taint.effect) return false;
  const op = operator === undefined || operator === '' ? 'Equal' : operator;
  if (op === 'Exists') return key === undefined || key === '' || key === taint.key;
  if (op !== 'Equal' || key !== taint.key) return false;
  // The GPU taint is commonly set with any value (`present`, `true`); compare only when known.
  return taint.value === undefined || (value ?? '') === taint.value;
}

export function toleratesAny(tolerations: unknown, taint: Taint): boolean {
  return Array.isArray(tolerations) && tolerations.some((toleration) => tolerates(toleration, taint));
}
