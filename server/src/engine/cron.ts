// Cron schedules as OpenKruise's AdvancedCronJob reads them. Kruise's webhook (like Kubernetes'
// CronJob validation) calls robfig/cron v3 `ParseStandard`, so that library's rules are the
// truth here, not crontab(5): exactly five fields, day-of-week 0-6 (`7` is refused), `?` is `*`,
// names are case-insensitive, `N/step` runs from N to the end of the field, and the descriptors
// @yearly @annually @monthly @weekly @daily @midnight @hourly (case-sensitive) and `@every`.

export type CronFieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

interface FieldSpec {
  name: CronFieldName;
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MONTH_NAMES = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAY_NAMES = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  { name: 'day-of-week', min: 0, max: 6, names: DAY_NAMES },
];

export const CRON_DESCRIPTORS: readonly string[] = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** Longest day of each month (February in a leap year), to spot dates that never come. */
const MONTH_DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTH_LABELS = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface CronProblem {
  message: string;
  /** The field at fault, when one is. */
  field?: CronFieldName;
  /** True when Kruise refuses the schedule; false when it takes it but it does not do what it looks like. */
  rejected: boolean;
}

export interface CronSchedule {
  /** Values each field matches, or null for a descriptor. */
  fields: Record<CronFieldName, number[]> | null;
  /** `@daily`, `@every 6h`, ... when the schedule is one. */
  descriptor: string | null;
}

export interface CronParse {
  /** Null when Kruise would refuse the schedule. */
  schedule: CronSchedule | null;
  /** The first thing wrong with it, refused or merely surprising; null when it is fine. */
  problem: CronProblem | null;
  /** The zone of a `TZ=` / `CRON_TZ=` prefix, when the schedule has one. */
  zonePrefix: string | null;
}

/** A field the parser refuses; caught per field to say which one. */
class FieldError extends Error {}

export function parseCron(expression: string): CronParse {
  let spec = expression;
  let zonePrefix: string | null = null;
  const prefix = /^(?:CRON_)?TZ=(\S*)\s+/.exec(spec);
  if (prefix) {
    zonePrefix = prefix[1];
    spec = spec.slice(prefix[0].length).trim();
  } else if (/^(?:CRON_)?TZ=/.test(spec)) {
    return refused('a `TZ=` prefix must be followed by a space and the five fields', zonePrefix);
  }
  if (spec.trim().length === 0) return refused('the schedule is empty', zonePrefix);
  if (spec.startsWith('@')) return { ...parseDescriptor(spec), zonePrefix };
  if (spec.trim().startsWith('@')) {
    return refused('remove the space before the `@`: with it the parser expects five fields', zonePrefix);
  }
  const parts = spec.trim().split(/\s+/);
  if (parts.length !== 5) return refused(fieldCountMessage(parts), zonePrefix);

  const fields = {} as Record<CronFieldName, number[]>;
  const stars = {} as Record<CronFieldName, boolean>;
  let warning: CronProblem | null = null;
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i];
    try {
      const parsed = parseField(parts[i], field);
      fields[field.name] = parsed.values;
      stars[field.name] = parsed.star;
      if (parsed.warning) warning ??= { message: `${describe(field, i)} ${parsed.warning}`, field: field.name, rejected: false };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { schedule: null, problem: { message: `${describe(field, i)} \`${parts[i]}\`: ${message}`, field: field.name, rejected: true }, zonePrefix };
    }
  }
  warning ??= neverFires(fields, stars);
  return { schedule: { fields, descriptor: null }, problem: warning, zonePrefix };
}

function refused(message: string, zonePrefix: string | null): CronParse {
  return { schedule: null, problem: { message, rejected: true }, zonePrefix };
}

function describe(spec: FieldSpec, index: number): string {
  return `${spec.name} (field ${index + 1})`;
}

