// The VS Code side: starts the language server bundled at dist/server.js and adds what only an
// editor can show (commands, a status item, a progress notification). Every chart smart lives
// in the server, so Neovim and Helix users get the same diagnostics and completions.
//
// Activation does only the cheap registrations. The language client library is most of the
// extension's code, so it lives in its own bundle (language-client.ts, dist/language-client.js),
// loaded once activate() has handed control back to VS Code.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerRenderedManifests } from './rendered';
import type { ChartMemory, LanguageClient } from './language-client';
import { offerSchemasToRedHat } from './red-hat-yaml';
import { DocumentStatusItem } from './status';

// VS Code calls deactivate() without the context, so the running client has to be handed
// over through the module; this is the only module-level state, and activate owns it.
let client: LanguageClient | undefined;

function languageClient(): typeof import('./language-client') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./language-client') as typeof import('./language-client');
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bit Harbor Values', { log: true });
  context.subscriptions.push(output);
  const charts: ChartMemory = new Map();
  const createClient = () => languageClient().createClient(context, output, charts, () => client);
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
  registerRenderedManifests(context, () => client);
  // Trust granted later: restart so the server may use the network and a catalogue file.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(async () => {
    await client?.stop();
    client = createClient();
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
  // VS Code disposes the subscriptions on deactivation, which may come before the client exists.
  let deactivated = false;
  context.subscriptions.push({ dispose: () => (deactivated = true) });
  await new Promise((resolve) => setImmediate(resolve));
  // Deactivated meanwhile, or trust granted meanwhile, which started a client of its own.
  if (deactivated || client) return;
  client = createClient();
  await client.start();
  status.refresh();
  void offer();
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  await running?.stop();
}
