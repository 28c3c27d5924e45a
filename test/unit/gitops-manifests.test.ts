// Values inside GitOps manifests (Flux, Argo CD, helmfile, Kustomize): each fixture marks the
// lines its findings must land on (`# expect: code`), inside maps and block strings alike, and
// a fix written back into a block keeps the manifest's indentation and line ends.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { applyEdits } from '../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../server/src/engine/engine';
import type { ManifestFile } from '../../server/src/engine/embedded/analyze';
import { chartOfReference } from '../../server/src/engine/embedded/releases';
import { Projection } from '../../server/src/engine/embedded/projection';
import { AnalysisHistory } from '../../server/src/engine/incremental';
import { LineIndex } from '../../server/src/engine/lines';
import { YamlCache } from '../../server/src/engine/yaml-source';
import { mulberry32 } from '../robustness/fuzz/prng';
import { edit } from '../support/random-edits';
import { repoRoot } from '../support/markers';

const engine = new Engine();
const FOLDER = join(repoRoot(), 'test/fixtures/gitops');

function files(folder: string): string[] {
  return readdirSync(folder).filter((name) => name !== 'values').flatMap((name) => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.yaml') ? [full] : [];
  });
}

/** The analysis a door makes: the values files the manifest names read first. */
function analyzeManifest(file: string, text: string, on = engine) {
  const files = new Map<string, ManifestFile>();
  // In rounds, as the doors read: a generated ConfigMap's file is named by the kustomization.
  for (let round = 0; round < 3; round++) {
    for (const named of on.manifestFiles({ path: file, text, files }).filter((path) => !files.has(path))) {
      files.set(named, existsSync(named) ? { uri: named, text: readFileSync(named, 'utf8') } : { problem: 'no such file' });
    }
  }
  return on.analyze({ path: file, text, files });
}

function located(text: string, findings: readonly { code: string; range: { start: number } }[]): string[] {
  const lines = new LineIndex(text);
  return findings.map((f) => `${f.code}@${lines.positionAt(f.range.start).line + 1}`).sort();
}

