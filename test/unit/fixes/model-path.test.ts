// model-path-mismatch / weights-not-used: point the engine at the weights (`--model`, `--model-path`
// or `vllm serve <path>`), keeping the name the gateway forwards served (`--served-model-name`), or,
// for an image volume mounted without subPath, show its models/ directory where the engine looks.
// `modelName` is never rewritten: the chart hands it to Onwards as the model name it forwards
// (`onwards_model`, _helpers.tpl), not to the engine (DOMAIN.md, "What the charts render").
import { runFixCases, type FixCase } from '../../support/fix-cases';

const BH = 'ghcr.io/doublewordai/bit-harbor';

/** An SGLang group reading an image volume mounted at /weights; `command` and `mount` vary. */
function sglang(command: string, mount = '    volumeMounts:\n      - name: weights\n        mountPath: /weights\n', modelName = 'Qwen/Qwen3-8B'): string {
  return `modelGroups:\n  qwen:\n    enabled: true\n    image: {repository: lmsysorg/sglang}\n    service: {port: 30000}\n    containerPort: 30000\n    modelName: ${modelName}\n`
    + command + mount + `    volumes:\n      - name: weights\n        image:\n          reference: ${BH}:qwen-3-8b\n`;
}
const SGLANG_COMMAND = (path: string) => `    command:\n      - python\n      - -m\n      - sglang.launch_server\n      - --model-path=${path} # where the weights are\n      - --port\n      - "30000"\n`;

/** A vLLM group with the zero-copy mount at /models/llama; `engine` is its command, args and modelName. */
function vllm(engine: string, mount = '    volumeMounts:\n      - {name: weights, mountPath: /models/llama, subPath: models, readOnly: true}\n'): string {
  return 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n'
    + engine + mount + `    volumes:\n      - {name: weights, image: {reference: "${BH}:llama-3.1-8b-instruct"}}\n`;
}

const mismatch = { code: 'model-path-mismatch', kind: 'quickfix', safe: false } as const;
const notUsed = { code: 'weights-not-used', kind: 'quickfix', safe: false, preferred: true } as const;

const cases: FixCase[] = [
  {
    ...mismatch,
    title: 'Point the engine at `/weights/models`',
    preferred: true,
    // Was: modelName followed the path. modelName is the gateway's, and the engine served `/weights`, not it.
    name: 'model-path-mismatch: --model-path=<path> is rewritten in place, its comment kept; modelName is left alone',
    text: sglang(SGLANG_COMMAND('/weights')),
    expected: sglang(SGLANG_COMMAND('/weights/models')),
  },
  {
    ...mismatch,
    title: 'Add `subPath: models`',
    preferred: false,
    name: 'model-path-mismatch: or the mount shows the image\'s models/ directory',
    text: sglang(SGLANG_COMMAND('/weights')),
    expected: sglang(SGLANG_COMMAND('/weights'), '    volumeMounts:\n      - name: weights\n        mountPath: /weights\n        subPath: models\n'),
  },
  {
    ...mismatch,
    title: 'Add `subPath: models`',
    name: 'model-path-mismatch: subPath into a flow mount, 4 spaces',
    text: 'modelGroups:\n    qwen:\n        enabled: true\n        image: {repository: lmsysorg/sglang}\n        service: {port: 30000}\n        containerPort: 30000\n        command: [python, -m, sglang.launch_server, --model-path, /weights]\n        volumeMounts: [{name: weights, mountPath: /weights}]\n'
      + `        volumes:\n            - name: weights\n              image: {reference: ${BH}:qwen-3-8b}\n`,
    expected: 'modelGroups:\n    qwen:\n        enabled: true\n        image: {repository: lmsysorg/sglang}\n        service: {port: 30000}\n        containerPort: 30000\n        command: [python, -m, sglang.launch_server, --model-path, /weights]\n        volumeMounts: [{name: weights, mountPath: /weights, subPath: models}]\n'
      + `        volumes:\n            - name: weights\n              image: {reference: ${BH}:qwen-3-8b}\n`,
  },
  {
    ...mismatch,
    // Was: modelName followed the path. The engine served `/models/llama`, the name the gateway forwards: it keeps serving it.
    title: 'Point the engine at `/models/llama/models`, serving `/models/llama`',
    name: 'model-path-mismatch: `vllm serve <path>` in quotes; the name the gateway forwards stays served',
    text: vllm('    modelName: /models/llama\n    command: ["vllm", "serve", "/models/llama"]\n', '    volumeMounts:\n      - {name: weights, mountPath: /models/llama}\n'),
    expected: vllm('    modelName: /models/llama\n    command: ["vllm", "serve", "/models/llama/models"]\n', '    volumeMounts:\n      - {name: weights, mountPath: /models/llama}\n')
      + '    args:\n      - --served-model-name\n      - /models/llama\n',
  },
  {
    ...notUsed,
    // Was: modelName followed the path, which left the engine serving neither name.
    title: 'Point the engine at `/models/llama`, serving `meta-llama/Llama-3.1-8B-Instruct`',
    name: 'weights-not-used: --model <hub id> rewritten; the hub id the gateway forwards stays served',
    text: vllm("    modelName: 'meta-llama/Llama-3.1-8B-Instruct'\n    args:\n      - --model\n      - meta-llama/Llama-3.1-8B-Instruct # from the hub\n"),
    expected: vllm("    modelName: 'meta-llama/Llama-3.1-8B-Instruct'\n    args:\n      - --model\n      - /models/llama # from the hub\n      - --served-model-name\n      - meta-llama/Llama-3.1-8B-Instruct\n"),
  },
  // Removed: two cases where only modelName named the model. modelName is not the engine's model
  // (DOMAIN.md): weights-not-used no longer fires there, so there is nothing to fix.
  {
    ...notUsed,
    title: 'Point the engine at `/models/gemma`, serving `google/gemma-3-12b-it`',
    name: 'weights-not-used: a command only in the chart defaults is written out whole',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumeMounts:\n      - {name: weights, mountPath: /models/gemma, subPath: models, readOnly: true}\n'
      + `    volumes:\n      - name: weights\n        image: {reference: "${BH}:gemma-3-12b-it"}\n`,
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumeMounts:\n      - {name: weights, mountPath: /models/gemma, subPath: models, readOnly: true}\n'
      + `    volumes:\n      - name: weights\n        image: {reference: "${BH}:gemma-3-12b-it"}\n`
      + '    command:\n      - --host\n      - 0.0.0.0\n      - --port\n      - "8000"\n      - --model\n      - /models/gemma\n      - --dtype\n      - bfloat16\n'
      + '    args:\n      - --served-model-name\n      - google/gemma-3-12b-it\n',
  },
];

runFixCases('model path', cases);
