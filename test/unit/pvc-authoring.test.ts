// Authoring help on a model group's persistentVolumes: the hover on an entry (claim name, what
// its access mode means, the model it should hold and its size) and the completion of
// accessModes and of a mountPath with the engine's cache. `|` marks the caret, `[[...]]` the
// range a hover reports. vllm-gemma inherits `runAsUser: 0` and `--model google/gemma-3-12b-it`
// (22.7 GiB: 25Gi with the default 10% headroom).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../server/src/engine/authoring/hover';
import { claimName } from '../../server/src/engine/authoring/persistent-volume-help';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS, type EngineSettings } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const CATALOGUE = bundledCatalogue();

function hoverAt(source: string, settings: Partial<EngineSettings> = {}): string {
  const { text, carets, ranges } = mark(source);
  const hover = hoverAuthoring(text, carets[0], CATALOGUE, { ...DEFAULT_SETTINGS, ...settings });
  if (ranges[0]) assert.deepEqual(hover?.range, ranges[0], 'the hovered range');
  return hover?.markdown ?? '';
}

function labelsAt(source: string): { labels: string[]; details: (string | undefined)[] } {
  const { text, carets } = mark(source);
  const items = completeAuthoring(text, carets[0], CATALOGUE, DEFAULT_SETTINGS);
  return { labels: items.map((item) => item.label), details: items.map((item) => item.detail) };
}

const entry = (name: string, modes: string, extra = '') => `modelGroups:
  vllm-gemma:
    enabled: true
${extra}    persistentVolumes:
      - name: ${name}
        size: 20Gi
        mountPath: /root/.cache/huggingface
        accessModes: [${modes}]
`;

describe('hover on a persistentVolumes entry', () => {
  it('names the claim with the release as a placeholder, the mode\'s consequence and the model with its size', () => {
    const markdown = hoverAt(entry('[[model-c|ache]]', 'ReadWriteOnce'));
    assert.match(markdown, /PersistentVolumeClaim `<release>-inference-stack-vllm-gemma-model-cache`/);
    assert.match(markdown, /`ReadWriteOnce`: the claim attaches to one node at a time/);
    assert.match(markdown, /Expected to hold `google\/gemma-3-12b-it` in the Hugging Face cache `\/root\/\.cache\/huggingface\/hub`/);
    assert.match(markdown, /`gemma-3-12b-it` is 22\.7 GiB .*needs at least `25Gi`/);
    assert.match(markdown, /the engine at `\/root\/\.cache\/huggingface`/);
  });

  it('the headroom setting changes the minimum it names', () => {
    assert.match(hoverAt(entry('model-c|ache', 'ReadWriteOnce'), { sizeHeadroomPercent: 0 }), /with 0% headroom the claim needs at least `23Gi`/);
  });

  it('a claim that also lists ReadWriteMany is read as ReadWriteMany', () => {
    assert.match(hoverAt(entry('model-c|ache', 'ReadWriteOnce, ReadWriteMany')), /`ReadWriteOnce`, `ReadWriteMany`: the claim attaches to every node, read-write/);
  });

  it('fullnameOverride and nameOverride change the claim name', () => {
    assert.match(hoverAt(`fullnameOverride: ai\n${entry('model-c|ache', 'ReadWriteOnce')}`), /`ai-vllm-gemma-model-cache`:/);
    assert.match(hoverAt(`nameOverride: llm\n${entry('model-c|ache', 'ReadWriteOnce')}`), /`<release>-llm-vllm-gemma-model-cache`/);
    assert.deepEqual(claimName({}, 'g', 'v'), { name: '<release>-inference-stack-g-v', chartName: 'inference-stack' });
  });

  it('a volume away from the cache says it does not hold the model, and where it lives', () => {
    const markdown = hoverAt(entry('out|puts', 'ReadWriteMany').replace('/root/.cache/huggingface', '/outputs'));
    assert.match(markdown, /Does not hold the engine's model: it lives under `\/root\/\.cache\/huggingface\/hub`/);
  });

  it('a cache set through env, a model the catalogue does not know: its size is unknown, never guessed', () => {
    const markdown = hoverAt(entry('h|f', 'ReadWriteOnce', '    modelName: example/unknown-model\n    command: [vllm, serve, example/unknown-model]\n    env: [{name: HF_HOME, value: /root/.cache/huggingface}]\n'));
    assert.match(markdown, /Expected to hold `example\/unknown-model` in the Hugging Face cache `\/root\/\.cache\/huggingface\/hub` \(`HF_HOME=/);
    assert.match(markdown, /size is unknown to the catalogue/);
  });

  it('the same claim facts on a volumeMounts item that names it', () => {
    const markdown = hoverAt(entry('model-cache', 'ReadWriteOncePod', '    volumeMounts: [{name: model-c|ache, mountPath: /extra}]\n'));
    assert.match(markdown, /`<release>-inference-stack-vllm-gemma-model-cache`/);
    assert.match(markdown, /`ReadWriteOncePod`: the claim attaches to one pod at a time/);
  });

  it('an access mode value shows its consequence above the key\'s documentation', () => {
    const markdown = hoverAt(entry('model-cache', 'ReadWriteMany').replace('accessModes: [ReadWriteMany]', 'accessModes:\n          - [[ReadWri|teMany]]'));
    assert.match(markdown, /^`ReadWriteMany`: the claim attaches to every node, read-write: .*race\.\n\n---\n\n/);
  });
});

describe('completion in a persistentVolumes entry', () => {
  it('accessModes: every mode, with its consequence', () => {
    const { labels, details } = labelsAt(entry('model-cache', '|'));
    assert.deepEqual(labels, ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
    assert.ok(details.every((detail) => detail === 'access mode'));
  });

  it('accessModes as a block list', () => {
    const text = entry('model-cache', 'ReadWriteOnce').replace('accessModes: [ReadWriteOnce]', 'accessModes:\n          - Read|');
    assert.ok(labelsAt(text).labels.includes('ReadWriteMany'));
  });

  it('mountPath: root\'s cache when the engine runs as root', () => {
    const text = entry('model-cache', 'ReadWriteOnce').replace('mountPath: /root/.cache/huggingface', 'mountPath: |');
    assert.deepEqual(labelsAt(text).labels, ['/root/.cache/huggingface']);
  });

  it('mountPath: the caches env sets, not root\'s, for a non-root user', () => {
    const extra = '    podSecurityContext: {runAsUser: 1000}\n    env:\n      - {name: HF_HOME, value: /cache}\n      - {name: TRANSFORMERS_CACHE, value: /tf}\n';
    const text = entry('model-cache', 'ReadWriteOnce', extra).replace('mountPath: /root/.cache/huggingface', 'mountPath: |');
    assert.deepEqual(labelsAt(text).labels, ['/cache', '/tf']);
  });

  it('mountPath: a non-root user with no cache in env gets nothing invented', () => {
    const text = entry('model-cache', 'ReadWriteOnce', '    podSecurityContext: {runAsUser: 1000}\n').replace('mountPath: /root/.cache/huggingface', 'mountPath: |');
    assert.deepEqual(labelsAt(text).labels, []);
  });

  it('mountPath of an engine volumeMounts item: the cache and the path the engine loads', () => {
    const text = `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, /models/gemma]
    volumeMounts:
      - {name: weights, mountPath: |}
`;
    assert.deepEqual(labelsAt(text).labels, ['/root/.cache/huggingface', '/models/gemma']);
  });
});
