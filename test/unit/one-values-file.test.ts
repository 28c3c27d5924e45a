// A values file is read in one module (server/src/engine/values-file.ts): its guards, parse,
// chart and merged values. Written anywhere else, a feature's idea of a file drifts from the
// check's (a second chart decision, a base parsed without the size and nesting limits), as it
// did five times before. This reads the product's sources and holds them to that.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/markers';

/** The module and the parser it is made of, which only it calls. */
const MODULE = new Set([
  'server/src/engine/values-file.ts',
  'server/src/engine/document.ts',
  'server/src/engine/detect.ts',
  'server/src/engine/merge.ts',
  'server/src/engine/yaml-source.ts',
  'server/src/engine/yaml-fast-path.ts',
  'server/src/engine/yaml-fast-flow.ts',
  'server/src/engine/yaml-incremental.ts',
  'server/src/engine/yaml-entry-library.ts',
  'server/src/engine/yaml-local-errors.ts',
]);

/** Parses of YAML that is not a values file, each with why it is not. */
const NOT_VALUES = new Map([
  ['server/src/engine/edit/node-edit.ts', 'one scalar an edit writes, read back to see that YAML 1.1 keeps it'],
  ['server/src/engine/completion/snippets.ts', 'one scalar of a snippet, read back the same way'],
  ['server/src/engine/authoring/value-completion.ts', 'one completed value, read back the same way'],
  ['server/src/engine/embedded/generated-config-map.ts', 'a kustomization.yaml, whose configMapGenerator names a values file'],
]);

/** A parse, a merge of values, a chart decision or a size/nesting guard. */
const READS_A_FILE = /\b(parseDocument|parseAllDocuments|parseYaml|parseYamlTelling|mergeValues|mergeUserLayers|chartFromContent|chartFromGlobs|findModeline|sizeFinding|nestingFinding|nestingRefusal)\(|\bnew (Parser|Composer|Lexer)\(|\byaml\.(parse|tooDeep)\(|\bparse\(/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** The code of a line, without a comment that ends it or makes it. */
function code(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return '';
  return line.replace(/\s\/\/.*$/, '');
}

test('no YAML parse, merge, chart decision or file guard outside the ValuesFile module', () => {
  const root = repoRoot();
  const outside: string[] = [];
  for (const path of sources(join(root, 'server/src'))) {
    const file = relative(root, path).split('\\').join('/');
    if (MODULE.has(file)) continue;
    readFileSync(path, 'utf8').split('\n').forEach((line, index) => {
      const written = code(line).replace(/JSON\.parse\(/g, '');
      if (READS_A_FILE.test(written) && !NOT_VALUES.has(file)) outside.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(outside, [], 'read a values file through values-file.ts (readValuesFile) instead');
});

test('the listed exceptions still parse (a stale entry would hide a new parse there)', () => {
  const root = repoRoot();
  for (const [file, why] of NOT_VALUES) {
    const text = readFileSync(join(root, file), 'utf8');
    assert.ok(text.split('\n').some((line) => READS_A_FILE.test(code(line))), `${file} (${why}) no longer parses: remove it from the list`);
  }
});

test('there is one ValuesDocument type', () => {
  const root = repoRoot();
  const declared = sources(join(root, 'server/src')).filter((path) => /\binterface ValuesDocument\b|\btype ValuesDocument\s*[=<]/.test(readFileSync(path, 'utf8')));
  assert.deepEqual(declared.map((path) => relative(root, path).split('\\').join('/')), ['server/src/engine/values-file.ts']);
});
