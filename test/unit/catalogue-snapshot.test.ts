// The bundled snapshot is what a first start offline sees, so it must be the recorded
// models.json and the recorded size facts, not a hand-copied approximation of them.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { bundledCatalogue, hubId } from '../../server/src/engine/catalogue/catalogue';
import snapshot from '../../server/src/engine/catalogue/snapshot.json';

// out/test/unit -> the repository root -> the shared reference folder beside it.
const REFERENCE = path.resolve(__dirname, '../../..', '../shared/reference');

interface SizeFact {
  name: string;
  repo: string;
  weightsBytes: number | null;
  basis: string;
}

function readReference<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(REFERENCE, file), 'utf8')) as T;
}

describe('bundled catalogue snapshot', () => {
  const upstream = readReference<{ models: { name: string; repo: string }[] }>('bit-harbor/models.json');
  const facts = readReference<{ models: SizeFact[] }>('model-sizes.json').models;

  it('lists exactly the models of the recorded models.json, in order', () => {
    assert.deepEqual(snapshot.models, upstream.models);
    assert.equal(snapshot.models.length, 18);
    assert.match(snapshot.commit, /^[0-9a-f]{40}$/);
  });

  it('has the size of every model with a known size, and no other', () => {
    const known = facts.filter((fact) => fact.weightsBytes !== null);
    assert.deepEqual(Object.keys(snapshot.sizes).sort(), known.map((fact) => fact.name).sort());
    const sizes = snapshot.sizes as Record<string, { bytes: number; basis: string; method: string }>;
    for (const fact of known) {
      const size = sizes[fact.name];
      assert.equal(size.bytes, fact.weightsBytes, fact.name);
      assert.equal(size.method, fact.basis, fact.name);
      assert.equal(size.basis, /estimate/i.test(fact.basis) ? 'estimate' : 'measured', `${fact.name}: basis of ${fact.basis}`);
    }
  });

  it('describes the same repositories as the size facts', () => {
    for (const fact of facts) {
      const model = snapshot.models.find((m) => m.name === fact.name);
      assert.ok(model, `${fact.name} is in the snapshot`);
      assert.equal(hubId(model.repo), fact.repo.toLowerCase(), fact.name);
    }
  });

  it('serves each size with its source through the Catalogue', () => {
    const catalogue = bundledCatalogue();
    assert.equal(catalogue.origin.kind, 'bundled');
    assert.deepEqual(catalogue.sizeOf('qwen-3-8b'), { bytes: 16381470720, source: 'measured', detail: 'safetensors-index-total_size, bundled table' });
    assert.equal(catalogue.sizeOf('gemma-3-4b-it')?.source, 'estimate');
    assert.equal(catalogue.sizeOf('dw-gemma-3-12b-it'), undefined, 'the one model without a public size');
  });
});
