// Keeps the server's memory near what it uses. V8 collects the old generation only once it has
// grown well past what survived the last collection, and every keystroke in a 35,000-line file
// leaves megabyte strings behind (the old text, completion probes, their flattened copies) in
// large-object space: left alone, the resident size of a server that holds 40 MB climbs past
// 250 MB within a minute of typing. So between messages, when the heap has grown by more than
// a budget since the last collection, the pacer asks for a full one (~10-30 ms at that size).

import { setFlagsFromString, getHeapStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the heap since the last collection that makes the pacer collect. */
export const GROWTH_BUDGET_BYTES = 32 * 1024 * 1024;
/** How often the heap is looked at: cheap (a heap statistics call), and never inside a request. */
const CHECK_INTERVAL_MS = 200;

/**
 * V8's `gc()`, made reachable at run time: a language server is started by editors with their
 * own command lines, so `--expose-gc` cannot be relied on being passed. Null where V8 refuses.
 */
export function exposedGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

export class MemoryPacer {
  private settled: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gc: (() => void) | null,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
    private readonly budget = GROWTH_BUDGET_BYTES,
  ) {
    this.settled = heapUsed();
  }

  start(): void {
    if (this.gc === null || this.timer !== null) return;
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref(); // never what keeps the process alive
  }

  /** Collects when the heap has outgrown the last collection by the budget; whether it did. */
  check(): boolean {
    if (this.gc === null || this.heapUsed() - this.settled < this.budget) return false;
    this.gc();
    this.settled = this.heapUsed();
    return true;
  }

  dispose(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
