// Completion of keys and values anywhere in a values file (image tags have their own module).
// Pure: the text, the cursor and the catalogue in; items with offsets out.
import type { Catalogue } from '../catalogue/catalogue';
import type { LayerText } from '../layers/analyze';
import type { EngineSettings } from '../types';
import { completionSite, type AuthoringCompletion } from './completion-site';
import { completeKeys, mapSchemaAt } from './key-completion';
import { completeValues } from './value-completion';
import { indentUnit } from './yaml-position';
import { YamlCache, type YamlSource } from '../yaml-source';

export type { AuthoringCompletion } from './completion-site';

/** `bases`: the files the text is layered over, whose volumes and values count too. */
export function completeAuthoring(
  text: string,
  offset: number,
  catalogue: Catalogue,
  settings: EngineSettings,
  path?: string,
  bases?: readonly LayerText[],
  yaml: YamlSource = new YamlCache(),
): AuthoringCompletion[] {
  const site = completionSite(text, offset, settings, path, bases, yaml);
  if (!site) return [];
  if (site.kind === 'value') return completeValues(site, catalogue, settings);
  // `image:` typed right before the cursor is a key being finished, not a new one.
  if (site.typed.includes(':')) return [];
  const mapSchema = mapSchemaAt(site);
  if (mapSchema) return completeKeys(site, mapSchema, settings, indentUnit(text));
  return site.orValue ? completeValues({ ...site, kind: 'value', path: site.mapPath, quoted: false }, catalogue, settings) : [];
}
