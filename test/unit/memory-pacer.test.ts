// The memory pacer collects when the heap has outgrown the last collection by its budget, and
// only then; V8's gc is reachable at run time without --expose-gc on the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exposedGc, GROWTH_BUDGET_BYTES, MemoryPacer } from '../../server/src/server/memory-pacer';

test('collects once the heap has grown by the budget, then measures from what survived', () => {
  let heap = 100;
  let collections = 0;
  const pacer = new MemoryPacer(() => { collections++; heap = 120; }, () => heap, 50);
  heap = 149;
  assert.equal(pacer.check(), false);
  heap = 150;
  assert.equal(pacer.check(), true);
  assert.equal(collections, 1);
  heap = 169;
  assert.equal(pacer.check(), false, 'the budget counts from the 120 that survived');
  heap = 170;
  assert.equal(pacer.check(), true);
  assert.equal(collections, 2);
});

test('without a gc function it does nothing', () => {
  const pacer = new MemoryPacer(null, () => Number.MAX_SAFE_INTEGER);
  assert.equal(pacer.check(), false);
  pacer.start();
  pacer.dispose();
});

test("V8's gc is reachable at run time, and a real collection frees what a burst left", () => {
  const gc = exposedGc();
  assert.equal(typeof gc, 'function');
  let garbage: string[] | null = Array.from({ length: 64 }, (_, i) => `${i}`.repeat(1 << 20));
  assert.equal(garbage.length, 64);
  garbage = null;
  const before = process.memoryUsage().heapUsed;
  gc!();
  assert.ok(process.memoryUsage().heapUsed < before, 'the collection freed nothing');
  assert.ok(GROWTH_BUDGET_BYTES >= 8 * 1024 * 1024);
});
