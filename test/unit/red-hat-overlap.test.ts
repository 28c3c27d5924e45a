// The rules for living beside Red Hat's YAML extension, on the findings the engine really makes.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { reportedByRedHat, schemaForRedHat, schemaNameOf, schemaUri, type Overlap } from '../../client/src/red-hat-overlap';
import { Engine } from '../../server/src/engine/engine';
import { repoRoot } from '../support/markers';

const engine = new Engine({});
const text = [
  '# bit-harbor-values: chart=inference-stak',
  'modelGroups:',
  '  llama:',
  '    enabeld: true',
  '    replicaCount: two',
  '    image: {repository: vllm/vllm-openai, tag: v0.8.5, pullPolicy: Sometimes}',
  '    service: {port: 8000}',
  '    containerPort: 8000',
  '  broken: [',
  '',
].join('\n');
const findings = engine.analyze({ text, path: 'values.yaml', chart: undefined }).findings;
const asDiagnostics = findings.map((f) => ({ code: f.code, data: f.data }));
const codesKept = (overlap: Overlap): string[] => asDiagnostics.filter((d) => !reportedByRedHat(d, overlap)).map((d) => d.code).sort();

test('without Red Hat validating, every finding stays', () => {
  assert.deepEqual(codesKept({ syntax: false, schema: false }), asDiagnostics.map((d) => d.code).sort());
});

test('Red Hat validating takes the syntax errors only', () => {
  assert.ok(asDiagnostics.some((d) => d.code === 'yaml-syntax'), 'the sample has a syntax error');
  const kept = codesKept({ syntax: true, schema: false });
  assert.ok(!kept.includes('yaml-syntax'));
  assert.equal(kept.length, asDiagnostics.filter((d) => d.code !== 'yaml-syntax').length);
});

test('with shared schemas Red Hat also takes the schema findings in the file, not the modeline', () => {
  const kept = codesKept({ syntax: true, schema: true });
  assert.ok(!kept.includes('unknown-key') && !kept.includes('wrong-type'), kept.join(','));
  // The modeline's unknown chart is a bad-value no schema can report: it stays.
  assert.ok(kept.includes('bad-value'), kept.join(','));
  // The code may also arrive as {value, target} (VS Code's form when a docs link is attached).
  assert.equal(reportedByRedHat({ code: { value: 'unknown-key' }, data: { path: 'modelGroups.x' } }, { syntax: true, schema: true }), true);
});

test('shared schemas point back to our scheme, lose `required`, and still compile', () => {
  const read = (name: string): string => fs.readFileSync(path.join(repoRoot(), 'schemas', `${name}.schema.json`), 'utf8');
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false });
  ajv.addSchema(JSON.parse(schemaForRedHat(read('kubernetes'), 'kubernetes')));
  for (const name of ['inference-stack', 'pre-porter'] as const) {
    const shared = schemaForRedHat(read(name), name);
    assert.ok(!/"required":\[/.test(shared), `${name} still has required`);
    assert.ok(read(name).includes('"required"'), `${name} has no required to strip: the test checks nothing`);
    const schema = JSON.parse(shared) as { $id: string };
    assert.equal(schema.$id, schemaUri(name));
    assert.equal(schemaNameOf(schema.$id), name);
    // The relative $refs resolve against our scheme, inside the set handed over.
    assert.doesNotThrow(() => ajv.compile(schema));
  }
  assert.equal(schemaNameOf('https://bit-harbor-values.local/schemas/kubernetes.schema.json'), null);
});
