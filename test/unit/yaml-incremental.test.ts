// A document re-parsed in part after an edit must be the document a full parse of the new text
// gives, node for node and value for value, through long runs of edits on one cache (each edit
// derives from the last one's document). And the part-parse must actually happen for the edits
// people make inside a model group, or the test proves nothing.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Document } from 'yaml';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { generateFleetValues } from '../../bench/generate-values-fleet';
import { typingPlace } from '../../bench/typing';
import { parseYaml, toValues } from '../../server/src/engine/document';
import { parseFastPath } from '../../server/src/engine/yaml-fast-path';
import { textChange } from '../../server/src/engine/yaml-incremental';
import { localizeErrors } from '../../server/src/engine/yaml-local-errors';
import { YamlCache } from '../../server/src/engine/yaml-source';
import { corpus as fuzzCorpus } from '../robustness/fuzz/corpus';
import { mulberry32 } from '../robustness/fuzz/prng';
import { edit } from '../support/random-edits';
import { shape } from '../support/yaml-shape';

/**
 * Checks the cache's parse of `text` against a full one; whether it derived it from `before`.
 * Where the full parse finds the text valid, the part-parse is the full parse, node for node and
 * error for error (none). Where it does not, the part-parse may read the entries after an error
 * otherwise (it keeps them as they were), but never finds the text valid. A whole read of a text
 * with errors in entries of their own is those entries read alone (yaml-local-errors.ts).
 */
function sameAsFullParse(cache: YamlCache, text: string, label: string, before?: Document): boolean {
  const docs = cache.parse(text);
  const library = parseYaml(text);
  const localized = library.length === 1 && library[0].errors.length > 0 ? localizeErrors(text) : null;
  const full = localized ? [localized.doc] : library;
  const derived = docs[0] !== undefined && docs[0] === before;
  if (derived && full.some((doc) => doc.errors.length > 0)) {
    assert.ok(docs[0].errors.length > 0, `${label}: a text a full parse finds invalid was read as valid`);
    return derived;
  }
  assert.equal(docs.length, full.length, label);
  docs.forEach((doc, i) => {
    assert.equal(shape(doc), shape(full[i]), label);
    assert.deepEqual(errorsOf(doc), errorsOf(full[i]), label);
    assert.deepEqual(cache.values(doc), toValues(full[i]), label);
  });
  return derived;
}

function errorsOf(doc: Document): string[] {
  return doc.errors.map((error) => `${error.code} ${error.pos[0]}-${error.pos[1]}`);
}

/**
 * Sessions of `edits` edits from `source`; how many edits were parsed in part, and how many
 * could have been (the fast path takes the text before and after).
 */
function run(source: string, name: string, seed: number, sessions: number, edits: number): { derived: number; eligible: number } {
  const random = mulberry32(seed);
  let derived = 0;
  let eligible = 0;
  for (let s = 0; s < sessions; s++) {
    const cache = new YamlCache();
    let text = source;
    sameAsFullParse(cache, text, `${name}: first parse`);
    for (let e = 0; e < edits; e++) {
      const next = edit(text, random);
      // The text's own documents, parsed already: asking again parses nothing.
      const [before] = cache.parse(text);
      // Values are asked for before some edits only: both a spliced and a fresh conversion are checked.
      if (before && random() < 0.5) cache.values(before);
      const label = `${name}, seed ${seed}, session ${s}, edit ${e}: ${JSON.stringify(textChange(text, next))}`;
      if (sameAsFullParse(cache, next, label, before)) derived++;
      if (parseFastPath(text) !== null && parseFastPath(next) !== null) eligible++;
      text = next;
    }
  }
  return { derived, eligible };
}

test('edits in a generated values file: the part-parse gives the full parse, and is taken for most edits', () => {
  const { derived, eligible } = run(generateInferenceStackValues(6), 'generated 6 groups', 20261127, 150, 3);
  // Only an edit of a key, or above the first key, leaves a fast-path document to a full parse.
  assert.ok(eligible > 100 && derived > eligible * 0.9, `only ${derived} of ${eligible} edits inside the subset were parsed in part`);
});

test('edits in a fleet file of other shapes (anchors, merge keys, block lists, comments): the part-parse gives the full parse, and is taken', () => {
  const source = generateFleetValues(5);
  let derived = 0;
  for (const seed of [31, 32]) derived += run(source, 'fleet of 5 groups', seed, 100, 3).derived;
  // The library builds this document (anchors); edits of groups that only alias are still parsed in part.
  assert.ok(derived > 200, `only ${derived} fleet edits were parsed in part`);
});

test('edits in the corpus files: the part-parse gives the full parse or is not taken', () => {
  const sources = fuzzCorpus().filter((seed) => seed.text.length < 20_000 && parseYaml(seed.text).length === 1);
  let derived = 0;
  sources.forEach((source, i) => (derived += run(source.text, source.name, 1000 + i, 2, 4).derived));
  assert.ok(derived > 100, `only ${derived} corpus edits were parsed in part`);
});

