// Cases for shm-missing: tensor parallelism above 1 without a memory-backed emptyDir at /dev/shm.
import type { RuleCases } from './cases';
import { engine, SHM } from './tensor-parallel.cases';

export const cases: RuleCases = {
  code: 'shm-missing',
  trigger: [
    {
      name: 'no volume at /dev/shm',
      message: /^`llama` runs 2 tensor-parallel workers, which share memory through \/dev\/shm, but mounts no memory-backed emptyDir there/,
      text: engine('[vllm, serve, /models/llama, -tp, "2"] # expect', '2', ''),
    },
    {
      name: 'a disk-backed emptyDir at /dev/shm',
      text: engine('[vllm, serve, /models/llama, --tensor-parallel-size, "4"] # expect', '4', `    volumeMounts: [{name: shm, mountPath: /dev/shm}]
    volumes: [{name: shm, emptyDir: {}}]
`),
    },
    {
      name: 'memory-backed, mounted elsewhere',
      text: engine('[vllm, serve, /models/llama, -tp, "2"] # expect', '2', `    volumeMounts: [{name: shm, mountPath: /shm}]
    volumes: [{name: shm, emptyDir: {medium: Memory}}]
`),
    },
    {
      name: 'SGLang',
      text: `modelGroups:
  qwen:
    enabled: true
    image: {repository: lmsysorg/sglang}
    service: {port: 30000}
    containerPort: 30000
    command: [python3, -m, sglang.launch_server, --model-path, /models/qwen, --tp-size, "2"] # expect
    resources: {limits: {nvidia.com/gpu: 2}}
`,
    },
    {
      name: 'with too few GPUs as well',
      text: engine('[vllm, serve, /models/llama, -tp, "4"] # expect', '1', ''),
    },
  ],
  silent: [
    {
      name: 'a memory-backed emptyDir at /dev/shm',
      text: engine('[vllm, serve, /models/llama, -tp, "2"]', '2'),
    },
    {
      name: 'one worker',
      text: engine('[vllm, serve, /models/llama, -tp, "1"]', '1', ''),
    },
    {
      name: 'no tensor parallelism',
      text: engine('[vllm, serve, /models/llama]', '1', ''),
    },
    {
      name: '/dev/shm/ with a trailing slash',
      text: engine('[vllm, serve, /models/llama, -tp, "2"]', '2', `    volumeMounts: [{name: shm, mountPath: /dev/shm/}]
    volumes: [{name: shm, emptyDir: {medium: Memory}}]
`),
    },
    {
      name: 'a disabled group',
      text: `modelGroups:
  llama:
    enabled: false
    command: [vllm, serve, /models/llama, -tp, "2"]
`,
    },
  ],
};
