// yaml-language-server 2.0.0 (tools/yaml-language-server/, installed apart by
// scripts/install-yaml-language-server.mjs) over stdio, given this project's schemas the way an
// editor gives them: the `yaml.schemas` setting, answered through workspace/configuration
// and didChangeConfiguration, with the schema store off so nothing is fetched. The schemas'
// `$ref`s to kubernetes.schema.json resolve to the file beside them. Driven by the one LSP
// client of the tests (test/support/lsp-client.ts).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lsp-client';
import { offlineEnv } from '../support/offline';

const ROOT = path.resolve(__dirname, '../../..');
/** Its answers take longer than ours (it resolves the schemas' `$ref`s on first use). */
const YLS_WAIT_MS = 30_000;

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

/** yaml-language-server started, configured, and with the schema settings in force. */
export async function startYamlLanguageServer(): Promise<LspTestClient> {
  const settings = yamlSettings();
  const client = await LspTestClient.start({
    server: {
      name: 'yaml-language-server',
      command: process.execPath,
      args: [path.join(ROOT, 'tools/yaml-language-server/node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'],
      env: offlineEnv(),
      configuration: (section) => {
        if (section === 'yaml') return settings;
        if (section === 'http') return { proxy: '', proxyStrictSSL: false };
        return null;
      },
    },
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
      textDocument: {
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    },
    timeoutMs: YLS_WAIT_MS,
  });
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: settings } });
  await schemasApplied(client);
  return client;
}

/**
 * Waits until the schema settings are in force: the server reads them asynchronously after
 * didChangeConfiguration, and a request before that answers without a schema.
 */
async function schemasApplied(client: LspTestClient): Promise<void> {
  const uri = 'file:///tmp/bhv-yls-compare/stack-warm-up.yaml';
  await client.sendOpen(uri, 'modelGroups: {}\n');
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await client.hover(uri, { line: 0, character: 3 }, 20_000)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('yaml-language-server never applied the schema settings');
}
