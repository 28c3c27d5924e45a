// The memory pacer collects when the old generation has outgrown the last collection by its
// budget and the server is idle, or by BUSY_BUDGETS budgets whatever it is doing; V8's gc is reachable
// at run time without --expose-gc on the command line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUSY_BUDGETS, exposedGc, GROWTH_BUDGET_BYTES, MemoryPacer, oldGenerationUsed } from '../../server/src/server/memory-pacer';

test('collects once grown by the budget while idle, then measures from what survived', () => {
  let heap = 100;
  let busy = 0;
  let collections = 0;
  const pacer = new MemoryPacer(() => { collections++; heap = 120; }, () => heap, () => busy, 50);
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

test('waits while the server is busy, unless the growth passes BUSY_BUDGETS budgets', () => {
  let heap = 0;
  const pacer = new MemoryPacer(() => { heap = 0; }, () => heap, () => 0.9, 50);
  heap = BUSY_BUDGETS * 50 - 1;
  assert.equal(pacer.check(), false, 'busy: a keystroke must not pay for a collection');
  heap = BUSY_BUDGETS * 50;
  assert.equal(pacer.check(), true, 'BUSY_BUDGETS budgets: collected anyway');
});

test('without a gc function it does nothing', () => {
  const pacer = new MemoryPacer(null, () => Number.MAX_SAFE_INTEGER, () => 0);
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
  const before = oldGenerationUsed();
  gc!();
  assert.ok(oldGenerationUsed() < before, 'the collection freed nothing of the old generation');
  assert.ok(GROWTH_BUDGET_BYTES >= 8 * 1024 * 1024);
});
