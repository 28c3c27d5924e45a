// Fixes for a group's volumes: volume-not-found (take the did-you-mean, or add the volume),
// volume-not-shared (mount it in the engine) and unused-volume (remove it).
import { runFixCases, type FixCase } from '../../support/fix-cases';

const BH = 'ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct';
const GPU = '    nodeSelector: {nvidia.com/gpu.present: "true"}\n    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]\n';
const HEAD = 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    command: ["vllm", "serve", "/models/llama"]\n';

/** The zero-copy recipe: the engine mounts the image volume's models/ at /models/llama. */
function zeroCopy(mounts: string, volumes: string): string {
  return HEAD + mounts + volumes + GPU;
}
const MOUNT = '    volumeMounts:\n      - name: weights\n        mountPath: /models/llama\n        subPath: models\n        readOnly: true\n';
const VOLUME = `      - name: weights\n        image:\n          reference: ${BH}\n`;

/** The copy recipe, its volumes and engine mounts given. */
function copy(mounts: string, volumes: string): string {
  const init = '    initContainers:\n      - name: copy-weights\n        image: busybox:1.37.0\n        command: ["sh", "-c", "cp -a /bit-harbor/models/. /models/llama/"]\n'
    + '        volumeMounts:\n          - {name: bit-harbor, mountPath: /bit-harbor, readOnly: true}\n          - {name: weights, mountPath: /models/llama}\n';
  return HEAD + init + mounts + volumes + GPU;
}
const IMAGE_VOLUME = `      - {name: bit-harbor, image: {reference: ${BH}}}\n`;
const ENGINE_MOUNT = '    volumeMounts:\n      - name: weights\n        mountPath: /models/llama\n';

const FOUR_SPACES = `modelGroups:
    llama:
        enabled: true
        image: {repository: vllm/vllm-openai}
        service: {port: 8000}
        containerPort: 8000
        command: ["vllm", "serve", "/models/llama"]
        volumeMounts:
            - name: NAME
              mountPath: /models/llama
              subPath: models
              readOnly: true
        volumes:
            - name: weights
              image:
                  reference: ${BH}
        nodeSelector: {nvidia.com/gpu.present: "true"}
        tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
`;

const notFound = { code: 'volume-not-found', kind: 'quickfix', safe: false } as const;
const notShared = { code: 'volume-not-shared', title: 'Mount `weights` in the engine at `/models/llama`', kind: 'quickfix', safe: false, preferred: true } as const;
const unused = { code: 'unused-volume', title: 'Remove unused volume `scratch`', kind: 'quickfix', safe: true, preferred: true } as const;

