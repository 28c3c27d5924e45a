// The extension's commands, each a small function over the client. The catalogue refresh runs
// in the server (any LSP editor can call `bitHarbor.refreshCatalogue`); here it gets progress.
import * as vscode from 'vscode';
import type { LanguageClient } from './language-client';
import { escapeNotification } from '../../server/src/engine/text/escape-notification';

interface CommandHost {
  client(): LanguageClient | undefined;
  restart(): Promise<void>;
  refreshStatus(): void;
}

interface CatalogueEntry {
  tag: string;
  repo: string;
  size: string;
}

const MODELINE = /^#\s*bit-harbor-values:.*$/m;

interface RefreshResult {
  source?: string;
  problem?: string;
}

/** Resolves to the server's answer (where the catalogue now comes from), for callers such as tests. */
async function refreshCatalogue(host: CommandHost): Promise<RefreshResult | null> {
  const client = host.client();
  if (!client) return null;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Refreshing the Bit Harbor model catalogue' },
    // workspace/executeCommand by name: the client library's request types load after activation.
    () => client.sendRequest('workspace/executeCommand', { command: 'bitHarbor.refreshCatalogue', arguments: [] }),
  ) as RefreshResult | null;
  // A problem the server has already shown (window/showMessage); only success is said here.
  if (!result?.problem && result?.source) void vscode.window.showInformationMessage(escapeNotification(`Bit Harbor catalogue: ${result.source}`));
  host.refreshStatus();
  return result;
}

async function showCatalogue(host: CommandHost): Promise<void> {
  const entries = (await host.client()?.sendRequest<CatalogueEntry[]>('bitHarbor/catalogue')) ?? [];
  const picked = await vscode.window.showQuickPick(
    entries.map((entry) => ({ label: entry.tag, description: entry.size, detail: entry.repo })),
    { title: 'Bit Harbor models', placeHolder: 'Insert a model tag' },
  );
  const editor = vscode.window.activeTextEditor;
  if (picked && editor) await editor.edit((edit) => edit.replace(editor.selection, picked.label));
}

async function setChart(host: CommandHost): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const chart = await vscode.window.showQuickPick(['inference-stack', 'pre-porter'], { title: 'Chart of this values file' });
  if (!chart) return;
  const document = editor.document;
  const line = `# bit-harbor-values: chart=${chart}`;
  const existing = MODELINE.exec(document.getText());
  await editor.edit((edit) => {
    if (existing) {
      const start = document.positionAt(existing.index);
      // Keep anything else the modeline says (base=...), replace only the chart.
      const updated = /\bchart=\S*/.test(existing[0]) ? existing[0].replace(/\bchart=\S*/, `chart=${chart}`) : `${existing[0]} chart=${chart}`;
      edit.replace(new vscode.Range(start, document.positionAt(existing.index + existing[0].length)), updated);
    } else {
      edit.insert(new vscode.Position(0, 0), line + (document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'));
    }
  });
  host.refreshStatus();
}

export function registerCommands(context: vscode.ExtensionContext, host: CommandHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('bitHarbor.refreshCatalogueWithProgress', () => refreshCatalogue(host)),
    vscode.commands.registerCommand('bitHarbor.showCatalogue', () => showCatalogue(host)),
    vscode.commands.registerCommand('bitHarbor.setChart', () => setChart(host)),
    vscode.commands.registerCommand('bitHarbor.restartServer', () => host.restart()),
  );
}
