// Workspace trust as client/src/extension.ts intends it: the folder opens untrusted (restricted
// mode), where validation and completion work from the bundled catalogue and nothing is fetched;
// once the user grants trust, the server restarts with the network, fetches the catalogue from
// the configured host (127.0.0.1, serving a tag the bundled copy lacks) and completion offers it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, askPage, bitHarborDiagnostics, codeOf, label, openFixture, positionAfter, restore, waitFor } from '../suite/helpers';

const EXTRA_TAG = 'editor-test-extra-model';

function catalogueUrl(): string {
  const url = process.env.BIT_HARBOR_TEST_CATALOGUE_URL;
  assert.ok(url, 'the runner serves a catalogue');
  return url;
}

async function hostRequests(): Promise<number> {
  const response = await fetch(new URL('/requests', catalogueUrl()));
  return Number(await response.text());
}

async function tagLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[] | undefined> {
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, ':');
    const labels = list.items.map(label);
    return labels.includes('llama-3.1-8b-instruct') ? labels : undefined;
  } catch {
    return undefined; // the client restarting after trust was granted
  }
}

describe('workspace trust and the catalogue host', () => {
  it('untrusted: bundled catalogue, no fetch; trust granted: the host is asked and its tag offered', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the folder opens untrusted');
    await activateExtension();
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      await bitHarborDiagnostics(editor.document.uri, (found) => found.some((d) => codeOf(d) === 'unknown-model'), 'diagnostics in restricted mode');
      const start = positionAfter(editor.document, 'bit-harbor:');
      await editor.edit((edit) => edit.delete(new vscode.Range(start, start.translate(0, 'llama-3.1-8b-instruc'.length))));
      const before = await waitFor('tag completions in restricted mode', () => tagLabels(editor.document.uri, start));
      assert.ok(!before.includes(EXTRA_TAG), 'the bundled catalogue has no extra tag');
      assert.equal(await hostRequests(), 0, 'nothing is fetched in an untrusted workspace');

      const granted = new Promise<void>((resolve) => vscode.workspace.onDidGrantWorkspaceTrust(() => resolve()));
      await vscode.commands.executeCommand('workbench.trust.manage');
      await askPage('grant-trust');
      await waitFor('trust to be granted', async () => (vscode.workspace.isTrusted ? true : undefined));
      await granted;
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor'); // the trust editor
      await vscode.window.showTextDocument(editor.document);
      const after = await waitFor('the host\'s extra tag in completion', async () => {
        const labels = await tagLabels(editor.document.uri, start);
        return labels?.includes(EXTRA_TAG) ? labels : undefined;
      }, 45_000);
      assert.ok(after.includes(EXTRA_TAG));
      assert.ok((await hostRequests()) >= 1, 'the host was asked');
    } finally {
      await restore(await vscode.window.showTextDocument(editor.document), original);
    }
  });
});
