// Hover on a volume's name, declared or mounted: what the volume is, who mounts it and where,
// and the model it receives; for a persistentVolumes entry, the claim the chart makes and the
// model it should hold. A mount that names no volume is said to.
import type { Catalogue } from '../catalogue/catalogue';
import { codeSpan } from '../model-markdown';
import { modelGroup } from '../model-groups';
import { formatGiB } from '../quantity';
import { weightSources } from '../rules/size-limit-too-small';
import type { EngineSettings } from '../types';
import { persistentVolumeLines } from './persistent-volume-help';
import type { ValuesDocument } from '../values-file';
import type { VolumeAt, VolumeDeclaration, VolumeScope } from './volume-scopes';

function describeSource(volume: VolumeDeclaration): string {
  const spec = volume.spec;
  switch (volume.source) {
    case 'emptyDir': {
      const parts = ['emptyDir'];
      if (spec.medium === 'Memory') parts.push('in memory');
      if (spec.sizeLimit !== undefined && spec.sizeLimit !== null) parts.push(`sizeLimit ${codeSpan(String(spec.sizeLimit))}`);
      return parts.join(', ');
    }
    case 'image':
      return typeof spec.reference === 'string' ? `image ${codeSpan(spec.reference)}` : 'image';
    case 'persistentVolume':
      return `PersistentVolumeClaim made by the chart${spec.size !== undefined ? `, size ${codeSpan(String(spec.size))}` : ''}`;
    case 'persistentVolumeClaim':
      return typeof spec.claimName === 'string' ? `persistentVolumeClaim ${codeSpan(spec.claimName)}` : 'persistentVolumeClaim';
    case 'configMap':
    case 'secret': {
      const name = spec.name ?? spec.secretName;
      return typeof name === 'string' ? `${volume.source} ${codeSpan(name)}` : volume.source;
    }
    default:
      return volume.source;
  }
}

function mountLines(scope: VolumeScope, name: string): string[] {
  const mounts = scope.mounts.filter((mount) => mount.name === name);
  if (mounts.length === 0) return ['Not mounted by any container of the pod.'];
  return ['Mounted by:', ...mounts.map((mount) => {
    const sub = mount.subPath ? ` (subPath ${codeSpan(mount.subPath)})` : '';
    return `- ${mount.container} at ${codeSpan(mount.mountPath || '(no mountPath)')}${sub}${mount.readOnly ? ', read-only' : ''}`;
  })];
}

/** The model an init container writes into this volume (or mounts it from), if any. */
function receivedModel(document: ValuesDocument, scope: VolumeScope, name: string, catalogue: Catalogue, settings: EngineSettings): string | null {
  if (scope.owner[0] !== 'modelGroups') return null;
  const group = modelGroup(document.merged, String(scope.owner[1]));
  if (!group) return null;
  for (const source of weightSources(group, settings.registries)) {
    if (!source.container.mounts.some((mount) => mount.name === name)) continue;
    const bytes = catalogue.sizeOf(source.model)?.bytes;
    return `Holds the weights of Bit Harbor ${codeSpan(source.model)}${bytes && bytes > 0 ? ` (${formatGiB(bytes)})` : ' (size unknown)'}.`;
  }
  return null;
}

export function volumeHoverMarkdown(document: ValuesDocument, at: VolumeAt, catalogue: Catalogue, settings: EngineSettings): string {
  const volume = at.scope.volumes.find((candidate) => candidate.name === at.name);
  if (!volume) {
    return `No volume named ${codeSpan(at.name)} in ${at.scope.label}: Kubernetes rejects a pod whose mount names a missing volume.`;
  }
  const lines = [`**Volume ${codeSpan(at.name)}** of ${at.scope.label}: ${describeSource(volume)}`, ''];
  const group = at.scope.owner[0] === 'modelGroups' ? modelGroup(document.merged, String(at.scope.owner[1])) : undefined;
  const claim = volume.source === 'persistentVolume' && group && typeof volume.path[3] === 'number'
    ? persistentVolumeLines(document.merged, group, volume.path[3], catalogue, settings) : null;
  if (claim) lines.push(...claim, '');
  const model = receivedModel(document, at.scope, at.name, catalogue, settings);
  if (model) lines.push(model, '');
  lines.push(...mountLines(at.scope, at.name));
  return lines.join('\n');
}
