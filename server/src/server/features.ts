// The LSP side of the catalogue features: completion of Bit Harbor tags, hover on a tag, and the
// code actions (computed in code-actions.ts). The engine computes them from the document's
// current text in offsets; this file only converts to and from the protocol. A failing request
// is logged and answered empty: a bug here must cost one popup, not the session.
import {
  CompletionItemKind,
  MarkupKind,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type Hover,
  type HoverParams,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeImageTags } from '../engine/completion/image-tags';
import type { Engine } from '../engine/engine';
import type { LayerText } from '../engine/layers/analyze';
import { hoverImageTag } from '../engine/hover/image-tag';
import type { OffsetRange } from '../engine/types';
import type { YamlSource } from '../engine/yaml-source';
import { authoringCompletions, authoringHover } from './authoring';
import { codeActions } from './code-actions';
import { requestView } from './embedded-view';
import { documentPath } from './settings';
import { snippetCompletions } from './snippets';

export { CATALOGUE_CAPABILITIES } from './capabilities';

export interface FeatureHost {
  documents: TextDocuments<TextDocument>;
  /** The engine of the current settings and catalogue; it is replaced when they change. */
  engine(): Engine;
  logError(what: string, error: unknown): void;
  /** The base files the document was last checked over (layered values files). */
  layersOf?(uri: string): LayerText[];
  /** The open document's parse, shared by every request on its current text (yaml-source.ts). */
  yamlOf?(uri: string): YamlSource;
}

function guarded<T>(host: FeatureHost, what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    host.logError(what, error);
    return fallback;
  }
}

function toRange(document: TextDocument, range: OffsetRange) {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

function completion(host: FeatureHost, params: CompletionParams): CompletionItem[] {
  const document = host.documents.get(params.textDocument.uri);
  if (!document || host.engine().isTooLarge(document.getText())) return []; // not parsed: see the file-too-large finding
  const view = requestView(host, document, document.offsetAt(params.position));
  if (!view) return [];
  return completionsIn(view.host, view.document, view.offset).map((item) =>
    item.textEdit && 'range' in item.textEdit ? { ...item, textEdit: view.edit(item.textEdit) } : item);
}

function completionsIn(host: FeatureHost, document: TextDocument, offset: number): CompletionItem[] {
  const engine = host.engine();
  const items = completeImageTags(document.getText(), offset, engine.catalogue, engine.settings, documentPath(document.uri), host.yamlOf?.(document.uri));
  const tags = items.map((item): CompletionItem => ({
    label: item.label,
    kind: CompletionItemKind.Value,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    textEdit: { range: toRange(document, item.edit.range), newText: item.edit.newText },
    filterText: item.filterText,
    sortText: item.sortText,
  }));
  // Keys and values before snippets: the tag and key completions read the same probe text (the
  // cursor marked), so they share one parse of it; the snippets' own probe comes after.
  const authoring = authoringCompletions(host, document, document.positionAt(offset));
  return tags.concat(snippetCompletions(host, document, offset), authoring);
}

function hover(host: FeatureHost, params: HoverParams): Hover | null {
  const document = host.documents.get(params.textDocument.uri);
  if (!document || host.engine().isTooLarge(document.getText())) return null;
  const view = requestView(host, document, document.offsetAt(params.position));
  const found = view ? hoverIn(view.host, view.document, view.offset) : null;
  return found?.range && view ? { ...found, range: view.range(found.range) } : found;
}

function hoverIn(host: FeatureHost, document: TextDocument, offset: number): Hover | null {
  const engine = host.engine();
  const toOpen = (open: TextDocument) => ({ uri: open.uri, text: open.getText(), path: documentPath(open.uri), yaml: host.yamlOf?.(open.uri) });
  const found = hoverImageTag(toOpen(document), offset, engine.catalogue, engine.settings, host.documents.all().map(toOpen));
  if (!found) return authoringHover(host, document, document.positionAt(offset));
  return { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(document, found.range) };
}

export function registerCatalogueFeatures(connection: Connection, host: FeatureHost): void {
  connection.onCompletion((params) => guarded(host, 'completing image tags', [], () => completion(host, params)));
  connection.onHover((params) => guarded(host, 'hovering', null, () => hover(host, params)));
  connection.onCodeAction((params) => guarded(host, 'computing code actions', [], () => codeActions(host, params)));
}
