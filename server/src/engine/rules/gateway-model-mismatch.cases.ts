// Cases for gateway-model-mismatch. The gateway forwards modelName (else each alias); vLLM serves
// its --served-model-name values, else its model argument; SGLang likewise with --model-path.
import type { RuleCases } from './cases';

const group = (body: string) => `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
${body}`;

const sglang = (body: string) => `modelGroups:
  qwen:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30000}
    containerPort: 30000
${body}`;

export const cases: RuleCases = {
  code: 'gateway-model-mismatch',
  trigger: [
    {
      name: 'modelName is a hub id, vLLM serves the path it loads',
      message: /^The gateway forwards `meta-llama\/Llama-3\.1-8B-Instruct` to `llama`, but vLLM there serves only `\/models\/llama`: every request for it gets a 404\.$/,
      text: group(`    modelAlias: [llama]
    modelName: meta-llama/Llama-3.1-8B-Instruct # expect
    command: [vllm, serve, /models/llama]
`),
    },
    {
      name: 'no modelName: the alias is forwarded',
      text: group(`    modelAlias:
      - llama-8b # expect
    command: [vllm, serve, /models/llama]
`),
    },
    {
      name: 'served names given, the alias not among them (one finding per alias)',
      text: group(`    modelAlias: [chat, llama] # expect
    command: [vllm, serve, /models/llama, --served-model-name, llama]
`),
    },
    {
      name: 'SGLang serves only one --served-model-name',
      message: /SGLang there serves only `qwen`/,
      text: sglang(`    modelAlias: [qwen]
    modelName: qwen-chat # expect
    command: [python3, -m, sglang.launch_server, --model-path, /models/qwen, --served-model-name, qwen, qwen-chat]
`),
    },
    {
      name: 'the model in args (chart 0.4.3+), the last --model wins',
      text: group(`    modelAlias: [llama]
    modelName: /models/a # expect
    args: [--model, /models/a, --model, /models/b]
`),
    },
  ],
  silent: [
    {
      name: 'modelName is the served name',
      text: group(`    modelAlias: [llama]
    modelName: llama
    command: [vllm, serve, /models/llama, --served-model-name, llama]
`),
    },
    {
      name: 'vLLM serves several names, one per alias',
      text: group(`    modelAlias: [llama, chat]
    command: [vllm, serve, /models/llama, --served-model-name, llama, chat, --port, "8000"]
`),
    },
    {
      name: 'no served name: the model argument is the name, and modelName says it',
      text: group(`    modelAlias: [llama]
    modelName: meta-llama/Llama-3.1-8B-Instruct
    command: [vllm, serve, meta-llama/Llama-3.1-8B-Instruct]
`),
    },
    {
      name: 'an engine that is neither vLLM nor SGLang',
      text: `modelGroups:
  trt:
    enabled: true
    image: {repository: nvcr.io/nvidia/tritonserver}
    service: {port: 8000}
    containerPort: 8000
    modelAlias: [mistral]
    command: [trtllm-serve, /models/mistral]
`,
    },
    {
      name: 'a name from the environment cannot be told',
      text: group(`    modelAlias: [llama]
    command: [sh, -c, "vllm serve $MODEL_PATH --served-model-name llama-x"]
`),
    },
    {
      name: 'no aliases: the gateway has no route to the group',
      text: group(`    modelName: whatever
    command: [vllm, serve, /models/llama]
`),
    },
    {
      name: 'served names with the = form',
      text: sglang(`    modelAlias: [qwen]
    command: [python3, -m, sglang.launch_server, --model-path=/models/qwen, --served-model-name=qwen]
`),
    },
  ],
};
