// Parsers of text a repository or a catalogue writes: linear time with length limits, and a
// did-you-mean whose work is capped however large the catalogue (issue #21).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCron } from '../../server/src/engine/cron';
import { boundedEditDistance, editDistance, nearFilter, suggest } from '../../server/src/engine/did-you-mean';
import { isQuantityTooLong, MAX_QUANTITY_LENGTH, parseQuantity } from '../../server/src/engine/quantity';
import { suggestTags } from '../../server/src/engine/rules/unknown-model';
import { checkTimeZone } from '../../server/src/engine/time-zone';

/** Generous for a loaded 2-core machine; the quadratic versions took seconds. */
const FAST_MS = 100;

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const took = performance.now() - started;
  assert.ok(took < FAST_MS, `${what} took ${took.toFixed(1)} ms`);
  return result;
}

test('a 90,000-digit quantity is refused at once, and short ones still parse', () => {
  const digits = '9'.repeat(90_000);
  for (const text of [digits, digits + 'x', digits + 'Gi', '.' + digits, digits + '.' + digits]) {
    assert.equal(timed('quantity', () => parseQuantity(text)), null);
    assert.ok(isQuantityTooLong(text));
  }
  assert.equal(parseQuantity('50Gi'), 50 * 2 ** 30);
  assert.equal(parseQuantity('1.5G'), 1.5e9);
  assert.equal(parseQuantity('5e10'), 5e10);
  assert.equal(parseQuantity('1' + '0'.repeat(MAX_QUANTITY_LENGTH - 1)), 1e63);
  assert.equal(parseQuantity('1.'), 1);
  assert.equal(parseQuantity('12.x'), null);
});

test('cron schedules and time zones of 90,000 characters answer at once', () => {
  const long = '9'.repeat(90_000);
  for (const text of [long, `${'1,'.repeat(45_000)}1 * * * *`, `@every ${'1s'.repeat(45_000)}x`, `TZ=${long} * * * * *`]) {
    timed('cron', () => parseCron(text));
  }
  const zone = timed('time zone', () => checkTimeZone('Europe/' + 'A'.repeat(90_000)));
  assert.equal(zone.ok, false);
  assert.ok(checkTimeZone('Europe/Lodnon').suggestions.includes('Europe/London'));
});

test('did-you-mean over a 24,000-tag catalogue answers in milliseconds and still finds the slip', () => {
  // Names as varied as a real catalogue's, and (below) names all alike, where the work cap bites.
  let seed = 11;
  const letter = () => 'abcdefghijklmnopqrstuvwxyz0123456789'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 36];
  const varied = Array.from({ length: 24_000 }, () => Array.from({ length: 8 }, letter).join('') + '-' + Array.from({ length: 6 }, letter).join(''));
  varied[13_368] = 'model-abc-instruct-v5';
  for (let warm = 0; warm < 3; warm++) suggestTags('warm-up', varied);
  assert.deepEqual(timed('tags', () => suggestTags('model-abc-instrcut-v5', varied)).slice(0, 1), ['model-abc-instruct-v5']);
  assert.deepEqual(timed('case slip', () => suggestTags('MODEL_ABC_INSTRUCT_V5', varied)), ['model-abc-instruct-v5']);
  const tags = Array.from({ length: 24_000 }, (_, i) => `model-${i.toString(36)}-instruct-v${i % 7}`);
  assert.ok(timed('alike', () => suggestTags('model-abc-instrcut-v5', tags)).length > 0);
  timed('no match', () => suggestTags('z'.repeat(128), tags));
  timed('a huge typed tag', () => suggestTags('m'.repeat(90_000), tags));
  timed('keys', () => suggest('model-abc-instrcut-v3', tags));
  timed('a huge key', () => suggest('k'.repeat(90_000), tags));
});

test('the bounded edit distance agrees with the full one within its bound', () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => Array.from({ length: Math.floor(random() * 9) }, () => 'abc'[Math.floor(random() * 3)]).join('');
  for (let i = 0; i < 2000; i++) {
    const [a, b] = [word(), word()];
    const full = editDistance(a, b);
    const max = Math.floor(random() * 5);
    assert.equal(boundedEditDistance(a, b, max), Math.min(full, max + 1), `${a} ${b} ${max}`);
  }
  assert.equal(editDistance('enabeld', 'enabled'), 1);
  const near = nearFilter('enabled', 1);
  assert.ok(near('enabeld') && near('ENABLE') && near('enabledx'));
  assert.ok(!near('disabled') && !near('xxabled'));
});
