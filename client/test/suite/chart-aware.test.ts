// The answers only a chart-aware server gives, through VS Code's provider API: volume names of
// the same group in a mount, and where a key's value comes from (the file or the chart).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, positionAfter, restore, waitFor, label, hoverText } from './helpers';

describe('chart-aware completion and hover', () => {
  before(activateExtension);

  it("completes a mount's name from the group's volumes", async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      // The mount under volumeMounts: empty its name and ask there.
      const mounts = editor.document.getText().indexOf('volumeMounts:');
      const nameAt = editor.document.getText().indexOf('- name: weights', mounts) + '- name: '.length;
      const start = editor.document.positionAt(nameAt);
      await editor.edit((edit) => edit.delete(new vscode.Range(start, start.translate(0, 'weights'.length))));
      const labels = await waitFor('volume name completions', async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, start);
        const found = list.items.map(label);
        return found.includes('weights') ? found : undefined;
      });
      assert.ok(labels.includes('weights'), labels.join(', '));
    } finally {
      await restore(editor, original);
    }
  });

  it("says whether a key's value comes from the file or the chart", async () => {
    const editor = await openFixture('inference-values.yaml');
    const position = positionAfter(editor.document, 'containerPort', -3);
    const text = await hoverText(editor.document.uri, position);
    assert.match(text, /Set in this file/, text);
  });
});