function fieldCountMessage(parts: string[]): string {
  const layout = 'minute hour day-of-month month day-of-week';
  if (parts.length === 6 && /^\d{4}$/.test(parts[5])) {
    return `found 6 fields: there is no year field (\`${parts[5]}\`); use 5: ${layout}`;
  }
  if (parts.length === 6 || parts.length === 7) {
    return `found ${parts.length} fields: Kubernetes-style cron has no seconds${parts.length === 7 ? ' or year' : ''} field (Quartz and Spring have); use 5: ${layout}`;
  }
  return `found ${parts.length} field${parts.length === 1 ? '' : 's'}, need exactly 5: ${layout}`;
}

function parseDescriptor(spec: string): Omit<CronParse, 'zonePrefix'> {
  if (CRON_DESCRIPTORS.includes(spec)) return { schedule: { fields: null, descriptor: spec }, problem: null };
  const every = /^@every (.*)$/.exec(spec);
  if (every) {
    if (!isGoDuration(every[1])) {
      return { schedule: null, problem: { message: `\`${every[1]}\` is not a Go duration (units h, m, s, ms; there is no day unit: 24h)`, rejected: true } };
    }
    // Kruise's parser takes it, but it is an interval counted from the last run, not a time of
    // day: it drifts after a controller restart and reads nothing like the cron the chart documents.
    return {
      schedule: { fields: null, descriptor: spec },
      problem: { message: '`@every` is an undocumented extension of the Go cron library, not a cron expression: it counts from the last run, so it drifts; write the times instead, e.g. `0 */6 * * *`', rejected: false },
    };
  }
  const trimmed = spec.trim();
  if (CRON_DESCRIPTORS.includes(trimmed)) return refusedDescriptor(`remove the spaces around \`${trimmed}\`: descriptors must match exactly`);
  if (CRON_DESCRIPTORS.includes(trimmed.toLowerCase())) return refusedDescriptor(`descriptors are lowercase: \`${trimmed.toLowerCase()}\``);
  if (trimmed === '@reboot') return refusedDescriptor('`@reboot` is a crontab feature; a CronJob has no boot to run at');
  return refusedDescriptor(`\`${trimmed}\` is not a descriptor; known: ${CRON_DESCRIPTORS.join(' ')}`);
}

function refusedDescriptor(message: string): Omit<CronParse, 'zonePrefix'> {
  return { schedule: null, problem: { message, rejected: true } };
}

function isGoDuration(text: string): boolean {
  return text === '0' || /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/.test(text);
}

interface ParsedField {
  values: number[];
  /** robfig's "star bit": an unstepped `*` or `?`, which makes day-of-month and day-of-week AND. */
  star: boolean;
  warning?: string;
}

function parseField(text: string, spec: FieldSpec): ParsedField {
  // Empty items (`1,,2`, a trailing comma) are dropped by the parser, as robfig does.
  const items = text.split(',').filter((item) => item.length > 0);
  if (items.length === 0) return { values: [], star: false, warning: 'lists no values, so the schedule never fires' };
  const values = new Set<number>();
  let star = false;
  let warning: string | undefined;
  for (const item of items) {
    const range = parseRange(item, spec);
    for (let v = range.start; v <= range.end; v += range.step) values.add(v);
    star ||= range.star;
    warning ??= range.warning;
  }
  return { values: [...values].sort((a, b) => a - b), star, warning };
}

interface ParsedRange {
  start: number;
  end: number;
  step: number;
  star: boolean;
  warning?: string;
}

