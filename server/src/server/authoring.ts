// The LSP side of the authoring features: key and value completion and hover (called from the
// single completion and hover handlers in features.ts, since a connection keeps one handler per
// method), and the requests of their own: outline, workspace symbols, definition, references,
// rename, inlay hints, folding and selection ranges. The engine answers in offsets; this file
// converts. A failing request is logged and answered empty; a refused rename is an answer.
import {
  CompletionItemKind,
  InsertTextMode,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type Location,
  type Position,
  type Range,
  type SelectionRange,
  type SymbolInformation,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeAuthoring } from '../engine/authoring/complete';
import { hoverAuthoring } from '../engine/authoring/hover';
import { inlayHints } from '../engine/authoring/inlay-hints';
import { prepareRenameAt, referencesAt, renameAt } from '../engine/authoring/navigation';
import { foldingRanges, selectionRanges } from '../engine/authoring/structure';
import { documentSymbols, workspaceSymbols, type AuthoringSymbol, type SymbolKindName, type WorkspaceFile } from '../engine/authoring/symbols';
import type { LayerText } from '../engine/layers/analyze';
import { layeredDefinitionAt } from '../engine/layers/navigation';
import type { OffsetRange } from '../engine/types';
import { requestView, type RequestView } from './embedded-view';
import type { FeatureHost } from './features';
import { documentPath } from './settings';
import { revealInvisible } from '../engine/text/reveal-invisible';

export { AUTHORING_CAPABILITIES } from './capabilities';

export interface AuthoringHost extends FeatureHost {
  /** Values files of the workspace that are not open (the start-up scan's texts). */
  workspaceFiles(): WorkspaceFile[];
}

const SYMBOL_KINDS: Record<SymbolKindName, SymbolKind> = {
  module: SymbolKind.Module,
  class: SymbolKind.Class,
  package: SymbolKind.Package,
  object: SymbolKind.Object,
  array: SymbolKind.Array,
  string: SymbolKind.String,
  number: SymbolKind.Number,
  boolean: SymbolKind.Boolean,
  null: SymbolKind.Null,
};

function answer<T>(host: FeatureHost, what: string, fallback: T, run: () => T): T {
  try {
    return run();
  } catch (error) {
    host.logError(what, error);
    return fallback;
  }
}

function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

