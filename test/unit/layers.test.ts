// The layered check (Engine.analyzeLayers): a file merged over its bases as Helm merges
// `-f base -f file`, each finding on the node of the file that writes it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import type { LayerText } from '../../server/src/engine/layers/analyze';
import { findingsCausedByFile, publishOnFile } from '../../server/src/engine/layers/publish';
import { mergeUserLayers, mergeValues } from '../../server/src/engine/merge';
import type { Finding } from '../../server/src/engine/types';
import { BASE, BROKEN_BASE, DELETES_MOUNTS, DISABLES_GROUP, MOUNTS_BASE_VOLUME, MOUNTS_MISSPELT_VOLUME, SWAPS_MODEL } from './layers-fixtures';

const engine = new Engine();
const BASE_URI = 'file:///work/deploy/values.yaml';
const TOP_URI = 'file:///work/deploy/values-prod.yaml';

function base(text: string, name = 'values.yaml'): LayerText {
  return { uri: `file:///work/deploy/${name}`, path: `/work/deploy/${name}`, text };
}

function layered(text: string, bases: LayerText[]) {
  return engine.analyzeLayers({ path: '/work/deploy/values-prod.yaml', uri: TOP_URI, text, bases });
}

function slice(text: string, finding: { range: { start: number; end: number } }): string {
  return text.slice(finding.range.start, finding.range.end);
}

function codes(findings: readonly Finding[], code: string): Finding[] {
  return findings.filter((finding) => finding.code === code);
}

describe('Helm merge of several values files', () => {
  it('merges maps, replaces lists and keeps nulls for the defaults to delete', () => {
    const user = mergeUserLayers([{ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: null }, l: [3] }]);
    assert.deepEqual(user, { a: { b: 1, c: null }, l: [3] });
    assert.deepEqual(mergeValues({ a: { c: 9, d: 4 } }, user), { a: { b: 1, d: 4 }, l: [3] });
  });

  it('lets a later map replace an earlier null, then merges the defaults under it', () => {
    const user = mergeUserLayers([{ a: null }, { a: { b: 1 } }]);
    assert.deepEqual(mergeValues({ a: { c: 2 } }, user), { a: { b: 1, c: 2 } });
  });
});

describe('layered findings', () => {
  it('a mount of a volume declared in the base is silent', () => {
    const result = layered(MOUNTS_BASE_VOLUME, [base(BASE)]);
    assert.deepEqual(codes(result.findings, 'volume-not-found'), []);
    assert.equal(result.chart, 'inference-stack');
  });

  it('a misspelt mount is reported in the override, pointing at the base volumes', () => {
    const result = layered(MOUNTS_MISSPELT_VOLUME, [base(BASE)]);
    const [finding, ...rest] = codes(result.findings, 'volume-not-found');
    assert.deepEqual(rest, []);
    assert.equal(finding.uri, undefined);
    assert.equal(slice(MOUNTS_MISSPELT_VOLUME, finding), 'scrach');
    assert.match(finding.message, /did you mean `scratch`/);
    assert.equal(finding.related?.[0].uri, BASE_URI);
    assert.equal(slice(BASE, finding.related![0]), 'volumes');
  });

  it('a bigger model in the override makes the base sizeLimit too small, there, related to the image', () => {
    const result = layered(SWAPS_MODEL, [base(BASE)]);
    const [finding, ...rest] = codes(result.findings, 'size-limit-too-small');
    assert.deepEqual(rest, []);
    assert.equal(finding.uri, BASE_URI);
    assert.equal(slice(BASE, finding), '30Gi');
    assert.match(finding.message, /sizeLimit 30Gi .*qwen-3-14b/);
    assert.equal(finding.related?.[0].uri, TOP_URI);
    assert.equal(slice(SWAPS_MODEL, finding.related![0]), 'ghcr.io/doublewordai/bit-harbor:qwen-3-14b');
  });

  it('the same base alone has no size finding', () => {
    assert.deepEqual(codes(engine.analyze({ path: '/work/deploy/values.yaml', text: BASE }).findings, 'size-limit-too-small'), []);
  });

  it('enabled: false in the override removes the findings of the group the base breaks', () => {
    const alone = engine.analyze({ path: '/work/deploy/values.yaml', text: BROKEN_BASE });
    assert.equal(codes(alone.findings, 'volume-not-found').length, 1);
    const result = layered(DISABLES_GROUP, [base(BROKEN_BASE)]);
    assert.deepEqual(result.findings.filter((finding) => finding.code !== 'unused-volume'), []);
  });

  it('null in the override deletes the base key, and the finding about it', () => {
    const kept = layered('# bit-harbor-values: chart=inference-stack base=./values.yaml\n', [base(BROKEN_BASE)]);
    const [finding] = codes(kept.findings, 'volume-not-found');
    assert.equal(finding.uri, BASE_URI);
    assert.equal(slice(BROKEN_BASE, finding), 'cache');
    const deleted = layered(DELETES_MOUNTS, [base(BROKEN_BASE)]);
    assert.deepEqual(codes(deleted.findings, 'volume-not-found'), []);
  });

  it('an unknown key is reported in the file that writes it', () => {
    const top = '# bit-harbor-values: chart=inference-stack base=./values.yaml\nmodelGroups:\n  vllm-gemma:\n    replicaz: 2\n';
    const below = BASE.replace('    enabled: true\n', '    enabled: true\n    nodeSelectr: {}\n');
    const found = codes(layered(top, [base(below)]).findings, 'unknown-key');
    assert.deepEqual(found.map((f) => [f.uri, f.uri ? slice(below, f) : slice(top, f)]), [[undefined, 'replicaz'], [BASE_URI, 'nodeSelectr']]);
  });

  it('three layers: a volume in the base, a mount in the middle, the model in the override', () => {
    const middle = `modelGroups:
  vllm-gemma:
    volumeMounts:
      - {name: models, mountPath: /weights}
      - {name: scratch, mountPath: /scratch}
      - {name: scrach, mountPath: /tmp}
`;
    const result = layered(SWAPS_MODEL, [base(BASE), base(middle, 'values-gpu.yaml')]);
    const notFound = codes(result.findings, 'volume-not-found');
    assert.deepEqual(notFound.map((f) => [f.uri, slice(middle, f)]), [['file:///work/deploy/values-gpu.yaml', 'scrach']]);
    const tooSmall = codes(result.findings, 'size-limit-too-small');
    assert.deepEqual(tooSmall.map((f) => [f.uri, slice(BASE, f), f.related?.[0].uri]), [[BASE_URI, '30Gi', TOP_URI]]);
  });

  it('a base value the override replaces with a list is not located in the base', () => {
    // The override restates initContainers without a mount: the base's list is gone entirely.
    const top = '# bit-harbor-values: chart=inference-stack\nmodelGroups:\n  vllm-gemma:\n    initContainers: []\n';
    const result = layered(top, [base(BASE)]);
    assert.deepEqual(codes(result.findings, 'size-limit-too-small'), []);
    assert.deepEqual(result.findings.filter((f) => f.uri === undefined && f.range.start > top.length), []);
  });

  it('suppressions in the base silence findings there', () => {
    const quiet = BROKEN_BASE.replace('      - name: cache\n', '      # bit-harbor-disable-next-line volume-not-found\n      - name: cache\n');
    const result = layered('# bit-harbor-values: chart=inference-stack\n', [base(quiet)]);
    assert.deepEqual(codes(result.findings, 'volume-not-found'), []);
  });

  it('every offset lands inside the file it names', () => {
    const result = layered(SWAPS_MODEL, [base(BROKEN_BASE)]);
    for (const finding of result.findings) {
      const text = finding.uri === BASE_URI ? BROKEN_BASE : SWAPS_MODEL;
      assert.ok(finding.range.end <= text.length, `${finding.code} ${JSON.stringify(finding.range)}`);
    }
  });
});

