// The LSP side of snippet completion (engine/completion/snippets.ts): items in snippet syntax,
// already indented for where they go, so an editor must insert them as they are. Called from the
// completion handler in features.ts; a failure costs the snippets, not the other items.
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completeSnippets } from '../engine/completion/snippets';
import type { FeatureHost } from './features';
import { documentPath } from './settings';

export function snippetCompletions(host: FeatureHost, document: TextDocument, offset: number): CompletionItem[] {
  try {
    const engine = host.engine();
    return completeSnippets(document.getText(), offset, engine.catalogue, engine.settings, documentPath(document.uri), host.yamlOf?.(document.uri)).map((item) => ({
      label: item.label,
      kind: CompletionItemKind.Snippet,
      detail: item.detail,
      documentation: { kind: MarkupKind.Markdown, value: item.documentation },
      textEdit: { range: { start: document.positionAt(item.edit.range.start), end: document.positionAt(item.edit.range.end) }, newText: item.edit.newText },
      insertTextFormat: InsertTextFormat.Snippet,
      insertTextMode: InsertTextMode.asIs,
      filterText: item.filterText,
      sortText: item.sortText,
    }));
  } catch (error) {
    host.logError('completing snippets', error);
    return [];
  }
}