test('the states a person types through are parsed in part, with their errors on the edited lines', () => {
  const text = generateInferenceStackValues(40);
  const anchor = '  group-20:\n    enabled: true\n';
  const at = text.indexOf(anchor) + anchor.length;
  const groupEnd = text.indexOf('  group-21:');
  // A key half typed, a quote left open, an empty list item, a line just indented, an unclosed flow list.
  for (const typed of ['    replicaCoun', '    replicaCount: "4', '    args:\n      - ', '    ', '     ', '    modelAlias: [a, b', "    modelName: 'x"]) {
    const cache = new YamlCache();
    const [before] = cache.parse(text);
    for (let length = 1; length <= typed.length; length++) {
      const edited = text.slice(0, at) + typed.slice(0, length) + text.slice(at);
      const [after] = cache.parse(edited);
      assert.equal(after, before, `${JSON.stringify(typed.slice(0, length))} was parsed in full`);
      for (const error of after.errors) {
        assert.ok(error.pos[0] >= at - anchor.length && error.pos[1] <= groupEnd + length, `${JSON.stringify(typed)}: an error outside the group at ${error.pos}`);
      }
      if (!parseYaml(edited).some((doc) => doc.errors.length > 0)) assert.equal(shape(after), shape(parseYaml(edited)[0]));
    }
    // Back to the text it was: the group's errors are gone with the typing.
    assert.deepEqual(errorsOf(cache.parse(text)[0]), []);
    assert.equal(shape(cache.parse(text)[0]), shape(parseYaml(text)[0]));
  }
});

test('a group pasted before another, or deleted, is read in part: the map gains or loses the entry', () => {
  for (const source of [generateInferenceStackValues(12), generateFleetValues(12)]) {
    const cache = new YamlCache();
    const [before] = cache.parse(source);
    cache.values(before);
    const start = source.indexOf('\n  ', source.indexOf('enabled: true', source.length / 2)) + 1;
    const end = source.indexOf('\n  ', start + 3) + 1;
    const group = source.slice(start, end).replace(/^( {2}[A-Za-z0-9-]+):/, '$1-pasted:');
    const pasted = source.slice(0, start) + group + source.slice(start);
    assert.equal(sameAsFullParse(cache, pasted, 'pasted', before), true, 'a pasted group is read in part');
    assert.equal(sameAsFullParse(cache, source, 'deleted', before), true, 'a deleted group is read in part');
  }
});

test('a group deleted along with the start of the next one, as the shortest difference reads it, is read in part', () => {
  for (const source of [generateInferenceStackValues(20), generateFleetValues(20)]) {
    const { groupStart, groupEnd } = typingPlace(source);
    // The copy differs from the group after it only in its name: deleting it, the common prefix runs into that name.
    const group = source.slice(groupStart, groupEnd).replace(/^( {2})([A-Za-z0-9._-]+):/, '$1$2-pasted:');
    const cache = new YamlCache();
    const [before] = cache.parse(source);
    cache.values(before);
    assert.equal(sameAsFullParse(cache, source.slice(0, groupStart) + group + source.slice(groupStart), 'pasted', before), true);
    assert.equal(sameAsFullParse(cache, source, 'deleted', before), true, 'the deletion is read in part');
  }
});

test('a quote left open is read in part only where no later quote could close it into valid YAML', () => {
  const text = 'modelGroups:\n  a:\n    modelName: x\n  b:\n    modelName: y\n';
  const open = text.replace('modelName: x', 'modelName: "x');
  const cache = new YamlCache();
  const [before] = cache.parse(text);
  assert.equal(cache.parse(open)[0], before, 'a quote that nothing closes is read in part');
  assert.ok(before.errors.length > 0);
  // `y"` is a plain scalar; a quote opened above would run to it and close at a line end. (The
  // library finds the text invalid all the same, as the next group's key line is not indented
  // under the value: the guard is for what a full parse might accept, and costs a full parse.)
  const closable = text.replace('modelName: y', 'modelName: y"');
  const second = new YamlCache();
  const [first] = second.parse(closable);
  const edited = closable.replace('modelName: x', 'modelName: "x');
  const [after] = second.parse(edited);
  assert.notEqual(after, first, 'parsed in full');
  assert.deepEqual(errorsOf(after), errorsOf(parseYaml(edited)[0]));
});

test('textChange finds the changed span, also in long texts and repeated characters', () => {
  const long = 'x'.repeat(10_000);
  assert.deepEqual(textChange(long, `${long.slice(0, 5000)}y${long.slice(5000)}`), { start: 5000, oldEnd: 5000, newEnd: 5001 });
  assert.deepEqual(textChange('aaa', 'aa'), { start: 2, oldEnd: 3, newEnd: 2 });
  assert.deepEqual(textChange('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
  assert.deepEqual(textChange('', 'new'), { start: 0, oldEnd: 0, newEnd: 3 });
  const a = `${'k: v\n'.repeat(2000)}end`;
  const b = `${'k: v\n'.repeat(1000)}k: w\n${'k: v\n'.repeat(999)}end`;
  assert.deepEqual(textChange(a, b), { start: 5003, oldEnd: 5004, newEnd: 5004 });
});

test('a document derived from another is the same object, changed in place, and the values share untouched groups', () => {
  const text = generateInferenceStackValues(3);
  const cache = new YamlCache();
  const [doc] = cache.parse(text);
  const values = cache.values(doc);
  const at = text.indexOf('modelAlias: [', text.indexOf('  group-1:')) + 'modelAlias: ['.length;
  const edited = `${text.slice(0, at)}x-${text.slice(at)}`;
  const [after] = cache.parse(edited);
  assert.equal(after, doc);
  const spliced = cache.values(after);
  assert.ok(values.problem === null && spliced.problem === null);
  const groups = (v: unknown) => (v as { modelGroups: Record<string, unknown> }).modelGroups;
  assert.equal(groups(spliced.values)['group-0'], groups(values.values)['group-0']);
  assert.notEqual(groups(spliced.values)['group-1'], groups(values.values)['group-1']);
  assert.deepEqual(spliced, toValues(parseYaml(edited)[0]));
});
