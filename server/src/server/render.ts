// `workspace/executeCommand` `bitHarbor.renderManifests` [uri, {releaseName?, namespace?}?]:
// the manifests the chart renders from an open values file (over its bases), or from a GitOps
// manifest's release (`releaseName` picks one; else the first), as
// `helm template` prints them, or null when the file is not values of a chart. Any LSP editor
// can show the text; VS Code's "Show Rendered Manifests" puts it in a read-only document.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocuments } from 'vscode-languageserver/node';
import type { Engine } from '../engine/engine';
import type { ManifestFile } from '../engine/embedded/analyze';
import type { LayerText } from '../engine/layers/analyze';
import { printManifests } from '../engine/render/manifest';
import { documentPath } from './settings';

export interface RenderHost {
  documents: TextDocuments<TextDocument>;
  engine(): Engine;
  layersOf(uri: string): LayerText[];
  /** The values files an open GitOps manifest names, as its last check read them. */
  filesOf?(uri: string): ReadonlyMap<string, ManifestFile>;
}

function option(value: unknown, key: string): string | undefined {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
}

export function renderManifestsCommand(host: RenderHost, args: readonly unknown[] | undefined): string | null {
  const [target, options] = args ?? [];
  const uri = typeof target === 'string' ? target : option(target, 'uri');
  const document = uri ? host.documents.get(uri) : undefined;
  if (!uri || !document) return null;
  const release = host.engine().render(
    { path: documentPath(uri), uri, text: document.getText(), bases: host.layersOf(uri), files: host.filesOf?.(uri) },
    { releaseName: option(options, 'releaseName'), namespace: option(options, 'namespace') },
  );
  return release ? printManifests(release) : null;
}
