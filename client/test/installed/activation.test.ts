// The .vsix as users get it: installed from the package (not this worktree), it activates on a
// YAML file and its bundled, minified server publishes the finding.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { bitHarborDiagnostics, codeOf, EXTENSION_ID, openFixture } from '../suite/helpers';

describe('the installed .vsix', () => {
  it('activates on a values file and reports its finding', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const installedFrom = process.env.BIT_HARBOR_EXTENSIONS_DIR;
    assert.ok(installedFrom && extension.extensionPath.startsWith(installedFrom), `loaded from the extensions folder, not the worktree: ${extension.extensionPath}`);
    const editor = await openFixture('inference-values.yaml');
    const diagnostics = await bitHarborDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-model'), 'the unknown-model finding');
    assert.equal(editor.document.getText(diagnostics[0].range), 'llama-3.1-8b-instruc');
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['bitHarbor.setChart', 'bitHarbor.restartServer', 'bitHarbor.showCatalogue', 'bitHarbor.refreshCatalogueWithProgress']) assert.ok(commands.includes(command), command);
  });
});
