// A second generator, of other shapes than generate-values.ts, as another team writes a large
// fleet's values (issue #18): block lists instead of flow ones, comments between keys, blank
// lines between groups, long `command` lists, and a shared block of anchors in the first group
// that every other group aliases or merges (`<<`). About 38 lines a group, all enabled.

const TAGS = ['llama-3.1-8b-instruct', 'gemma-3-12b-it', 'qwen-3-8b', 'llama-3.2-3b-instruct'];

/** The first group: defines what the others alias. */
function sharedGroup(): string[] {
  return [
    '  shared-defaults:',
    '    # Anchors the other groups alias; this group itself stays off.',
    '    enabled: false',
    '    resources: &gpu-resources',
    '      limits:',
    '        nvidia.com/gpu: 1',
    '        memory: 32Gi',
    '      requests:',
    '        nvidia.com/gpu: 1',
    '        memory: 16Gi',
    '    nodeSelector: &gpu-nodes',
    '      nvidia.com/gpu.present: "true"',
    '    tolerations: &gpu-tolerations',
    '      - key: nvidia.com/gpu',
    '        operator: Exists',
    '        effect: NoSchedule',
    '',
  ];
}

function group(index: number): string[] {
  const tag = TAGS[index % TAGS.length];
  const name = `fleet-${index}`;
  return [
    `  ${name}:`,
    '    enabled: true',
    '',
    '    # The engine and its version',
    '    image:',
    '      repository: vllm/vllm-openai',
    '      tag: "v0.8.5"',
    '    modelAlias:',
    `      - ${tag}-${index}`,
    `      - ${name}`,
    `    modelName: ${tag}-${index}`,
    '    service:',
    '      port: 8000',
    '    containerPort: 8000',
    '    command:',
    '      - vllm',
    '      - serve',
    '      - /weights/models',
    '      - --served-model-name',
    `      - ${tag}-${index}`,
    '      - --port',
    '      - "8000"',
    '      - --max-model-len',
    '      - "8192"',
    '      - --gpu-memory-utilization',
    '      - "0.9"',
    '    # Weights from the node image cache, read-only: the image keeps them in /models',
    '    volumes:',
    '      - name: weights',
    '        image:',
    `          reference: ghcr.io/doublewordai/bit-harbor:${tag}`,
    '    volumeMounts:',
    '      - name: weights',
    '        mountPath: /weights',
    '    resources: *gpu-resources',
    '    nodeSelector:',
    '      <<: *gpu-nodes',
    `      pool: gpu-${index % 4}`,
    '    tolerations: *gpu-tolerations',
    '',
  ];
}

export function generateFleetValues(groups: number): string {
  const lines = ['# generated: a fleet of ' + groups + ' model groups, other shapes', '', 'modelGroups:', ...sharedGroup()];
  for (let i = 0; i < groups; i++) lines.push(...group(i));
  return lines.join('\n') + '\n';
}
