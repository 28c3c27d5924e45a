// bad-schedule and bad-timezone: the two AdvancedCronJob fields Kruise's webhook validates and
// the chart passes through untouched (`schedule` quoted, `timeZone` only when non-empty).
// Checked whether or not `advancedCronJob.enabled` is on, like any other malformed value: it is
// wrong the moment the switch is flipped, and the finding should be there before that.
import { parseCron } from '../cron';
import { isPlainMap } from '../merge';
import { checkTimeZone } from '../time-zone';
import type { Rule, RuleContext, RuleFinding } from './rule';

const SCHEDULE = ['advancedCronJob', 'schedule'];
const TIME_ZONE = ['advancedCronJob', 'timeZone'];

export const rule: Rule = {
  codes: [
    { code: 'bad-schedule', severity: 'error', summary: 'advancedCronJob.schedule is not a 5-field cron expression Kruise accepts, or never fires.' },
    { code: 'bad-timezone', severity: 'error', summary: 'advancedCronJob.timeZone is not a tz database (IANA) zone name.' },
  ],
  charts: ['pre-porter'],
  check(context) {
    const cron = context.values.advancedCronJob;
    if (!isPlainMap(cron)) return [];
    // The template writes `timeZone` only when it is non-empty (`with`); empty means the
    // controller's own zone, which Kruise allows.
    const timeZone = typeof cron.timeZone === 'string' ? cron.timeZone : '';
    return [...scheduleFindings(context, cron.schedule, timeZone), ...timeZoneFindings(context, timeZone)];
  },
};

/** Longer than this is no schedule anyone writes (every minute listed is 170 characters): not parsed, and not quoted back. */
const MAX_SCHEDULE_LENGTH = 256;

function scheduleFindings(context: RuleContext, schedule: unknown, timeZone: string): RuleFinding[] {
  // Not a string, or empty: the schema reports those (wrong-type, bad-value).
  if (typeof schedule !== 'string' || schedule === '') return [];
  const range = context.rangeFor(SCHEDULE, 'value');
  if (schedule.length > MAX_SCHEDULE_LENGTH) {
    return [{
      code: 'bad-schedule',
      severity: 'warning',
      message: `This schedule is ${schedule.length} characters long, over the ${MAX_SCHEDULE_LENGTH} a cron expression needs; it is not checked`,
      range,
      data: { length: schedule.length, limit: MAX_SCHEDULE_LENGTH },
    }];
  }
  const parsed = parseCron(schedule);
  if (parsed.problem) {
    const lead = parsed.problem.rejected ? `\`${schedule}\` is not a schedule Kruise accepts: ` : `\`${schedule}\`: `;
    return [{
      code: 'bad-schedule',
      // Accepted but not what it looks like (`@every`, the 30th of February): worth a warning, not an error.
      severity: parsed.problem.rejected ? undefined : 'warning',
      message: lead + parsed.problem.message,
      range,
      data: { value: schedule, field: parsed.problem.field, rejected: parsed.problem.rejected },
    }];
  }
  if (parsed.zonePrefix === null) return [];
  if (timeZone !== '') {
    const written = context.locate(TIME_ZONE) ? context.rangeFor(TIME_ZONE, 'key') : null;
    return [{
      code: 'bad-schedule',
      message: `Kruise refuses a \`TZ=\` prefix in the schedule while \`timeZone\` is set (it is \`${timeZone}\`${written ? '' : ', the chart default'}); put the zone in \`advancedCronJob.timeZone\` and drop the prefix.`,
      range,
      related: written ? [{ range: written, message: 'the timeZone that conflicts with the TZ= prefix' }] : undefined,
      data: { value: schedule },
    }];
  }
  const zone = checkTimeZone(parsed.zonePrefix);
  if (zone.ok) return [];
  return [{
    code: 'bad-schedule',
    message: `The zone \`${parsed.zonePrefix}\` in the \`TZ=\` prefix is not one Kruise can load: ${zone.reason}${didYouMean(zone.suggestions)}`,
    range,
    data: { value: schedule, suggestions: zone.suggestions },
  }];
}

function timeZoneFindings(context: RuleContext, timeZone: string): RuleFinding[] {
  if (timeZone === '') return [];
  const zone = checkTimeZone(timeZone);
  if (zone.ok) return [];
  return [{
    code: 'bad-timezone',
    message: `\`${timeZone}\` is not a time zone Kruise can load: ${zone.reason}${didYouMean(zone.suggestions)}`,
    range: context.rangeFor(TIME_ZONE, 'value'),
    data: { value: timeZone, suggestions: zone.suggestions },
  }];
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '.';
}
