// The outline of a values file and workspace symbols: model groups with their state and model,
// Pre-Porter images by tag, and every key as YAML outlines show it.
import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { documentSymbols, MAX_OUTLINE_SYMBOLS, outerLevels, workspaceSymbols, type AuthoringSymbol } from '../../server/src/engine/authoring/symbols';
import { generateInferenceStackValues } from '../../bench/generate-values';
import { bundledCatalogue } from '../../server/src/engine/catalogue/catalogue';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const CATALOGUE = bundledCatalogue();

function find(symbols: AuthoringSymbol[], ...names: string[]): AuthoringSymbol {
  let current: AuthoringSymbol | undefined;
  let level = symbols;
  for (const name of names) {
    current = level.find((symbol) => symbol.name === name);
    assert.ok(current, `a symbol ${names.join(' > ')} among ${level.map((symbol) => symbol.name).join(', ')}`);
    level = current.children;
  }
  return current!;
}

const STACK = `onwards:
  replicaCount: 2
modelGroups:
  [[llama]]:
    enabled: true
    modelName: meta-llama/Llama-3.1-8B-Instruct
    initContainers:
      - name: fetch
        image: ${BH}:llama-3.1-8b-instruct
    volumes:
      - name: weights
        emptyDir: {}
  vllm-gemma: {}
`;

describe('document symbols', () => {
  it('outlines onwards and each model group with its state, model and weights', () => {
    const { text, ranges } = mark(STACK);
    const symbols = documentSymbols(text, CATALOGUE, DEFAULT_SETTINGS);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['onwards', 'modelGroups']);
    assert.equal(find(symbols, 'onwards').detail, 'the gateway');
    assert.equal(find(symbols, 'onwards').kind, 'module');
    const llama = find(symbols, 'modelGroups', 'llama');
    assert.equal(llama.kind, 'class');
    assert.equal(llama.detail, 'enabled · meta-llama/Llama-3.1-8B-Instruct · llama-3.1-8b-instruct 15.0 GiB');
    assert.deepEqual(llama.selectionRange, ranges[0]);
    assert.equal(text.slice(llama.range.start, llama.range.end).split('\n').at(-1), '        emptyDir: {}');
    // The example group keeps the chart's model name even though the file sets nothing.
    assert.equal(find(symbols, 'modelGroups', 'vllm-gemma').detail, 'disabled · google/gemma-3-12b-it');
    assert.equal(find(symbols, 'modelGroups', 'llama', 'volumes', 'weights', 'emptyDir').kind, 'object');
    assert.equal(find(symbols, 'onwards', 'replicaCount').detail, '2');
  });

  it('names Pre-Porter images by their tag, with enabled state and size', () => {
    const text = `imageRegistry: ${BH}\nimages:\n  - name: qwen-3-8b\n    enabled: true\n  - {name: gemma-3-4b-it}\n  - enabled: true\n`;
    const images = find(documentSymbols(text, CATALOGUE, DEFAULT_SETTINGS), 'images');
    assert.deepEqual(images.children.map((symbol) => [symbol.name, symbol.kind, symbol.detail]), [
      ['qwen-3-8b', 'package', 'enabled · 15.3 GiB'],
      ['gemma-3-4b-it', 'package', 'disabled · 8.0 GiB'],
      ['[2]', 'package', 'enabled'],
    ]);
  });

  it('outlines every document of a chart, and survives a syntax error elsewhere', () => {
    const text = `images: []\nimageRegistry: x\n---\nmodelGroups:\n  a: {enabled: true}\nonwards:\n  containerPort: a: b\n`;
    const symbols = documentSymbols(text, CATALOGUE, DEFAULT_SETTINGS);
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['images', 'imageRegistry', 'modelGroups', 'onwards']);
    assert.equal(find(symbols, 'modelGroups', 'a').detail, 'enabled');
  });

  it('has none for a file of neither chart', () => {
    assert.deepEqual(documentSymbols('services:\n  web: {}\n', CATALOGUE, DEFAULT_SETTINGS), []);
  });
});

describe('workspace symbols', () => {
  it('finds model groups and Pre-Porter images across files by a query', () => {
    const files = [
      { uri: 'file:///a/values.yaml', text: STACK.replace('[[llama]]', 'llama') },
      { uri: 'file:///b/pre-porter.yaml', text: `imageRegistry: ${BH}\nimages:\n  - name: llama-3.1-8b-instruct\n    enabled: true\n` },
      { uri: 'file:///c/compose.yaml', text: 'services:\n  llama: {}\n' },
    ];
    const found = workspaceSymbols(files, 'lla', CATALOGUE, DEFAULT_SETTINGS);
    assert.deepEqual(found.map((symbol) => [symbol.name, symbol.uri, symbol.kind]), [
      ['llama', 'file:///a/values.yaml', 'class'],
      ['llama-3.1-8b-instruct', 'file:///b/pre-porter.yaml', 'package'],
    ]);
    assert.match(found[0].containerName, /^modelGroups · enabled/);
    assert.equal(files[0].text.slice(found[0].range.start, found[0].range.end), 'llama');
    // Only groups the file writes: the chart's example groups are everywhere and nowhere.
    assert.deepEqual(workspaceSymbols(files, 'gemma', CATALOGUE, DEFAULT_SETTINGS).map((symbol) => symbol.name), ['vllm-gemma']);
    assert.equal(workspaceSymbols(files, '', CATALOGUE, DEFAULT_SETTINGS).length, 3);
  });
});

test('a 1,000-group outline keeps its outer levels within the cap; a small one is whole', () => {
  const count = (symbols: AuthoringSymbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children), 0);
  const big = documentSymbols(generateInferenceStackValues(1000), bundledCatalogue(), DEFAULT_SETTINGS, '/w/values.yaml');
  assert.ok(count(big) <= MAX_OUTLINE_SYMBOLS, `${count(big)} symbols`);
  const groups = big.find((s) => s.name === 'modelGroups');
  assert.equal(groups?.children.length, 1000, 'every group is listed');
  const small = generateInferenceStackValues(3);
  const whole = documentSymbols(small, bundledCatalogue(), DEFAULT_SETTINGS, '/w/values.yaml');
  assert.deepEqual(outerLevels(whole, Infinity), whole);
  assert.ok(count(whole) > 60 && count(whole) < MAX_OUTLINE_SYMBOLS, `${count(whole)}`);
});

test('outerLevels drops whole levels, deepest first, and keeps the top level whatever its size', () => {
  const leaf = (name: string): AuthoringSymbol => ({ name, kind: 'string', range: { start: 0, end: 0 }, selectionRange: { start: 0, end: 0 }, children: [] });
  const tree = [{ ...leaf('a'), children: [{ ...leaf('b'), children: [leaf('c'), leaf('d')] }] }, leaf('e')];
  const names = (symbols: AuthoringSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children)]);
  assert.deepEqual(names(outerLevels(tree, 5)), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(names(outerLevels(tree, 4)), ['a', 'b', 'e']);
  assert.deepEqual(names(outerLevels(tree, 2)), ['a', 'e']);
  assert.deepEqual(names(outerLevels(tree, 1)), ['a', 'e']);
});
