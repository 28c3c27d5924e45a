// Cases for tensor-parallel-gpus (shm-missing has its own table).
import type { RuleCases } from './cases';

export const SHM = `    volumeMounts:
      - {name: shm, mountPath: /dev/shm}
    volumes:
      - {name: shm, emptyDir: {medium: Memory, sizeLimit: 16Gi}}
`;

export const engine = (command: string, gpus: string, extra = SHM) => `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: ${command}
    resources:
      limits: {nvidia.com/gpu: ${gpus}}
${extra}`;

export const cases: RuleCases = {
  code: 'tensor-parallel-gpus',
  trigger: [
    {
      name: 'vLLM over 4 GPUs with 2 given',
      message: /^`llama` shards the model over 4 GPUs \(tensor parallel\) but its container is given 2: the engine cannot start its workers\.$/,
      text: engine('[vllm, serve, /models/llama, --tensor-parallel-size, "4"] # expect', '2'),
    },
    {
      name: 'the short flag with =',
      text: engine('[vllm, serve, /models/llama, -tp=2] # expect', '1'),
    },
    {
      name: 'a quoted GPU count',
      text: engine('[vllm, serve, /models/llama, -tp, "8"] # expect', '"4"'),
    },
    {
      name: 'SGLang --tp-size',
      text: `modelGroups:
  qwen:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30000}
    containerPort: 30000
    command: [python3, -m, sglang.launch_server, --model-path, /models/qwen, --tp-size, "2"] # expect
    resources: {limits: {nvidia.com/gpu: 1}}
${SHM}`,
    },
    {
      name: 'in args, the last one counts',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: [vllm, serve, /models/llama]
    args:
      - --tensor-parallel-size
      - "1"
      - --tensor-parallel-size
      - "4" # expect
    resources: {limits: {nvidia.com/gpu: 2}}
${SHM}`,
    },
  ],
  silent: [
    {
      name: 'as many GPUs as workers',
      text: engine('[vllm, serve, /models/llama, --tensor-parallel-size, "4"]', '4'),
    },
    {
      name: 'more GPUs than workers',
      text: engine('[vllm, serve, /models/llama, -tp, "2"]', '8'),
    },
    {
      name: 'no tensor parallelism',
      text: engine('[vllm, serve, /models/llama]', '1', ''),
    },
    {
      name: 'a GPU count that is not a whole number is not compared',
      text: engine('[vllm, serve, /models/llama, -tp, "4"]', '"two"'),
    },
    {
      name: 'an engine that is neither vLLM nor SGLang',
      text: `modelGroups:
  trt:
    enabled: true
    image: {repository: nvcr.io/nvidia/tritonserver}
    service: {port: 8000}
    containerPort: 8000
    command: [trtllm-serve, /models/m, --tp, "4"]
    resources: {limits: {nvidia.com/gpu: 1}}
`,
    },
  ],
};
