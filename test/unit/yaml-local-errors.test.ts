// A file opened with a syntax error in one model group: the error is reported there, once, and
// every other group gets the findings it has in the file without the error (#18). Before, a quote
// left open ran on through the groups after it: hundreds of yaml-syntax errors, half the groups
// unchecked.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { generateFleetValues } from '../../bench/generate-values-fleet';
import { parseYaml } from '../../server/src/engine/document';
import { Engine } from '../../server/src/engine/engine';
import type { Finding } from '../../server/src/engine/types';
import { localizeErrors } from '../../server/src/engine/yaml-local-errors';
import { YamlCache } from '../../server/src/engine/yaml-source';
import { repoRoot } from '../support/markers';

const PATH = '/work/values.yaml';
const clean = generateInferenceStackValues(40);
const groupStart = clean.indexOf('\n  group-20:\n') + 1;
const groupEnd = clean.indexOf('\n  group-21:\n') + 1;

/** The clean file with `written` in place of `original` inside group-20. */
function broken(original: string, written: string): { text: string; delta: number } {
  const at = clean.indexOf(original, groupStart);
  assert.ok(at > 0 && at < groupEnd, `${original} in group-20`);
  return { text: clean.slice(0, at) + written + clean.slice(at + original.length), delta: written.length - original.length };
}

/** code and message of each finding outside group-20 (moved back by `delta` after it). */
function outside(findings: readonly Finding[], delta: number): string[] {
  return findings
    .filter((finding) => finding.range.start < groupStart || finding.range.start >= groupEnd + delta)
    .map((finding) => `${finding.code}@${finding.range.start >= groupEnd + delta ? finding.range.start - delta : finding.range.start}: ${finding.message}`)
    .sort();
}

const MISTAKES: [string, string, string][] = [
  ['a single quote left open', 'modelName: /models', "modelName: '/models"],
  ['a double quote left open', 'modelName: /models', 'modelName: "/models'],
  ['a flow list left open', 'modelAlias: [llama-3.1-8b-instruct-20]', 'modelAlias: [llama-3.1-8b-instruct-20'],
];

for (const [name, original, written] of MISTAKES) {
  test(`${name} in one group: one syntax error there, the other groups' findings as without it`, () => {
    const engine = new Engine();
    const { text, delta } = broken(original, written);
    const expected = outside(engine.analyze({ text: clean, path: PATH }).findings, 0);
    const found = engine.analyze({ text, path: PATH }).findings;
    const syntax = found.filter((finding) => finding.code === 'yaml-syntax');
    assert.ok(syntax.length >= 1 && syntax.length <= 3, `${syntax.length} yaml-syntax findings`);
    for (const finding of syntax) assert.ok(finding.range.start >= groupStart && finding.range.start < groupEnd + delta, `yaml-syntax at ${finding.range.start}, outside group-20`);
    assert.deepEqual(outside(found, delta), expected);
  });
}

test('typing on in a file opened broken is parsed in part, and fixing the error reads as the clean file', () => {
  const engine = new Engine();
  const { text } = broken('modelName: /models', "modelName: '/models");
  const yaml = new YamlCache();
  const [doc] = yaml.parse(text);
  // A keystroke inside the broken group re-reads that group only.
  const inside = text.indexOf("'/models", groupStart) + 3;
  const typed = text.slice(0, inside) + 'x' + text.slice(inside);
  assert.equal(yaml.parse(typed)[0], doc, 'parsed in part');
  // Closing the quote: the file is the clean one but for one character.
  const closed = text.replace("modelName: '/models/llama-3.1-8b-instruct", "modelName: '/models/llama-3.1-8b-instruct'");
  assert.notEqual(closed, text);
  const result = engine.analyze({ text: closed, path: PATH }, yaml);
  assert.deepEqual(result.findings.filter((finding) => finding.code === 'yaml-syntax'), []);
  assert.deepEqual(result.findings, engine.analyze({ text: closed, path: PATH }).findings);
});

test('a quote left open is not local (a quote further on might close it): an edit elsewhere is read by the library first, then entry by entry', () => {
  const { text } = broken('modelName: /models', "modelName: '/models");
  const yaml = new YamlCache();
  assert.ok(yaml.parse(text)[0].errors.length > 0);
  assert.equal(localizeErrors(text)?.local, false);
  // A quote typed in the next group: the library still finds the text invalid; the read is the
  // localized one where both groups can be read alone, else the library's.
  const line = text.indexOf('modelName: /models', text.indexOf('\n  group-21:\n'));
  const lineEnd = text.indexOf('\n', line);
  const typed = `${text.slice(0, lineEnd)}'${text.slice(lineEnd)}`;
  const [doc] = yaml.parse(typed);
  const expected = localizeErrors(typed)?.doc ?? parseYaml(typed)[0];
  assert.ok(doc.errors.length > 0);
  assert.deepEqual(doc.errors.map((error) => error.pos), expected.errors.map((error) => error.pos));
});

