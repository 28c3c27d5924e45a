// "Add GPU node targeting" on its case table: every result parses, keeps every comment, loses
// no text outside the edited nodes, has the targeting, and a second run changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, parseDocument } from 'yaml';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import { gpuTargetingEdits, type GpuTarget } from '../../server/src/engine/fixes/gpu-targeting';
import { tolerates } from '../../server/src/engine/kubernetes/scheduling';
import { mergeValues } from '../../server/src/engine/merge';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import inferenceStackDefaults from '../../schemas/inference-stack.defaults.json';
import prePorterDefaults from '../../schemas/pre-porter.defaults.json';

function fix(text: string, target: GpuTarget): string {
  const doc = parseDocument(text, { version: '1.1' });
  const defaults = target.chart === 'pre-porter' ? prePorterDefaults : inferenceStackDefaults;
  const merged = mergeValues(defaults, doc.toJS()) as Record<string, unknown>;
  return applyEdits(text, gpuTargetingEdits(text, doc, merged, target, DEFAULT_SETTINGS.gpu));
}

function comments(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.includes('#')).map((line) => line.slice(line.indexOf('#')));
}

const GROUP: GpuTarget = { chart: 'inference-stack', group: 'llm' };

function check(name: string, text: string, expected: string, target: GpuTarget = GROUP) {
  test(`gpu targeting: ${name}`, () => {
    const fixed = fix(text, target);
    assert.equal(fixed, expected);
    assert.deepEqual(comments(fixed), comments(text), 'every comment kept');
    const values = parse(fixed, { version: '1.1' });
    const node = target.chart === 'pre-porter' ? values : values.modelGroups.llm;
    const selector = target.chart === 'pre-porter' ? node.globalNodeSelector : node.nodeSelector;
    const tolerations = target.chart === 'pre-porter' ? node.globalTolerations : node.tolerations;
    assert.equal(selector['nvidia.com/gpu.present'], 'true');
    assert.ok(tolerations.some((t: unknown) => tolerates(t, { key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' })));
    assert.equal(fix(fixed, target), fixed, 'a second run changes nothing');
  });
}

check('keys absent, 2 spaces',
  'modelGroups:\n  llm:\n    enabled: true # on\n    image: {repository: x}\n# tail\n',
  'modelGroups:\n  llm:\n    enabled: true # on\n    image: {repository: x}\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n# tail\n');

check('keys absent, 4 spaces',
  'modelGroups:\n    llm:\n        enabled: true\n',
  'modelGroups:\n    llm:\n        enabled: true\n        nodeSelector:\n            nvidia.com/gpu.present: "true"\n        tolerations:\n            - key: nvidia.com/gpu\n              operator: Exists\n              effect: NoSchedule\n');

check('keys present as {} and []',
  'modelGroups:\n  llm:\n    nodeSelector: {} # none yet\n    tolerations: []\n    enabled: true\n',
  'modelGroups:\n  llm:\n    nodeSelector:\n      nvidia.com/gpu.present: "true" # none yet\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n    enabled: true\n');

check('flow collections stay flow',
  'modelGroups:\n  llm:\n    nodeSelector: {kubernetes.io/arch: amd64}\n    tolerations: [{key: dedicated, operator: Exists}]\n',
  'modelGroups:\n  llm:\n    nodeSelector: {kubernetes.io/arch: amd64, nvidia.com/gpu.present: "true"}\n    tolerations: [{key: dedicated, operator: Exists}, {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]\n');

check('a flow group gets flow entries',
  'modelGroups:\n  llm: {enabled: true}\n',
  'modelGroups:\n  llm: {enabled: true, nodeSelector: {nvidia.com/gpu.present: "true"}, tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]}\n');

check('existing entries are kept and not duplicated',
  'modelGroups:\n  llm:\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n    - key: nvidia.com/gpu\n      operator: Equal\n      value: present\n      effect: NoSchedule\n',
  'modelGroups:\n  llm:\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n    - key: nvidia.com/gpu\n      operator: Equal\n      value: present\n      effect: NoSchedule\n');

check('block lists get one more item at their own indentation',
  'modelGroups:\n  llm:\n    tolerations:\n    - key: dedicated # team nodes\n      operator: Exists\n    nodeSelector:\n      pool: gpu\n',
  'modelGroups:\n  llm:\n    tolerations:\n    - key: dedicated # team nodes\n      operator: Exists\n    - key: nvidia.com/gpu\n      operator: Exists\n      effect: NoSchedule\n    nodeSelector:\n      pool: gpu\n      nvidia.com/gpu.present: "true"\n');

check('CRLF line endings are kept',
  'modelGroups:\r\n  llm:\r\n    enabled: true\r\n',
  'modelGroups:\r\n  llm:\r\n    enabled: true\r\n    nodeSelector:\r\n      nvidia.com/gpu.present: "true"\r\n    tolerations:\r\n      - key: nvidia.com/gpu\r\n        operator: Exists\r\n        effect: NoSchedule\r\n');

check('empty values (key:) are filled',
  'modelGroups:\n  llm:\n    nodeSelector:\n    tolerations: ~\n',
  'modelGroups:\n  llm:\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n');

check('Pre-Porter: the loading guide example without its targeting gets the guide\'s selector',
  '# All model weights to keep cached\nimages:\n  - name: "gemma-3-12b-it"\n    pullPolicy: "Always"\n    enabled: true\n\nadvancedCronJob:\n  enabled: true\n  schedule: "0 * * * *"  # Every hour\n\n  broadcastJobTemplate:\n    ttlSecondsAfterFinished: 3600  # 1 hour\n',
  '# All model weights to keep cached\nimages:\n  - name: "gemma-3-12b-it"\n    pullPolicy: "Always"\n    enabled: true\n\nadvancedCronJob:\n  enabled: true\n  schedule: "0 * * * *"  # Every hour\n\n  broadcastJobTemplate:\n    ttlSecondsAfterFinished: 3600  # 1 hour\nglobalNodeSelector:\n  nvidia.com/gpu.present: "true"\nglobalTolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n',
  { chart: 'pre-porter' });

check('Pre-Porter: a file without a final newline',
  'images: []\nglobalNodeSelector: {}',
  'images: []\nglobalNodeSelector:\n  nvidia.com/gpu.present: "true"\nglobalTolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n',
  { chart: 'pre-porter' });

// The long fuzz run's cases (issue 8): an anchor, a tag or a `?` before a lone key puts the key
// to the right of where its entry starts, and new entries go at the entry's column.
check('an anchor before a lone key (fuzz seed 424242 case 6608)',
  'modelGroups:\n  llm:\n    &on enabled: true\n',
  'modelGroups:\n  llm:\n    &on enabled: true\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n');

check('Pre-Porter: a tag before a lone top-level key',
  '!!str images: []\n',
  '!!str images: []\nglobalNodeSelector:\n  nvidia.com/gpu.present: "true"\nglobalTolerations:\n  - key: nvidia.com/gpu\n    operator: Exists\n    effect: NoSchedule\n',
  { chart: 'pre-porter' });

check('an explicit key (`? key`) alone in its map',
  'modelGroups:\n  llm:\n    ? enabled\n    : true\n',
  'modelGroups:\n  llm:\n    ? enabled\n    : true\n    nodeSelector:\n      nvidia.com/gpu.present: "true"\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n');

/** Files where no edit can be trusted: the fix offers none rather than a file that does not parse. */
function notOffered(name: string, text: string, target: GpuTarget = GROUP) {
  test(`gpu targeting: not offered: ${name}`, () => {
    assert.deepEqual(parseDocument(text, { version: '1.1' }).errors, [], 'the file parses');
    assert.equal(fix(text, target), text);
  });
}

// After a byte-order mark the parser reads the first line's spaces as no indentation, where YAML
// (and Helm) count them: a sibling of that line's key has no column both accept.
notOffered('a byte-order mark, then an indented lone top-level key (fuzz seed 424242 cases 3847, 7031)',
  '\ufeff  images: []\n', { chart: 'pre-porter' });

// The parser ends a collection key's node early and drops the lines after it without an error;
// entries appended after that node would take those lines in.
notOffered('a collection key whose next lines the parser drops (fuzz seed 202 case 1696)',
  'modelGroups:\n  llm:\n    persistentVolumes:\n      ? - name: cache\n        size: 100Gi\n        mountPath: /models\n');

notOffered('a collection key whose last line the parser drops',
  'modelGroups:\n  llm:\n    persistentVolumes:\n      ? - name: cache\n        size: 100Gi\n');

// A collection as a key (no values file has one: Helm needs string keys) gets a range that
// starts after its first line, so its entry has no column to align new entries with.
notOffered('a map with a collection key (fuzz seed 31337 case 7103)',
  '? images:\n  - a\n', { chart: 'pre-porter' });

// Half a fix is no targeting: a missing half that cannot be written leaves out the other too.
// A selector that Helm renders already (here through an alias) is no missing half.
check('a selector written through an alias: only the toleration is added',
  'gpuNodes: &gpu\n  nvidia.com/gpu.present: "true"\nmodelGroups:\n  llm:\n    nodeSelector: *gpu\n',
  'gpuNodes: &gpu\n  nvidia.com/gpu.present: "true"\nmodelGroups:\n  llm:\n    nodeSelector: *gpu\n    tolerations:\n      - key: nvidia.com/gpu\n        operator: Exists\n        effect: NoSchedule\n');

notOffered('a selector that is no map (the toleration alone would be half a fix)',
  'modelGroups:\n  llm:\n    nodeSelector: gpu\n');
