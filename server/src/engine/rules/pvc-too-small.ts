// pvc-too-small (and its companion size-unknown, listed by size-limit-too-small): a persistent
// volume that holds the engine's model, in the Hugging Face cache or at the path the engine
// is given, must fit the model plus headroom, or the download stops part-way with the disk
// full. Same arithmetic as size-limit-too-small; sizes come from the catalogue only.
import type { ModelSize } from '../catalogue/catalogue';
import type { GroupView } from '../model-groups';
import { formatGiB, parseQuantity } from '../quantity';
import { asWritten, groupModel, volumesHoldingModel, type GroupModel, type ModelHome, type PersistentVolume } from './persistent-volumes';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { modelRoom } from './size-limit-too-small';

function where(home: ModelHome): string {
  return home.kind === 'engine-path'
    ? `the path the engine loads the model from (${home.origin})`
    : `the Hugging Face cache \`${home.shown}\` (${home.origin})`;
}

function describeSize(tag: string, size: ModelSize): string {
  const origin = size.detail ? `${size.source}: ${size.detail}` : size.source;
  return `\`${tag}\` is ${formatGiB(size.bytes)} (${origin})`;
}

function checkVolume(context: RuleContext, group: GroupView, model: GroupModel, volume: PersistentVolume, home: ModelHome): RuleFinding[] {
  const sizePath = [...volume.path, 'size'];
  const sizeBytes = parseQuantity(volume.spec.size);
  // No size, or one that is no quantity: the schema reports it.
  if (sizeBytes === null) return [];
  const sizeShown = asWritten(context, sizePath, volume.spec.size);
  const range = context.rangeFor(sizePath, 'value');
  const related = model.reference
    ? [{ range: context.rangeFor(model.reference.path, 'value'), message: `the engine's model (${model.reference.via})` }]
    : [{ range: context.rangeFor([...volume.path, 'mountPath'], 'value'), message: `the volume is mounted here` }];
  const subject = `PVC \`${volume.name}\` holds ${where(home)}`;
  const data = { group: group.name, volume: volume.name, hubId: model.hubId };

  const entry = model.hubId ? context.catalogue.byRepo(model.hubId) : undefined;
  const size = entry ? context.catalogue.sizeOf(entry.name) : undefined;
  if (!model.hubId || !entry || !size || !Number.isFinite(size.bytes) || size.bytes <= 0) {
    const why = !model.hubId ? 'the engine\'s arguments name no hub id (`--model`, `--model-path`)'
      : !entry ? `no catalogue entry has the repository \`${model.hubId}\``
        : `the catalogue lists \`${model.hubId}\` as \`${entry.name}\` without a size`;
    return [{
      code: 'size-unknown',
      message: `${subject}, but the model's size is unknown (${why}), so its size ${sizeShown} cannot be checked against it`,
      range, related, data: { ...data, tag: entry?.name },
    }];
  }

  const { percent, minimum, holds } = modelRoom(size.bytes, context.settings);
  if (holds(sizeBytes)) return [];
  return [{
    code: 'pvc-too-small',
    message: `${subject}, and its size ${sizeShown} is too small for \`${model.hubId}\`: ${describeSize(entry.name, size)}; with ${percent}% headroom it needs at least ${minimum}. `
      + 'Once the volume is full the download or copy stops part-way and the engine cannot start.',
    range, related,
    data: { ...data, tag: entry.name, modelBytes: size.bytes, minimum, path: volume.path },
  }];
}

export const rule: Rule = {
  // size-unknown is emitted too; size-limit-too-small lists it, so it is not registered twice.
  codes: [{ code: 'pvc-too-small', severity: 'warning', summary: 'A persistent volume that holds the engine\'s model is smaller than the model plus headroom.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check(context) {
    return context.groups().flatMap((group) => {
      const model = groupModel(group);
      return volumesHoldingModel(group, model).flatMap(({ volume, home }) => checkVolume(context, group, model, volume, home));
    });
  },
};
