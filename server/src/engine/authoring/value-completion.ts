// Value completion: what the schema allows (enums, booleans, the chart's default), and what this
// file and the catalogue know: the volumes a mount may name, the values of a GPU node label,
// the taint key of GPU nodes, and the smallest sizeLimit that holds the model a volume receives.
import { parseDocument } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import { codeSpan } from '../model-markdown';
import { modelGroup } from '../model-groups';
import { formatGiB } from '../quantity';
import { modelRoom, weightSources } from '../rules/size-limit-too-small';
import type { EngineSettings } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { CURSOR_MARKER, type AuthoringCompletion, type ValueSite } from './completion-site';
import { nodeLabels } from './node-labels';
import { ACCESS_MODE_CONSEQUENCES, cacheMountPaths } from './persistent-volume-help';
import { defaultOf, enumValues, schemaAt, shapeOf, shortValue, type ResolvedSchema } from './schema-at-path';
import { volumeScopes } from './volume-scopes';

interface ValueChoice {
  value: unknown;
  detail?: string;
  documentation?: string;
}

/** The value as it must be written: quoted when YAML 1.1 would not read the plain text back as it. */
export function yamlText(value: unknown, quoted: boolean): string {
  if (quoted || typeof value !== 'string') return String(value);
  if (value === '' || /^\s|\s$|[\r\n]/.test(value)) return JSON.stringify(value);
  const doc = parseDocument(value, { version: '1.1' });
  return doc.errors.length === 0 && doc.toJS() === value ? value : JSON.stringify(value);
}

/** Places whose value a tag completion already serves: a default there would only get in the way. */
function isTagPlace(path: readonly PathSegment[]): boolean {
  const last = path.at(-1);
  return last === 'image' || last === 'reference' || (last === 'tag' && path.at(-2) === 'image') || (path[0] === 'images' && last === 'name');
}

function schemaChoices(site: ValueSite, resolved: ResolvedSchema): ValueChoice[] {
  const choices: ValueChoice[] = enumValues(resolved).map((value) => ({ value, detail: 'allowed value' }));
  const types = [resolved.schema.type].flat();
  if (choices.length === 0 && types.includes('boolean')) choices.push({ value: true }, { value: false });
  const fallback = defaultOf(site.document.chart, site.path, resolved);
  // An example group's default is not this group's: offering it as "default" would mislead.
  if ((fallback.kind === 'chart' || fallback.kind === 'schema') && shapeOf(resolved) === 'scalar' && !isTagPlace(site.path) && fallback.value !== '') {
    const existing = choices.find((choice) => choice.value === fallback.value);
    if (existing) existing.detail = 'default';
    else choices.push({ value: fallback.value, detail: 'default' });
  }
  return choices;
}

/** `modelGroups.<g>…volumeMounts[i].name` or `onwards.volumeMounts[i].name`: the pod's volumes. */
function volumeChoices(site: ValueSite): ValueChoice[] {
  const path = site.path;
  if (path.at(-1) !== 'name' || path.at(-3) !== 'volumeMounts') return [];
  const scope = volumeScopes(site.document).find((candidate) =>
    candidate.owner.every((segment, index) => path[index] === segment));
  if (!scope) return [];
  return scope.volumes
    .filter((volume) => !volume.name.includes(CURSOR_MARKER))
    .map((volume) => {
      const mounts = scope.mounts.filter((mount) => mount.name === volume.name);
      const size = volume.source === 'emptyDir' ? volume.spec.sizeLimit : volume.source === 'persistentVolume' ? volume.spec.size : undefined;
      const where = mounts.length > 0
        ? mounts.map((mount) => `- ${codeSpan(mount.container)} at ${codeSpan(mount.mountPath)}`).join('\n')
        : 'Not mounted yet.';
      return {
        value: volume.name,
        detail: `${volume.source} volume${size !== undefined ? ` · ${String(size)}` : ''}`,
        documentation: `Volume of ${scope.label}.\n\n${where}`,
      };
    });
}

function nodeSelectorChoices(site: ValueSite, settings: EngineSettings): ValueChoice[] {
  const [selector, label] = site.path.slice(-2);
  if (selector !== 'nodeSelector' && selector !== 'globalNodeSelector') return [];
  const known = nodeLabels(settings.gpu.nodeSelector).find((candidate) => candidate.key === label);
  return (known?.values ?? []).map((value) => ({ value, detail: 'GPU node label value', documentation: known?.description }));
}

