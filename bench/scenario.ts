// One editor session against one server and one generated file: open, type and delete inside
// one model group, then ask for completions, hovers and code actions. Every figure is a wall
// clock around a real protocol exchange, as the editor would wait for it.
import type { Diagnostic, Position, Range } from 'vscode-languageserver-protocol';
import { DidChangeConfigurationNotification, TextDocumentSyncKind } from 'vscode-languageserver-protocol';
import { LspTestClient, type ServerSpec } from '../test/support/lsp-client';
import { cpuMs, peakRssMiB } from './process-stats';
import { summarize, type Summary } from './stats';

/** Requests of each kind per session; p95 of 20 is the 19th slowest. */
const SAMPLES = 20;
/**
 * ...unless a kind has taken this long already (and has at least MIN_SAMPLES): seconds-long
 * answers on the largest file would otherwise hold the run for minutes. The JSON keeps the count.
 */
const SAMPLE_BUDGET_MS = 4000;
const MIN_SAMPLES = 5;
/** Characters typed and then deleted again: 2 × TYPED edits. */
const TYPED = '-abcdefghi';

export interface SessionFigures {
  startupMs: number;
  firstDiagnosticsMs: number;
  firstDiagnostics: number;
  editMs: Summary;
  /** Server CPU time per edit (the 20 edits' total / 20), where /proc allows reading it. */
  editCpuMs: number | null;
  completionTagMs: Summary;
  completionTagItems: number;
  completionKeyMs: Summary;
  completionKeyItems: number;
  hoverTagMs: Summary;
  hoverKeyMs: Summary;
  codeActionMs: Summary;
  codeActions: number;
  peakRssMiB: number | null;
  sync: 'incremental' | 'full';
  versionedDiagnostics: boolean;
}

interface Positions {
  alias: Position;
  tagEnd: Position;
  tagMiddle: Position;
  keyInside: Position;
  mistake: Range;
}

/** Waits on a server for as long as the largest file may take. */
const WAIT_MS = 60_000;

/** What an editor announces, and the settings announced once after start (servers that pull answer with a request). */
export async function startAsEditor(spec: ServerSpec): Promise<LspTestClient> {
  const client = await LspTestClient.start({
    server: spec,
    timeoutMs: WAIT_MS,
    // A server that stamps no versions on its diagnostics: each edit waits for its own.
    unversionedAnswersNewest: true,
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
      },
    },
  });
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  return client;
}

/** Where the session types and asks: the middle group (never a seeded one) and group 9's mistake. */
export function positionsIn(text: string, groups: number): Positions {
  const lines = text.split('\n');
  const groupLine = (index: number) => lines.indexOf(`  group-${index}:`);
  const find = (from: number, prefix: string) => {
    for (let line = from; line < lines.length; line++) if (lines[line].startsWith(prefix)) return line;
    throw new Error(`no line starting with ${JSON.stringify(prefix)} after line ${from}`);
  };
  const middle = groupLine(Math.floor(groups / 2));
  const aliasLine = find(middle, '    modelAlias: [');
  const referenceLine = find(middle, '          reference: ghcr.io/doublewordai/bit-harbor:');
  const tagStart = lines[referenceLine].indexOf(':', lines[referenceLine].indexOf('bit-harbor')) + 1;
  const keyLine = find(middle, '    containerPort:');
  const mistakeLine = find(groupLine(9), '        memory: 32 GB');
  return {
    alias: { line: aliasLine, character: lines[aliasLine].indexOf(']') },
    tagEnd: { line: referenceLine, character: lines[referenceLine].length },
    tagMiddle: { line: referenceLine, character: tagStart + 3 },
    keyInside: { line: keyLine, character: '    contai'.length },
    mistake: { start: { line: mistakeLine, character: '        memory: '.length }, end: { line: mistakeLine, character: lines[mistakeLine].length } },
  };
}

async function samples(run: () => Promise<number>): Promise<Summary> {
  const times: number[] = [];
  let spent = 0;
  while (times.length < SAMPLES && (times.length < MIN_SAMPLES || spent < SAMPLE_BUDGET_MS)) {
    times.push(await run());
    spent += times.at(-1)!;
  }
  return summarize(times);
}

function count(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  const items = (result as { items?: unknown[] } | null)?.items;
  return Array.isArray(items) ? items.length : 0;
}

function touches(diagnostic: Diagnostic, range: Range): boolean {
  return diagnostic.range.start.line <= range.end.line && diagnostic.range.end.line >= range.start.line;
}

export async function runSession(spec: ServerSpec, uri: string, text: string, groups: number): Promise<SessionFigures> {
  const at = positionsIn(text, groups);
  const client = await startAsEditor(spec);
  try {
    await client.settled(300);
    const opened = await client.openTimed(uri, text);
    let diagnostics = opened.diagnostics;

    // Type TYPED at the end of the middle group's alias, then delete it again, key by key.
    const edits: number[] = [];
    const cpuBefore = cpuMs(client.pid);
    for (let i = 0; i < TYPED.length; i++) {
      const where = { line: at.alias.line, character: at.alias.character + i };
      const result = await client.editTimed(uri, { start: where, end: where }, TYPED[i]);
      edits.push(result.ms);
    }
    for (let i = TYPED.length; i > 0; i--) {
      const start = { line: at.alias.line, character: at.alias.character + i - 1 };
      const result = await client.editTimed(uri, { start, end: { line: start.line, character: start.character + 1 } }, '');
      edits.push(result.ms);
      diagnostics = result.diagnostics;
    }
    const cpuAfter = cpuMs(client.pid);
    const editCpuMs = cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / edits.length;
    if (client.text(uri) !== text) throw new Error('typing and deleting did not restore the text');

    const textDocument = { uri };
    let completionTagItems = 0;
    let completionKeyItems = 0;
    let codeActions = 0;
    const completionTagMs = await samples(async () => {
      const { ms, result } = await client.timed('textDocument/completion', { textDocument, position: at.tagEnd });
      completionTagItems = count(result);
      return ms;
    });
    const completionKeyMs = await samples(async () => {
      const { ms, result } = await client.timed('textDocument/completion', { textDocument, position: at.keyInside });
      completionKeyItems = count(result);
      return ms;
    });
    const hoverTagMs = await samples(async () => (await client.timed('textDocument/hover', { textDocument, position: at.tagMiddle })).ms);
    const hoverKeyMs = await samples(async () => (await client.timed('textDocument/hover', { textDocument, position: at.keyInside })).ms);
    const context = { diagnostics: diagnostics.filter((d) => touches(d, at.mistake)), only: undefined };
    const codeActionMs = await samples(async () => {
      const { ms, result } = await client.timed('textDocument/codeAction', { textDocument, range: at.mistake, context });
      codeActions = count(result);
      return ms;
    });
    return {
      startupMs: client.startupMs,
      firstDiagnosticsMs: opened.ms,
      firstDiagnostics: opened.diagnostics.length,
      editMs: summarize(edits),
      editCpuMs,
      completionTagMs,
      completionTagItems,
      completionKeyMs,
      completionKeyItems,
      hoverTagMs,
      hoverKeyMs,
      codeActionMs,
      codeActions,
      peakRssMiB: peakRssMiB(client.pid),
      sync: client.syncKind() === TextDocumentSyncKind.Incremental ? 'incremental' : 'full',
      versionedDiagnostics: client.versioned,
    };
  } finally {
    await client.stop();
  }
}
