// Completion of keys and values anywhere in a values file (image tags have their own module).
// Pure: the text, the cursor and the catalogue in; items with offsets out.
import type { Catalogue } from '../catalogue/catalogue';
import type { EngineSettings } from '../types';
import { completionSite, type AuthoringCompletion } from './completion-site';
import { completeKeys, mapSchemaAt } from './key-completion';
import { completeValues } from './value-completion';
import { indentUnit } from './yaml-position';

export type { AuthoringCompletion } from './completion-site';

export function completeAuthoring(text: string, offset: number, catalogue: Catalogue, settings: EngineSettings, path?: string): AuthoringCompletion[] {
  const site = completionSite(text, offset, settings, path);
  if (!site) return [];
  if (site.kind === 'value') return completeValues(site, catalogue, settings);
  // `image:` typed right before the cursor is a key being finished, not a new one.
  if (site.typed.includes(':')) return [];
  const mapSchema = mapSchemaAt(site);
  if (mapSchema) return completeKeys(site, mapSchema, settings, indentUnit(text));
  return site.orValue ? completeValues({ ...site, kind: 'value', path: site.mapPath, quoted: false }, catalogue, settings) : [];
}
