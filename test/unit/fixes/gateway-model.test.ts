// gateway-model-mismatch: serve the forwarded names (`--served-model-name` in args) or forward
// the served name (`modelName`); comments and the other keys stay.
import { runFixCases, type FixCase } from '../../support/fix-cases';

const head = 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n';

const cases: FixCase[] = [
  {
    code: 'gateway-model-mismatch',
    title: 'Serve `chat`, `llama-8b` (add `--served-model-name` to `args`)',
    kind: 'quickfix',
    name: 'two aliases forwarded, vLLM serves its path: both are served',
    text: `${head}    modelAlias: [chat, llama-8b] # routes\n    command: [vllm, serve, /models/llama]\n`,
    expected: `${head}    modelAlias: [chat, llama-8b] # routes\n    command: [vllm, serve, /models/llama]\n    args:\n      - --served-model-name\n      - chat\n      - llama-8b\n`,
  },
  {
    code: 'gateway-model-mismatch',
    title: 'Set `modelName` to `/models/llama`',
    kind: 'quickfix',
    name: 'or the gateway forwards what vLLM serves, modelName replaced in its quotes',
    text: `${head}    modelAlias: [llama]\n    modelName: "meta-llama/Llama-3.1-8B-Instruct" # hub id\n    command: [vllm, serve, /models/llama]\n`,
    expected: `${head}    modelAlias: [llama]\n    modelName: "/models/llama" # hub id\n    command: [vllm, serve, /models/llama]\n`,
  },
  {
    code: 'gateway-model-mismatch',
    title: 'Set `modelName` to `llama`',
    kind: 'quickfix',
    preferred: true,
    name: 'served names given: modelName added, preferred',
    text: `${head}    modelAlias: [chat]\n    args: [--model, /models/llama, --served-model-name, llama]\n`,
    expected: `${head}    modelAlias: [chat]\n    args: [--model, /models/llama, --served-model-name, llama]\n    modelName: llama\n`,
  },
];

runFixCases('gateway-model-mismatch', cases);
