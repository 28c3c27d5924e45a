// The diagnostics a language server publishes, as the LSP client (lsp-client.ts) waits on them:
// those of one document version, the next ones whatever their version, or every publish over a
// stretch of the run (a recording). The promises here are unbounded; the client bounds them.
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

interface Waiter {
  /** A document version, or 'next': the next publish whatever its version. */
  version: number | 'next';
  resolve(diagnostics: Diagnostic[]): void;
}

/** Every publish for one document from its start until stopped. */
export class PublishRecording {
  readonly published: PublishDiagnosticsParams[] = [];
  private waiting: { version: number; resolve(published: PublishDiagnosticsParams[]): void }[] = [];

  constructor(readonly uri: string, private readonly onStop: (recording: PublishRecording) => void) {}

  add(params: PublishDiagnosticsParams): void {
    this.published.push(params);
    const answered = this.waiting.filter((w) => w.version === params.version);
    this.waiting = this.waiting.filter((w) => w.version !== params.version);
    for (const waiter of answered) waiter.resolve([...this.published]);
  }

  /** The publishes so far, once one for `version` is among them. */
  until(version: number): Promise<PublishDiagnosticsParams[]> {
    if (this.published.some((p) => p.version === version)) return Promise.resolve([...this.published]);
    return new Promise((resolve) => this.waiting.push({ version, resolve }));
  }

  /** Ends the recording; resolves with every publish it saw. */
  stop(): PublishDiagnosticsParams[] {
    this.onStop(this);
    return [...this.published];
  }
}

export class PublishedDiagnostics {
  /** False once the server has published without a document version. */
  versioned = true;
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly recordings = new Set<PublishRecording>();

  /**
   * `unversionedAnswersNewest`: a publish without a version answers the newest wait on its
   * document, for servers that stamp none (each edit waits for its own). Off, such a publish
   * (ours clearing a closed document) answers only waits for the next publish.
   */
  constructor(private readonly unversionedAnswersNewest: boolean) {}

  receive(params: PublishDiagnosticsParams): void {
    const { uri, version, diagnostics } = params;
    for (const recording of this.recordings) if (recording.uri === uri) recording.add(params);
    const waiting = this.waiters.get(uri) ?? [];
    let answers: (waiter: Waiter) => boolean;
    if (version === undefined || version === null) {
      this.versioned = false;
      const newest = waiting.filter((w) => w.version !== 'next').at(-1);
      answers = (w) => w.version === 'next' || (this.unversionedAnswersNewest && w === newest);
    } else {
      answers = (w) => w.version === 'next' || w.version === version;
    }
    const remaining = waiting.filter((w) => !answers(w));
    if (remaining.length > 0) this.waiters.set(uri, remaining);
    else this.waiters.delete(uri);
    for (const waiter of waiting.filter(answers)) waiter.resolve(diagnostics);
  }

  /** The first publish for `uri` from now on with `version` ('next': whatever its version). */
  wait(uri: string, version: number | 'next'): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiters.set(uri, [...(this.waiters.get(uri) ?? []), { version, resolve }]));
  }

  record(uri: string): PublishRecording {
    const recording = new PublishRecording(uri, (done) => this.recordings.delete(done));
    this.recordings.add(recording);
    return recording;
  }
}