function tolerationKeyChoices(site: ValueSite, settings: EngineSettings): ValueChoice[] {
  const list = site.path.at(-3);
  if (site.path.at(-1) !== 'key' || (list !== 'tolerations' && list !== 'globalTolerations')) return [];
  const keys = [...settings.gpu.tolerations.map((toleration) => toleration.key), 'nvidia.com/gpu'];
  return [...new Set(keys.filter((key): key is string => typeof key === 'string'))].map((value) => ({
    value, detail: 'GPU node taint', documentation: 'The taint GPU nodes usually carry; tolerate it with `operator: Exists` and `effect: NoSchedule`.',
  }));
}

/** `modelGroups.<g>.volumes[i].emptyDir.sizeLimit`: the least that holds the model copied into it. */
function sizeLimitChoices(site: ValueSite, catalogue: Catalogue, settings: EngineSettings): ValueChoice[] {
  const path = site.path;
  if (site.document.chart !== 'inference-stack' || path.length !== 6 || path[0] !== 'modelGroups' || path[2] !== 'volumes') return [];
  if (path[4] !== 'emptyDir' || path[5] !== 'sizeLimit') return [];
  const group = modelGroup(site.document.merged, String(path[1]));
  const volume = group?.volumes.find((candidate) => candidate.path[3] === path[3] && candidate.path[2] === 'volumes');
  if (!group || !volume) return [];
  for (const source of weightSources(group, settings.registries)) {
    if (!source.container.mounts.some((mount) => mount.name === volume.name && !mount.readOnly)) continue;
    const size = catalogue.sizeOf(source.model);
    if (!size || !(size.bytes > 0)) return [];
    const { percent, minimum } = modelRoom(size.bytes, settings);
    return [{
      value: minimum,
      detail: `least for ${source.model} (${formatGiB(size.bytes)} + ${percent}%)`,
      documentation: `${codeSpan(source.model)} is ${formatGiB(size.bytes)} (${size.source}); with the ${percent}% headroom of \`bitHarbor.sizeHeadroomPercent\` the volume needs at least this much.`,
    }];
  }
  return [];
}

/** A model group's `persistentVolumes[i].mountPath` or engine `volumeMounts[i].mountPath`: where the engine keeps its model. */
function mountPathChoices(site: ValueSite): ValueChoice[] {
  const path = site.path;
  if (site.document.chart !== 'inference-stack' || path.length !== 5 || path[0] !== 'modelGroups' || path[4] !== 'mountPath') return [];
  if (path[2] !== 'persistentVolumes' && path[2] !== 'volumeMounts') return [];
  const group = modelGroup(site.document.merged, String(path[1]));
  return (group ? cacheMountPaths(group) : []).map(({ path: value, why }) => ({
    value, detail: why, documentation: `Mounted at ${codeSpan(value)}, the volume holds what the engine downloads or loads: ${why}.`,
  }));
}

/** `modelGroups.<g>.persistentVolumes[i].accessModes[j]`: each mode, with what it means for the group's pods. */
function accessModeChoices(site: ValueSite): ValueChoice[] {
  const path = site.path;
  if (path.length !== 6 || path[0] !== 'modelGroups' || path[2] !== 'persistentVolumes' || path[4] !== 'accessModes') return [];
  return Object.entries(ACCESS_MODE_CONSEQUENCES).map(([value, consequence]) => ({
    value, detail: 'access mode', documentation: `The claim attaches to ${consequence}`,
  }));
}

export function completeValues(site: ValueSite, catalogue: Catalogue, settings: EngineSettings): AuthoringCompletion[] {
  const resolved = schemaAt(site.document.chart, site.path);
  const choices = [
    ...sizeLimitChoices(site, catalogue, settings),
    ...volumeChoices(site),
    ...mountPathChoices(site),
    ...accessModeChoices(site),
    ...nodeSelectorChoices(site, settings),
    ...tolerationKeyChoices(site, settings),
    ...(resolved ? schemaChoices(site, resolved) : []),
  ];
  const seen = new Set<string>();
  return choices.flatMap((choice) => {
    const newText = yamlText(choice.value, site.quoted);
    if (seen.has(newText)) return [];
    seen.add(newText);
    const label = typeof choice.value === 'string' && choice.value !== '' ? choice.value : shortValue(choice.value);
    return [{
      label,
      kind: 'value' as const,
      detail: choice.detail,
      documentation: choice.documentation,
      edit: { range: site.edit, newText },
      filterText: site.quoted ? String(choice.value) : newText,
      sortText: String(seen.size).padStart(4, '0'),
    }];
  });
}
