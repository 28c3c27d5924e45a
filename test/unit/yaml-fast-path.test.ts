// The fast path must build exactly the nodes the `yaml` library builds, or decline. Checked node
// by node (class, range, value, scalar type, source, format, flow) on every YAML file of the
// repository and the upstream references, and on seeded mutations of them that hit the edges
// of the subset: shifted indentation, inserted indicators, deleted and duplicated lines.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { FAST_PATH_OPTIONS, parseFastPath } from '../../server/src/engine/yaml-fast-path';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { corpus as fuzzCorpus } from '../robustness/fuzz/corpus';
import { mutate as fuzzMutate } from '../robustness/fuzz/mutate';
import { caseRandom, mulberry32 } from '../robustness/fuzz/prng';
import { shape } from '../support/yaml-shape';

/** Compares the fast path with the library on `text`; returns whether the fast path took it. */
function compare(text: string, label: string): boolean {
  const fast = parseFastPath(text);
  if (fast === null) return false;
  const docs = parseAllDocuments(text, FAST_PATH_OPTIONS);
  const full = Array.isArray(docs) ? docs : [];
  assert.equal(full.length, 1, `${label}: the fast path took a text of ${full.length} documents\n${text}`);
  const problems = [...full[0].errors, ...full[0].warnings].map((e) => e.message);
  assert.deepEqual(problems, [], `${label}: the fast path took a text the library reports problems in\n${text}`);
  assert.equal(shape(fast), shape(full[0]), `${label}\n${text}`);
  assert.deepEqual(fast.toJS(), full[0].toJS(), label);
  return true;
}

/** The fuzzers' corpus (examples, fixtures, upstream files, broken files, rule case tables) and a large file. */
function corpus(): { label: string; text: string }[] {
  return [
    ...fuzzCorpus().map((seed) => ({ label: seed.name, text: seed.text })),
    { label: 'generated 20 groups', text: generateInferenceStackValues(20) },
  ];
}

const EDGE_CASES = [
  'a: 1',
  'a:\n',
  'a:   # c\nb: 1\n',
  'a: x   \n\n\nb: [ x , y ]  # c\n',
  '- a\n-\n- b: 1\n  c:\n',
  'a:\n- x\n- y\nb: 2\n',
  'a:\n  - x\n  - y\n\n# end\n',
  "a: 'it''s'\nb: \"q\" # c\n\"c d\": e\n'f': [\"g\", 'h']\n",
  'a: {b: 1, c: [d, {e: f}], g: "h"}\nlist: []\nmap: {}\n',
  'n: [yes, No, on, 0x1F, 0o17, 017, 1_000, 1.5e3, .inf, ~, null, 2001-12-14, 1:30, +12]\n',
  'yes: 1\nno: 2\n1: a\n"1": b\n',
  'a:\n  b:\n    c: d\n  e: f\ng: h\n',
  '  indented: root\n  second: 2\n',
  'a: b: c\n',
  'a: x\n  continued\n',
  'a: [1,\n  2]\n',
  'a: 1\na: 2\n',
  '<<: {a: 1}\n',
  'a: &x 1\nb: *x\n',
  'a: |\n  text\n',
  '---\na: 1\n',
  'a: "x\\ny"\n',
  'a:#b\n',
  'a: b #c: d\n',
  'key with spaces: value with spaces\nurl: http://x:80/y\nt: "12:30"\n',
  '- - a\n',
  '- a: 1\n  - b\n',
  'a:\n   - x\n  - y\n',
  'a: {b: }\n',
  'a: [b: c]\n',
  'a: {b, c}\n',
  '[a, b]\n',
  'a: ,b\n',
  'a: x,y\nb: [x y, z ]\n',
  'a: -1\nb: - 1\n',
  'a:\n\n  b: 1\n\n\nc: 2',
];

test('the fast path matches the library node for node, or declines', () => {
  let taken = 0;
  for (const { label, text } of corpus()) if (compare(text, label)) taken++;
  EDGE_CASES.forEach((text, i) => compare(text, `edge case ${i}`));
  assert.ok(taken >= 50, `the fast path took only ${taken} of the corpus texts`);
});

test('the fast path takes the files values files are made of', () => {
  assert.ok(parseFastPath(generateInferenceStackValues(20)) !== null);
  // The values files among the examples (examples/gitops/ holds manifests of several documents).
  const examples = fuzzCorpus().filter((seed) => /^examples\/[^/]+$/.test(seed.name));
  assert.ok(examples.length > 0 && examples.every((seed) => parseFastPath(seed.text) !== null), 'an example left the fast path');
});

const INSERTS = [' ', '  ', ':', ': ', '- ', '#', ' #', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!', '|', '>', '?', '\n', '\n  ', 'yes', '~', '0x', '.', '<<: '];

function mutate(text: string, next: () => number): string {
  const lines = text.split('\n');
  const at = Math.floor(next() * lines.length);
  switch (Math.floor(next() * 5)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2:
      lines[at] = (next() < 0.5 ? ' ' : '   ') + (lines[at] ?? '');
      break;
    case 3:
      lines[at] = (lines[at] ?? '').replace(/^ {1,2}/, '');
      break;
    default: {
      const line = lines[at] ?? '';
      const column = Math.floor(next() * (line.length + 1));
      lines[at] = line.slice(0, column) + INSERTS[Math.floor(next() * INSERTS.length)] + line.slice(column);
    }
  }
  return lines.join('\n');
}

test('mutations of the corpus: the fast path matches the library or declines', () => {
  const seed = 20261127;
  const next = mulberry32(seed);
  const sources = corpus().filter(({ text }) => text.length < 20_000);
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    const source = sources[i % sources.length];
    let text = source.text;
    const rounds = 1 + Math.floor(next() * 3);
    for (let r = 0; r < rounds; r++) text = mutate(text, next);
    if (compare(text, `mutation ${i} of ${source.label} (seed ${seed})`)) taken++;
  }
  assert.ok(taken > 300, `only ${taken} mutations stayed inside the subset: the test no longer exercises the fast path`);
});

test("the fuzzers' mutations (byte flips, odd unicode, tabs, CR, BOM): the fast path matches the library or declines", () => {
  const seed = 1127;
  const sources = corpus().filter(({ text }) => text.length < 20_000);
  let taken = 0;
  for (let i = 0; i < 3000; i++) {
    const random = caseRandom(seed, i);
    const source = sources[i % sources.length];
    const mutated = fuzzMutate(source.text, random);
    if (compare(mutated.text, `fuzz case ${i} of ${source.label} (seed ${seed}): ${mutated.steps.join('; ')}`)) taken++;
  }
  assert.ok(taken > 300, `only ${taken} mutations stayed inside the subset`);
});
