// command-not-executable: for the vllm/vllm-openai image, whose entrypoint is vLLM's OpenAI
// server and takes the flags (vLLM's Docker docs: `docker run vllm/vllm-openai --model ...`),
// the command's items move to the front of `args` (rendered since chart 0.4.3) and `command`
// becomes null, so that the image's entrypoint runs. Other images' entrypoints are not known
// here: no fix is offered for them.
import { replaceMapValue, setNull } from '../edit/node-edit';
import { ensureMapEntries, walk, type TextEdit } from '../edit/yaml-edit';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { groupNamed } from './group-edits';

const VLLM_IMAGE = /(^|\/)vllm\/vllm-openai$/;

export function commandNotExecutableFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  if (!group || finding.data.container !== null) return [];
  const image = group.values.image;
  const repository = typeof image === 'object' && image !== null ? (image as { repository?: unknown }).repository : undefined;
  if (typeof repository !== 'string' || !VLLM_IMAGE.test(repository)) return [];
  const args = [...group.engine.command, ...group.engine.args];
  const written = (key: string) => walk(context.doc, [...group.path, key]).depth === group.path.length + 1;
  const edits: TextEdit[] = [];
  const missing: Record<string, unknown> = {};
  if (written('command')) edits.push(...setNull(context.text, context.doc, [...group.path, 'command']));
  else missing.command = null;
  if (written('args')) edits.push(...replaceMapValue(context.text, context.doc, [...group.path, 'args'], args));
  else missing.args = args;
  // Every part or none: a command left in place beside the moved flags would still fail.
  const expected = 2 - Object.keys(missing).length;
  if (edits.length < expected) return [];
  if (Object.keys(missing).length > 0) {
    const added = ensureMapEntries(context.text, context.doc, group.path, missing);
    if (added.length === 0) return [];
    edits.push(...added);
  }
  return fixOf({ title: 'Move the flags to `args` (the image\'s entrypoint runs them)', kind: 'quickfix', isPreferred: true, safe: false }, edits);
}
