// Cases for command-not-executable. Of the chart's default groups, vllm-gemma ships a command
// that starts with `--host`; sglang-qwen's starts with python, tensorrt-llm-mistral's is empty.
import type { RuleCases } from './cases';

export const cases: RuleCases = {
  code: 'command-not-executable',
  trigger: [
    {
      name: 'a default group enabled as it ships: reported at the group',
      message: /^The command of `vllm-gemma`'s engine starts with `--host`, which Kubernetes runs as the program/,
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
`,
    },
    {
      name: 'flags written as the command',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command:
      - --model # expect
      - /models/llama
`,
    },
    {
      name: 'flow style, a single-dash flag',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: [-m, vllm.entrypoints.openai.api_server] # expect
`,
    },
    {
      name: 'an init container\'s command',
      message: /init container `copy`/,
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: [vllm, serve, /models]
    initContainers:
      - name: copy
        image: busybox:1.37.0
        command: ["-c", "cp -a /src/. /models/"] # expect
`,
    },
    {
      name: 'the default group\'s model changed in args, its command still inherited',
      text: `modelGroups:
  vllm-gemma: # expect
    enabled: true
    args: [--model, google/gemma-3-4b-it]
`,
    },
  ],
  silent: [
    {
      name: 'the SGLang default group ships its program first (python -m sglang.launch_server)',
      text: `modelGroups:
  sglang-qwen:
    enabled: true
`,
    },
    {
      name: 'a default group with its command written out',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, google/gemma-3-12b-it, --host, 0.0.0.0, --port, "8000"]
`,
    },
    {
      name: 'a default group whose command is removed: the image\'s entrypoint runs, with args',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: null
    args: [--host, 0.0.0.0, --port, "8000", --model, google/gemma-3-12b-it]
`,
    },
    {
      name: 'an empty command is not rendered',
      text: `modelGroups:
  vllm-gemma:
    enabled: true
    command: []
    args: [--model, google/gemma-3-12b-it]
`,
    },
    {
      name: 'a disabled default group renders nothing',
      text: `modelGroups:
  vllm-gemma:
    enabled: false
`,
    },
    {
      name: 'sh -c',
      text: `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: [sh, -c, "vllm serve /models"]
`,
    },
  ],
};
