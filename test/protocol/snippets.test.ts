// Snippet completion over stdio: under `modelGroups:` the built server (dist/server.js, offline)
// offers the Bit Harbor model groups as snippets, and a group inserted with its tab stops at their
// defaults lints clean through the server's own diagnostics. Run `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { expandSnippet, parseSnippet } from '../../server/src/engine/completion/snippet-syntax';
import { LspTestClient, within } from '../support/lsp-client';

const URI = 'file:///tmp/bit-harbor-snippets-test/values.yaml';

function itemsOf(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

/** The text once the item is inserted as an editor inserts a snippet whose tab stops keep their defaults. */
function insert(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const expanded = { range: edit.range, newText: expandSnippet(parseSnippet(edit.newText)) };
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 0, text), [expanded]);
}

describe('snippet completion over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('offers the model groups under modelGroups:, and an inserted group lints clean', async () => {
    const text = 'modelGroups:\n  ';
    await client.open(URI, text);
    const result = await within(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: URI }, position: { line: 1, character: 2 } }), 'completion');
    const snippets = itemsOf(result).filter((item) => item.kind === CompletionItemKind.Snippet);
    const zeroCopy = snippets.find((item) => item.label === 'Bit Harbor model group: image volume (zero copy)');
    const copy = snippets.find((item) => item.label === 'Bit Harbor model group: writable copy · llama-3.1-8b-instruct');
    assert.ok(zeroCopy && copy, `the groups among ${snippets.map((item) => item.label).join(', ')}`);
    for (const item of [zeroCopy, copy]) {
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      assert.equal(item.insertTextMode, InsertTextMode.asIs);
      const inserted = insert(text, item);
      assert.match(inserted, /^modelGroups:\n {2}[a-z0-9-]+:\n {4}enabled: true\n/);
      assert.deepEqual(await client.change(URI, inserted), [], inserted);
    }
    assert.match(copy.detail ?? '', /^sizeLimit 17Gi · /);
    assert.deepEqual(client.errors, []);
  });
});
