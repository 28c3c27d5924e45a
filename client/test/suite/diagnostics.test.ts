// Diagnostics in a real VS Code: the server's findings reach the Problems panel for a values
// file, and an unrelated YAML file stays silent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, bitHarborDiagnostics, codeOf, fixture, openFixture, screenshot } from './helpers';

describe('diagnostics', () => {
  before(activateExtension);

  it('reports the Bit Harbor finding of a values file at its position', async () => {
    const editor = await openFixture('inference-values.yaml');
    const diagnostics = await bitHarborDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'unknown-model'), 'an unknown-model diagnostic');
    const unknown = diagnostics.find((d) => codeOf(d) === 'unknown-model')!;
    assert.equal(editor.document.getText(unknown.range), 'llama-3.1-8b-instruc');
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(unknown.message, /did you mean `llama-3\.1-8b-instruct`/);
    assert.deepEqual(diagnostics.map(codeOf), ['unknown-model'], 'the fixture has exactly one finding');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-panel');
  });

  it('stays silent on YAML that is not a values file', async () => {
    const editor = await openFixture('plain.yaml');
    // The values file's diagnostics arriving proves the server is up; give this one a moment too.
    await bitHarborDiagnostics(fixture('inference-values.yaml'), (all) => all.length > 0, 'the server to publish');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri), []);
  });
});
