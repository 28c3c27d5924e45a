// A first analysis costs several times a later one: V8 compiles the parser, the validators and
// the checks as they first run. Done on a small sample while the editor has nothing open yet,
// that cost is not paid by the first file a person opens.

import { completeAuthoring } from '../engine/authoring/complete';
import { hoverAuthoring } from '../engine/authoring/hover';
import { completeImageTags } from '../engine/completion/image-tags';
import { completeSnippets } from '../engine/completion/snippets';
import type { Engine } from '../engine/engine';
import { YamlCache } from '../engine/yaml-source';

/** A model group with the loading recipe and a seeded mistake or two, so most checks run. */
export const WARM_UP_SAMPLE = `modelGroups:
  warm-up:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: "v0.8.5"}
    modelAlias: [warm-up]
    modelName: /models/qwen-3-8b
    command: [vllm, serve, /models/qwen-3-8b]
    resources:
      limits: {nvidia.com/gpu: 1, memory: 32 GB}
    initContainers:
      - name: copy
        image: busybox:1.37
        command: [sh, -c, "cp -r /src/. /models/"]
        volumeMounts: [{name: source, mountPath: /src}, {name: weights, mountpath: /models}]
    volumes:
      - name: source
        image: {reference: "ghcr.io/doublewordai/bit-harbor:qwen-3-8b"}
      - {name: weights, emptyDir: {sizeLimit: 4Gi}}
    volumeMounts: [{name: weights, mountPath: /models}]
`;

/** How long after `initialized` to wait for the editor's first file before warming up. */
export const WARM_UP_DELAY_MS = 30;

/**
 * The sample's group repeated under `count` names: enough lines (about 20 a group) for V8 to
 * optimise the parser's loops, which a 20-line text never asks of it.
 */
export function warmUpText(count: number): string {
  const [head, ...group] = WARM_UP_SAMPLE.split('\n');
  const body = group.join('\n');
  return [head, ...Array.from({ length: count }, (_, i) => body.replace('  warm-up:', `  warm-up-${i}:`))].join('\n');
}

/** How many groups the warm-up text has: ~400 lines, a few tens of milliseconds at start-up. */
const WARM_UP_GROUPS = 20;

/** Completion and hover asked this often at each place: V8 compiles a function after its first calls. */
const EDITING_ROUNDS = 5;

/** Analyses the warm-up text twice and drops the results; never throws. */
export function warmUp(engine: Engine): void {
  try {
    const text = warmUpText(WARM_UP_GROUPS);
    for (let i = 0; i < 2; i++) engine.analyze({ text, path: 'warm-up.yaml', chart: 'inference-stack' });
  } catch {
    // A failure here shows again, and is reported, on a real file.
  }
}

/**
 * Asks completion (on a freshly indented line, and at a tag) and hover (on a key) in the warm-up
 * text, as a person's first requests would: a first completion cost 15-25 ms cold against 3-4
 * warm. About 110 ms, run as a task of its own after warmUp so that a file opened meanwhile is
 * analysed first. Drops the results; never throws.
 */
export function warmUpEditing(engine: Engine): void {
  try {
    warmEditing(engine, editingSample());
  } catch {
    // As above.
  }
}

/** The warm-up text with a freshly indented line in its first group, and the places asked. */
export function editingSample(): { text: string; fresh: number; tag: number; key: number } {
  const sample = warmUpText(WARM_UP_GROUPS);
  const line = sample.indexOf('\n', sample.indexOf('    enabled: true')) + 1;
  const text = `${sample.slice(0, line)}    \n${sample.slice(line)}`;
  return { text, fresh: line + 4, tag: text.indexOf('bit-harbor:qwen') + 'bit-harbor:'.length, key: text.indexOf('modelName') + 2 };
}

function warmEditing(engine: Engine, { text, fresh, tag, key }: ReturnType<typeof editingSample>): void {
  const { catalogue, settings } = engine;
  const yaml = new YamlCache();
  const path = 'warm-up.yaml';
  engine.analyze({ text, path }, yaml);
  for (let i = 0; i < EDITING_ROUNDS; i++) {
    for (const offset of [fresh, tag]) {
      completeImageTags(text, offset, catalogue, settings, path, yaml);
      completeSnippets(text, offset, catalogue, settings, path, yaml);
      completeAuthoring(text, offset, catalogue, settings, path, undefined, yaml);
    }
    hoverAuthoring(text, key, catalogue, settings, path, undefined, yaml);
  }
}