test('a key typed over two lines is local: the next version is read entry by entry at once', () => {
  const { text } = broken('    service:', '    replicaCoun\n    service:');
  assert.equal(localizeErrors(text)?.local, true);
});

test('text of other shapes is left to the library: a list at the root, several documents, an error outside any entry', () => {
  assert.equal(localizeErrors('- a\n- [b\n'), null);
  assert.equal(localizeErrors('a: 1\n---\nb: [\n'), null);
  assert.equal(localizeErrors('a: 1\nb: 2\n'), null, 'nothing broken');
});

test('more broken entries than the bound: the library reads the file, and the scan stops at the bound', () => {
  const groups = Array.from({ length: 12 }, (_, i) => `  g${i}:\n    enabled: true\n    modelName: 'open\n`).join('');
  assert.equal(localizeErrors(`modelGroups:\n${groups}`), null);
  const few = Array.from({ length: 2 }, (_, i) => `  g${i}:\n    enabled: true\n    replicaCoun\n`).join('');
  const local = localizeErrors(`modelGroups:\n${few}  ok:\n    enabled: true\n`);
  assert.ok(local && local.divergentAt === null, 'two broken groups: read alone, no single entry to type in');
});

test('files written by others: a production file without shared anchors gets the error in its group and nothing else; one whose later group aliases an anchor of the broken group is left to the library', () => {
  const read = (name: string) => readFileSync(join(repoRoot(), 'test/fixtures/production', `${name}.yaml`), 'utf8');
  const openQuote = (text: string) => {
    const at = text.indexOf('modelName: ') + 'modelName: '.length;
    return text.slice(0, at) + "'" + text.slice(at);
  };
  const engine = new Engine();
  const eks = read('inference-stack-eks');
  // In the first group (vllm-gemma): its node selector's value.
  const broken = eks.replace('accelerator: nvidia-l4', "accelerator: 'nvidia-l4");
  const second = broken.indexOf('\n  qwen3-14b:\n');
  assert.ok(second > 0 && localizeErrors(broken));
  const cleanOutside = engine.analyze({ text: eks, path: PATH }).findings.filter((finding) => finding.range.start >= second);
  const found = engine.analyze({ text: broken, path: PATH }).findings;
  assert.deepEqual(found.filter((finding) => finding.range.start >= second + 1), cleanOutside.map((finding) => ({ ...finding, range: { start: finding.range.start + 1, end: finding.range.end + 1 } })));
  assert.deepEqual(found.filter((finding) => finding.code === 'yaml-syntax').length, 1);
  // gke: qwen-7b's `*l4-limits` names an anchor inside llama-8b, which the open quote swallows.
  assert.equal(localizeErrors(openQuote(read('inference-stack-gke'))), null);
});

test('the other generator (anchors and merge keys in a shared block, block lists, comments): a quote left open in one group is read alone', () => {
  const clean = generateFleetValues(20);
  const keys = [...clean.matchAll(/^ {2}[A-Za-z0-9._-]+:$/gm)].map((match) => match.index!);
  const [start, end] = [keys[10], keys[11]];
  const at = clean.indexOf('modelName: ', start) + 'modelName: '.length;
  assert.ok(at < end);
  const text = `${clean.slice(0, at)}'${clean.slice(at)}`;
  assert.ok(localizeErrors(text), 'read entry by entry, the shared anchors with it');
  const engine = new Engine();
  const found = engine.analyze({ text, path: PATH }).findings;
  for (const finding of found.filter((f) => f.code === 'yaml-syntax')) assert.ok(finding.range.start >= start && finding.range.start < end + 1);
  const moved = (finding: Finding) => (finding.range.start >= end + 1 ? finding.range.start - 1 : finding.range.start);
  const outsideOf = (findings: Finding[], delta: number) => findings.filter((f) => f.range.start < start || f.range.start >= end + delta).map((f) => `${f.code}@${delta ? moved(f) : f.range.start}`).sort();
  assert.deepEqual(outsideOf(found, 1), outsideOf(engine.analyze({ text: clean, path: PATH }).findings, 0));
});
