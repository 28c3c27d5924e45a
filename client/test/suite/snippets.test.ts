// Snippets appear once: the server offers the Bit Harbor recipes where they fit, with the current
// catalogue's tags, so the extension contributes no static copy of them to VS Code (which would
// list every recipe twice in a values file and offer them in any YAML file).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, restore, waitFor } from './helpers';

// VS Code's own snippet items are labelled with the prefix and describe themselves with the name.
const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : [item.label.label, item.label.description].filter(Boolean).join(' — '));

async function snippetLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet).map(label);
}

describe('snippets', () => {
  before(activateExtension);

  it('lists each Bit Harbor recipe once under modelGroups:', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\n  '));
      const position = new vscode.Position(end.line + 1, 2); // a new model group's place
      const labels = await waitFor('the server snippets', async () => {
        const found = await snippetLabels(editor.document.uri, position);
        return found.includes('Bit Harbor model group: image volume (zero copy)') ? found : undefined;
      });
      console.log(`snippet items: ${labels.join(' | ')}`);
      // A static copy shows as `bit-harbor-group — Bit Harbor model group: image volume (zero copy)`.
      assert.deepEqual(labels.filter((name) => /^(bit-harbor|bh-|pre-porter|gpu-targeting)/.test(name)), [], `no second copy of a recipe: ${labels.join(' | ')}`);
      assert.ok(labels.some((name) => name.startsWith('Bit Harbor model group: writable copy · ')), 'the per-model copy recipes come from the server');
    } finally {
      await restore(editor, original);
    }
  });

  it('offers no Bit Harbor recipe in YAML that is not a values file', async () => {
    const editor = await openFixture('plain.yaml');
    const original = editor.document.getText();
    try {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      await editor.edit((edit) => edit.insert(end, '\nbit'));
      const labels = await snippetLabels(editor.document.uri, new vscode.Position(end.line + 1, 3));
      assert.deepEqual(labels.filter((name) => /bit.harbor|pre-porter|gpu.node|gpu-targeting/i.test(name)), []);
    } finally {
      await restore(editor, original);
    }
  });
});
