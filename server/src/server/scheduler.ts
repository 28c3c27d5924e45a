// Per-document validation queue. analyze() is synchronous, so "in flight" means "scheduled":
// each document has at most one pending run, and the run reads the document when it fires.
// A burst of changes therefore validates once, against the newest text.
//
// A short timer rather than setImmediate: the JSON-RPC layer handles one message per
// macrotask, so an immediate would fire between two changes of the same burst.

export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly run: (uri: string) => void,
    private readonly delayMs = 25,
  ) {}

  schedule(uri: string): void {
    if (this.pending.has(uri)) return; // the pending run will see the newest text anyway
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      this.run(uri);
    }, this.delayMs);
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
