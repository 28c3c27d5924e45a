// A language status item on YAML files: which chart the server detected, and where the model
// catalogue came from and how old it is.
import * as vscode from 'vscode';
import type { LanguageClient } from './language-client';

interface DocumentStatus {
  chart: string | null;
  detectedBy: string | null;
  catalogue: string;
}

const CHART_NAMES: Record<string, string> = { 'inference-stack': 'Inference Stack', 'pre-porter': 'Pre-Porter' };

export class DocumentStatusItem implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('bitHarbor.status', { language: 'yaml' });
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Bit Harbor Values';
    this.item.command = { title: 'Set chart', command: 'bitHarbor.setChart' };
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      // Detection can change with the text (a modeline, a first `modelGroups:`).
      vscode.languages.onDidChangeDiagnostics(() => this.refresh()),
    ];
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (!document || document.languageId !== 'yaml' || !client?.isRunning()) return;
    try {
      const status = await client.sendRequest<DocumentStatus>('bitHarbor/documentStatus', { uri: document.uri.toString() });
      this.item.text = status.chart ? `$(check) ${CHART_NAMES[status.chart] ?? status.chart}` : 'Not a values file';
      this.item.detail = `${status.detectedBy ? `by ${status.detectedBy}; ` : ''}catalogue: ${status.catalogue}`;
    } catch {
      this.item.text = 'Bit Harbor: server not ready';
    }
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
