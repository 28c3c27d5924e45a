// Time zone names as Go's time.LoadLocation (Kruise's webhook) takes them, checked with Intl plus
// tables where Intl is more lenient than Go or lists fewer names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkTimeZone } from '../../server/src/engine/time-zone';

function ok(zone: string) {
  const check = checkTimeZone(zone);
  assert.ok(check.ok, `${zone}: ${check.reason}`);
}

function refused(zone: string, suggestion?: string, reason?: RegExp) {
  const check = checkTimeZone(zone);
  assert.equal(check.ok, false, `${zone} should be refused`);
  if (suggestion !== undefined) assert.equal(check.suggestions[0], suggestion, `${zone}: ${check.suggestions.join(', ')}`);
  if (reason) assert.match(check.reason ?? '', reason);
}

test('names Intl does not list but Go loads are accepted', () => {
  for (const zone of ['UTC', 'Etc/UTC', 'Etc/GMT+5', 'Etc/GMT-14', 'GMT0', 'EST5EDT', 'CET', 'Asia/Kolkata', 'Europe/Kyiv']) ok(zone);
});

test('canonical names and backward links are accepted', () => {
  for (const zone of ['Europe/London', 'America/New_York', 'Asia/Calcutta', 'Europe/Kiev', 'US/Eastern', 'America/Argentina/Buenos_Aires']) ok(zone);
});

test('offsets are refused, with the Etc zone of inverted sign', () => {
  refused('+01:00', 'Etc/GMT-1', /offset/);
  refused('UTC+1', 'Etc/GMT-1');
  refused('-05:00', 'Etc/GMT+5');
  refused('+0000', 'UTC');
  assert.deepEqual(checkTimeZone('+05:30').suggestions, [], 'no Etc zone for a half hour');
});

test('case is significant', () => {
  refused('utc', 'UTC', /case/);
  refused('europe/london', 'Europe/London', /case/);
  refused('US/EASTERN', 'America/New_York', /case/);
});

test('ICU-only names, Local and Z are refused with a real zone to use', () => {
  refused('PST', 'America/Los_Angeles', /ICU/);
  refused('IST', 'Asia/Kolkata');
  refused('Local', 'UTC');
  refused('Z', 'UTC');
  assert.deepEqual(checkTimeZone('SystemV/AST4').suggestions, []);
});

test('near misses and bare cities get a suggestion', () => {
  refused('Europe/Londn', 'Europe/London');
  refused('London', 'Europe/London');
  refused('new york', 'America/New_York');
  refused('Asia/Kolkatta', 'Asia/Kolkata');
  refused('UTC ', 'UTC', /spaces/);
  assert.deepEqual(checkTimeZone('Mars/Olympus_Mons').suggestions, []);
});

test('odd input never throws', () => {
  for (const input of ['', ' ', '/', '//', '\u0000', 'a'.repeat(5000), '../etc/passwd', 'Etc/GMT+99']) {
    assert.doesNotThrow(() => checkTimeZone(input));
  }
});
