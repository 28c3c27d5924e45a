// Go to definition across layered files: a mount in an override that names a volume declared
// in a base goes to the volume's name in the base. Everything inside one file is
// authoring/navigation.ts's; this only adds the step into the bases.
import { definitionAt } from '../authoring/navigation';
import { firstDocument, documentAt, readValuesFile } from '../values-file';
import { volumeNamedBy, volumeScopes } from '../authoring/volume-scopes';
import { nodeAt } from '../authoring/yaml-position';
import type { EngineSettings, OffsetRange } from '../types';
import { nodeRange } from '../yaml-nodes';
import type { LayerText } from './analyze';
import { layerDocument, locateInLayers } from './provenance';

export interface LayerLocation {
  /** Absent: the file itself. */
  uri?: string;
  range: OffsetRange;
}

export function layeredDefinitionAt(text: string, offset: number, settings: EngineSettings, path: string | undefined, bases: readonly LayerText[]): LayerLocation[] {
  const local = definitionAt(text, offset, settings, path);
  if (local.length > 0 || bases.length === 0) return local.map((range) => ({ range }));
  const document = documentAt(readValuesFile({ text, path, bases }, settings).documents(), offset);
  const found = document ? nodeAt(document.doc, offset) : null;
  if (!document || !found || found.role !== 'value') return [];
  const volume = volumeNamedBy(document.doc, volumeScopes(document), found.node, found.path);
  const declared = volume?.scope.volumes.find((candidate) => candidate.name === volume.name);
  if (!volume || volume.site.kind !== 'mount' || !declared) return [];
  // The declaration is where Helm takes the volume list from: the topmost file writing it.
  const files = [{ uri: undefined as string | undefined, doc: document.doc }, ...[...bases].reverse().map((base) => ({ uri: base.uri, doc: firstDocument(base.text) }))]
    .flatMap((file) => (file.doc ? [{ uri: file.uri, layer: layerDocument(file.doc) }] : []));
  const hit = locateInLayers(files.map((file) => file.layer), [...declared.path, 'name']);
  const range = hit ? nodeRange(hit.location.value) : null;
  const uri = hit ? files[hit.layer].uri : undefined;
  return range && uri ? [{ uri, range }] : [];
}
