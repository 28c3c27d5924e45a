// Requests inside a GitOps manifest's values: the features answer on the values' own text (the
// engine's EmbeddedView, as a document of its own) and their ranges and edits are moved back to
// the manifest, each new line indented into the block. A values file is its own view.
import { pathToFileURL } from 'node:url';
import type { Range, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Projection } from '../engine/embedded/projection';
import type { FeatureHost } from './features';
import { documentPath } from './settings';

export interface RequestView {
  /** The document the feature reads: the editor's, or the values inside it. */
  document: TextDocument;
  /** The request's offset in `document`. */
  offset: number;
  /** The host to hand the feature: for values inside a manifest, one whose engine reads them as the release's chart. */
  host: FeatureHost;
  /** A range of `document` in the editor's document. */
  range(range: Range): Range;
  /** An edit of `document` as an edit of the editor's document. */
  edit(edit: TextEdit): TextEdit;
}

/** The view a request at `offset` reads; null inside a manifest but outside any values (no answer). */
export function requestView(host: FeatureHost, document: TextDocument, offset: number): RequestView | null {
  const engine = host.engine();
  const embedded = engine.embeddedAt({ path: documentPath(document.uri), text: document.getText() }, offset, host.yamlOf?.(document.uri));
  if (embedded === undefined) return { document, offset, host, range: (range) => range, edit: (edit) => edit };
  if (embedded === null) return null;
  const inner = TextDocument.create(pathToFileURL(embedded.path).toString(), 'yaml', document.version, embedded.projection.text);
  const viewHost: FeatureHost = { documents: host.documents, engine: () => embedded.engine, logError: (what, error) => host.logError(what, error) };
  return {
    document: inner,
    offset: embedded.projection.toInner(offset) ?? 0,
    host: viewHost,
    range: (range) => outerRange(document, inner, embedded.projection, range),
    edit: (edit) => {
      const moved = embedded.projection.toOuterEdit({ start: inner.offsetAt(edit.range.start), end: inner.offsetAt(edit.range.end), newText: edit.newText });
      return { range: { start: document.positionAt(moved.start), end: document.positionAt(moved.end) }, newText: moved.newText };
    },
  };
}

function outerRange(outer: TextDocument, inner: TextDocument, projection: Projection, range: Range): Range {
  return {
    start: outer.positionAt(projection.toOuter(inner.offsetAt(range.start))),
    end: outer.positionAt(projection.toOuter(inner.offsetAt(range.end))),
  };
}
