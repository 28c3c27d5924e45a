// Hostile input that costs time, memory or stack: alias bombs ("billion laughs"), a file over the
// size cap, and 10,000 levels of nesting. Each goes through analyze and every feature; each must
// answer (the test's timeout is the hang bound) with a clear finding and without a throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../server/src/engine/authoring/hover';
import { inlayHints } from '../../server/src/engine/authoring/inlay-hints';
import { definitionAt, referencesAt } from '../../server/src/engine/authoring/navigation';
import { foldingRanges, selectionRanges } from '../../server/src/engine/authoring/structure';
import { documentSymbols } from '../../server/src/engine/authoring/symbols';
import { completeImageTags } from '../../server/src/engine/completion/image-tags';
import { completeSnippets } from '../../server/src/engine/completion/snippets';
import { Engine } from '../../server/src/engine/engine';
import { hoverImageTag } from '../../server/src/engine/hover/image-tag';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';

const engine = new Engine();
const PATH = '/work/values.yaml';
const HANG_BOUND = { timeout: 60_000 };

/** Every engine entry point a door calls, at a few offsets; returns how long it all took. */
function everyFeature(text: string, at = engine): number {
  const started = performance.now();
  const { catalogue, settings } = at;
  const findings = at.analyze({ path: PATH, text }).findings;
  at.codeActions({ path: PATH, text }, { start: 0, end: text.length }, findings);
  at.fixAll({ path: PATH, text });
  for (const offset of [0, Math.floor(text.length / 2), text.length]) {
    completeAuthoring(text, offset, catalogue, settings, PATH);
    completeImageTags(text, offset, catalogue, settings, PATH);
    completeSnippets(text, offset, catalogue, settings, PATH);
    hoverAuthoring(text, offset, catalogue, settings, PATH);
    hoverImageTag({ uri: 'file:///v.yaml', text, path: PATH }, offset, catalogue, settings, []);
    definitionAt(text, offset, settings, PATH);
    referencesAt(text, offset, true, settings, PATH);
  }
  inlayHints(text, null, catalogue, settings, PATH);
  documentSymbols(text, catalogue, settings, PATH);
  foldingRanges(text, settings, PATH);
  selectionRanges(text, [0, text.length], settings, PATH);
  return performance.now() - started;
}

/** `levels` anchors, each a list of `width` aliases of the one before: width^levels strings expanded. */
function laughs(levels: number, width: number, indent: string): string {
  let text = `${indent}l0: &l0 [${Array(width).fill('"lol"').join(', ')}]\n`;
  for (let level = 1; level <= levels; level++) text += `${indent}l${level}: &l${level} [${Array(width).fill(`*l${level - 1}`).join(', ')}]\n`;
  return text;
}

describe('alias bombs', () => {
  it('a billion laughs is refused with a finding, and no feature expands it', HANG_BOUND, (t) => {
    const texts = {
      'at the top': `modelGroups:\n  g:\n    enabled: true\n${laughs(9, 10, '')}`,
      'inside a model group': `modelGroups:\n  g:\n    enabled: true\n    env:\n      - name: A\n        value: x\n    extra:\n${laughs(9, 10, '      ')}    args: *l9\n`,
      'in a Pre-Porter file': `# bit-harbor-values: chart=pre-porter\nimages: &i [{name: a, enabled: true}]\nmore: [${Array(50).fill('*i').join(', ')}]\n${laughs(9, 10, '')}`,
    };
    for (const [name, text] of Object.entries(texts)) {
      const heapBefore = process.memoryUsage().heapUsed;
      const ms = everyFeature(text);
      const grown = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      t.diagnostic(`${name}: every feature in ${ms.toFixed(0)} ms, heap ${grown.toFixed(1)} MiB`);
      const findings = engine.analyze({ path: PATH, text }).findings;
      assert.ok(findings.some((f) => f.code === 'yaml-syntax' && /aliases here expand to more than/.test(f.message)), name);
      // 10^9 strings would be gigabytes; a bounded walk stays far under this.
      assert.ok(grown < 256, `${name}: heap grew ${grown.toFixed(0)} MiB`);
    }
  });

  it('an expansion under the limit (27,000 strings) is checked as values', HANG_BOUND, (t) => {
    const text = `modelGroups:\n  g:\n    enabled: true\n    extra:\n${laughs(2, 30, '      ')}`;
    const ms = everyFeature(text);
    t.diagnostic(`every feature in ${ms.toFixed(0)} ms`);
    const findings = engine.analyze({ path: PATH, text }).findings;
    assert.ok(!findings.some((f) => f.code === 'yaml-syntax'), 'under the limit, the aliases are read');
    assert.ok(findings.some((f) => f.code === 'unknown-key' && /`extra`/.test(f.message)));
  });

  it('a fleet whose 1,000 groups alias one shared block is read (aliases are counted by what they expand to)', HANG_BOUND, () => {
    const groups = Array.from({ length: 1000 }, (_, i) => `  g${i}:\n    enabled: true\n    resources: *gpu\n    tolerations: *tolerations\n`).join('');
    const text = `modelGroups:\n  shared:\n    resources: &gpu {limits: {nvidia.com/gpu: 1}}\n    tolerations: &tolerations [{key: nvidia.com/gpu, operator: Exists}]\n${groups}`;
    const findings = engine.analyze({ path: PATH, text }).findings;
    assert.ok(!findings.some((f) => f.code === 'yaml-syntax'), findings.find((f) => f.code === 'yaml-syntax')?.message);
  });

  it('an alias to the node that holds it is a finding, in every feature', HANG_BOUND, () => {
    const text = 'modelGroups:\n  g: &g\n    enabled: true\n    env: [*g]\n';
    everyFeature(text);
    assert.match(engine.analyze({ path: PATH, text }).findings.map((f) => f.message).join('\n'), /alias refers to a node that contains it/);
  });
});

