// pvc-too-small (and its companion size-unknown, listed by size-limit-too-small): a persistent
// volume that holds the engine's model, in the Hugging Face cache or at the path the engine
// is given, must fit the model plus headroom, or the download stops part-way with the disk
// full. Same arithmetic as size-limit-too-small; sizes come from the catalogue only.
import type { GroupView } from '../model-groups';
import { formatGiB, parseQuantity } from '../quantity';
import { asWritten, groupModel, volumesHoldingModel, type GroupModel, type PersistentVolume } from './persistent-volumes';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { modelRoom } from './size-limit-too-small';

function checkVolume(context: RuleContext, group: GroupView, model: GroupModel, volume: PersistentVolume): RuleFinding[] {
  const sizePath = [...volume.path, 'size'];
  const sizeBytes = parseQuantity(volume.spec.size);
  // No size, or one that is no quantity: the schema reports it.
  if (sizeBytes === null) return [];
  const sizeShown = asWritten(context, sizePath, volume.spec.size);
  const range = context.rangeFor(sizePath, 'value');
  const related = model.reference
    ? [{ range: context.rangeFor(model.reference.path, 'value'), message: `the engine's model (${model.reference.via})` }]
    : [{ range: context.rangeFor([...volume.path, 'mountPath'], 'value'), message: `the volume is mounted here` }];
  const data = { group: group.name, volume: volume.name, hubId: model.hubId };

  const entry = model.hubId ? context.catalogue.byRepo(model.hubId) : undefined;
  const size = entry ? context.catalogue.sizeOf(entry.name) : undefined;
  if (!model.hubId || !entry || !size || !Number.isFinite(size.bytes) || size.bytes <= 0) {
    const why = !model.hubId ? 'the engine\'s arguments name no hub id (`--model`, `--model-path`)'
      : !entry ? `no catalogue entry has the repository \`${model.hubId}\``
        : `the catalogue lists \`${model.hubId}\` as \`${entry.name}\` without a size`;
    return [{
      code: 'size-unknown',
      message: `The size of PVC \`${volume.name}\` (${sizeShown}) cannot be checked: ${why}`,
      range, related, data: { ...data, tag: entry?.name },
    }];
  }

  const { percent, minimum, holds } = modelRoom(size.bytes, context.settings);
  if (holds(sizeBytes)) return [];
  return [{
    code: 'pvc-too-small',
    message: `PVC \`${volume.name}\` (${sizeShown}) is too small for \`${model.hubId}\` (${formatGiB(size.bytes)}; ${minimum} with ${percent}% headroom): the download stops part-way and the engine cannot start`,
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
      return volumesHoldingModel(group, model).flatMap(({ volume }) => checkVolume(context, group, model, volume));
    });
  },
};
