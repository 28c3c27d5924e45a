// Hover on keys, values, quantities and volume names: `|` marks the mouse, `[[...]]` the range
// the hover must report.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAuthoring, quantityMarkdown } from '../../server/src/engine/authoring/hover';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();

function hoverAt(source: string) {
  const { text, carets, ranges } = mark(source);
  const hover = hoverAuthoring(text, carets[0], CATALOGUE, DEFAULT_SETTINGS);
  if (ranges[0]) assert.deepEqual(hover?.range, ranges[0], 'the hovered range');
  return hover?.markdown ?? '';
}

const WEIGHTS_GROUP = `modelGroups:
  llama:
    enabled: true
    initContainers:
      - name: fetch
        image: ${BH}:llama-3.1-8b-instruct
        volumeMounts:
          - name: [[wei|ghts]]
            mountPath: /models
    volumeMounts:
      - name: weights
        mountPath: /models
        readOnly: true
    volumes:
      - name: weights
        emptyDir:
          sizeLimit: 50G
`;

describe('hover on a key', () => {
  it('shows the description, type, chart default and that the file sets the value', () => {
    const markdown = hoverAt('onwards:\n  [[replica|Count]]: 3\n');
    assert.match(markdown, /\*\*`onwards\.replicaCount`\*\*/);
    assert.match(markdown, /Number of gateway pods/);
    assert.match(markdown, /Type: `integer`/);
    assert.match(markdown, /Chart default: `1`/);
    assert.match(markdown, /Set in this file; it replaces the chart's default/);
  });

  it('says which keys of a map still come from the chart', () => {
    const markdown = hoverAt('onwards:\n  [[resources|]]:\n    limits:\n      cpu: "1"\n');
    assert.match(markdown, /merged over the chart's default: `requests` still comes from the chart/);
  });

  it('says that an empty value deletes the chart\'s default', () => {
    assert.match(hoverAt('onwards:\n  |podSecurityContext:\n'), /`null` here deletes the chart's default/);
  });

  it('lists the allowed values and explains a value by its key, inside quotes too', () => {
    const markdown = hoverAt('onwards:\n  image:\n    pullPolicy: [["Al|ways"]]\n');
    assert.match(markdown, /one of `"Always"`, `"IfNotPresent"`, `"Never"`/);
  });

  it('shows the definition\'s own explanation beside the key\'s', () => {
    const markdown = hoverAt('modelGroups:\n  a:\n    to|lerations: []\n');
    assert.match(markdown, /Type: `list of Toleration`/);
  });

  it('summarises a model group: enabled, model, weights', () => {
    const markdown = hoverAt(WEIGHTS_GROUP.replace('  llama:', '  [[lla|ma]]:').replace('[[wei|ghts]]', 'weights'));
    assert.match(markdown, /\*\*Enabled\*\* · weights from Bit Harbor `llama-3\.1-8b-instruct` \(15\.0 GiB\)/);
    assert.match(markdown, /inherits nothing/);
  });

  it('works in flow maps, in the second document, and with a syntax error elsewhere', () => {
    assert.match(hoverAt('onwards: {image: {[[pull|Policy]]: Never}}\n'), /When the kubelet pulls the gateway image/);
    assert.match(hoverAt('images: []\nimageRegistry: x\n---\nonwards:\n  [[container|Port]]: 8080\n'), /Port the gateway listens on/);
    assert.match(hoverAt('onwards:\n  containerPort: a: b\nmodelGroups:\n  a:\n    [[model|Name]]: m\n'), /Name of the model as the engine knows it/);
  });

  it('has nothing for unknown keys and files of neither chart', () => {
    assert.equal(hoverAt('onwards:\n  repli|cas: 2\n'), '');
    assert.equal(hoverAt('services:\n  we|b: {}\n'), '');
  });
});

describe('hover on a quantity', () => {
  it('shows bytes and GiB, then the key', () => {
    const markdown = hoverAt(WEIGHTS_GROUP.replace('sizeLimit: 50G', 'sizeLimit: [[5|0G]]').replace('[[wei|ghts]]', 'weights'));
    assert.match(markdown, /^`50G` = 50,000,000,000 bytes ≈ 46\.6 GiB/);
    assert.match(markdown, /Most the volume may hold/);
  });

  it('reads quoted quantities and CPU', () => {
    assert.match(hoverAt('onwards:\n  resources:\n    limits:\n      memory: [["1|Gi"]]\n'), /= 1,073,741,824 bytes = 1\.0 GiB/);
    assert.equal(quantityMarkdown('500m', ['resources', 'limits', 'cpu']), '`500m` = 0.5 cores');
    assert.equal(quantityMarkdown('1', ['resources', 'limits', 'nvidia.com/gpu']), null);
  });
});

describe('hover on a volume name', () => {
  it('on a mount: the volume, the model it holds, and who mounts it where', () => {
    const markdown = hoverAt(WEIGHTS_GROUP);
    assert.match(markdown, /\*\*Volume `weights`\*\* of model group `llama`: emptyDir, sizeLimit `50G`/);
    assert.match(markdown, /Holds the weights of Bit Harbor `llama-3\.1-8b-instruct` \(15\.0 GiB\)/);
    assert.match(markdown, /- the engine at `\/models`, read-only/);
    assert.match(markdown, /- init container `fetch` at `\/models`/);
  });

  it('on a declaration, and on a PersistentVolumeClaim the chart makes', () => {
    const markdown = hoverAt('modelGroups:\n  a:\n    persistentVolumes:\n      - name: [[ca|che]]\n        size: 100Gi\n        mountPath: /cache\n');
    assert.match(markdown, /PersistentVolumeClaim made by the chart, size `100Gi`/);
    assert.match(markdown, /- the engine at `\/cache`/);
  });

  it('on a mount whose volume is missing', () => {
    assert.match(hoverAt('modelGroups:\n  a:\n    volumeMounts:\n      - {name: gh|ost, mountPath: /g}\n'), /No volume named `ghost`/);
  });
});

describe('hover on a model group\'s key shows what the chart renders for it', () => {
  const catalogue = bundledCatalogue();
  const text = `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai, tag: "v0.8.5"}
    service: {port: 8000}
    containerPort: 8000
    command: [vllm, serve, /models/llama]
    args: [--port, "8000"]
    volumes: [{name: "w\`x", image: {reference: "ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct"}}]
    volumeMounts: [{name: "w\`x", mountPath: /models/llama, subPath: models, readOnly: true}]
    nodeSelector: {cloud.google.com/gke-accelerator: nvidia-l4}
`;
  it('the Deployment under the release\'s name, the image, the command with args, mounts and node targeting', () => {
    const hover = hoverAuthoring(text, text.indexOf('llama:') + 1, catalogue, { ...DEFAULT_SETTINGS, releaseName: 'prod' }, '/w/values.yaml');
    const markdown = hover?.markdown ?? '';
    assert.match(markdown, /\*\*Renders\*\* Deployment `prod-inference-stack-llama`:/);
    assert.match(markdown, /- image `vllm\/vllm-openai:v0\.8\.5`/);
    assert.match(markdown, /- runs `vllm serve \/models\/llama --port 8000`/);
    // A backtick in a name cannot close the code span and inject markdown.
    assert.match(markdown, /- mounts ``w`x`` \(`image`\) at `\/models\/llama` \(subPath `models`\)/);
    assert.match(markdown, /- on nodes `cloud\.google\.com\/gke-accelerator=nvidia-l4`/);
  });
  it('a disabled group renders nothing, and says no more', () => {
    const off = 'modelGroups:\n  llama:\n    enabled: false\n';
    assert.doesNotMatch(hoverAuthoring(off, off.indexOf('llama:') + 1, catalogue, DEFAULT_SETTINGS, '/w/values.yaml')?.markdown ?? '', /Renders/);
  });
});
