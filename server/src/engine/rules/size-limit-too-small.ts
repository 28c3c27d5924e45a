// size-limit-too-small / size-unknown: an emptyDir that an init container fills with a model's
// weights must be large enough for them, or the kubelet evicts the pod mid-copy (a
// memory-backed one must also fit in the memory limit of the container writing it). Sizes come from the
// catalogue only: an unknown size is said to be unknown, never guessed.
import { parseBitHarborReference } from '../bit-harbor';
import type { ModelSize } from '../catalogue/catalogue';
import { isPlainMap } from '../merge';
import type { ContainerView, GroupView, VolumeView } from '../model-groups';
import { ceilGi, formatGiB, parseQuantity } from '../quantity';
import type { EngineSettings } from '../types';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

/** The room a volume receiving a model must have: the model plus the headroom setting. */
export interface ModelRoom {
  /** The headroom setting, read as a percent >= 0. */
  percent: number;
  /** The least size that holds it, rounded up to a whole Gi (`17Gi`): what fixes and completion offer. */
  minimum: string;
  /** Whether `bytes` holds the model plus headroom; equal to the byte passes. */
  holds(bytes: number): boolean;
}

/**
 * The one headroom arithmetic of the product (size-limit-too-small, pvc-too-small, their fixes,
 * completion and snippets), so a check and the fix it offers can never disagree.
 */
export function modelRoom(modelBytes: number, settings: Pick<EngineSettings, 'sizeHeadroomPercent'>): ModelRoom {
  const percent = Number.isFinite(settings.sizeHeadroomPercent) ? Math.max(0, settings.sizeHeadroomPercent) : 0;
  return {
    percent,
    minimum: ceilGi((modelBytes * (100 + percent)) / 100),
    // Compared scaled by 100 so both sides stay integers (exact below 2^53, some 90 TB of limit).
    holds: (bytes) => bytes * 100 >= modelBytes * (100 + percent),
  };
}

/** Where an init container gets a model from: its own image, or an image volume it mounts. */
export interface WeightSource {
  container: ContainerView;
  /** The model's name: the image tag, or what stands in for a missing one. */
  model: string;
  via: 'init-image' | 'image-volume';
  /** The Bit Harbor reference node: the init container's `image` or the volume's `image.reference`. */
  referencePath: PathSegment[];
}

/** The first volume of the group with this name (a duplicate is another check's business). */
export function volumeNamed(group: GroupView, name: string): VolumeView | undefined {
  return group.volumes.find((volume) => volume.name === name);
}

function modelOf(image: unknown, registries: readonly string[]): string | null {
  const reference = parseBitHarborReference(image, registries);
  if (!reference) return null;
  if (reference.tag) return reference.tag;
  // Pinned by digest only, or no tag at all (the runtime then pulls `latest`).
  return reference.digest ? `@${reference.digest}` : 'latest';
}

/**
 * Init containers that handle a model's weights: those running a Bit Harbor image (the
 * documented pattern) and those mounting a Bit Harbor image volume (the working copy recipe).
 */
export function weightSources(group: GroupView, registries: readonly string[]): WeightSource[] {
  return group.initContainers.flatMap((container): WeightSource[] => {
    const own = modelOf(container.image, registries);
    if (own !== null) return [{ container, model: own, via: 'init-image', referencePath: [...container.path, 'image'] }];
    for (const mount of container.mounts) {
      const volume = volumeNamed(group, mount.name);
      if (volume?.source !== 'image') continue;
      const model = modelOf(volume.spec.reference, registries);
      if (model !== null) return [{ container, model, via: 'image-volume', referencePath: [...volume.path, 'image', 'reference'] }];
    }
    return [];
  });
}

/** emptyDirs an init container writes weights into, each once, with the first source found. */
function weightTargets(group: GroupView, registries: readonly string[]): { volume: VolumeView; source: WeightSource }[] {
  const targets = new Map<string, { volume: VolumeView; source: WeightSource }>();
  for (const source of weightSources(group, registries)) {
    for (const mount of source.container.mounts) {
      const volume = volumeNamed(group, mount.name);
      if (mount.readOnly || volume?.source !== 'emptyDir' || targets.has(volume.name)) continue;
      targets.set(volume.name, { volume, source });
    }
  }
  return [...targets.values()];
}

/** A container's `resources.limits.memory`, as the merged values hold it. */
function memoryLimit(container: ContainerView): unknown {
  const resources = container.values.resources;
  const limits = isPlainMap(resources) ? resources.limits : undefined;
  return isPlainMap(limits) ? limits.memory : undefined;
}

