// Edits the server proposes, applied through VS Code: the unknown-model quick fix and renaming a
// volume (its definition and its mount change together).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, bitHarborDiagnostics, codeOf, openFixture, positionAfter, restore, hoverText } from './helpers';

describe('quick fixes and rename', () => {
  before(activateExtension);

  it('applies the unknown-model quick fix and the finding goes away', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      const uri = editor.document.uri;
      const [unknown] = await bitHarborDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'unknown-model'), 'the unknown-model diagnostic');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, unknown.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((action) => action.title.includes('llama-3.1-8b-instruct') && action.edit);
      assert.ok(fix, `a fix to llama-3.1-8b-instruct among: ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.equal(editor.document.lineAt(unknown.range.start.line).text, '          reference: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct');
      assert.equal(editor.document.getText().replace('llama-3.1-8b-instruct\n          pullPolicy', 'llama-3.1-8b-instruc\n          pullPolicy'), original, 'nothing else changed');
      await bitHarborDiagnostics(uri, (all) => all.length === 0, 'the finding to clear');
      // A catalogue tag now: the hover tells its Hugging Face model and size.
      const text = await hoverText(uri, positionAfter(editor.document, 'bit-harbor:', 3));
      assert.match(text, /huggingface\.co\/meta-llama\/Llama-3\.1-8B-Instruct/);
      assert.match(text, /Weights: \*\*[\d.]+ GiB\*\*/, text);
    } finally {
      await restore(editor, original);
    }
  });

  it('renames a volume where it is defined and where it is mounted', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      const position = positionAfter(editor.document, 'volumeMounts:\n      - name: wei');
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'model-weights');
      assert.ok(edit, 'the server answers the rename');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const text = editor.document.getText();
      assert.equal(text.match(/- name: model-weights\n/g)?.length, 2, text);
      assert.doesNotMatch(text, /name: weights/);
      assert.equal(text, original.replaceAll('- name: weights\n', '- name: model-weights\n'));
    } finally {
      await restore(editor, original);
    }
  });
});
