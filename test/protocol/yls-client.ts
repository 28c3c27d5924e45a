// yaml-language-server 2.0.0 (a devDependency) over stdio, given this project's schemas the way
// an editor gives them: the `yaml.schemas` setting, answered through workspace/configuration
// and didChangeConfiguration, with the schema store off so nothing is fetched. The schemas'
// `$ref`s to kubernetes.schema.json resolve to the file beside them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Hover,
  type Position,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { offlineEnv } from '../support/offline';
import { within } from '../support/lsp-client';

const ROOT = path.resolve(__dirname, '../../..');

/** Which schema the comparison files get: by file name, as a user would map them. */
export const SCHEMA_GLOBS = {
  'inference-stack.schema.json': '**/stack-*.yaml',
  'pre-porter.schema.json': '**/porter-*.yaml',
} as const;

function yamlSettings(): Record<string, unknown> {
  const schemas = Object.fromEntries(Object.entries(SCHEMA_GLOBS).map(([file, glob]) =>
    [pathToFileURL(path.join(ROOT, 'schemas', file)).href, glob]));
  return {
    schemas,
    schemaStore: { enable: false },
    completion: true,
    hover: true,
    validate: false,
    format: { enable: false },
    // Keys and values as items, not also snippets of whole objects.
    suggest: { parentSkeletonSelectedFirst: false },
    disableDefaultProperties: false,
  };
}

export class YamlLanguageServerClient {
  private constructor(private readonly child: ChildProcessWithoutNullStreams, readonly connection: ProtocolConnection) {}

  static async start(): Promise<YamlLanguageServerClient> {
    const bin = path.join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
    const child = spawn(process.execPath, [bin, '--stdio'], { stdio: 'pipe', env: offlineEnv() });
    child.stderr.resume();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const settings = yamlSettings();
    connection.onRequest(ConfigurationRequest.type, ({ items }) => items.map(({ section }) => {
      if (section === 'yaml') return settings;
      if (section === 'http') return { proxy: '', proxyStrictSSL: false };
      return null;
    }));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    const client = new YamlLanguageServerClient(child, connection);
    await within(connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    }), 'yaml-language-server initialize', 30_000);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: settings } });
    await client.ready();
    return client;
  }

  /**
   * Waits until the schema settings are in force: the server reads them asynchronously after
   * didChangeConfiguration, and a request before that answers without a schema.
   */
  private async ready(): Promise<void> {
    const uri = 'file:///tmp/bhv-yls-compare/stack-warm-up.yaml';
    await this.open(uri, 'modelGroups: {}\n');
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await this.hover(uri, { line: 0, character: 3 })) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('yaml-language-server never applied the schema settings');
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await within(this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position }), 'yaml-language-server completion', 20_000) as CompletionItem[] | CompletionList | null;
    return Array.isArray(result) ? result : result?.items ?? [];
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return within(this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'yaml-language-server hover', 20_000);
  }

  async stop(): Promise<void> {
    try {
      await within(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 3000);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // Killed below.
    }
    this.connection.dispose();
    if (this.child.exitCode === null) this.child.kill();
  }
}
