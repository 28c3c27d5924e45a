// Point the engine at the weights: replace the value of its `--model` (vLLM) or `--model-path`
// (SGLang) argument, or of `vllm serve <model>`, where it is written; `modelName` follows when it
// names the hub id or the old path. For an image volume mounted without subPath, the other way
// round: make the mount show the image's `models/` directory where the engine already looks.
import type { TextEdit } from '../edit/yaml-edit';
import type { GroupView } from '../model-groups';
import {
  bitHarborImageVolume,
  engineModelReference,
  isHubId,
  normalizePath,
  volumeNamed,
  type ModelReference,
} from '../rules/engine-weights';
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
  const said = `${group.engine.image ?? ''} ${group.engine.command.join(' ')} ${group.engine.args.join(' ')}`.toLowerCase();
  if (said.includes('sglang')) return '--model-path';
  if (said.includes('vllm')) return '--model';
  return null;
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
 * The edits that make the engine load `path`: its model argument rewritten, or, when only
 * `modelName` names the model, the engine's flag added to `args` (and modelName set). Empty when
 * the argument cannot be rewritten where it is written.
 */
export function pointEngineAt(context: FixContext, group: GroupView, path: string): TextEdit[] {
  const reference = engineModelReference(group);
  const edits: TextEdit[] = [];
  if (reference && reference.via !== 'modelName') {
    edits.push(...replaceReference(context, group, reference, path));
    if (edits.length === 0) return [];
  } else {
    // Only modelName (or nothing) names the model: pass the path with the engine's own flag.
    const flag = engineFlag(group);
    if (flag) edits.push(...appendToList(context, [...group.path, 'args'], [flag, path]));
    else if (!reference) return [];
  }
  const modelName = group.values.modelName;
  if (typeof modelName === 'string' && modelName !== path && (isHubId(modelName.trim()) || modelName.trim() === reference?.value)) {
    edits.push(...setEntries(context, group.path, { modelName: path }));
  }
  return edits;
}

function pointFix(context: FixContext, group: GroupView, path: unknown): Fix[] {
  if (typeof path !== 'string' || !path.startsWith('/')) return [];
  return fixOf({ title: `Point the engine at \`${path}\``, kind: 'quickfix', isPreferred: true, safe: false }, pointEngineAt(context, group, path));
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
