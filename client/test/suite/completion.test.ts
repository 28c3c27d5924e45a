// Completion and hover through VS Code's own providers API (the same path a user's popup takes).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, positionAfter, restore, screenshot, waitFor, label, hoverText } from './helpers';

async function complete(uri: vscode.Uri, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, trigger);
  return list.items;
}

describe('completion and hover', () => {
  before(activateExtension);

  it('completes Bit Harbor tags after the registry', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      // Remove the typo's tag so the caret sits right after `bit-harbor:`.
      const start = positionAfter(editor.document, 'bit-harbor:');
      await editor.edit((edit) => edit.delete(new vscode.Range(start, start.translate(0, 'llama-3.1-8b-instruc'.length))));
      assert.equal(editor.document.lineAt(start.line).text, '          reference: ghcr.io/doublewordai/bit-harbor:');
      const items = await waitFor('tag completions', async () => {
        const found = (await complete(editor.document.uri, start, ':')).filter((item) => label(item).startsWith('llama-'));
        return found.length > 0 ? found : undefined;
      });
      const labels = items.map(label);
      assert.ok(labels.includes('llama-3.1-8b-instruct'), labels.join(', '));
      assert.ok(labels.includes('llama-3.2-1b-instruct'), labels.join(', '));
      editor.selection = new vscode.Selection(start, start);
      await vscode.commands.executeCommand('editor.action.triggerSuggest');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await screenshot('tag-completion');
      await vscode.commands.executeCommand('hideSuggestWidget');
    } finally {
      await restore(editor, original);
    }
  });

  it('completes a key of a model group', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      // A new line at the model group's indentation, after `enabled: true`.
      const end = positionAfter(editor.document, 'enabled: true');
      await editor.edit((edit) => edit.insert(end, '\n    '));
      const position = new vscode.Position(end.line + 1, 4);
      const labels = (await complete(editor.document.uri, position)).map(label);
      for (const key of ['replicaCount', 'env', 'affinity']) assert.ok(labels.includes(key), `${key} among ${labels.join(', ')}`);
      assert.ok(!labels.includes('enabled'), 'a key already set is not offered again');
    } finally {
      await restore(editor, original);
    }
  });

  it('hovers on a Bit Harbor tag', async () => {
    const editor = await openFixture('inference-values.yaml');
    const position = positionAfter(editor.document, 'bit-harbor:', 3);
    const text = await hoverText(editor.document.uri, position);
    assert.match(text, /not a model of the Bit Harbor catalogue/);
  });
});
