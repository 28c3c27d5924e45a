// Per-document validation queue. analyze() is synchronous, so "in flight" means "scheduled":
// each document has at most one pending run, and the run reads the document when it fires.
// A burst of changes therefore validates once, against the newest text.
//
// A timer rather than setImmediate: the JSON-RPC layer handles one message per macrotask, so an
// immediate would fire between two changes of the same burst, while even a 0 ms timer (1 ms in
// Node) lets the changes that arrived together be applied first.

/**
 * How long to wait before validating a document of `lineCount` lines. Small files validate at
 * once: their analysis costs less than any wait would save. Large ones wait a little, growing
 * with size, so that key repeat costs one analysis rather than one per key; about as long as
 * the re-check of one edited group takes (9 ms at 36,000 lines), since that is what most
 * keystrokes cost now (engine/incremental.ts).
 */
export function debounceMs(lineCount: number): number {
  if (lineCount < 1000) return 0;
  return Math.min(50, Math.max(1, Math.round(lineCount / 4000)));
}

export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (uri: string) => void,
    /** The wait before validating `uri`, read when a run is scheduled. */
    private readonly delayMs: (uri: string) => number = () => 25,
  ) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return; // the pending run will see the newest text anyway
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.run(uri);
    }, this.delayMs(uri));
    this.pending.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.pending.delete(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}

/**
 * The last analysis of each document, kept so that a validation of unchanged text (a settings
 * pull that changed nothing, another file's tags changing, a change that restores the same
 * text) reuses it instead of analysing again. An entry is valid only for the exact text and
 * the very engine (settings and catalogue) that produced it.
 */
export class AnalysisMemo<Engine, Result> {
  private readonly entries = new Map<string, { text: string; engine: Engine; result: Result }>();

  /** The remembered result, or a fresh one from `analyze` (then remembered); `reused` says which. */
  get(uri: string, text: string, engine: Engine, analyze: () => Result): { result: Result; reused: boolean } {
    const entry = this.entries.get(uri);
    if (entry && entry.engine === engine && entry.text === text) return { result: entry.result, reused: true };
    const result = analyze();
    this.entries.set(uri, { text, engine, result });
    return { result, reused: false };
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
