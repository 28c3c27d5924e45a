// Keeps the server's memory near what it uses. V8 collects the old generation only once it has
// grown well past what survived the last collection, and every keystroke in a 35,000-line file
// leaves megabyte strings behind (the old text, completion probes, their flattened copies) in
// large-object space: left alone, the resident size of a server that holds 40 MB climbs past
// 250 MB within a minute of typing. So when the server has been idle for a moment (a pause in
// typing) and the old generation has grown by a budget since the last collection, the pacer asks
// for a full one (~10-30 ms at that size). During a burst of edits and requests it waits, so
// that no keystroke pays for a collection, unless the growth passes BUSY_BUDGETS budgets.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Growth of the old generation since the last collection that makes the pacer collect. */
export const GROWTH_BUDGET_BYTES = 32 * 1024 * 1024;
/**
 * Growth (in budgets) at which the pacer collects even while busy. Typing without a pause in a
 * 36,000-line file grew the resident size to 264 MiB with four budgets, 201 MiB with two; a
 * collection then costs one keystroke 10-30 ms now and then, which the benchmark's p95s absorb.
 */
export const BUSY_BUDGETS = 2;
/** How often the heap is looked at: cheap, and never inside a request. */
const CHECK_INTERVAL_MS = 200;
/** Below this share of the last interval spent working, the server counts as idle. */
const IDLE_UTILIZATION = 0.1;

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

/**
 * What the old generation holds (old, code and large-object spaces). The young generation is
 * left out: it fills and empties with every request by itself.
 */
export function oldGenerationUsed(): number {
  let used = 0;
  for (const space of getHeapSpaceStatistics()) if (!space.space_name.startsWith('new_')) used += space.space_used_size;
  return used;
}

/** The share of time the event loop spent working since the last call. */
function loopUtilization(): () => number {
  let last: EventLoopUtilization = performance.eventLoopUtilization();
  return () => {
    const since = performance.eventLoopUtilization(last);
    last = performance.eventLoopUtilization();
    return since.utilization;
  };
}

export class MemoryPacer {
  private settled: number;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly gc: (() => void) | null,
    private readonly heapUsed: () => number = oldGenerationUsed,
    private readonly utilization: () => number = loopUtilization(),
    private readonly budget = GROWTH_BUDGET_BYTES,
  ) {
    this.settled = heapUsed();
  }

  start(): void {
    if (this.gc === null || this.timer !== null) return;
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref(); // never what keeps the process alive
  }

  /** Collects when grown by the budget and idle, or by BUSY_BUDGETS budgets anyway; whether it did. */
  check(): boolean {
    if (this.gc === null) return false;
    const grown = this.heapUsed() - this.settled;
    const idle = this.utilization() < IDLE_UTILIZATION;
    if (grown < this.budget || (!idle && grown < BUSY_BUDGETS * this.budget)) return false;
    this.gc();
    this.settled = this.heapUsed();
    return true;
  }

  dispose(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