describe('what the editor publishes for a layered file', () => {
  it('drops what the base has alone and moves what the override causes onto the override', () => {
    const result = layered(SWAPS_MODEL, [base(BROKEN_BASE)]);
    const alone = engine.analyze({ path: '/work/deploy/values.yaml', text: BROKEN_BASE });
    const caused = findingsCausedByFile(result.findings, alone.findings, BASE_URI);
    assert.deepEqual(codes(caused, 'volume-not-found'), [], 'the base shows its own mount problem');
    const published = publishOnFile(caused, TOP_URI, { start: 0, end: 0 });
    const [moved] = codes(published, 'size-limit-too-small');
    assert.equal(moved.uri, undefined);
    assert.equal(slice(SWAPS_MODEL, moved), 'ghcr.io/doublewordai/bit-harbor:qwen-3-14b');
    assert.match(moved.message, /^In `values.yaml`: sizeLimit 30Gi/);
    assert.equal(moved.related?.[0].uri, BASE_URI);
    assert.equal(slice(BROKEN_BASE, moved.related![0]), '30Gi');
    assert.ok(published.every((finding) => finding.uri === undefined));
  });
});

describe('a base holding a pair without a value', () => {
  it('is checked, not thrown on (`{a}` and `? a` give the pair a null node)', () => {
    for (const base of ['onwards: {replicaCount}\n', 'onwards:\n  ? replicaCount\n']) {
      const result = new Engine().analyzeLayers({ path: '/w/values-prod.yaml', uri: 'file:///w/values-prod.yaml', text: 'onwards:\n  replicaCount: 2\n', bases: [{ uri: 'file:///w/values.yaml', path: '/w/values.yaml', text: base }] });
      assert.equal(result.chart, 'inference-stack');
    }
  });
});

describe('the limits of a single file hold for every layer', () => {
  const top = 'onwards:\n  replicaCount: 2\n';
  const big = `${'# padding\n'.repeat(200)}modelGroups:\n  x:\n    enabled: true\n`;
  const deep = `a:\n${Array.from({ length: 1200 }, (_, i) => `${' '.repeat(i + 1)}b:\n`).join('')}`;
  const engine = new Engine({ maxFileSize: 1000 });
  const layered = (text: string, base: string) => engine.analyzeLayers({ path: '/w/top.yaml', uri: 'file:///w/top.yaml', text, bases: [{ uri: 'file:///w/base.yaml', path: '/w/base.yaml', text: base }] });

  it('a base over bitHarbor.maxFileSize is one finding on the base, and not read', () => {
    const result = layered(top, big);
    assert.deepEqual(result.findings.map((f) => [f.code, f.uri]), [['file-too-large', 'file:///w/base.yaml']]);
  });
  it('a base nested too deep is one finding on the base, and not read', () => {
    const result = new Engine().analyzeLayers({ path: '/w/top.yaml', uri: 'file:///w/top.yaml', text: top, bases: [{ uri: 'file:///w/base.yaml', path: '/w/base.yaml', text: deep }] });
    assert.deepEqual(result.findings.map((f) => [f.code, f.uri, f.data?.yamlCode]), [['yaml-syntax', 'file:///w/base.yaml', 'NESTING_TOO_DEEP']]);
  });
  it('the file checked over its bases, over the limit, is that one finding', () => {
    assert.deepEqual(layered(big, top).findings.map((f) => [f.code, f.uri]), [['file-too-large', undefined]]);
  });
});
