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
import { DocumentStatusItem } from './status';

// VS Code calls deactivate() without the context, so the running client has to be handed
// over through the module; this is the only module-level state, and activate owns it.
let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
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
  };
  return new LanguageClient('bitHarbor', 'Bit Harbor Values', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bit Harbor Values', { log: true });
  context.subscriptions.push(output);
  client = createClient(context, output);
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
    client = createClient(context, output);
    await client.start();
    status.refresh();
  }));
  await client.start();
  status.refresh();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