function toOffsets(document: TextDocument, range: Range): OffsetRange {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** Key and value items at `position`, for features.ts to add to the tag items. */
export function authoringCompletions(host: FeatureHost, document: TextDocument, position: Position): CompletionItem[] {
  return answer(host, 'completing keys and values', [], () => {
    const engine = host.engine();
    const items = completeAuthoring(document.getText(), document.offsetAt(position), engine.catalogue, engine.settings, documentPath(document.uri), host.layersOf?.(document.uri), host.yamlOf?.(document.uri));
    return items.map((item) => ({
      label: item.label,
      kind: item.kind === 'key' ? CompletionItemKind.Property : CompletionItemKind.Value,
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      textEdit: { range: toRange(document, item.edit.range), newText: item.edit.newText },
      // The text carries the indentation of where it goes; an editor must not add its own.
      insertTextMode: InsertTextMode.asIs,
      filterText: item.filterText,
      sortText: item.sortText,
    }));
  });
}

/** Hover on keys, values, quantities and volume names, for features.ts when no tag is hovered. */
export function authoringHover(host: FeatureHost, document: TextDocument, position: Position): Hover | null {
  return answer(host, 'hovering a key', null, () => {
    const engine = host.engine();
    const found = hoverAuthoring(document.getText(), document.offsetAt(position), engine.catalogue, engine.settings, documentPath(document.uri), host.layersOf?.(document.uri), host.yamlOf?.(document.uri));
    return found ? { contents: { kind: MarkupKind.Markdown, value: found.markdown }, range: toRange(document, found.range) } : null;
  });
}

function toDocumentSymbol(document: TextDocument, symbol: AuthoringSymbol): DocumentSymbol {
  return {
    name: symbol.name === '' ? '""' : symbol.name, // the protocol forbids empty names
    detail: symbol.detail,
    kind: SYMBOL_KINDS[symbol.kind],
    range: toRange(document, symbol.range),
    selectionRange: toRange(document, symbol.selectionRange),
    children: symbol.children.map((child) => toDocumentSymbol(document, child)),
  };
}

/** A symbol of a values block's text, at the manifest's offsets. */
function movedSymbol(symbol: AuthoringSymbol, move: (range: OffsetRange) => OffsetRange): AuthoringSymbol {
  return { ...symbol, range: move(symbol.range), selectionRange: move(symbol.selectionRange), children: symbol.children.map((child) => movedSymbol(child, move)) };
}

function toSelectionRange(document: TextDocument, chain: OffsetRange[]): SelectionRange {
  // The chain runs innermost first; each range's parent is the next one.
  let parent: SelectionRange | undefined;
  for (const range of [...chain].reverse()) parent = { range: toRange(document, range), parent };
  return parent ?? { range: toRange(document, { start: 0, end: 0 }) };
}

function baseDocument(bases: readonly LayerText[], uri: string): TextDocument | null {
  const base = bases.find((candidate) => candidate.uri === uri);
  return base ? TextDocument.create(base.uri, 'yaml', 0, base.text) : null;
}

function refused(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

export function registerAuthoringFeatures(connection: Connection, host: AuthoringHost): void {
  const withDocument = <T>(uri: string, fallback: T, run: (document: TextDocument, path: string) => T): T => {
    const document = host.documents.get(uri);
    // A file over bitHarbor.maxFileSize is never parsed (its one finding says so).
    return document && !host.engine().isTooLarge(document.getText()) ? run(document, documentPath(uri)) : fallback;
  };

  connection.onDocumentSymbol(({ textDocument }) => answer(host, 'listing symbols', [], () =>
    withDocument(textDocument.uri, [], (document, path) => {
      const engine = host.engine();
      const embedded = engine.embeddedViews({ path, text: document.getText() }, host.yamlOf?.(document.uri));
      // A manifest: each values block's outline, at the manifest's lines.
      if (embedded) {
        return embedded.flatMap(({ engine: values, path: valuesPath, projection }) =>
          documentSymbols(projection.text, values.catalogue, values.settings, valuesPath).map((symbol) => toDocumentSymbol(document, movedSymbol(symbol, (range) => projection.toOuterRange(range)))));
      }
      return documentSymbols(document.getText(), engine.catalogue, engine.settings, path, host.yamlOf?.(document.uri)).map((symbol) => toDocumentSymbol(document, symbol));
    })));

  connection.onWorkspaceSymbol(({ query }) => answer(host, 'finding workspace symbols', [], (): SymbolInformation[] => {
    const engine = host.engine();
    const open = host.documents.all().map((document) => ({ uri: document.uri, text: document.getText(), path: documentPath(document.uri) }));
    const openUris = new Set(open.map((file) => file.uri));
    const files = [...open, ...host.workspaceFiles().filter((file) => !openUris.has(file.uri))].filter((file) => !engine.isTooLarge(file.text));
    const texts = new Map(files.map((file) => [file.uri, TextDocument.create(file.uri, 'yaml', 0, file.text)]));
    return workspaceSymbols(files, query, engine.catalogue, engine.settings).map((symbol) => ({
      name: symbol.name,
      kind: SYMBOL_KINDS[symbol.kind],
      containerName: symbol.containerName,
      location: { uri: symbol.uri, range: toRange(texts.get(symbol.uri)!, symbol.range) },
    }));
  }));

  /** Values inside a manifest at `position`: the request answered there and moved back (null: a values file, answer as usual). */
  const inManifest = <T>(document: TextDocument, position: Position, fallback: T, run: (view: RequestView) => T): T | null => {
    const view = requestView(host, document, document.offsetAt(position));
    if (view && view.document === document) return null;
    return view ? run(view) : fallback;
  };

  connection.onDefinition(({ textDocument, position }) => answer(host, 'finding a definition', [], (): Location[] =>
    withDocument(textDocument.uri, [], (document, path) => {
      const embedded = inManifest(document, position, [], (view) =>
        layeredDefinitionAt(view.document.getText(), view.offset, view.host.engine().settings, documentPath(view.document.uri), []).flatMap((location) =>
          location.uri === undefined ? [{ uri: document.uri, range: view.range(toRange(view.document, location.range)) }] : []));
      if (embedded) return embedded;
      // A mount in an override may name a volume of a base file: the answer is in the base.
      const bases = host.layersOf?.(document.uri) ?? [];
      return layeredDefinitionAt(document.getText(), document.offsetAt(position), host.engine().settings, path, bases).flatMap((location) => {
        const target = location.uri === undefined ? document : baseDocument(bases, location.uri);
        return target ? [{ uri: target.uri, range: toRange(target, location.range) }] : [];
      });
    })));

  connection.onReferences(({ textDocument, position, context }) => answer(host, 'finding references', [], (): Location[] =>
    withDocument(textDocument.uri, [], (document, path) => {
      const embedded = inManifest(document, position, [], (view) =>
        referencesAt(view.document.getText(), view.offset, context.includeDeclaration, view.host.engine().settings, documentPath(view.document.uri))
          .map((range) => ({ uri: document.uri, range: view.range(toRange(view.document, range)) })));
      return embedded ?? referencesAt(document.getText(), document.offsetAt(position), context.includeDeclaration, host.engine().settings, path)
        .map((range) => ({ uri: document.uri, range: toRange(document, range) }));
    })));

  connection.onPrepareRename(({ textDocument, position }) => answer(host, 'preparing a rename', null, () =>
    withDocument(textDocument.uri, null, (document, path) => {
      const view = requestView(host, document, document.offsetAt(position));
      if (!view) return null;
      const result = prepareRenameAt(view.document.getText(), view.offset, view.host.engine().settings, view.document === document ? path : documentPath(view.document.uri));
      return 'error' in result ? refused(result.error) : { range: view.range(toRange(view.document, result.range)), placeholder: result.placeholder };
    })));

  connection.onRenameRequest(({ textDocument, position, newName }) => answer(host, 'renaming', null, () =>
    withDocument(textDocument.uri, null, (document, path): WorkspaceEdit | ResponseError<void> | null => {
      const view = requestView(host, document, document.offsetAt(position));
      if (!view) return null;
      const result = renameAt(view.document.getText(), view.offset, newName, view.host.engine().settings, view.document === document ? path : documentPath(view.document.uri));
      if ('error' in result) return refused(result.error);
      return { changes: { [document.uri]: result.edits.map((edit) => view.edit({ range: toRange(view.document, edit.range), newText: edit.newText })) } };
    })));

  connection.languages.inlayHint.on(({ textDocument, range }) => answer(host, 'computing inlay hints', [], (): InlayHint[] =>
    withDocument(textDocument.uri, [], (document, path) => {
      const engine = host.engine();
      const toHint = (at: number, hint: { label: string; tooltip: string }): InlayHint => ({ position: document.positionAt(at), label: hint.label, tooltip: revealInvisible(hint.tooltip), paddingLeft: true });
      const wanted = toOffsets(document, range);
      const embedded = engine.embeddedViews({ path, text: document.getText() }, host.yamlOf?.(document.uri));
      if (embedded) {
        // A manifest: the hints of each values block the range reaches, at the manifest's offsets.
        return embedded.flatMap(({ engine: values, path: valuesPath, projection }) => {
          if (projection.outer.end < wanted.start || projection.outer.start > wanted.end) return [];
          return inlayHints(projection.text, { start: 0, end: projection.text.length }, values.catalogue, values.settings, valuesPath)
            .map((hint) => toHint(projection.toOuter(hint.offset), hint));
        });
      }
      return inlayHints(document.getText(), wanted, engine.catalogue, engine.settings, path, host.yamlOf?.(document.uri)).map((hint) => toHint(hint.offset, hint));
    })));

  connection.onFoldingRanges(({ textDocument }) => answer(host, 'computing folding ranges', [], (): FoldingRange[] =>
    withDocument(textDocument.uri, [], (document, path) =>
      foldingRanges(document.getText(), host.engine().settings, path, host.yamlOf?.(document.uri)).map((fold) => ({ startLine: fold.startLine, endLine: fold.endLine, kind: fold.kind })))));

  connection.onSelectionRanges(({ textDocument, positions }) => answer(host, 'computing selection ranges', [], (): SelectionRange[] =>
    withDocument(textDocument.uri, [], (document, path) => {
      const chains = selectionRanges(document.getText(), positions.map((position) => document.offsetAt(position)), host.engine().settings, path, host.yamlOf?.(document.uri));
      return chains ? chains.map((chain) => toSelectionRange(document, chain)) : [];
    })));
}
