// The server under fuzz, over the protocol: the built dist/server.js on stdio, driven by the
// shared test client. Each case replaces a document's text with a mutated one, waits for its
// diagnostics, then asks for completion and hover at random positions, code actions with the
// diagnostics just published, the outline and the inlay hints. Every request must be answered
// (within the client's bound), and the server must log no error: its handlers catch a throw
// and log it, so a logged error is a crash the user would not see but which lost an answer.
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  InlayHintRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../../support/lsp-client';
import { corpus } from './corpus';
import { mutate, positions } from './mutate';
import { caseRandom, pick } from './prng';
import type { FuzzFailure } from './engine-fuzz';

export interface ProtocolFuzzReport {
  cases: number;
  requests: number;
  failures: FuzzFailure[];
  maxMs: number;
  maxRequest: string;
  slow: { index: number; request: string; ms: number; lines: number }[];
}

/** Settings whose globs force a chart on files that look like neither, so every check runs. */
export const FUZZ_SETTINGS = { files: { inferenceStack: ['**/inference/*.yaml'], prePorter: ['**/porter/*.yaml'] } };
const URIS = ['file:///work/values.yaml', 'file:///work/inference/values.yaml', 'file:///work/porter/values.yaml'];

/** Waits no longer than this for one answer: a hang fails the case instead of the run. */
const REQUEST_BOUND_MS = 10_000;

export async function fuzzProtocol(options: { seed: number; count: number; first?: number; positions?: number; client?: LspTestClient }): Promise<ProtocolFuzzReport> {
  const client = options.client ?? (await LspTestClient.start({ settings: FUZZ_SETTINGS }));
  const report: ProtocolFuzzReport = { cases: 0, requests: 0, failures: [], maxMs: 0, maxRequest: '', slow: [] };
  const seeds = corpus();
  const first = options.first ?? 0;
  try {
    // Opening each document once first takes the start-up (settings, compiling the validators)
    // out of the figures: it is not a request.
    for (const uri of URIS) await client.open(uri, 'a: 1\n');
    for (let index = first; index < first + options.count; index++) {
      const random = caseRandom(options.seed, index);
      const source = pick(random, seeds);
      const { text, steps } = mutate(source.text, random);
      const uri = pick(random, URIS);
      const lines = text.split('\n').length;
      const document = TextDocument.create(uri, 'yaml', 0, text);
      const at = positions(text, random, options.positions ?? 3).map((offset): Position => document.positionAt(offset));
      report.cases++;
      let request = '';
      const errorsBefore = client.errors.length;
      const timed = async <T>(name: string, send: () => Promise<T>): Promise<T> => {
        request = name;
        const started = performance.now();
        const answer = await within(send(), `${name} (case ${index})`, REQUEST_BOUND_MS);
        const ms = performance.now() - started;
        report.requests++;
        if (lines < 1000 && ms > report.maxMs) [report.maxMs, report.maxRequest] = [ms, `${name} (case ${index}, ${lines} lines)`];
        if (lines < 1000 && ms > 1000) report.slow.push({ index, request: name, ms, lines });
        return answer;
      };
      try {
        const diagnostics = await timed('didChange', () => client.change(uri, text));
        const connection = client.connection;
        const textDocument = { uri };
        for (const position of at) {
          await timed('completion', () => connection.sendRequest(CompletionRequest.type, { textDocument, position }));
          await timed('hover', () => connection.sendRequest(HoverRequest.type, { textDocument, position }));
        }
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
        await timed('codeAction', () => connection.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics } }));
        await timed('codeAction (fix all)', () =>
          connection.sendRequest(CodeActionRequest.type, { textDocument, range: whole, context: { diagnostics, only: ['source.fixAll.bit-harbor'] } }));
        await timed('documentSymbol', () => connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
        await timed('inlayHint', () => connection.sendRequest(InlayHintRequest.type, { textDocument, range: whole }));
        const logged = client.errors.slice(errorsBefore);
        if (logged.length > 0) throw new Error(`the server logged an error: ${logged[0]}`);
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        report.failures.push({ seed: options.seed, index, source: source.name, steps, operation: request, error: detail, text });
        if (/timed out/.test(detail)) break; // a server that stopped answering answers nothing after
      }
    }
  } finally {
    if (!options.client) await client.stop();
  }
  return report;
}
