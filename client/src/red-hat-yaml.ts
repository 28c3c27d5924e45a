// Red Hat's YAML extension in VS Code: reads whether it validates (so the language client can
// drop the findings it reports too) and, when `bitHarbor.redHatYaml.shareSchemas` is on, hands it
// our chart schemas through its schema contributor API. The rules are in red-hat-overlap.ts.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { RED_HAT_YAML_ID, SCHEMA_SCHEME, schemaForRedHat, schemaNameOf, schemaUri, type ChartId, type Overlap } from './red-hat-overlap';

interface RedHatYamlApi {
  registerContributor(
    scheme: string,
    requestSchema: (resource: string) => string | undefined,
    requestSchemaContent: (uri: string) => string | undefined,
    label?: string,
  ): boolean;
}

function sharing(): boolean {
  return vscode.workspace.getConfiguration('bitHarbor').get<boolean>('redHatYaml.shareSchemas', false);
}

export function currentOverlap(): Overlap {
  const installed = vscode.extensions.getExtension(RED_HAT_YAML_ID) !== undefined;
  const validates = installed && vscode.workspace.getConfiguration('yaml').get<boolean>('validate', true);
  return { syntax: validates, schema: validates && sharing() };
}

/**
 * Registers our schemas with Red Hat's extension once it is there and sharing is on (its API has
 * no way to unregister, so the contributor checks the setting on every request). `chartOf`
 * answers from what the server last said of each document.
 */
export async function offerSchemasToRedHat(context: vscode.ExtensionContext, chartOf: (uri: string) => ChartId | undefined): Promise<boolean> {
  const extension = vscode.extensions.getExtension<RedHatYamlApi>(RED_HAT_YAML_ID);
  if (!extension || !sharing()) return false;
  const api = extension.isActive ? extension.exports : await extension.activate();
  if (typeof api?.registerContributor !== 'function') return false;
  return api.registerContributor(
    SCHEMA_SCHEME,
    (resource) => {
      const chart = sharing() ? chartOf(resource) : undefined;
      return chart ? schemaUri(chart) : undefined;
    },
    (uri) => {
      const name = schemaNameOf(uri);
      if (!name) return undefined;
      return schemaForRedHat(fs.readFileSync(context.asAbsolutePath(`schemas/${name}.schema.json`), 'utf8'), name);
    },
    'Bit Harbor Values',
  );
}
