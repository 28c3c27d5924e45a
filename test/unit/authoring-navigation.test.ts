// Definition, references and rename: `|` marks the cursor, `[[...]]` the ranges the answer must
// hold, in order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionAt, prepareRenameAt, referencesAt, renameAt } from '../../server/src/engine/authoring/navigation';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const S = DEFAULT_SETTINGS;
const sorted = (ranges: { start: number; end: number }[]) => [...ranges].sort((a, b) => a.start - b.start);

/** A group whose volume `weights` is declared once and mounted twice; carets go where the test puts them. */
const group = (declaration: string, initMount: string, engineMount: string) => `modelGroups:
  llama:
    initContainers:
      - name: fetch
        image: busybox
        volumeMounts:
          - name: ${initMount}
            mountPath: /models
    volumeMounts:
      - {name: ${engineMount}, mountPath: /models, readOnly: true}
    volumes:
      - name: ${declaration}
        emptyDir: {}
  other:
    volumes:
      - name: weights
        emptyDir: {}
    volumeMounts:
      - name: weights
        mountPath: /w
`;

describe('definition', () => {
  it('goes from a mount\'s name to the volume of the same group, in flow style too', () => {
    const block = mark(group('[[weights]]', 'wei|ghts', 'weights'));
    assert.deepEqual(definitionAt(block.text, block.carets[0], S), block.ranges);
    const flow = mark(group('[[weights]]', 'weights', '"weights|"'));
    assert.deepEqual(definitionAt(flow.text, flow.carets[0], S), flow.ranges);
  });

  it('goes from a persistentVolumes mount to its entry', () => {
    const { text, carets, ranges } = mark('modelGroups:\n  a:\n    persistentVolumes:\n      - name: [[cache]]\n        size: 1Gi\n        mountPath: /c\n    initContainers:\n      - name: i\n        image: x\n        volumeMounts: [{name: ca|che, mountPath: /c}]\n');
    assert.deepEqual(definitionAt(text, carets[0], S), ranges);
  });

  it('goes from an alias to its anchor, the last one before it', () => {
    const { text, carets, ranges } = mark('modelGroups:\n  a: &gpu {enabled: true}\n  b: [[&gpu]] {enabled: false}\n  c: *g|pu\n');
    assert.deepEqual(definitionAt(text, carets[0], S), ranges);
    const merge = mark('modelGroups:\n  base: [[&base]]\n    enabled: false\n  a:\n    <<: *ba|se\n');
    assert.deepEqual(definitionAt(merge.text, merge.carets[0], S), merge.ranges);
  });

  it('goes from a networkPolicy entry to its model group', () => {
    const { text, carets, ranges } = mark('modelGroups:\n  [[llama]]:\n    enabled: true\nnetworkPolicy:\n  modelGroups:\n    lla|ma: {}\n');
    assert.deepEqual(definitionAt(text, carets[0], S), ranges);
  });

  it('works in the second document and with a syntax error elsewhere', () => {
    const second = mark(`images: []\nimageRegistry: x\n---\n${group('[[weights]]', 'weigh|ts', 'weights')}`);
    assert.deepEqual(definitionAt(second.text, second.carets[0], S), second.ranges);
    const broken = mark(`onwards:\n  containerPort: a: b\n${group('[[weights]]', 'weigh|ts', 'weights')}`);
    assert.deepEqual(definitionAt(broken.text, broken.carets[0], S), broken.ranges);
  });

  it('has none elsewhere', () => {
    const { text, carets } = mark(group('weights', 'weights', 'weights').replace('mountPath: /models\n    volumeMounts', 'mountPath: /mo|dels\n    volumeMounts'));
    assert.deepEqual(definitionAt(text, carets[0], S), []);
  });
});