function expected(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line, index) => [...line.matchAll(/# expect: ([a-z-]+)/g)].map((m) => `${m[1]}@${index + 1}`)).sort();
}

for (const file of files(FOLDER)) {
  test(`gitops: ${relative(FOLDER, file)} gets exactly its marked findings`, () => {
    const text = readFileSync(file, 'utf8');
    const result = analyzeManifest(file, text);
    assert.deepEqual(located(text, result.findings), expected(text), result.findings.map((f) => f.message).join('\n'));
    if (expected(text).length > 0) assert.equal(result.detectedBy, 'manifest');
  });
}

test('gitops: a finding inside a block string starts at the column of the key it names', () => {
  const text = readFileSync(join(FOLDER, 'apps/llm-staging-crlf.yaml'), 'utf8');
  const finding = engine.analyze({ path: 'x.yaml', text }).findings.find((f) => f.code === 'unknown-key');
  assert.ok(finding);
  assert.equal(text.slice(finding.range.start, finding.range.end), 'replicaCont');
  assert.equal(new LineIndex(text).positionAt(finding.range.start).character, 12);
});

test('gitops: every fix in a CRLF block string is written back indented, with CRLF, and re-lints without its finding', () => {
  const text = readFileSync(join(FOLDER, 'apps/llm-staging-crlf.yaml'), 'utf8');
  const findings = engine.analyze({ path: 'x.yaml', text }).findings;
  const fixes = engine.codeActions({ path: 'x.yaml', text }, null, findings);
  assert.ok(fixes.length >= 2, fixes.map((f) => f.title).join(', '));
  for (const fix of fixes) {
    const fixed = applyEdits(text, fix.edits);
    assert.doesNotMatch(fixed.replace(/\r\n/g, ''), /\n/, `${fix.title}: a bare LF was written`);
    const after = engine.analyze({ path: 'x.yaml', text: fixed }).findings.map((f) => f.code);
    const code = findings[fix.finding!].code;
    assert.equal(after.filter((c) => c === code).length, findings.filter((f) => f.code === code).length - 1, `${fix.title}: ${after.join(', ')}`);
    assert.ok(!after.includes('yaml-syntax'), fix.title);
  }
});

test('gitops: fix-all in a Kustomize valuesInline adds the toleration at the group indentation', () => {
  // Alone (its additional values file not read), as fix-all sees the manifest.
  const text = readFileSync(join(FOLDER, 'kustomization.yaml'), 'utf8').replace(/ {4}additionalValuesFiles:\n.*\n/, '');
  const fixed = applyEdits(text, engine.fixAll({ path: 'x.yaml', text }));
  assert.match(fixed, /\n {10}nodeSelector:\n {12}nvidia.com\/gpu.present: "true"\n {10}tolerations:\n {12}- key: nvidia.com\/gpu\n/);
  assert.deepEqual(engine.analyze({ path: 'x.yaml', text: fixed }).findings.map((f) => f.code), ['unknown-key']);
});

test('gitops: charts are known by the last segment of their reference, or a configured name', () => {
  assert.equal(chartOfReference('oci://ghcr.io/doublewordai/inference-stack', {}), 'inference-stack');
  assert.equal(chartOfReference('doubleword/pre-porter', {}), 'pre-porter');
  assert.equal(chartOfReference('./charts/inference-stack/', {}), 'inference-stack');
  assert.equal(chartOfReference('bitnami/nginx', {}), null);
  assert.equal(chartOfReference('llm-stack', { 'llm-stack': 'inference-stack' }), 'inference-stack');
  assert.equal(chartOfReference('oci://mirror.internal/ai/llm-stack', { 'llm-stack': 'inference-stack' }), 'inference-stack');
  assert.equal(chartOfReference('toString', {}), null);
});

test('gitops: bitHarbor.chartNames makes a renamed chart ours', () => {
  const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\nspec:\n  source:\n    chart: llm-stack\n    helm:\n      valuesObject:\n        onwards:\n          replicaCount: x\n';
  assert.equal(engine.analyze({ path: 'a.yaml', text }).chart, null);
  const renamed = engine.derive({ settings: { ...engine.settings, chartNames: { 'llm-stack': 'inference-stack' } } });
  assert.deepEqual(renamed.analyze({ path: 'a.yaml', text }).findings.map((f) => f.code), ['wrong-type']);
});

test('gitops: the release name a tool gives reaches the name checks', () => {
  const long = 'x'.repeat(50);
  const text = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${long}\nspec:\n  chart:\n    spec:\n      chart: inference-stack\n  values:\n    modelGroups:\n      a-very-long-group-name:\n        enabled: true\n`;
  const codes = engine.analyze({ path: 'a.yaml', text }).findings.map((f) => f.code);
  assert.ok(codes.includes('invalid-name'), codes.join(', '));
});

test('gitops: a folded string is not checked, and says so at its key', () => {
  const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\nspec:\n  source:\n    chart: inference-stack\n    helm:\n      values: >\n        onwards:\n          replicaCount: x\n';
  const findings = engine.analyze({ path: 'a.yaml', text }).findings;
  assert.deepEqual(findings.map((f) => [f.code, text.slice(f.range.start, f.range.end)]), [['values-not-checked', 'values']]);
});

test('gitops: while a key is half typed under spec.values, the values still get their findings', () => {
  const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\nspec:\n  chart:\n    spec:\n      chart: inference-stack\n  values:\n    onwards:\n      replicaCount: x\n    modelGr\n';
  const located = engine.analyze({ path: 'a.yaml', text }).findings.map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`);
  assert.ok(located.includes('wrong-type:x'), located.join(', '));
  assert.ok(located.some((l) => l.startsWith('yaml-syntax')), located.join(', '));
});

test('projection: offsets map both ways and an edit on a blank line is indented in full', () => {
  const manifest = 'spec:\n  values:\n    a: 1\n\n    b: 2\nnext: 3\n';
  const start = manifest.indexOf('a: 1');
  const projection = Projection.ofLines(manifest, start, manifest.indexOf('b: 2'), 4);
  assert.equal(projection.text, 'a: 1\n\nb: 2\n');
  assert.equal(projection.toOuter(projection.text.indexOf('b')), manifest.indexOf('b: 2'));
  assert.equal(projection.toInner(manifest.indexOf('b: 2') - 2), projection.text.indexOf('b'));
  assert.equal(projection.toInner(manifest.indexOf('next')), projection.text.length);
  assert.equal(projection.toInner(0), null);
  const blank = projection.text.indexOf('\n\n') + 1;
  const edit = projection.toOuterEdit({ start: blank, end: blank, newText: 'c:\n  d: 1\n' });
  assert.equal(applyEdits(manifest, [edit]), 'spec:\n  values:\n    a: 1\n    c:\n      d: 1\n\n    b: 2\nnext: 3\n');
  const append = projection.toOuterEdit({ start: projection.text.length, end: projection.text.length, newText: 'e: 5\n' });
  assert.equal(applyEdits(manifest, [append]), 'spec:\n  values:\n    a: 1\n\n    b: 2\n    e: 5\nnext: 3\n');
});

