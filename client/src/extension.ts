// The VS Code side: starts the language server bundled at dist/server.js and adds what only an
// editor can show (commands, a status item, a progress notification). Every chart smart lives
// in the server, so Neovim and Helix users get the same diagnostics and completions.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { reportedByRedHat, type ChartId } from './red-hat-overlap';
import { currentOverlap, offerSchemasToRedHat } from './red-hat-yaml';
import { DocumentStatusItem } from './status';

// VS Code calls deactivate() without the context, so the running client has to be handed
// over through the module; this is the only module-level state, and activate owns it.
let client: LanguageClient | undefined;

/** Charts the server detected, per document URI, for the schemas handed to Red Hat's extension. */
type ChartMemory = Map<string, ChartId>;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, charts: ChartMemory): LanguageClient {
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
        if (overlap.syntax) void rememberChart(client, charts, uri);
      },
    },
  };
  const client = new LanguageClient('bitHarbor', 'Bit Harbor Values', serverOptions, clientOptions);
  return client;
}

type DiagnosticWithData = vscode.Diagnostic & { data?: unknown };

async function rememberChart(client: LanguageClient, charts: ChartMemory, uri: vscode.Uri): Promise<void> {
  try {
    const status = await client.sendRequest<{ chart: ChartId | null }>('bitHarbor/documentStatus', { uri: uri.toString() });
    if (status.chart) charts.set(uri.toString(), status.chart);
    else charts.delete(uri.toString());
  } catch {
    // The server is restarting; the next diagnostics ask again.
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bit Harbor Values', { log: true });
  context.subscriptions.push(output);
  const charts: ChartMemory = new Map();
  client = createClient(context, output, charts);
  const status = new DocumentStatusItem(() => client);
  context.subscriptions.push(status);
  registerCommands(context, {
    client: () => client,
    restart: async () => {
      await client?.restart();
      status.refresh();
    },
    refreshStatus: () => status.refresh(),
  });
  // Trust granted later: restart so the server may use the network and a catalogue file.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    await client?.stop();
    client = createClient(context, output, charts);
    await client.start();
    status.refresh();
  }));
  // Red Hat's extension may get our schemas, once, when the user turns sharing on.
  let offered = false;
  const offer = async (): Promise<void> => {
    if (!offered) offered = await offerSchemasToRedHat(context, (uri) => charts.get(uri));
  };
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('bitHarbor.redHatYaml') || event.affectsConfiguration('yaml.validate')) void offer();
  }));
  await client.start();
  status.refresh();
  void offer();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
