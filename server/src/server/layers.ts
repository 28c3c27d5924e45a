// The server's side of layered values files: reading the bases a file declares (an open
// document's text wins over the disk), remembering which open files sit over which bases so
// that an edit in a base re-checks them, and the base texts of each file's last check for the
// features (completion, hover, definition) that answer synchronously.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { LayeredInput, LayerText } from '../engine/layers/analyze';
import { mayHaveBases, planLayers, type LayerFile } from '../engine/layers/plan';
import { documentPath } from './settings';

/** A base larger than this is not read: values files are far smaller. */
const MAX_BASE_BYTES = 4 * 1024 * 1024;

export class LayerService {
  /** Base uris of each open file checked in layers, from its last check. */
  private readonly basesByFile = new Map<string, LayerText[]>();
  /** Every path each file's last check asked for, read or not: its creation or edit matters too. */
  private readonly watched = new Map<string, Set<string>>();
  /** Numbers each file's layered checks, so an older one finishing late publishes nothing. */
  private readonly runs = new Map<string, number>();

  constructor(private readonly documents: TextDocuments<TextDocument>) {}

  /** True when the file is checked in layers (its modeline names a base, or a layer glob does). */
  hasBases(document: TextDocument, layers: readonly (readonly string[])[]): boolean {
    return document.uri.startsWith('file:') && mayHaveBases(documentPath(document.uri), document.getText(), layers);
  }

  startRun(uri: string): number {
    const run = (this.runs.get(uri) ?? 0) + 1;
    this.runs.set(uri, run);
    return run;
  }

  isLatest(uri: string, run: number): boolean {
    return this.runs.get(uri) === run;
  }

  /** Reads what the file's layers need and returns the engine's input for them. */
  async load(document: TextDocument, layers: string[][]): Promise<LayeredInput> {
    const filePath = documentPath(document.uri);
    const text = document.getText();
    const open = new Map(this.documents.all().map((other) => [documentPath(other.uri), other]));
    const files = new Map<string, LayerFile>();
    const siblings = layers.length > 0 ? await fs.readdir(path.dirname(filePath)).catch(() => []) : undefined;
    const request = { path: filePath, text, layers, siblings, files };
    let plan = planLayers(request);
    while (plan.kind === 'read') {
      await Promise.all(plan.missing.map(async (missing) => files.set(missing, await readBase(missing, open))));
      plan = planLayers(request);
    }
    const uriOf = (file: string) => open.get(file)?.uri ?? pathToFileURL(file).toString();
    const bases = plan.bases.map((base) => ({ uri: uriOf(base.path), path: base.path, text: base.text }));
    this.basesByFile.set(document.uri, bases);
    this.watched.set(document.uri, new Set(files.keys()));
    return {
      path: filePath,
      uri: document.uri,
      text,
      bases,
      problems: plan.problems.map(({ path: holder, finding }) => (holder === filePath ? finding : { ...finding, uri: uriOf(holder) })),
    };
  }

  /** The bases of the file's last layered check (none when it has no layers). */
  basesOf(uri: string): LayerText[] {
    return this.basesByFile.get(uri) ?? [];
  }

  /** The text of a base some file was checked over, for related locations into it. */
  baseText(uri: string): string | undefined {
    for (const bases of this.basesByFile.values()) {
      const found = bases.find((base) => base.uri === uri);
      if (found) return found.text;
    }
    return undefined;
  }

  /** Open files checked over the file at `uri`: an edit there changes their findings. */
  filesOver(uri: string): string[] {
    const changed = documentPath(uri);
    return [...this.watched].flatMap(([file, paths]) => (paths.has(changed) ? [file] : []));
  }

  forget(uri: string): void {
    this.basesByFile.delete(uri);
    this.watched.delete(uri);
    this.runs.delete(uri);
  }
}

async function readBase(file: string, open: ReadonlyMap<string, TextDocument>): Promise<LayerFile> {
  const document = open.get(file);
  if (document) return { text: document.getText() };
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { problem: 'it is a folder' };
    if (stat.size > MAX_BASE_BYTES) return { problem: `larger than ${MAX_BASE_BYTES / 1024 / 1024} MiB` };
    const text = await fs.readFile(file, 'utf8');
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'no such file' : error instanceof Error ? error.message : String(error) };
  }
}