describe('references', () => {
  it('lists every mount of the volume, with the declaration when asked, and none of another group', () => {
    const { text, carets, ranges } = mark(group('[[weig|hts]]', '[[weights]]', '[[weights]]'));
    assert.deepEqual(sorted(referencesAt(text, carets[0], true, S)), ranges);
    // In text order: the init container's mount, the engine's, then the declaration.
    assert.deepEqual(sorted(referencesAt(text, carets[0], false, S)), ranges.slice(0, 2));
  });

  it('works in the second document and with a syntax error elsewhere', () => {
    const { text, carets, ranges } = mark(`images: []\nimageRegistry: x\n---\nonwards:\n  containerPort: a: b\n${group('[[weights]]', '[[weig|hts]]', '[[weights]]')}`);
    assert.deepEqual(sorted(referencesAt(text, carets[0], true, S)), sorted(ranges));
  });

  it('lists the aliases of an anchor', () => {
    const { text, carets, ranges } = mark('modelGroups:\n  a: [[&gpu]] {enabled: true}\n  b: [[*gpu]]\n  c: [[*g|pu]]\n');
    assert.deepEqual(sorted(referencesAt(text, carets[0], true, S)), ranges);
  });
});

describe('rename', () => {
  it('prepares on a volume name, declared or mounted, inside quotes', () => {
    const { text, carets, ranges } = mark(group('weights', 'weights', '"[[wei|ghts]]"'));
    assert.deepEqual(prepareRenameAt(text, carets[0], S), { range: ranges[0], placeholder: 'weights' });
  });

  it('refuses anything else', () => {
    const key = mark(group('weights', 'weights', 'weights').replace('initContainers', 'init|Containers'));
    assert.deepEqual(prepareRenameAt(key.text, key.carets[0], S), { error: 'Only volume names can be renamed' });
    const container = mark(group('weights', 'weights', 'weights').replace('name: fetch', 'name: fe|tch'));
    assert.deepEqual(prepareRenameAt(container.text, container.carets[0], S), { error: 'Only volume names can be renamed' });
    const dangling = mark('modelGroups:\n  a:\n    volumeMounts: [{name: gh|ost, mountPath: /g}]\n');
    assert.match((prepareRenameAt(dangling.text, dangling.carets[0], S) as { error: string }).error, /No volume named `ghost`/);
  });

  it('refuses a name shared with another group through an alias', () => {
    const { text, carets } = mark('modelGroups:\n  a:\n    volumes: &vols\n      - name: wei|ghts\n        emptyDir: {}\n  b:\n    volumes: *vols\n');
    assert.match((prepareRenameAt(text, carets[0], S) as { error: string }).error, /shared with model group `b`/);
  });

  it('renames the declaration and every mount of the group, and nothing in another group', () => {
    const { text, carets } = mark(group('weights', 'weig|hts', 'weights'));
    const result = renameAt(text, carets[0], 'model-weights', S);
    assert.ok('edits' in result);
    const edited = [...result.edits].sort((a, b) => b.range.start - a.range.start)
      .reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
    assert.equal(edited, group('model-weights', 'model-weights', 'model-weights'));
  });

  it('renames in the second document of a file with a syntax error in the first', () => {
    const before = 'onwards:\n  containerPort: a: b\n---\n';
    const { text, carets } = mark(before + group('weights', 'weights', '"weig|hts"'));
    const result = renameAt(text, carets[0], 'w', S);
    assert.ok('edits' in result && result.edits.length === 3);
    const edited = [...result.edits].sort((a, b) => b.range.start - a.range.start)
      .reduce((current, edit) => current.slice(0, edit.range.start) + edit.newText + current.slice(edit.range.end), text);
    assert.equal(edited, before + group('w', 'w', '"w"'));
  });

  it('refuses an invalid name or one the group already has', () => {
    const { text, carets } = mark(group('weights', 'weig|hts', 'weights').replace('emptyDir: {}\n  other', 'emptyDir: {}\n      - name: cache\n        emptyDir: {}\n  other'));
    assert.match((renameAt(text, carets[0], 'Weights_1', S) as { error: string }).error, /not a valid volume name/);
    assert.match((renameAt(text, carets[0], 'cache', S) as { error: string }).error, /already has a volume named `cache`/);
  });
});
