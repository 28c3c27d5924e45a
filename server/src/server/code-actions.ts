// The LSP side of fixes: quick fixes for our diagnostics, refactors at the cursor and fix-all.
// The engine computes them in offsets of the current text; this file reads the other files a
// fix edits (open documents first, else the disk), and converts offsets to the protocol.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextDocuments, type TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as OffsetEdit } from '../engine/edit/yaml-edit';
import type { Engine } from '../engine/engine';
import type { YamlSource } from '../engine/yaml-source';
import type { OtherFile } from '../engine/fixes/index';
import { mayHaveBases } from '../engine/layers/plan';
import { FIX_ALL_KIND } from './capabilities';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { documentPath } from './settings';
import { revealInvisible } from '../engine/text/reveal-invisible';
import { readConfinedFileSync } from '../files/confined-read';

// Declared with the other capabilities, which the start-up announces before this module loads.
export { CODE_ACTION_KINDS, FIX_ALL_KIND } from './capabilities';

/** A Pre-Porter file on disk larger than this is not one a fix should rewrite. */
const MAX_OTHER_FILE_BYTES = 1024 * 1024;

export interface CodeActionHost {
  documents: TextDocuments<TextDocument>;
  engine(): Engine;
  /** The open document's parse cache (yaml-source.ts). */
  yamlOf?(uri: string): YamlSource;
}

/** Whether the client asked for actions of `kind` (`only` absent: every kind but source actions). */
function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only) return !kind.startsWith(CodeActionKind.Source);
  return only.some((asked) => kind === asked || kind.startsWith(asked + '.'));
}

function toEdits(document: TextDocument, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
}

/** The text of another file a fix edits: the editor's copy when open, else the disk's. */
function textOf(host: CodeActionHost, uri: string): TextDocument | undefined {
  const open = host.documents.get(uri);
  if (open) return open;
  if (!uri.startsWith('file:')) return undefined;
  try {
    const file = fileURLToPath(uri);
    // A regular file within the cap, opened without blocking: a FIFO swapped in since the scan
    // must not hold the server's thread (see SECURITY.md).
    const read = readConfinedFileSync(file, { roots: [dirname(file)], maxBytes: MAX_OTHER_FILE_BYTES });
    return 'text' in read ? TextDocument.create(uri, 'yaml', 0, read.text) : undefined; // else that file simply gets no fix
  } catch {
    return undefined; // not a file path: that file simply gets no fix
  }
}

function otherDocuments(host: CodeActionHost, diagnostics: readonly Diagnostic[]): Map<string, TextDocument> {
  const uris = new Set(diagnostics.flatMap((d) => {
    const listed = (d.data as { prePorterUris?: unknown } | undefined)?.prePorterUris;
    return Array.isArray(listed) ? listed.filter((uri): uri is string => typeof uri === 'string') : [];
  }));
  const found = new Map<string, TextDocument>();
  for (const uri of uris) {
    const document = textOf(host, uri);
    if (document) found.set(uri, document);
  }
  return found;
}

function isFromBase(diagnostic: Diagnostic): boolean {
  const data = diagnostic.data as { layer?: unknown } | undefined;
  return data?.layer !== undefined;
}

export function codeActions(host: CodeActionHost, params: CodeActionParams): CodeAction[] {
  const document = host.documents.get(params.textDocument.uri);
  if (!document) return [];
  const only = params.context.only;
  const engine = host.engine();
  const text = document.getText();
  const path = documentPath(document.uri);
  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix) || wanted(only, CodeActionKind.RefactorRewrite)) {
    // A finding shown here from a base file (`data.layer`) is fixed in the base, not here.
    const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && !isFromBase(d));
    const others = otherDocuments(host, ours);
    const otherFiles: OtherFile[] = [...others].map(([uri, other]) => ({ uri, text: other.getText() }));
    const range = { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) };
    const findings = ours.map((d) => ({ code: d.code, data: d.data, range: { start: document.offsetAt(d.range.start), end: document.offsetAt(d.range.end) } }));
    for (const fix of engine.codeActions({ path, text, otherFiles }, range, findings, host.yamlOf?.(document.uri))) {
      const target = fix.uri === undefined ? document : others.get(fix.uri);
      if (!target || !wanted(only, fix.kind)) continue;
      actions.push({
        title: revealInvisible(fix.title),
        kind: fix.kind,
        diagnostics: fix.finding === undefined ? undefined : [ours[fix.finding]],
        isPreferred: fix.isPreferred,
        edit: { changes: { [target.uri]: toEdits(target, fix.edits) } },
      });
    }
  }
  // Fix-all works from the file alone; over base files it would "fix" what the bases provide.
  if (wanted(only, FIX_ALL_KIND) && !mayHaveBases(path, text, engine.settings.layers)) {
    const edits = engine.fixAll({ path, text });
    if (edits.length > 0) {
      actions.push({ title: 'Fix all safe Bit Harbor problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: toEdits(document, edits) } } });
    }
  }
  return actions;
}
