// The extension's commands, run as a user runs them from the palette: quick picks are answered
// through the workbench's own quick-open commands.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { activateExtension, bitHarborDiagnostics, codeOf, openFixture, restore, waitFor } from './helpers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command that opens a quick pick and accepts its item number `index` (0 = the first). */
async function pickWith<T>(command: string, index: number): Promise<T> {
  let settled = false;
  const running = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (settled = true));
  // The quick pick opens asynchronously and the API has no event for it: answer it, and answer
  // again while the command still waits (a busy machine may open it late).
  for (let attempt = 0; attempt < 20 && !settled; attempt++) {
    await pause(500);
    for (let i = 0; i < index; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return running;
}

describe('commands', () => {
  before(activateExtension);

  it('Set Chart for This File writes the modeline and the file is analysed as that chart', async () => {
    const editor = await openFixture('plain.yaml');
    const original = editor.document.getText();
    try {
      await pickWith('bitHarbor.setChart', 1); // inference-stack, pre-porter
      assert.equal(editor.document.lineAt(0).text, '# bit-harbor-values: chart=pre-porter');
      assert.equal(editor.document.getText(), `# bit-harbor-values: chart=pre-porter\n${original}`);
      // Pre-Porter has no `name` or `items`: now the server reports them.
      const diagnostics = await bitHarborDiagnostics(editor.document.uri, (all) => all.length > 0, 'Pre-Porter findings');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'unknown-key'), diagnostics.map((d) => `${codeOf(d)}: ${d.message}`).join('\n'));
    } finally {
      await restore(editor, original);
    }
  });

  it('Show Model Catalogue inserts the picked tag', async () => {
    const editor = await openFixture('plain.yaml');
    const original = editor.document.getText();
    try {
      const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
      editor.selection = new vscode.Selection(end, end);
      await pickWith('bitHarbor.showCatalogue', 0);
      const inserted = editor.document.getText().slice(original.length);
      assert.match(inserted, /^[a-z0-9][a-z0-9.-]+$/, `a tag was inserted: ${JSON.stringify(inserted)}`);
    } finally {
      await restore(editor, original);
    }
  });

  it('Restart Server brings the server back and it analyses edits', async () => {
    const editor = await openFixture('inference-values.yaml');
    const original = editor.document.getText();
    try {
      await vscode.commands.executeCommand('bitHarbor.restartServer');
      // A word, not a quoted number: the chart prints the port inline, so "8000" would be valid.
      await editor.edit((edit) => edit.replace(new vscode.Range(editor.document.positionAt(original.indexOf('port: 8000')), editor.document.positionAt(original.indexOf('port: 8000') + 10)), 'port: "http"'));
      const diagnostics = await bitHarborDiagnostics(editor.document.uri, (all) => all.some((d) => codeOf(d) === 'wrong-type'), 'a wrong-type finding after the restart');
      assert.ok(diagnostics.some((d) => codeOf(d) === 'unknown-model'));
    } finally {
      await restore(editor, original);
    }
  });

  describe('Refresh Model Catalogue', () => {
    let server: Server;
    let hits = 0;
    before(async () => {
      // A catalogue host on loopback: offline, the refresh must never reach it.
      server = createServer((_request, response) => {
        hits++;
        response.writeHead(500).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/models.json`;
      await vscode.workspace.getConfiguration('bitHarbor').update('catalog.url', url, vscode.ConfigurationTarget.Global);
    });
    after(async () => {
      await vscode.workspace.getConfiguration('bitHarbor').update('catalog.url', undefined, vscode.ConfigurationTarget.Global);
      server.close();
    });

    it('stays offline and reports the catalogue it uses', async () => {
      await openFixture('inference-values.yaml');
      // The runner's user settings say offline; right after the update above, code-server may
      // still be reloading them (seen once on a loaded machine), so wait for them to read back.
      await waitFor('the runner sets offline', () => (vscode.workspace.getConfiguration('bitHarbor').get('catalog.offline') === true ? true : undefined), 5000);
      const result = await vscode.commands.executeCommand<{ source?: string; problem?: string } | null>('bitHarbor.refreshCatalogueWithProgress');
      assert.ok(result, 'the server answered the refresh');
      assert.match(result.source ?? '', /bundled catalogue/);
      await pause(500);
      assert.equal(hits, 0, 'the catalogue URL was not fetched');
    });
  });
});
