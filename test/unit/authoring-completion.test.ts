// Key and value completion at caret positions (`|`): each case applies the chosen item's edit,
// as an editor would, and checks the text around the caret. Files are Inference Stack or
// Pre-Porter by content, as the engine detects them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAuthoring, type AuthoringCompletion } from '../../server/src/engine/authoring/complete';
import { yamlText } from '../../server/src/engine/authoring/value-completion';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();

function complete(source: string, settings: Partial<EngineSettings> = {}) {
  const { text, carets } = mark(source);
  assert.equal(carets.length, 1, 'one caret per case');
  const items = completeAuthoring(text, carets[0], CATALOGUE, { ...DEFAULT_SETTINGS, ...settings });
  const labels = items.map((item) => item.label);
  const find = (label: string): AuthoringCompletion => {
    const item = items.find((candidate) => candidate.label === label);
    assert.ok(item, `an item ${label} among ${labels.join(', ')}`);
    return item;
  };
  /** The whole text after applying the item's edit. */
  const apply = (label: string): string => {
    const item = find(label);
    return text.slice(0, item.edit.range.start) + item.edit.newText + text.slice(item.edit.range.end);
  };
  return { text, items, labels, find, apply };
}

describe('key completion', () => {
  it('offers the keys of a model group not yet written, with type, default and docs, on an empty line', () => {
    const { labels, find, apply } = complete('modelGroups:\n  vllm-gemma:\n    enabled: true\n    |\n');
    assert.ok(!labels.includes('enabled'), 'a key already present is not offered');
    assert.ok(labels.includes('initContainers') && labels.includes('volumes') && labels.includes('resources'));
    const pullSecrets = find('imagePullSecrets');
    assert.equal(pullSecrets.kind, 'key');
    const replicas = find('replicaCount');
    assert.equal(replicas.detail, 'integer · default 1');
    assert.match(replicas.documentation ?? '', /Chart default: `1`/);
    assert.match(find('modelName').documentation ?? '', /Name of the model as the engine knows it/);
    // Shapes: a scalar on the same line, a map and a list on a new line, one indent deeper.
    assert.equal(apply('modelName'), 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    modelName: \n');
    assert.equal(apply('image'), 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    image:\n      \n');
    assert.equal(apply('volumes'), 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    volumes:\n      - \n');
  });

  it('says that a group of another name inherits no default', () => {
    const { find } = complete('modelGroups:\n  llama:\n    |\n');
    assert.equal(find('replicaCount').detail, 'integer');
    assert.match(find('replicaCount').documentation ?? '', /example groups: `1`[\s\S]*`llama` is not one of them/);
  });

  it('respects the file\'s indentation unit', () => {
    const { apply } = complete('modelGroups:\n    llama:\n        enabled: true\n        |\n');
    assert.equal(apply('image'), 'modelGroups:\n    llama:\n        enabled: true\n        image:\n            \n');
  });

  it('replaces a partial key, and only the name when the colon is already there', () => {
    const partial = complete('onwards:\n  replicaCount: 2\n  ima|\n');
    assert.equal(partial.find('image').edit.range.end - partial.find('image').edit.range.start, 3);
    assert.equal(partial.apply('image'), 'onwards:\n  replicaCount: 2\n  image:\n    \n');
    const withColon = complete('onwards:\n  ser|vice: {}\n');
    assert.equal(withColon.apply('service'), 'onwards:\n  service: {}\n');
  });

  it('works in flow maps, inserting `key: ` on the same line', () => {
    const { labels, apply } = complete('modelGroups:\n  vllm-gemma:\n    image: {repository: vllm/vllm-openai, |}\n');
    assert.deepEqual(labels, ['tag', 'pullPolicy']);
    assert.equal(apply('pullPolicy'), 'modelGroups:\n  vllm-gemma:\n    image: {repository: vllm/vllm-openai, pullPolicy: }\n');
  });

  it('offers the keys of a new list item after `- ` and of the item being written', () => {
    const fresh = complete('modelGroups:\n  a:\n    volumeMounts:\n      - |\n');
    assert.equal(fresh.labels[0], 'name');
    assert.equal(fresh.apply('mountPath'), 'modelGroups:\n  a:\n    volumeMounts:\n      - mountPath: \n');
    const second = complete('modelGroups:\n  a:\n    volumeMounts:\n      - name: w\n        |\n');
    assert.ok(!second.labels.includes('name') && second.labels.includes('mountPath'));
  });

  it('offers the top-level keys of each chart', () => {
    const stack = complete('modelGroups: {}\n|\n');
    assert.ok(stack.labels.includes('onwards') && stack.labels.includes('networkPolicy') && !stack.labels.includes('modelGroups'));
    const prePorter = complete('images: []\nimageRegistry: x\n|\n');
    assert.ok(prePorter.labels.includes('advancedCronJob') && prePorter.labels.includes('globalTolerations'));
    assert.ok(!prePorter.labels.includes('onwards'));
  });

  it('names the file\'s model groups under networkPolicy.modelGroups', () => {
    const { labels, find } = complete('modelGroups:\n  llama:\n    enabled: true\n  qwen: {}\nnetworkPolicy:\n  modelGroups:\n    llama: {}\n    |\n');
    assert.deepEqual(labels, ['qwen']);
    assert.match(find('qwen').detail ?? '', /not enabled/);
  });

  it('offers GPU node labels in a nodeSelector, with a quoted value', () => {
    const { labels, apply } = complete('modelGroups:\n  a:\n    nodeSelector:\n      |\n');
    assert.equal(labels[0], 'nvidia.com/gpu.present');
    assert.ok(labels.includes('cloud.google.com/gke-accelerator'));
    assert.equal(apply('nvidia.com/gpu.present'), 'modelGroups:\n  a:\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n');
  });

  it('offers resource names in limits', () => {
    const { labels } = complete('modelGroups:\n  a:\n    resources:\n      limits:\n        memory: 16Gi\n        |\n');
    assert.deepEqual(labels, ['nvidia.com/gpu', 'cpu', 'ephemeral-storage']);
  });

  it('answers in the document holding the caret of a multi-document file', () => {
    const { labels } = complete('images: []\nimageRegistry: x\n---\nmodelGroups:\n  a:\n    |\n');
    assert.ok(labels.includes('modelAlias'));
  });

  it('still answers when the file has a syntax error elsewhere', () => {
    const { labels } = complete('onwards:\n  image: {repository: x\nmodelGroups:\n  a:\n    enabled: true\n    |\n');
    assert.ok(labels.includes('modelAlias'), labels.join(', '));
  });

  it('offers nothing in a file of neither chart, in a comment, or after a key\'s colon', () => {
    assert.deepEqual(complete('services:\n  web:\n    |\n').items, []);
    assert.deepEqual(complete('modelGroups:\n  a:\n    # a comment |\n').items, []);
    assert.deepEqual(complete('modelGroups:\n  a:\n    image:|\n').items, []);
  });
});

describe('value completion', () => {
  it('offers an enum, marking the default, and replaces the whole value', () => {
    const { labels, find, apply } = complete('onwards:\n  image:\n    pullPolicy: If|Present\n');
    assert.deepEqual(labels, ['Always', 'IfNotPresent', 'Never']);
    assert.equal(find('IfNotPresent').detail, 'default');
    assert.equal(apply('Always'), 'onwards:\n  image:\n    pullPolicy: Always\n');
  });

  it('completes inside quotes without adding quotes', () => {
    const { apply } = complete('onwards:\n  service:\n    type: "Node|"\n');
    assert.equal(apply('NodePort'), 'onwards:\n  service:\n    type: "NodePort"\n');
  });

  it('completes in flow maps and flow lists', () => {
    const toleration = complete('modelGroups:\n  a:\n    tolerations: [{key: nvidia.com/gpu, operator: |}]\n');
    assert.deepEqual(toleration.labels, ['Exists', 'Equal']);
    const effect = complete('modelGroups:\n  a:\n    tolerations:\n      - {operator: Exists, effect: |}\n');
    assert.ok(effect.labels.includes('NoSchedule'));
    assert.equal(effect.find('""').edit.newText, '""');
  });

  it('offers booleans and the chart\'s enums elsewhere (concurrencyPolicy, dnsPolicy, restartPolicy)', () => {
    assert.deepEqual(complete('modelGroups:\n  a:\n    enabled: |\n').labels, ['true', 'false']);
    assert.deepEqual(complete('images: []\nadvancedCronJob:\n  concurrencyPolicy: |\n').labels, ['Forbid', 'Allow', 'Replace']);
    const restart = complete('images: []\nadvancedCronJob:\n  broadcastJobTemplate:\n    podTemplate:\n      restartPolicy: |\n');
    assert.ok(restart.labels.includes('Never') && restart.labels.includes('OnFailure'));
  });

  it('offers the group\'s volumes, PersistentVolumeClaims included, for a mount\'s name', () => {
    const source = `modelGroups:
  llama:
    persistentVolumes:
      - name: cache
        size: 100Gi
        mountPath: /cache
    volumes:
      - name: weights
        emptyDir: {sizeLimit: 20Gi}
    initContainers:
      - name: fetch
        image: busybox
        volumeMounts:
          - name: |
  other:
    volumes:
      - name: not-this-one
        emptyDir: {}
`;
    const { labels, find } = complete(source);
    // In the pod's order: deployment.yaml writes the persistentVolumes' claims before `volumes`.
    assert.deepEqual(labels, ['cache', 'weights']);
    assert.equal(find('weights').detail, 'emptyDir volume · 20Gi');
    assert.equal(find('cache').detail, 'persistentVolume volume · 100Gi');
  });

  it('offers the gateway\'s volumes for its mounts', () => {
    const { labels } = complete('onwards:\n  volumes:\n    - name: tls\n      secret: {secretName: t}\n  volumeMounts:\n    - name: "|"\n');
    assert.deepEqual(labels, ['tls']);
  });

  it('offers the least sizeLimit that holds the model copied into the volume', () => {
    const source = `modelGroups:
  llama:
    initContainers:
      - name: fetch
        image: ${BH}:llama-3.1-8b-instruct
        volumeMounts:
          - name: weights
            mountPath: /models
    volumes:
      - name: weights
        emptyDir:
          sizeLimit: |
`;
    const { items, apply } = complete(source);
    assert.equal(items[0].label, '17Gi');
    assert.match(items[0].detail ?? '', /llama-3\.1-8b-instruct \(15\.0 GiB \+ 10%\)/);
    assert.match(apply('17Gi'), /sizeLimit: 17Gi\n/);
    const roomier = completeAuthoring(mark(source).text, mark(source).carets[0], CATALOGUE, { ...DEFAULT_SETTINGS, sizeHeadroomPercent: 50 });
    assert.equal(roomier[0].label, '23Gi');
  });

  it('offers the values of a GPU node label and the GPU taint key', () => {
    const label = complete('modelGroups:\n  a:\n    nodeSelector:\n      cloud.google.com/gke-accelerator: |\n');
    assert.ok(label.labels.includes('nvidia-l4'));
    const taint = complete('images: []\nglobalTolerations:\n  - key: |\n');
    assert.deepEqual(taint.labels, ['nvidia.com/gpu']);
  });

  it('offers list item values from the schema', () => {
    const { labels } = complete('modelGroups:\n  a:\n    persistentVolumes:\n      - name: c\n        accessModes:\n          - |\n');
    assert.deepEqual(labels, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
  });

  it('leaves image tags to tag completion', () => {
    const { labels } = complete('modelGroups:\n  a:\n    image:\n      repository: vllm/vllm-openai\n      tag: |\n');
    assert.deepEqual(labels, []);
  });
});

describe('yamlText', () => {
  it('quotes what YAML 1.1 would not read back as the same string', () => {
    assert.equal(yamlText('true', false), '"true"');
    assert.equal(yamlText('yes', false), '"yes"');
    assert.equal(yamlText('8000', false), '"8000"');
    assert.equal(yamlText('', false), '""');
    assert.equal(yamlText('*/5 * * * *', false), '"*/5 * * * *"');
    assert.equal(yamlText('17Gi', false), '17Gi');
    assert.equal(yamlText('IfNotPresent', false), 'IfNotPresent');
    assert.equal(yamlText('true', true), 'true');
  });
});
