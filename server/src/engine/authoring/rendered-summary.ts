// The hover of a model group's key, in short: what the chart renders for it (the Deployment's
// name, the engine container's image and command, its mounts and its node targeting), read from
// the render model, never guessed from the values.
import { isPlainMap } from '../merge';
import { codeSpan } from '../model-markdown';
import { field, isMap } from '../render/helm';
import { releaseContext, renderModelGroup } from '../render/index';
import type { EngineSettings } from '../types';

/** At most this many mounts are listed; a group with more says how many more. */
const MOUNTS_SHOWN = 4;
/** A command longer than this is cut (with `…`): the hover is a glance, the render the whole. */
const COMMAND_SHOWN = 120;

function words(value: unknown): string[] {
  return Array.isArray(value) ? value.map((word) => String(word)) : [];
}

/** Markdown lines for group `name` of the merged values, or none when the chart renders nothing for it. */
export function renderedGroupLines(merged: unknown, name: string, settings: Pick<EngineSettings, 'releaseName'>): string[] {
  const groups = isPlainMap(merged) && isPlainMap(merged.modelGroups) ? merged.modelGroups : {};
  const rendered = renderModelGroup(name, groups[name], releaseContext('inference-stack', merged, settings.releaseName ? { releaseName: settings.releaseName } : {}));
  const deployment = rendered.deployment?.object;
  const pod = field(field(field(deployment, 'spec'), 'template'), 'spec');
  const containers = field(pod, 'containers');
  const engine = Array.isArray(containers) ? containers[0] : undefined;
  if (!isMap(engine)) return [];
  const lines = [`**Renders** Deployment ${codeSpan(String(field(field(deployment, 'metadata'), 'name') ?? ''))}:`];
  lines.push(`- image ${codeSpan(String(field(engine, 'image') ?? '(none)'))}`);
  const command = [...words(field(engine, 'command')), ...words(field(engine, 'args'))].join(' ');
  if (command) lines.push(`- runs ${codeSpan(command.length > COMMAND_SHOWN ? `${command.slice(0, COMMAND_SHOWN - 1)}…` : command)}`);
  const volumes = new Map((Array.isArray(field(pod, 'volumes')) ? field(pod, 'volumes') as unknown[] : []).filter(isMap).map((volume) => [String(volume.name), volume]));
  const mounts = (Array.isArray(field(engine, 'volumeMounts')) ? field(engine, 'volumeMounts') as unknown[] : []).filter(isMap);
  for (const mount of mounts.slice(0, MOUNTS_SHOWN)) {
    const volume = volumes.get(String(mount.name));
    const source = volume ? Object.keys(volume).find((key) => key !== 'name') : undefined;
    const subPath = mount.subPath !== undefined ? ` (subPath ${codeSpan(String(mount.subPath))})` : '';
    lines.push(`- mounts ${codeSpan(String(mount.name))}${source ? ` (${codeSpan(source)})` : ''} at ${codeSpan(String(mount.mountPath ?? ''))}${subPath}`);
  }
  if (mounts.length > MOUNTS_SHOWN) lines.push(`- and ${mounts.length - MOUNTS_SHOWN} more mounts`);
  const selector = field(pod, 'nodeSelector');
  const labels = isMap(selector) ? Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`) : [];
  const tolerations = Array.isArray(field(pod, 'tolerations')) ? (field(pod, 'tolerations') as unknown[]).filter(isMap).map((t) => String(t.key ?? '*')) : [];
  lines.push(labels.length > 0 ? `- on nodes ${labels.map(codeSpan).join(', ')}` : '- on any node (no node selector)');
  if (tolerations.length > 0) lines.push(`- tolerates ${tolerations.map(codeSpan).join(', ')}`);
  return lines;
}