describe('the size cap', () => {
  const big = 'modelGroups:\n  g:\n    enabled: true\n' + '    # padding\n'.repeat(Math.ceil((5 * 2 ** 20) / 14) + 10);

  it('a file over 5 MiB gets one file-too-large finding and is not parsed', HANG_BOUND, () => {
    assert.ok(Buffer.byteLength(big) > DEFAULT_SETTINGS.maxFileSize);
    const result = engine.analyze({ path: PATH, text: big });
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(finding.code, 'file-too-large');
    assert.equal(finding.severity, 'warning');
    assert.match(finding.message, /^This file is 5(\.\d)? MiB, over the 5 MiB limit \(`bitHarbor\.maxFileSize`\); it is not checked$/);
    assert.deepEqual(finding.range, { start: 0, end: 'modelGroups:'.length });
    assert.equal(result.chart, null);
    assert.deepEqual(engine.codeActions({ path: PATH, text: big }, { start: 0, end: 10 }, result.findings), []);
    assert.deepEqual(engine.fixAll({ path: PATH, text: big }), []);
  });

  it('counts UTF-8 bytes, not characters, and follows the setting', () => {
    const small = engine.derive({ settings: { ...engine.settings, maxFileSize: 1024 } });
    const ascii = 'a: ' + 'x'.repeat(1021);
    assert.equal(small.analyze({ path: PATH, text: ascii }).findings.some((f) => f.code === 'file-too-large'), false, 'exactly 1024 bytes is allowed');
    const accented = 'a: ' + 'é'.repeat(600); // 603 characters, 1203 bytes
    assert.deepEqual(small.analyze({ path: PATH, text: accented }).findings.map((f) => f.code), ['file-too-large']);
    assert.equal(small.isTooLarge(accented), true);
    assert.equal(engine.isTooLarge(accented), false);
  });

  it('severity follows bitHarbor.rules like any code', () => {
    const quiet = new Engine({ maxFileSize: 1024, rules: { 'file-too-large': 'off' } });
    assert.deepEqual(quiet.analyze({ path: PATH, text: 'a: ' + 'x'.repeat(2000) }).findings, []);
  });
});

describe('deep nesting', () => {
  const N = 10_000;
  const texts = {
    'flow lists': `modelGroups:\n  g:\n    enabled: true\n    args: ${'['.repeat(N)}${']'.repeat(N)}\n`,
    'flow maps': `modelGroups:\n  g:\n    enabled: true\n    extra: ${'{a: '.repeat(N)}1${'}'.repeat(N)}\n`,
    'block lists on one line': `modelGroups:\n  g:\n    enabled: true\n    args:\n      ${'- '.repeat(N)}x\n`,
    'unclosed flow lists': `modelGroups:\n  g:\n    args: ${'['.repeat(N)}\n`,
    'block maps (3,000 levels: 10,000 would be 50 MB)': `modelGroups:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k${i}:\n`).join('')}`,
  };
  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: one clear finding, and no feature overflows the stack`, HANG_BOUND, (t) => {
      t.diagnostic(`every feature in ${everyFeature(text).toFixed(0)} ms`);
      const findings = engine.analyze({ path: PATH, text }).findings;
      assert.deepEqual(findings.map((f) => [f.code, f.message]), [['yaml-syntax', 'YAML: nested more than 1000 levels deep; the file is not read']]);
    });
  }

  it('900 levels are still read and checked', HANG_BOUND, () => {
    const text = `modelGroups:\n  g:\n    enabled: true\n    args: ${'['.repeat(900)}${']'.repeat(900)}\n`;
    everyFeature(text);
    const findings = engine.analyze({ path: PATH, text }).findings;
    assert.ok(findings.some((f) => f.code === 'wrong-type'), findings.map((f) => f.message).join('\n'));
    assert.ok(!findings.some((f) => /nested more than/.test(f.message)));
  });
});
