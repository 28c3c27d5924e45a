// "Show Rendered Manifests": a read-only virtual document beside the values file with the
// manifests the server renders from it (workspace/executeCommand bitHarbor.renderManifests),
// rendered again as the values file changes. The rendering itself lives in the server.
import * as vscode from 'vscode';
import type { LanguageClient } from './language-client';

export const RENDERED_SCHEME = 'bit-harbor-rendered';
/** Typing pauses this long before the view asks for a new render. */
const REFRESH_DELAY_MS = 300;

function renderedUriOf(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() || 'values.yaml';
  return vscode.Uri.from({ scheme: RENDERED_SCHEME, path: `/${name.replace(/\.ya?ml$/, '')}.rendered.yaml`, query: source.toString() });
}

class RenderedManifests implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (!client) return '# The Bit Harbor language server is not running.\n';
    const text = await client.sendRequest<string | null>('workspace/executeCommand', { command: 'bitHarbor.renderManifests', arguments: [uri.query] });
    return text ?? '# This file is not a values file of Inference Stack or Pre-Porter: nothing to render.\n';
  }

  /** A values file changed: refresh its view, if one is open, once typing pauses. */
  sourceChanged(source: vscode.Uri): void {
    const rendered = renderedUriOf(source);
    if (!vscode.workspace.textDocuments.some((document) => document.uri.toString() === rendered.toString())) return;
    const key = rendered.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.changed.fire(rendered);
    }, REFRESH_DELAY_MS));
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.changed.dispose();
  }
}

export function registerRenderedManifests(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const provider = new RenderedManifests(client);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, provider),
    vscode.workspace.onDidChangeTextDocument((event) => provider.sourceChanged(event.document.uri)),
    vscode.commands.registerCommand('bitHarbor.showRenderedManifests', async (target?: vscode.Uri) => {
      const source = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!source || source.scheme === RENDERED_SCHEME) return undefined;
      const document = await vscode.workspace.openTextDocument(renderedUriOf(source));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return document.uri;
    }),
  );
}
