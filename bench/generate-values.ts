// Generates Inference Stack values files of N model groups, 36 lines each, with Bit Harbor
// weights copied by an init container (image volume + busybox, the working recipe) and seeded
// mistakes, for timing the server and the CLI on files the size of a large fleet's:
// - every tenth group (index % 10 === 9): a quantity with a space and a mistyped `mountpath`;
// - index % 10 === 4: the init container runs the Bit Harbor image itself, which has no shell.

const TAGS = ['llama-3.1-8b-instruct', 'gemma-3-12b-it', 'qwen-3-8b', 'llama-3.2-3b-instruct'];

function group(index: number): string {
  const tag = TAGS[index % TAGS.length];
  const seeded = index % 10 === 9;
  const copier = index % 10 === 4 ? `ghcr.io/doublewordai/bit-harbor:${tag}` : 'busybox:1.37';
  return [
    `  group-${index}:`,
    '    enabled: true',
    '    image:',
    '      repository: vllm/vllm-openai',
    '      tag: "v0.8.5"',
    `    modelAlias: [${tag}-${index}]`,
    `    modelName: /models/${tag}`,
    '    service:',
    '      port: 8000',
    '    containerPort: 8000',
    '    command: [vllm, serve, "/models/' + tag + '", --port, "8000"]',
    '    resources:',
    '      limits:',
    '        nvidia.com/gpu: 1',
    seeded ? '        memory: 32 GB' : '        memory: 32Gi',
    '    initContainers:',
    '      - name: copy-weights',
    `        image: ${copier}`,
    '        command: [sh, -c, "cp -r /src/models/. /models/"]',
    '        volumeMounts:',
    '          - name: source',
    '            mountPath: /src',
    '          - name: weights',
    seeded ? '            mountpath: /models' : '            mountPath: /models',
    '    volumes:',
    '      - name: source',
    '        image:',
    `          reference: ghcr.io/doublewordai/bit-harbor:${tag}`,
    '      - name: weights',
    '        emptyDir:',
    '          sizeLimit: 40Gi',
    '    volumeMounts:',
    '      - name: weights',
    '        mountPath: /models',
    '    nodeSelector: {nvidia.com/gpu.present: "true"}',
    '    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]',
  ].join('\n');
}

export function generateInferenceStackValues(groups: number): string {
  const lines = ['# generated: ' + groups + ' model groups', 'modelGroups:'];
  for (let i = 0; i < groups; i++) lines.push(group(i));
  return lines.join('\n') + '\n';
}

// Run directly (`node out/bench/generate-values.js 1000`), not when bundled into the bench.
if (require.main === module && /generate-values\.[jt]s$/.test(process.argv[1] ?? '')) {
  process.stdout.write(generateInferenceStackValues(Number(process.argv[2] ?? 1000)));
}
