// Point the engine at the weights: replace the value of its `--model` (vLLM) or `--model-path`
// (SGLang) argument, or of `vllm serve <model>`, where it is written, or add the flag to `args`.
// `modelName` is never touched: it is the name the Onwards gateway forwards (the engine must keep
// serving it), not where the weights are. For an image volume mounted without subPath, the other
// way round: make the mount show the image's `models/` directory where the engine already looks.
import type { TextEdit } from '../edit/yaml-edit';
import type { GroupView } from '../model-groups';
import {
  bitHarborImageVolume,
  engineModelReference,
  normalizePath,
  volumeNamed,
  type ModelReference,
} from '../rules/engine-weights';
import { engineKind } from '../rules/served-names';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { appendToList, groupNamed, setEntries, setListItem } from './group-edits';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `item` with its last word `old` (after a space, `=` or quote) replaced by `replacement`. */
function replaceWord(item: string, old: string, replacement: string): string | null {
  if (item.trim() === old) return replacement;
  const word = new RegExp(`(^|[\\s='"])${escapeRegExp(old)}(?=$|[\\s'"])`, 'g');
  let last: RegExpExecArray | null = null;
  for (let match = word.exec(item); match; match = word.exec(item)) last = match;
  if (!last) return null;
  const start = last.index + last[1].length;
  return item.slice(0, start) + replacement + item.slice(start + old.length);
}

/** Which engine the group runs, from its image or command, for the flag that names the model. */
function engineFlag(group: GroupView): '--model' | '--model-path' | null {
  const engine = engineKind(group);
  return engine === 'sglang' ? '--model-path' : engine === 'vllm' ? '--model' : null;
}

function replaceReference(context: FixContext, group: GroupView, reference: ModelReference, path: string): TextEdit[] {
  const key = reference.path[reference.path.length - 2];
  const index = reference.path[reference.path.length - 1];
  const list = key === 'command' || key === 'args' ? group.values[key] : undefined;
  if (!Array.isArray(list) || typeof index !== 'number') return [];
  const replaced = replaceWord(String(list[index]), reference.value, path);
  return replaced === null ? [] : setListItem(context, reference.path.slice(0, -1), index, replaced);
}

/**
 * The name the gateway forwards to the group's engine: `modelName` (Onwards' `onwards_model`),
 * else each alias as it is; the first alias stands for them.
 */
function forwardedName(group: GroupView): string | null {
  const { modelName, modelAlias } = group.values;
  if (typeof modelName === 'string' && modelName.trim() !== '') return modelName.trim();
  return Array.isArray(modelAlias) && typeof modelAlias[0] === 'string' ? modelAlias[0] : null;
}

/**
 * The name the engine must serve once it loads `path`: an engine without `--served-model-name`
 * serves its model argument, so when that argument was the name the gateway forwards (or there was
 * none), loading a path would make every request a 404; vLLM's and SGLang's `--served-model-name`
 * keep the forwarded name served. Null when nothing is to keep.
 */
function nameToKeep(group: GroupView, before: string | null, path: string): string | null {
  const said = [...group.engine.command, ...group.engine.args];
  if (said.some((word) => word === '--served-model-name' || word.startsWith('--served-model-name='))) return null;
  const forwarded = forwardedName(group);
  // With no model argument, the engine is given one now: it serves what the gateway forwards from then on.
  const served = before ?? forwarded;
  return forwarded !== null && served === forwarded && forwarded !== path ? forwarded : null;
}

/**
 * The edits that make the engine load `path`, and the name it must keep serving: its model
 * argument rewritten, or, when its arguments name no model, the engine's flag added to `args`
 * (rendered after `command` since chart 0.4.3); `--served-model-name` added when the name the
 * gateway forwards would otherwise stop being served. `modelName` is never changed. Empty when the
 * argument cannot be rewritten where it is written or the engine is unknown.
 */
export function pointEngineAt(context: FixContext, group: GroupView, path: string): { edits: TextEdit[]; kept: string | null } {
  const reference = engineModelReference(group);
  const kept = nameToKeep(group, reference?.value ?? null, path);
  const served = kept === null ? [] : ['--served-model-name', kept];
  if (reference) {
    const edits = replaceReference(context, group, reference, path);
    return edits.length === 0 ? { edits, kept: null } : { edits: [...edits, ...(served.length > 0 ? appendToList(context, [...group.path, 'args'], served) : [])], kept };
  }
  const flag = engineFlag(group);
  return flag ? { edits: appendToList(context, [...group.path, 'args'], [flag, path, ...served]), kept } : { edits: [], kept: null };
}

function pointFix(context: FixContext, group: GroupView, path: unknown): Fix[] {
  if (typeof path !== 'string' || !path.startsWith('/')) return [];
  const { edits, kept } = pointEngineAt(context, group, path);
  const title = kept === null ? `Point the engine at \`${path}\`` : `Point the engine at \`${path}\`, serving \`${kept}\``;
  return fixOf({ title, kind: 'quickfix', isPreferred: true, safe: false }, edits);
}

/** `subPath: models` on the image volume mount whose root the engine reads. */
function subPathFix(context: FixContext, group: GroupView, path: string): Fix[] {
  const mount = group.engine.mounts.find((m) => m.subPath === undefined && normalizePath(m.mountPath) === normalizePath(path)
    && m.path.includes('volumeMounts') && bitHarborImageVolume(volumeNamed(group, m.name), context.settings.registries) !== null);
  if (!mount) return [];
  return fixOf({ title: 'Add `subPath: models`', kind: 'quickfix', safe: false }, setEntries(context, mount.path, { subPath: 'models' }));
}

export function modelPathMismatchFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const path = stringData(finding.data, 'path');
  if (!group || !path) return [];
  return [...pointFix(context, group, finding.data.expected), ...subPathFix(context, group, path)];
}

export function weightsNotUsedFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  return group ? pointFix(context, group, finding.data.path) : [];
}