test('gitops: Argo CD valueFiles are named as unread, and then only what is written here is checked', () => {
  const text = 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: a\nspec:\n  source:\n    chart: inference-stack\n    helm:\n      valueFiles:\n        - values-prod.yaml\n      valuesObject:\n        onwards:\n          replicaCount: x\n        modelGroups:\n          vllm-gemma:\n            enabled: true\n';
  const findings = engine.analyze({ path: '/repo/app.yaml', text }).findings;
  assert.deepEqual(findings.map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`), ['values-source-unread:values-prod.yaml', 'wrong-type:x']);
  assert.match(findings[0].message, /Argo CD reads valueFiles from the chart's source/);
});

test('gitops: Kustomize valuesMerge: replace ignores valuesFile; merge is not modelled and says so', () => {
  const chart = (merge: string) => `helmCharts:\n  - name: inference-stack\n    valuesFile: base.yaml\n    valuesMerge: ${merge}\n    valuesInline:\n      onwards:\n        replicaCount: x\n`;
  const replace = engine.analyze({ path: '/repo/kustomization.yaml', text: chart('replace') }).findings;
  assert.deepEqual(replace.map((f) => f.code), ['values-ignored', 'wrong-type']);
  const merge = engine.analyze({ path: '/repo/kustomization.yaml', text: chart('merge') }).findings;
  assert.deepEqual(merge.map((f) => f.code), ['values-not-checked']);
});

test('gitops: a values file that cannot be read is named, with the reason, at the entry that names it', () => {
  const text = 'releases:\n  - name: llm\n    chart: oci://ghcr.io/doublewordai/inference-stack\n    values:\n      - missing.yaml\n      - onwards:\n          replicaCount: x\n';
  const findings = engine.analyze({ path: '/repo/helmfile.yaml', text, files: new Map([['/repo/missing.yaml', { problem: 'no such file' }]]) }).findings;
  assert.deepEqual(findings.map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`), ['values-source-unread:missing.yaml', 'wrong-type:x']);
  assert.match(findings[0].message, /no such file/);
  assert.deepEqual(engine.manifestFiles({ path: '/repo/helmfile.yaml', text }), ['/repo/missing.yaml']);
});

