// The validation debounce follows document size: small files validate at once, large ones wait a
// little so that fast typing costs one analysis, and no file waits long.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { debounceMs } from '../../server/src/server/scheduler';

test('files under 1,000 lines validate at once', () => {
  for (const lines of [0, 1, 350, 999]) assert.equal(debounceMs(lines), 0, `${lines} lines`);
});

test('larger files wait longer, up to a bound', () => {
  const waits = [1000, 3600, 10_000, 36_000, 1_000_000].map(debounceMs);
  for (let i = 1; i < waits.length; i++) assert.ok(waits[i] >= waits[i - 1], `${waits}`);
  assert.ok(waits[0] > 0 && waits[2] > waits[0], `${waits}`);
  assert.equal(waits.at(-1), 50);
});
