// Kubernetes quantities are compared in exact bytes: sizeLimit checks rest on these numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ceilGi, formatGiB, parseQuantity, toGiB } from '../../server/src/engine/quantity';

test('decimal and binary suffixes are different units: 50G is not 50Gi', () => {
  assert.equal(parseQuantity('50G'), 50e9);
  assert.equal(parseQuantity('50Gi'), 50 * 2 ** 30);
  assert.ok(parseQuantity('50G')! < parseQuantity('50Gi')!);
  assert.equal(parseQuantity('512Mi'), 512 * 2 ** 20);
  assert.equal(parseQuantity('1Ti'), 2 ** 40);
  assert.equal(parseQuantity('2k'), 2000);
  assert.equal(parseQuantity('3M'), 3e6);
});

test('exponent forms, lower and upper case, and the E (exa) suffix are told apart', () => {
  assert.equal(parseQuantity('5e10'), 5e10);
  assert.equal(parseQuantity('5E10'), 5e10);
  assert.equal(parseQuantity('1e-3'), 0.001);
  assert.equal(parseQuantity('2E'), 2e18, 'a bare E is the exa suffix, not an exponent');
});

test('fractions and milli-units', () => {
  assert.equal(parseQuantity('1.5Gi'), 1.5 * 2 ** 30);
  assert.equal(parseQuantity('.5Gi'), 2 ** 29);
  assert.equal(parseQuantity('100m'), 0.1);
});

test('YAML numbers are quantities as they stand: `sizeLimit: 5e10` parses to a number', () => {
  assert.equal(parseQuantity(5e10), 5e10);
  assert.equal(parseQuantity(0), 0);
  assert.equal(parseQuantity(Number.NaN), null);
  assert.equal(parseQuantity(Number.POSITIVE_INFINITY), null);
});

test('surrounding blanks are tolerated, anything else that is not a quantity gives null', () => {
  assert.equal(parseQuantity(' 10Gi '), 10 * 2 ** 30);
  for (const bad of ['50GB', '50gi', 'Gi', '', ' ', 'abc', '5 Gi', '1.2.3', '5e', '0x10', '10Gi ram']) {
    assert.equal(parseQuantity(bad), null, JSON.stringify(bad));
  }
  for (const bad of [null, undefined, true, {}, [], ['1Gi']]) {
    assert.equal(parseQuantity(bad), null, JSON.stringify(bad));
  }
});

test('GiB display and the smallest whole Gi at or above a byte count', () => {
  assert.equal(toGiB(2 ** 30), 1);
  assert.equal(formatGiB(24374650080), '22.7 GiB');
  assert.equal(ceilGi(25 * 2 ** 30), '25Gi', 'an exact multiple is not rounded up');
  assert.equal(ceilGi(25 * 2 ** 30 + 1), '26Gi');
  assert.equal(ceilGi(26812115088), '25Gi');
});
