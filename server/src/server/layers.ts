// The server's side of layered values files: reading the bases a file declares (an open
// document's text wins over the disk), remembering which open files sit over which bases so
// that an edit in a base re-checks them, and the base texts of each file's last check for the
// features (completion, hover, definition) that answer synchronously.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { ManifestFile } from '../engine/embedded/analyze';
import type { LayeredInput, LayerText } from '../engine/layers/analyze';
import { mayHaveBases, planLayers, type LayerFile } from '../engine/layers/plan';
import { readConfinedFile, type FileAccess } from '../files/confined-read';
import { documentPath } from './settings';

/** A base on a disk that does not answer is given up after this long. */
export const BASE_READ_TIMEOUT_MS = 5_000;

/** What the server may read as a base (see SECURITY.md). */
export interface BaseReadPolicy {
  /** The workspace folders; with none, the folder of the file being checked. */
  roots: readonly string[];
  /** `bitHarbor.maxFileSize`. */
  maxBytes: number;
  /** Restricted mode (an untrusted workspace): only files open in the editor are bases. */
  restricted: boolean;
  timeoutMs?: number;
}

export class LayerService {
  /** Base uris of each open file checked in layers, from its last check. */
  private readonly basesByFile = new Map<string, LayerText[]>();
  /** Every path each file's last check asked for, read or not: its creation or edit matters too. */
  private readonly watched = new Map<string, Set<string>>();
  /** The values files each open manifest's last check read (readNamed), for the render command. */
  private readonly namedByFile = new Map<string, Map<string, ManifestFile>>();
  /** Numbers each file's layered checks, so an older one finishing late publishes nothing. */
  private readonly runs = new Map<string, number>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** The file system as the reads see it; tests pass a spy. */
    private readonly access?: FileAccess,
  ) {}

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
  async load(document: TextDocument, layers: string[][], policy: BaseReadPolicy): Promise<LayeredInput> {
    const filePath = documentPath(document.uri);
    const roots = policy.roots.length > 0 ? policy.roots : [path.dirname(filePath)];
    const read = (file: string): Promise<LayerFile> => readBase(file, open, { ...policy, roots }, this.access);
    const text = document.getText();
    const open = new Map(this.documents.all().map((other) => [documentPath(other.uri), other]));
    const files = new Map<string, LayerFile>();
    const siblings = layers.length > 0 ? await fs.readdir(path.dirname(filePath)).catch(() => []) : undefined;
    const request = { path: filePath, text, layers, siblings, files };
    let plan = planLayers(request);
    while (plan.kind === 'read') {
      await Promise.all(plan.missing.map(async (missing) => files.set(missing, await read(missing))));
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

  /**
   * The values files a manifest names (Engine.manifestFiles), read like bases: an open document
   * wins, the disk is read within the policy. An edit of one re-checks the manifest.
   */
  async readNamed(document: TextDocument, paths: readonly string[], policy: BaseReadPolicy): Promise<Map<string, ManifestFile>> {
    const roots = policy.roots.length > 0 ? policy.roots : [path.dirname(documentPath(document.uri))];
    const open = new Map(this.documents.all().map((other) => [documentPath(other.uri), other]));
    const read = await Promise.all(paths.map(async (file): Promise<[string, ManifestFile]> => {
      const got = await readBase(file, open, { ...policy, roots }, this.access);
      return [file, 'text' in got ? { uri: open.get(file)?.uri ?? pathToFileURL(file).toString(), text: got.text } : got];
    }));
    this.watched.set(document.uri, new Set(paths));
    const files = new Map(read);
    this.namedByFile.set(document.uri, files);
    return files;
  }

  /** The values files the manifest's last check read (none before its first). */
  namedFilesOf(uri: string): ReadonlyMap<string, ManifestFile> {
    return this.namedByFile.get(uri) ?? new Map();
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
    this.namedByFile.delete(uri);
    this.watched.delete(uri);
    this.runs.delete(uri);
  }
}

/** An open document's text wins over the disk; the disk is read only within the policy. */
async function readBase(file: string, open: ReadonlyMap<string, TextDocument>, policy: BaseReadPolicy, access?: FileAccess): Promise<LayerFile> {
  const document = open.get(file);
  if (document) return { text: document.getText() };
  if (policy.restricted) return { problem: 'the workspace is not trusted, so only files open in the editor are read as bases' };
  return readConfinedFile(file, { roots: policy.roots, maxBytes: policy.maxBytes, timeoutMs: policy.timeoutMs ?? BASE_READ_TIMEOUT_MS, access });
}