function parseRange(item: string, spec: FieldSpec): ParsedRange {
  const rangeAndStep = item.split('/');
  if (rangeAndStep.length > 2) throw new FieldError('more than one `/`');
  const lowAndHigh = rangeAndStep[0].split('-');
  let start: number;
  let end: number;
  let warning: string | undefined;
  const wildcard = lowAndHigh[0] === '*' || lowAndHigh[0] === '?';
  if (wildcard) {
    start = spec.min;
    end = spec.max;
    // robfig stops reading at a leading `*`: `*-5` means every value, not 0-5.
    if (lowAndHigh.length > 1) warning = `\`${rangeAndStep[0]}\` is read as \`*\` (the part after \`-\` is ignored); write the range with numbers, e.g. \`${spec.min}-${lowAndHigh[1] || spec.max}\``;
  } else {
    if (lowAndHigh.length > 2) throw new FieldError('more than one `-`');
    start = valueOf(lowAndHigh[0], spec);
    end = lowAndHigh.length === 2 ? valueOf(lowAndHigh[1], spec) : start;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = stepOf(rangeAndStep[1]);
    if (lowAndHigh.length === 1) end = spec.max;
  }
  if (start < spec.min) throw new FieldError(`${start} is below the minimum ${spec.min}${hint(spec, start)}`);
  if (end > spec.max) throw new FieldError(`${end} is above the maximum ${spec.max}${hint(spec, end)}`);
  if (start > end) throw new FieldError(`the range starts at ${start}, after its end ${end}; ranges do not wrap around`);
  return { start, end, step, star: wildcard && step === 1, warning };
}

function valueOf(text: string, spec: FieldSpec): number {
  const named = spec.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (/^\+?\d+$/.test(text)) return Number(text);
  throw new FieldError(notAValue(text, spec));
}

function stepOf(text: string): number {
  if (!/^\+?\d+$/.test(text)) throw new FieldError(`the step \`${text}\` is not a whole number`);
  const step = Number(text);
  if (step === 0) throw new FieldError('a step of 0 is refused; the step must be at least 1');
  return step;
}

function notAValue(text: string, spec: FieldSpec): string {
  const names = spec.names ? Object.keys(spec.names).map((name) => name.toUpperCase()) : [];
  const allowed = `${spec.min}-${spec.max}${names.length > 0 ? ` or ${names[0]}-${names[names.length - 1]}` : ''}`;
  if (text === '') return `an empty value (check the \`-\`); ${spec.name} takes ${allowed}`;
  if (/[LW#]/.test(text) && /^[0-9LW#]+$/.test(text)) return `\`L\`, \`W\` and \`#\` are Quartz extensions that Kubernetes-style cron does not have; ${spec.name} takes ${allowed}`;
  const lower = text.toLowerCase();
  const other = spec.name === 'month' ? DAY_NAMES : spec.name === 'day-of-week' ? MONTH_NAMES : undefined;
  if (other && lower in other) return `\`${text}\` is a ${spec.name === 'month' ? 'day' : 'month'} name; ${spec.name} takes ${allowed}`;
  const abbreviation = lower.slice(0, 3);
  if (spec.names && text.length > 3 && abbreviation in spec.names) return `only three-letter names are read: \`${abbreviation.toUpperCase()}\``;
  return `\`${text}\` is not a number${spec.names ? ' or a name' : ''}; ${spec.name} takes ${allowed}`;
}

function hint(spec: FieldSpec, value: number): string {
  if (spec.name === 'day-of-week' && value === 7) return '; Sunday is 0 (or SUN) here, 7 is refused';
  if (spec.name === 'hour' && value === 24) return '; midnight is 0';
  if (spec.name === 'minute' && value === 60) return '; the next hour starts at 0';
  if ((spec.name === 'month' || spec.name === 'day-of-month') && value === 0) return `; ${spec.name === 'month' ? 'months' : 'days'} count from 1`;
  return '';
}

/**
 * With an unstepped `*` in day-of-week, a day must match day-of-month AND the month: `30 2` (the
 * 30th of February) is accepted, yet never comes, and the job never runs.
 */
function neverFires(fields: Record<CronFieldName, number[]>, stars: Record<CronFieldName, boolean>): CronProblem | null {
  if (!stars['day-of-week'] || stars['day-of-month']) return null;
  const days = fields['day-of-month'];
  const months = fields.month;
  if (days.length === 0 || months.length === 0) return null;
  const possible = months.some((m) => days.some((d) => d <= MONTH_DAYS[m]));
  if (possible) return null;
  const monthText = months.map((m) => MONTH_LABELS[m]).join(', ');
  return { message: `day-of-month ${days.join(',')} never falls in ${monthText}, so the schedule never fires`, field: 'day-of-month', rejected: false };
}
