// The VS Code side: starts the language server bundled at dist/server.js and lets
// vscode-languageclient do the rest (document sync, diagnostics, configuration).
import type { ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

// VS Code calls deactivate() without the context, so the running client has to be handed
// over through the module; this is the only module-level state, and activate owns it.
let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
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
    // The server caches the catalogue and registry answers here.
    initializationOptions: { storagePath: context.globalStorageUri.fsPath },
  };
  client = new LanguageClient('bitHarbor', 'Bit Harbor Values', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
