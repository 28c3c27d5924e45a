// The cron parser follows robfig/cron v3 ParseStandard, which Kruise's AdvancedCronJob webhook
// calls: what it accepts, what it refuses, and which field a refusal names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCron, type CronFieldName } from '../../server/src/engine/cron';

function accepted(expression: string) {
  const parsed = parseCron(expression);
  assert.equal(parsed.problem, null, `${expression}: ${parsed.problem?.message}`);
  assert.ok(parsed.schedule, expression);
  return parsed.schedule;
}

function refused(expression: string, field?: CronFieldName, message?: RegExp) {
  const parsed = parseCron(expression);
  assert.equal(parsed.schedule, null, `${expression} should be refused`);
  assert.ok(parsed.problem?.rejected, expression);
  assert.equal(parsed.problem?.field, field, `${expression}: ${parsed.problem?.message}`);
  if (message) assert.match(parsed.problem!.message, message);
}

function surprising(expression: string, message: RegExp) {
  const parsed = parseCron(expression);
  assert.ok(parsed.schedule, `${expression} is accepted`);
  assert.equal(parsed.problem?.rejected, false, expression);
  assert.match(parsed.problem!.message, message);
}

test('ordinary schedules parse to the values they match', () => {
  assert.deepEqual(accepted('0 2 * * *').fields?.hour, [2]);
  assert.deepEqual(accepted('*/15 * * * *').fields?.minute, [0, 15, 30, 45]);
  assert.deepEqual(accepted('0 1-10/3 * * *').fields?.hour, [1, 4, 7, 10]);
  assert.deepEqual(accepted('0 0 1,15 * *').fields?.['day-of-month'], [1, 15]);
  assert.deepEqual(accepted('0 0 * JAN-MAR *').fields?.month, [1, 2, 3]);
  assert.deepEqual(accepted('0 0 * * mon-fri').fields?.['day-of-week'], [1, 2, 3, 4, 5]);
  assert.deepEqual(accepted('0 0 * * SUN,sat').fields?.['day-of-week'], [0, 6]);
  assert.deepEqual(accepted('5/20 * * * *').fields?.minute, [5, 25, 45], 'N/step runs to the end of the field');
  assert.deepEqual(accepted('0 0 ? * *').fields?.['day-of-month'].length, 31, '? is *');
  assert.deepEqual(accepted('*/90 * * * *').fields?.minute, [0], 'a step past the end keeps the start');
});

test('whitespace between fields is free, empty list items are dropped', () => {
  accepted('  0\t2  *   * *  ');
  assert.deepEqual(accepted('1,,2 * * * *').fields?.minute, [1, 2]);
});

test('the descriptors Kubernetes takes are accepted exactly as written', () => {
  for (const descriptor of ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']) {
    assert.equal(accepted(descriptor).descriptor, descriptor);
  }
  refused('@Daily', undefined, /lowercase/);
  refused('@daily ', undefined, /spaces/);
  refused(' @daily', undefined, /space before/);
  refused('@reboot', undefined, /reboot/);
  refused('@fortnightly', undefined, /not a descriptor/);
});

test('@every is taken by the parser but reported, and a bad duration is refused', () => {
  surprising('@every 6h', /undocumented/);
  refused('@every 1d', undefined, /no day unit/);
});

test('the wrong number of fields says what is missing or extra', () => {
  refused('0 0 2 * * *', undefined, /seconds/);
  refused('0 0 2 * * ? 2025', undefined, /seconds or year/);
  refused('0 2 * * * 2025', undefined, /no year field/);
  refused('0 2 * *', undefined, /found 4 fields/);
  refused('', undefined, /empty/);
  refused('   ', undefined, /empty/);
});

test('a value out of range names its field and the limit', () => {
  refused('60 * * * *', 'minute', /above the maximum 59/);
  refused('0 24 * * *', 'hour', /midnight is 0/);
  refused('0 0 0 * *', 'day-of-month', /below the minimum 1/);
  refused('0 0 32 * *', 'day-of-month', /maximum 31/);
  refused('0 0 * 13 *', 'month', /maximum 12/);
  refused('0 0 * 0 *', 'month', /count from 1/);
  refused('0 2 * * 7', 'day-of-week', /Sunday is 0/);
  refused('0 2 * * 1-7', 'day-of-week', /above the maximum 6/);
});

test('malformed items are refused with the reason', () => {
  refused('*/0 * * * *', 'minute', /at least 1/);
  refused('0 0 * * 5-1', 'day-of-week', /do not wrap/);
  refused('0 0 * * SAT-SUN', 'day-of-week', /starts at 6, after its end 0/);
  refused('1-2-3 * * * *', 'minute', /more than one `-`/);
  refused('*/5/2 * * * *', 'minute', /more than one `\/`/);
  refused('*/x * * * *', 'minute', /not a whole number/);
  refused('a * * * *', 'minute', /not a number/);
  refused('0 0 * MON *', 'month', /day name/);
  refused('0 0 * * Monday', 'day-of-week', /three-letter/);
  refused('0 0 L * *', 'day-of-month', /Quartz/);
  refused('0 0 * * 1#2', 'day-of-week', /Quartz/);
  refused('-5 * * * *', 'minute', /empty value/);
});

test('schedules the parser takes but that do not do what they say are reported, not refused', () => {
  surprising('*-5 * * * *', /read as `\*`/);
  surprising('0 0 30 2 *', /never falls in February/);
  surprising('0 0 31 4,6,9,11 *', /never fires/);
  surprising(', * * * *', /lists no values/);
  assert.equal(parseCron('0 0 29 2 *').problem, null, 'the 29th of February comes every leap year');
  assert.equal(parseCron('0 0 30 2 1').problem, null, 'with a day of week the two day fields are OR-ed');
  assert.equal(parseCron('0 0 30 2 */2').problem, null, 'a stepped * in day-of-week is not a star: OR');
});

test('a TZ= prefix is split off and the rest parsed', () => {
  const parsed = parseCron('TZ=Europe/Paris 0 2 * * *');
  assert.equal(parsed.zonePrefix, 'Europe/Paris');
  assert.equal(parsed.problem, null);
  assert.equal(parseCron('CRON_TZ=UTC @daily').zonePrefix, 'UTC');
  refused('TZ=UTC', undefined, /followed by a space/);
});

test('odd input never throws', () => {
  for (const input of ['\u0000', '*'.repeat(10000), '9'.repeat(400) + ' * * * *', '@', 'TZ= ', '/ / / / /', '- - - - -']) {
    assert.doesNotThrow(() => parseCron(input));
  }
  refused('99999999999999999999 * * * *', 'minute', /maximum/);
});
