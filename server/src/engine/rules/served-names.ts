// The names an engine answers to in the OpenAI API, read from its command and args as its CLI
// documents them, and the names the Onwards gateway forwards to it (_helpers.tpl:
// `onwards_model: modelName | default alias`, one route per alias of an enabled group).
//   vLLM: `--served-model-name NAME [NAME ...]` (nargs '+'), else the model as given (`--model`
//   or the positional after `vllm serve`).
//   SGLang: `--served-model-name NAME` (one), else `--model-path` as given.
import type { GroupView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import { engineModelReference } from './engine-weights';

export type EngineKind = 'vllm' | 'sglang';

/** Which engine the container runs, from its image and words; null when neither is named. */
export function engineKind(group: GroupView): EngineKind | null {
  const said = `${group.engine.image ?? ''} ${group.engine.command.join(' ')} ${group.engine.args.join(' ')}`.toLowerCase();
  if (said.includes('sglang')) return 'sglang';
  if (said.includes('vllm')) return 'vllm';
  return null;
}

export interface ServedNames {
  engine: EngineKind;
  names: string[];
  /** Whether `--served-model-name` gives them (else the model argument does). */
  explicit: boolean;
}

/**
 * The names the engine serves, or null when they cannot be told: an engine neither vLLM nor
 * SGLang, no model argument, or words the shell or Kubernetes would still expand (`$VAR`, `$(VAR)`).
 */
export function servedNames(group: GroupView): ServedNames | null {
  const engine = engineKind(group);
  if (!engine) return null;
  const words = group.engineWords().map((w) => w.word);
  if (words.some((word) => word.includes('$'))) return null;
  let names: string[] | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word.startsWith('--served-model-name=')) names = [word.slice('--served-model-name='.length)];
    else if (word === '--served-model-name') {
      const values: string[] = [];
      for (let j = i + 1; j < words.length && !words[j].startsWith('-') && (engine === 'vllm' || values.length === 0); j++) values.push(words[j]);
      // argparse keeps the last occurrence.
      if (values.length > 0) names = values;
    }
  }
  if (names) return { engine, names, explicit: true };
  const model = engineModelReference(group);
  return model ? { engine, names: [model.value], explicit: false } : null;
}

export interface ForwardedName {
  name: string;
  /** The alias whose route forwards it. */
  alias: string;
  /** Where it is written or comes from: `modelName`, else the alias item. */
  path: PathSegment[];
}

/** What the gateway sends the engine as `model`, one entry per alias route of the group. */
export function forwardedNames(group: GroupView): ForwardedName[] {
  const { modelName, modelAlias } = group.values;
  // Go's `default` takes the alias when modelName is empty ("", null, absent).
  const named = (typeof modelName === 'string' && modelName !== '') || typeof modelName === 'number' ? String(modelName) : null;
  const aliases = Array.isArray(modelAlias) ? modelAlias : [];
  return aliases.flatMap((alias, index): ForwardedName[] => {
    if (typeof alias !== 'string' && typeof alias !== 'number') return [];
    return named !== null
      ? [{ name: named, alias: String(alias), path: [...group.path, 'modelName'] }]
      : [{ name: String(alias), alias: String(alias), path: [...group.path, 'modelAlias', index] }];
  });
}