/** `gemma-3-12b-it` (22.7 GiB, estimate; 25Gi with 10% headroom): how the size was found stays in hover. */
function describeNeed(model: string, size: ModelSize, room: ModelRoom): string {
  return `\`${model}\` (${formatGiB(size.bytes)}, ${size.source}; ${room.minimum} with ${room.percent}% headroom)`;
}

/** A quantity as the file writes it (`3e10`, not 30000000000), else as the merged value has it. */
function asWritten(context: RuleContext, path: PathSegment[], value: unknown): string {
  const location = context.locate(path);
  const range = location?.value?.range;
  return range ? context.text.slice(range[0], range[1]) : String(value);
}

function checkTarget(context: RuleContext, group: GroupView, volume: VolumeView, source: WeightSource): RuleFinding[] {
  const spec = volume.spec;
  const emptyDirPath = [...volume.path, 'emptyDir'];
  const limitText = spec.sizeLimit;
  // No sizeLimit: no eviction threshold. An unparseable one is the schema's to report.
  const limitBytes = limitText === undefined || limitText === null ? null : parseQuantity(limitText);
  const inMemory = spec.medium === 'Memory';
  // tmpfs pages are charged to the memory cgroup of the container that writes them (DOMAIN.md):
  // the init container that copies the weights, whatever the engine's own limit is. Without a
  // limit of its own that container is bounded by nothing this file says.
  const writer = source.container;
  const memoryPath = [...writer.path, 'resources', 'limits', 'memory'];
  const memoryText = inMemory ? memoryLimit(writer) : undefined;
  const memoryBytes = memoryText === undefined ? null : parseQuantity(memoryText);
  if (limitBytes === null && memoryBytes === null) return [];
  const limitShown = asWritten(context, [...emptyDirPath, 'sizeLimit'], limitText);
  const memoryShown = asWritten(context, memoryPath, memoryText);
  const memoryRange = () => context.rangeFor(memoryPath, 'value');
  const related = [{
    range: context.rangeFor(source.referencePath, 'value'),
    message: source.via === 'init-image'
      ? `the Bit Harbor image of init container \`${source.container.name}\``
      : `the Bit Harbor image volume that init container \`${source.container.name}\` copies from`,
  }];
  const size = context.catalogue.sizeOf(source.model);
  if (!size || !Number.isFinite(size.bytes) || size.bytes <= 0) {
    const known = context.catalogue.get(source.model) ? 'the catalogue lists it without a size' : 'it is not in the catalogue';
    const what = limitBytes !== null
      ? `sizeLimit ${limitShown} of volume \`${volume.name}\``
      : `the memory limit ${memoryShown} of init container \`${writer.name}\`, which writes volume \`${volume.name}\` in memory,`;
    return [{
      code: 'size-unknown',
      message: `The size of \`${source.model}\` is unknown (${known}): ${what} goes unchecked`,
      range: limitBytes !== null ? context.rangeFor([...emptyDirPath, 'sizeLimit'], 'value') : memoryRange(),
      related,
      data: { tag: source.model, volume: volume.name },
    }];
  }

  const room = modelRoom(size.bytes, context.settings);
  const { minimum, holds } = room;
  const need = describeNeed(source.model, size, room);
  const data = { tag: source.model, modelBytes: size.bytes, minimum, volume: volume.name, group: group.name };
  const findings: RuleFinding[] = [];
  if (limitBytes !== null && !holds(limitBytes)) {
    const consequence = inMemory ? 'the copy runs out of room' : 'the kubelet evicts the pod once the copy outgrows it';
    findings.push({
      code: 'size-limit-too-small',
      message: `sizeLimit ${limitShown} of volume \`${volume.name}\` is below ${need}: ${consequence}`,
      range: context.rangeFor([...emptyDirPath, 'sizeLimit'], 'value'),
      related,
      data: { ...data, limit: 'sizeLimit' },
    });
  }
  if (memoryBytes !== null && !holds(memoryBytes)) {
    findings.push({
      code: 'size-limit-too-small',
      message: `Volume \`${volume.name}\` is in memory, charged to init container \`${writer.name}\`: its memory limit ${memoryShown} is below ${need}`,
      range: memoryRange(),
      related,
      data: { ...data, limit: 'memory', container: writer.name },
    });
  }
  return findings;
}

export const rule: Rule = {
  codes: [
    { code: 'size-limit-too-small', severity: 'warning', summary: 'An emptyDir that receives a model\'s weights is smaller than the model plus headroom.' },
    { code: 'size-unknown', severity: 'info', summary: 'A weights volume has a size limit, but the model\'s size is not known to check it against.' },
  ],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    return context.groups().flatMap((group) =>
      weightTargets(group, context.settings.registries).flatMap(({ volume, source }) => checkTarget(context, group, volume, source)));
  },
};
