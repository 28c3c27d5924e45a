// Values inside a GitOps manifest, in a real VS Code: a diagnostic inside an Argo CD `values: |-`
// block string sits on the manifest's line and column, its quick fix applied through VS Code's
// own edit path keeps the block's indentation, and a completion accepted on a fresh line inside
// the block lands indented into it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, bitHarborDiagnostics, codeOf, label, openFixture, positionAfter, restore } from './helpers';

describe('values inside a GitOps manifest', () => {
  before(activateExtension);

  it('finds, fixes and completes inside an Argo CD values block string', async () => {
    const editor = await openFixture('argo-app.yaml');
    const original = editor.document.getText();
    try {
      const uri = editor.document.uri;
      const diagnostics = await bitHarborDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'unknown-key'), 'the typo inside the block string');
      const typo = diagnostics.find((d) => codeOf(d) === 'unknown-key')!;
      assert.deepEqual([typo.range.start.line, typo.range.start.character], [15, 12]);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, typo.range, vscode.CodeActionKind.QuickFix.value);
      const rename = actions.find((action) => action.title === 'Change to `replicaCount`');
      assert.ok(rename?.edit, actions.map((action) => action.title).join(', '));
      assert.ok(await vscode.workspace.applyEdit(rename.edit));
      assert.equal(editor.document.lineAt(15).text, '            replicaCount: 2');
      await bitHarborDiagnostics(uri, (found) => !found.some((d) => codeOf(d) === 'unknown-key'), 'the typo gone after the fix');

      // A fresh line at the group's indentation inside the block, and the key VS Code offers there.
      const end = positionAfter(editor.document, 'enabled: true');
      await editor.edit((edit) => edit.insert(end, '\n            '));
      const position = new vscode.Position(end.line + 1, 12);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
      const env = list.items.find((item) => label(item) === 'env');
      assert.ok(env, list.items.map(label).slice(0, 30).join(', '));
      // The language client hands the server's text edit over as the item's range and text.
      const range = env.range instanceof vscode.Range ? env.range : env.range?.replacing ?? new vscode.Range(position, position);
      const text = typeof env.insertText === 'string' ? env.insertText : env.insertText?.value ?? label(env);
      assert.ok(await editor.edit((edit) => edit.replace(range, text)));
      assert.match(editor.document.lineAt(position.line).text, /^ {12}env:/);
    } finally {
      await restore(editor, original);
    }
  });
});