const cases: FixCase[] = [
  {
    ...notFound,
    title: 'Change to `weights`',
    preferred: true,
    name: 'volume-not-found: a misspelt mount takes the nearest volume, its comment kept',
    text: zeroCopy(MOUNT.replace('- name: weights', '- name: weigths # typo'), '    volumes:\n' + VOLUME),
    expected: zeroCopy(MOUNT.replace('- name: weights', '- name: weights # typo'), '    volumes:\n' + VOLUME),
  },
  {
    ...notFound,
    title: 'Change to `weights`',
    name: 'volume-not-found: a quoted name stays quoted, 4 spaces',
    text: FOUR_SPACES.replace('NAME', '"Weights"'),
    expected: FOUR_SPACES.replace('NAME', '"weights"'),
  },
  {
    ...notFound,
    title: 'Add volume `weights`',
    preferred: true,
    name: 'volume-not-found: the copy target is added as an emptyDir sized for the model',
    text: copy(ENGINE_MOUNT, '    volumes:\n' + IMAGE_VOLUME),
    expected: copy(ENGINE_MOUNT, '    volumes:\n' + IMAGE_VOLUME + '      - name: weights\n        emptyDir:\n          sizeLimit: 17Gi\n'),
  },
  {
    ...notFound,
    title: 'Add volume `weights`',
    name: 'volume-not-found: a flow volumes list stays flow',
    text: copy(ENGINE_MOUNT, `    volumes: [{name: bit-harbor, image: {reference: ${BH}}}] # sources\n`),
    expected: copy(ENGINE_MOUNT, `    volumes: [{name: bit-harbor, image: {reference: ${BH}}}, {name: weights, emptyDir: {sizeLimit: 17Gi}}] # sources\n`),
  },
  {
    ...notFound,
    title: 'Add volume `cache`',
    name: 'volume-not-found: volumes absent; a volume no copy fills gets no sizeLimit',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumeMounts:\n      - name: cache # scratch space\n        mountPath: /cache\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumeMounts:\n      - name: cache # scratch space\n        mountPath: /cache\n    volumes:\n      - name: cache\n        emptyDir: {}\n',
  },
  {
    ...notFound,
    title: 'Add volume `cache`',
    name: 'volume-not-found: volumes empty ([])',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: []\n    volumeMounts: [{name: cache, mountPath: /cache}]\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes:\n      - name: cache\n        emptyDir: {}\n    volumeMounts: [{name: cache, mountPath: /cache}]\n',
  },
  {
    ...notShared,
    name: 'volume-not-shared: engine mounts absent',
    text: copy('', '    volumes:\n' + IMAGE_VOLUME + '      - name: weights\n        emptyDir: {}\n'),
    expected: copy('', '    volumes:\n' + IMAGE_VOLUME + '      - name: weights\n        emptyDir: {}\n').replace(GPU, GPU + '    volumeMounts:\n      - name: weights\n        mountPath: /models/llama\n'),
  },
  {
    ...notShared,
    name: 'volume-not-shared: engine mounts empty ([]), comment kept',
    text: copy('    volumeMounts: [] # none yet\n', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n'),
    expected: copy('    volumeMounts:\n      - name: weights\n        mountPath: /models/llama # none yet\n', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n'),
  },
  {
    ...notShared,
    name: 'volume-not-shared: engine mounts present, flow',
    text: copy('    volumeMounts: [{name: cache, mountPath: /cache}]\n', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n      - {name: cache, emptyDir: {}}\n'),
    expected: copy('    volumeMounts: [{name: cache, mountPath: /cache}, {name: weights, mountPath: /models/llama}]\n', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n      - {name: cache, emptyDir: {}}\n'),
  },
  {
    ...notShared,
    title: 'Mount `weights` in the engine at `/models/llama` and load the model from there',
    // Was: the hub id given as modelName, which the engine never reads (DOMAIN.md); now the engine's own argument.
    name: 'volume-not-shared: an engine told a hub id is pointed at the copy too',
    text: copy('', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n').replace('"/models/llama"]', '"meta-llama/Llama-3.1-8B-Instruct"]'),
    expected: copy('', '    volumes:\n' + IMAGE_VOLUME + '      - {name: weights, emptyDir: {}}\n')
      + '    volumeMounts:\n      - name: weights\n        mountPath: /models/llama\n',
  },
  {
    ...unused,
    name: 'unused-volume: a middle item goes, the comments of its neighbours stay',
    text: zeroCopy(MOUNT, '    volumes:\n      # the weights\n' + VOLUME + '      # scratch, once used by the cache\n      - name: scratch # unused\n        emptyDir: {} # empty\n      # the tail\n      - {name: tail, emptyDir: {}}\n')
      .replace(MOUNT, MOUNT + '      - {name: tail, mountPath: /tail}\n'),
    expected: zeroCopy(MOUNT, '    volumes:\n      # the weights\n' + VOLUME + '      # scratch, once used by the cache\n      # the tail\n      - {name: tail, emptyDir: {}}\n')
      .replace(MOUNT, MOUNT + '      - {name: tail, mountPath: /tail}\n'),
    dropped: ['# unused', '# empty'],
  },
  {
    ...unused,
    name: 'unused-volume: the last item goes',
    text: zeroCopy(MOUNT, '    volumes:\n' + VOLUME + '      - name: scratch\n        emptyDir:\n          medium: Memory\n'),
    expected: zeroCopy(MOUNT, '    volumes:\n' + VOLUME),
  },
  {
    ...unused,
    name: 'unused-volume: the only item leaves [] and the key\'s comment',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: # none needed\n      - name: scratch\n        emptyDir: {}\n    replicaCount: 1\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: [] # none needed\n    replicaCount: 1\n',
  },
  {
    ...unused,
    name: 'unused-volume: flow lists, first and only items',
    text: zeroCopy(MOUNT, `    volumes: [{name: scratch, emptyDir: {}}, {name: weights, image: {reference: ${BH}}}]\n`),
    expected: zeroCopy(MOUNT, `    volumes: [{name: weights, image: {reference: ${BH}}}]\n`),
  },
  {
    ...unused,
    name: 'unused-volume: a flow list\'s only item',
    text: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: [{name: scratch, emptyDir: {}}]\n',
    expected: 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes: []\n',
  },
  {
    ...unused,
    name: 'unused-volume: 4 spaces, unindented list',
    text: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n        volumes:\n        - name: cache\n          emptyDir: {}\n        - name: scratch\n          emptyDir: {}\n        volumeMounts:\n        - name: cache\n          mountPath: /cache\n',
    expected: 'modelGroups:\n    vllm-gemma:\n        enabled: true\n        volumes:\n        - name: cache\n          emptyDir: {}\n        volumeMounts:\n        - name: cache\n          mountPath: /cache\n',
  },
];

runFixCases('volumes', cases);
