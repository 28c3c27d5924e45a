// The documents a client has opened on a server, as the server should now see them: each one's
// text and version, and the notification parameters that tell the server of an open or an edit.
import type { DidChangeTextDocumentParams, DidOpenTextDocumentParams, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export class SyncedDocuments {
  private readonly documents = new Map<string, TextDocument>();

  /** Version 1 of `uri`, whatever was open under it before. */
  opened(uri: string, text: string): DidOpenTextDocumentParams {
    this.documents.set(uri, TextDocument.create(uri, 'yaml', 1, text));
    return { textDocument: { uri, languageId: 'yaml', version: 1, text } };
  }

  /**
   * The next version of `uri` with `range` replaced by `text` (the whole text when `range` is
   * null). The change names the range when the server syncs incrementally, else it is the whole
   * new text; a whole-text replacement is sent whole either way.
   */
  edited(uri: string, range: Range | null, text: string, incremental: boolean): DidChangeTextDocumentParams {
    const before = this.documents.get(uri) ?? TextDocument.create(uri, 'yaml', 0, '');
    const version = before.version + 1;
    const after = range ? TextDocument.update(before, [{ range, text }], version) : TextDocument.create(uri, 'yaml', version, text);
    this.documents.set(uri, after);
    const change = range === null ? { text } : incremental ? { range, text } : { text: after.getText() };
    return { textDocument: { uri, version }, contentChanges: [change] };
  }

  closed(uri: string): void {
    this.documents.delete(uri);
  }

  text(uri: string): string | undefined {
    return this.documents.get(uri)?.getText();
  }
}
