// The language client: most of the extension's code (vscode-languageclient), so extension.ts
// loads this file (dist/language-client.js) only after activate() has handed control back to
// VS Code. It starts the server bundled at dist/server.js and filters what Red Hat's YAML
// extension reports as well.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { reportedByRedHat, type ChartId } from './red-hat-overlap';
import { currentOverlap } from './red-hat-yaml';

export type { LanguageClient };

/** Charts the server detected, per document URI, for the schemas handed to Red Hat's extension. */
export type ChartMemory = Map<string, ChartId>;

type DiagnosticWithData = vscode.Diagnostic & { data?: unknown };

/** `current` is the client now running, for the middleware (a restart replaces it). */
export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, charts: ChartMemory, current: () => LanguageClient | undefined): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // TransportKind.stdio makes the client append `--stdio` to the server's arguments itself.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'yaml', scheme: 'file' },
      { language: 'yaml', scheme: 'untitled' },
    ],
    // Sends didChangeConfiguration when anything under bitHarbor.* changes; the server then
    // pulls the section with workspace/configuration.
    synchronize: { configurationSection: 'bitHarbor' },
    outputChannel: output,
    // The server caches the catalogue here; in an untrusted workspace it stays off the network.
    initializationOptions: { storagePath: context.globalStorageUri.fsPath, trusted: vscode.workspace.isTrusted },
    middleware: {
      // One problem, one finding: what Red Hat's YAML extension reports as well is left to it.
      handleDiagnostics(uri, diagnostics, next) {
        const overlap = currentOverlap();
        next(uri, diagnostics.filter((diagnostic) => !reportedByRedHat(diagnostic as DiagnosticWithData, overlap)));
        if (overlap.syntax) void rememberChart(current(), charts, uri);
      },
    },
  };
  return new LanguageClient('bitHarbor', 'Bit Harbor Values', serverOptions, clientOptions);
}

async function rememberChart(client: LanguageClient | undefined, charts: ChartMemory, uri: vscode.Uri): Promise<void> {
  if (!client) return;
  try {
    const status = await client.sendRequest<{ chart: ChartId | null }>('bitHarbor/documentStatus', { uri: uri.toString() });
    if (status.chart) charts.set(uri.toString(), status.chart);
    else charts.delete(uri.toString());
  } catch {
    // The server is restarting; the next diagnostics ask again.
  }
}
