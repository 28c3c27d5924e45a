// What a model group serves, in a few words for outlines and hovers: the model name the engine
// is given, and the Bit Harbor image its weights come from with that image's size.
import type { Catalogue } from '../catalogue/catalogue';
import type { GroupView } from '../model-groups';
import { formatGiB } from '../quantity';
import { weightSources } from '../rules/size-limit-too-small';

export interface GroupModel {
  /** `modelName` of the merged values. */
  modelName?: string;
  /** The Bit Harbor tag an init container brings the weights from. */
  tag?: string;
  /** `15.0 GiB`, when the catalogue knows the tag's size. */
  size?: string;
}

export function groupModel(group: GroupView, catalogue: Catalogue, registries: readonly string[]): GroupModel {
  const modelName = typeof group.values.modelName === 'string' ? group.values.modelName : undefined;
  const tag = weightSources(group, registries)[0]?.model;
  const bytes = tag ? catalogue.sizeOf(tag)?.bytes : undefined;
  return { modelName, tag, size: bytes && bytes > 0 ? formatGiB(bytes) : undefined };
}

/** `enabled · google/gemma-3-12b-it · llama-3.1-8b-instruct 15.0 GiB`. */
export function groupDetail(group: GroupView, catalogue: Catalogue, registries: readonly string[]): string {
  const model = groupModel(group, catalogue, registries);
  const parts = [group.enabled ? 'enabled' : 'disabled'];
  if (model.modelName) parts.push(model.modelName);
  if (model.tag) parts.push(model.size ? `${model.tag} ${model.size}` : model.tag);
  return parts.join(' · ');
}
