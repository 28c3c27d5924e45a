// The default configuration on a machine that cannot reach the catalogue host (here a port on
// 127.0.0.1 that refuses connections): diagnostics arrive from the bundled catalogue, and the
// failure is said once, as a notification, which blocks nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, askPage, bitHarborDiagnostics, codeOf, openFixture, waitFor } from '../suite/helpers';

describe('a catalogue host that refuses connections', () => {
  it('still validates, and says so in one notification', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    await activateExtension();
    const editor = await openFixture('inference-values.yaml');
    await bitHarborDiagnostics(editor.document.uri, (found) => found.some((d) => codeOf(d) === 'unknown-model'), 'diagnostics without the catalogue host');
    await vscode.commands.executeCommand('notifications.showList');
    const texts = await waitFor('the catalogue notification', async () => {
      const shown = (await askPage<string[]>('notifications')) ?? [];
      return shown.some((text) => /Bit Harbor catalogue/.test(text)) ? shown : undefined;
    }, 30_000);
    // A few seconds more: a second notification (the fallback said twice) would come now.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const settled = ((await askPage<string[]>('notifications')) ?? []).filter((text) => /catalogue/i.test(text));
    assert.equal(settled.length, 1, settled.join('\n'));
    assert.match(settled[0], /could not refresh the Bit Harbor catalogue: .*ECONNREFUSED.*keeping the bundled catalogue/, texts.join('\n'));
  });
});