test('gitops: Argo CD parameters are applied as --set over valuesObject, and a finding lands on the parameter', () => {
  const text = [
    'apiVersion: argoproj.io/v1alpha1', 'kind: Application', 'metadata:', '  name: a', 'spec:', '  source:', '    chart: inference-stack', '    helm:',
    '      valuesObject:', '        onwards:', '          replicaCount: oops', '      parameters:',
    '        - name: onwards.replicaCount', '          value: "2"',
    '        - name: onwards.image.tag', '          value: latest,more', '          forceString: true',
    '        - name: onwards.bogusKey', '          value: x', '        - name: broken.', '          value: ""', '',
  ].join('\n');
  const findings = engine.analyze({ path: '/repo/app.yaml', text }).findings;
  // replicaCount: oops is overridden by the parameter (2): no finding on it.
  assert.deepEqual(findings.map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`), ['unknown-key:onwards.bogusKey', 'invalid-set:broken.\n          value: ""']);
});

test('gitops: helmfile set and setString become --set; a list index is named as unread', () => {
  const release = (set: string) => `releases:\n  - name: llm\n    chart: doubleword/inference-stack\n    values:\n      - onwards:\n          replicaCount: 1\n    set:\n${set}`;
  const typed = release('      - name: onwards.replicaCount\n        value: many\n');
  assert.deepEqual(engine.analyze({ path: '/repo/helmfile.yaml', text: typed }).findings.map((f) => `${f.code}:${typed.slice(f.range.start, f.range.end)}`), ['wrong-type:many']);
  const indexed = release('      - name: modelGroups.vllm-gemma.command[0]\n        value: vllm\n');
  assert.deepEqual(engine.analyze({ path: '/repo/helmfile.yaml', text: indexed }).findings.map((f) => f.code), ['values-source-unread']);
});

test('gitops: values that alias an anchor elsewhere in the manifest are not checked, and say so', () => {
  const text = 'defaults: &defaults\n  replicaCount: 2\nreleases:\n  - name: a\n    chart: doubleword/inference-stack\n    values:\n      - onwards:\n          <<: *defaults\n          replicaCount: 3\n';
  const findings = engine.analyze({ path: '/repo/helmfile.yaml', text }).findings;
  assert.deepEqual(findings.map((f) => f.code), ['values-not-checked']);
  assert.match(findings[0].message, /`\*defaults`, an anchor set elsewhere/);
});

test('gitops: an anchor on the values key itself still reads the map under it', () => {
  const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: a\nspec:\n  chart:\n    spec:\n      chart: inference-stack\n  values: &values\n    onwards:\n      replicaCount: x\n';
  const findings = engine.analyze({ path: '/repo/a.yaml', text }).findings;
  assert.deepEqual(findings.map((f) => `${f.code}:${text.slice(f.range.start, f.range.end)}`), ['wrong-type:x']);
});

test('gitops: a file breaking lines with lone CRs gets no finding at a wrong place', () => {
  const text = 'apiVersion: helm.toolkit.fluxcd.io/v2\rkind: HelmRelease\rmetadata:\r  name: a\rspec:\r  chart:\r    spec:\r      chart: inference-stack\r  values:\r    onwards:\r      replicaCount: x\r';
  const codes = engine.analyze({ path: '/repo/a.yaml', text }).findings.map((f) => f.code);
  assert.ok(codes.every((code) => code === 'values-not-checked'), codes.join(', '));
});

test('gitops: a generated manifest of many releases is checked in part, in bounded time, and says so', () => {
  const release = (i: number) => `  - name: r${i}\n    chart: doubleword/inference-stack\n    values:\n      - onwards:\n          replicaCount: x\n`;
  const text = `releases:\n${Array.from({ length: 2000 }, (_, i) => release(i)).join('')}`;
  const started = Date.now();
  const findings = engine.analyze({ path: '/repo/helmfile.yaml', text }).findings;
  assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
  assert.equal(findings.filter((f) => f.code === 'wrong-type').length, 100);
  assert.equal(findings.filter((f) => f.code === 'values-not-checked').length, 1);
});

test('gitops: a manifest checked edit after edit with its history gives what a fresh check gives', () => {
  const engine = new Engine();
  for (const file of files(FOLDER)) {
    const random = mulberry32(0x5eed + file.length);
    const yaml = new YamlCache();
    const history = new AnalysisHistory();
    let text = readFileSync(file, 'utf8');
    for (let step = 0; step < 40; step++) {
      text = edit(text, random);
      const kept = engine.analyze({ path: file, text }, yaml, history).findings;
      const fresh = new Engine().analyze({ path: file, text }).findings;
      assert.deepEqual(kept, fresh, `${relative(FOLDER, file)} step ${step}`);
    }
  }
});

test('gitops: a values file with a stray releases: key stays a values file; a glob naming a helmfile as values wins', () => {
  const values = 'releases: []\nmodelGroups:\n  x:\n    enabled: true\n    replicaCont: 1\n';
  const result = engine.analyze({ path: '/w/values.yaml', text: values });
  assert.equal(result.detectedBy, 'content');
  assert.ok(result.findings.some((f) => f.code === 'unknown-key' && values.slice(f.range.start, f.range.end) === 'replicaCont'));
  const helmfile = 'releases:\n  - name: a\n    chart: x/inference-stack\n    values:\n      - onwards: {replicaCount: z}\n';
  assert.equal(engine.analyze({ path: '/w/helmfile.yaml', text: helmfile }).detectedBy, 'manifest');
  const globbed = new Engine({ files: { inferenceStack: ['**/helmfile.yaml'], prePorter: [] } }).analyze({ path: '/w/helmfile.yaml', text: helmfile });
  assert.equal(globbed.detectedBy, 'glob');
});
