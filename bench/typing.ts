// What a person's keystrokes look like to a server (issue #18): most of the time the text is not
// valid YAML yet. Each scenario edits the middle model group of a generated file keystroke by
// keystroke, waits for each version's diagnostics as an editor would, then puts the text back.
// Figures are wall clocks around real protocol exchanges, as in scenario.ts.
import type { Position } from 'vscode-languageserver-protocol';
import type { LspTestClient, ServerSpec } from '../test/support/lsp-client';
import { peakRssMiB } from './process-stats';
import { startAsEditor } from './scenario';
import { summarize, type Summary } from './stats';

/** Keystrokes or requests per scenario at most; fewer when a scenario has spent its budget. */
const MAX_SAMPLES = 20;
const MIN_SAMPLES = 5;
const SCENARIO_BUDGET_MS = 8000;

export const TYPING_SCENARIOS = [
  'a key half typed',
  'a quote left open',
  'an empty list item',
  'a freshly indented line',
  'completion on that line',
  'pasting a whole group',
  'deleting a whole group',
] as const;

export type TypingScenario = (typeof TYPING_SCENARIOS)[number];

export interface TypingFigures {
  scenarios: Partial<Record<TypingScenario, Summary>>;
  peakRssMiB: number | null;
  /** Ours: the heap after the session, a second idle, after a full collection (bitHarbor/memory). */
  idleHeapMiB?: number | null;
}

/** The server's heap a second after the session, collected: what it holds while idle (ours only). */
async function idleHeapMiB(client: LspTestClient): Promise<number | null> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  try {
    const { result } = await client.timed<{ heapUsed: number; collected: boolean }>('bitHarbor/memory', { collect: true });
    return result.collected ? result.heapUsed / (1024 * 1024) : null;
  } catch {
    return null; // another server: no such request
  }
}

/** Where the scenarios type: the start of the second line of the middle group, and that group's lines. */
export function typingPlace(text: string): { at: number; groupStart: number; groupEnd: number } {
  const keyLine = /^ {2}[A-Za-z0-9._-]+:[ \t]*$/gm;
  const starts: number[] = [];
  for (let match = keyLine.exec(text); match; match = keyLine.exec(text)) starts.push(match.index);
  if (starts.length < 3) throw new Error('the file has fewer than three model groups');
  const middle = Math.floor(starts.length / 2);
  const groupStart = starts[middle];
  const at = text.indexOf('\n', groupStart) + 1;
  return { at: text.indexOf('\n', at) + 1, groupStart, groupEnd: starts[middle + 1] };
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

class Typist {
  constructor(
    private readonly client: LspTestClient,
    private readonly uri: string,
  ) {}

  private get text(): string {
    return this.client.text(this.uri)!;
  }

  /** Inserts `insert` at `offset` in one edit and waits for its diagnostics; the wall time. */
  async insert(offset: number, insert: string): Promise<number> {
    const where = positionAt(this.text, offset);
    return (await this.client.editTimed(this.uri, { start: where, end: where }, insert)).ms;
  }

  async remove(start: number, end: number): Promise<number> {
    const text = this.text;
    return (await this.client.editTimed(this.uri, { start: positionAt(text, start), end: positionAt(text, end) }, '')).ms;
  }

  /** Types `keys` one character at a time at `offset`; each keystroke's wall time, within the budget. */
  async type(offset: number, keys: string, times: number[]): Promise<void> {
    let spent = 0;
    for (let i = 0; i < keys.length && times.length < MAX_SAMPLES; i++) {
      if (times.length >= MIN_SAMPLES && spent > SCENARIO_BUDGET_MS) break;
      const ms = await this.insert(offset + i, keys[i]);
      times.push(ms);
      spent += ms;
    }
  }
}

/** Types `keys` after `prefix` (inserted first, not timed) until enough samples, putting the text back each round. */
async function typed(typist: Typist, at: number, prefix: string, keys: string): Promise<Summary> {
  const times: number[] = [];
  const started = performance.now();
  while (times.length < MAX_SAMPLES && !(times.length >= MIN_SAMPLES && performance.now() - started > SCENARIO_BUDGET_MS)) {
    const before = times.length;
    if (prefix) await typist.insert(at, prefix);
    await typist.type(at + prefix.length, keys, times);
    await typist.remove(at, at + prefix.length + (times.length - before));
  }
  return summarize(times);
}

/** Every typing scenario in the middle group of `text`, opened fresh in the server `spec`. */
export async function runTyping(spec: ServerSpec, uri: string, text: string): Promise<TypingFigures> {
  const client = await startAsEditor(spec);
  try {
    await client.settled(300);
    await client.openTimed(uri, text);
    const typist = new Typist(client, uri);
    const place = typingPlace(text);
    const { at } = place;
    const scenarios: TypingFigures['scenarios'] = {};
    scenarios['a key half typed'] = await typed(typist, at, '', '    replicaCount');
    scenarios['a quote left open'] = await typed(typist, at, '    modelName: ', '"served-name');
    scenarios['an empty list item'] = await typed(typist, at, '    args:\n', '      - ');
    scenarios['a freshly indented line'] = await typed(typist, at, '', '\n    ');

    // A blank line indented for the next key, and completion asked there: each sample on a new
    // version of the text (the line typed again), as after each Enter, so that nothing the server
    // keeps for one version answers the next request.
    const completions: number[] = [];
    while (completions.length < MAX_SAMPLES) {
      await typist.insert(at, '    \n');
      const position = positionAt(client.text(uri)!, at + 4);
      completions.push((await client.timed('textDocument/completion', { textDocument: { uri }, position })).ms);
      await typist.remove(at, at + 5);
    }
    scenarios['completion on that line'] = summarize(completions);

    // The middle group again under a new name, pasted before it, then deleted.
    const group = text.slice(place.groupStart, place.groupEnd).replace(/^( {2})([A-Za-z0-9._-]+):/, '$1$2-pasted:');
    const pasted: number[] = [];
    const deleted: number[] = [];
    const started = performance.now();
    while (pasted.length < MAX_SAMPLES && !(pasted.length >= MIN_SAMPLES && performance.now() - started > 2 * SCENARIO_BUDGET_MS)) {
      pasted.push(await typist.insert(place.groupStart, group));
      deleted.push(await typist.remove(place.groupStart, place.groupStart + group.length));
    }
    scenarios['pasting a whole group'] = summarize(pasted);
    scenarios['deleting a whole group'] = summarize(deleted);
    if (client.text(uri) !== text) throw new Error('the typing scenarios did not restore the text');
    return { scenarios, peakRssMiB: peakRssMiB(client.pid), idleHeapMiB: await idleHeapMiB(client) };
  } finally {
    await client.stop();
  }
}
