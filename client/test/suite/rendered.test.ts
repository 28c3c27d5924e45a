// Show Rendered Manifests: a read-only document beside the values file with the manifests the
// chart renders from it, rendered again as the values file is edited.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openFixture, restore, waitFor } from './helpers';

describe('rendered manifests', () => {
  before(activateExtension);

  it('Show Rendered Manifests opens the manifests beside the file and follows edits', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('bitHarbor.showRenderedManifests');
      assert.ok(uri, 'the command answers the rendered document');
      const rendered = await waitFor('the rendered document', () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()));
      await waitFor('manifests in the rendered document', () => (rendered.getText().includes('# Source: inference-stack/templates/deployment.yaml') ? true : undefined));
      assert.match(rendered.getText(), /^---\n# Source: /);
      assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), 'shown beside the file');
      // Edit the values: the view renders again once typing pauses.
      const anchor = original.indexOf('modelGroups:');
      assert.ok(anchor >= 0, 'the fixture has modelGroups');
      await editor.edit((edit) => edit.insert(editor.document.positionAt(0), 'fullnameOverride: renamed-stack\n'));
      await waitFor('the rendered document after the edit', () => (rendered.getText().includes('name: renamed-stack-onwards') ? true : undefined));
    } finally {
      await restore(editor, original);
    }
  });
});
