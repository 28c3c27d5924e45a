// IANA time zone names as Kruise reads an AdvancedCronJob's `timeZone`: Go's time.LoadLocation,
// which is case-sensitive and knows the whole tz database, backward links included (US/Eastern,
// Asia/Calcutta). Node's Intl knows the zones too but is more lenient than Go: it ignores case,
// takes ICU's own IDs (`PST`, `IST`) and, in newer Node versions, offsets (`+01:00`). So Intl
// answers "is this a zone at all", and the tables below answer "is it spelt as Go spells it".
import { suggest } from './did-you-mean';

export interface TimeZoneCheck {
  ok: boolean;
  /** Why the name is refused, when it is. */
  reason?: string;
  /** Names that would be accepted, nearest first. */
  suggestions: string[];
}

/** tz database names without an area, all links or legacy zones Go still loads. */
const TOP_LEVEL_ZONES = [
  'CET', 'CST6CDT', 'Cuba', 'EET', 'EST', 'EST5EDT', 'Egypt', 'Eire', 'GB', 'GB-Eire', 'GMT', 'GMT+0', 'GMT-0',
  'GMT0', 'Greenwich', 'HST', 'Hongkong', 'Iceland', 'Iran', 'Israel', 'Jamaica', 'Japan', 'Kwajalein', 'Libya',
  'MET', 'MST', 'MST7MDT', 'NZ', 'NZ-CHAT', 'Navajo', 'PRC', 'PST8PDT', 'Poland', 'Portugal', 'ROC', 'ROK',
  'Singapore', 'Turkey', 'UCT', 'UTC', 'Universal', 'W-SU', 'WET', 'Zulu',
];

/** The Etc area, which Intl.supportedValuesOf leaves out. Etc/GMT+5 is five hours *behind* UTC. */
const ETC_ZONES = [
  'Etc/GMT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'Etc/Greenwich', 'Etc/UCT', 'Etc/UTC', 'Etc/Universal', 'Etc/Zulu',
  ...Array.from({ length: 12 }, (_, i) => `Etc/GMT+${i + 1}`),
  ...Array.from({ length: 14 }, (_, i) => `Etc/GMT-${i + 1}`),
];

/** Current IANA names that ICU (and so Intl's list) still files under their older spelling. */
const RENAMED_IN_ICU: Readonly<Record<string, string>> = {
  'Asia/Kolkata': 'Asia/Calcutta',
  'Europe/Kyiv': 'Europe/Kiev',
  'Asia/Yangon': 'Asia/Rangoon',
  'Asia/Ho_Chi_Minh': 'Asia/Saigon',
  'Asia/Kathmandu': 'Asia/Katmandu',
  'America/Nuuk': 'America/Godthab',
  'Pacific/Kanton': 'Pacific/Enderbury',
  'Atlantic/Faroe': 'Atlantic/Faeroe',
  'Pacific/Chuuk': 'Pacific/Truk',
  'Pacific/Pohnpei': 'Pacific/Ponape',
  'America/Argentina/Buenos_Aires': 'America/Buenos_Aires',
  'America/Indiana/Indianapolis': 'America/Indianapolis',
  'America/Kentucky/Louisville': 'America/Louisville',
  'Africa/Asmara': 'Africa/Asmera',
  'America/Atikokan': 'America/Coral_Harbour',
};

/** First segments of tz database names; ICU-only prefixes (SystemV/) are not among them. */
const AREAS = new Set([
  'Africa', 'America', 'Antarctica', 'Arctic', 'Asia', 'Atlantic', 'Australia', 'Europe', 'Indian', 'Pacific',
  'Etc', 'US', 'Canada', 'Brazil', 'Chile', 'Mexico',
]);

const INTL_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Every name known to be spelt exactly as Go loads it. */
const KNOWN: ReadonlySet<string> = new Set([...INTL_ZONES, ...TOP_LEVEL_ZONES, ...ETC_ZONES, ...Object.keys(RENAMED_IN_ICU)]);
const KNOWN_BY_LOWER: ReadonlyMap<string, string> = new Map([...KNOWN].map((zone) => [zone.toLowerCase(), zone]));
const MODERN_NAME: ReadonlyMap<string, string> = new Map(Object.entries(RENAMED_IN_ICU).map(([modern, old]) => [old, modern]));

const OFFSET = /^(?:UTC|GMT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** The longest IANA name is 32 characters; a longer value is refused before any matching. */
const MAX_ZONE_LENGTH = 64;

export function checkTimeZone(zone: string): TimeZoneCheck {
  if (KNOWN.has(zone)) return { ok: true, suggestions: [] };
  if (zone.length > MAX_ZONE_LENGTH) return refuse(`it is ${zone.length} characters long and no zone name is longer than ${MAX_ZONE_LENGTH}`, []);
  if (zone.trim() !== zone && checkTimeZone(zone.trim()).ok) {
    return refuse('spaces around the name are kept and the name is then unknown', [zone.trim()]);
  }
  const offset = OFFSET.exec(zone.trim());
  if (offset) return refuse('Kubernetes wants a zone name, not an offset', etcForOffset(offset));
  if (/^z$/i.test(zone)) return refuse('`Z` is the ISO 8601 mark for UTC, not a zone name', ['UTC']);
  if (/^local$/i.test(zone)) return refuse('Kruise refuses `Local` and wants the zone named', ['UTC']);
  const exact = KNOWN_BY_LOWER.get(zone.toLowerCase());
  if (exact) return refuse('zone names are case-sensitive', [exact]);
  const resolved = intlZone(zone);
  if (resolved && isAreaName(zone)) {
    // A backward link (US/Eastern, Europe/Belfast): Intl resolves it, Go loads it if spelt right.
    if (looksWellCased(zone)) return { ok: true, suggestions: [] };
    return refuse('zone names are case-sensitive', [preferred(resolved)]);
  }
  if (resolved) {
    // ICU's own IDs (PST, IST, SystemV/...) resolve to a real zone that Go does know.
    const alternative = preferred(resolved);
    return refuse('only ICU knows that name; it is not in the tz database', KNOWN.has(alternative) ? [alternative] : []);
  }
  return refuse('it is not a tz database name', nearNames(zone));
}

function refuse(reason: string, suggestions: string[]): TimeZoneCheck {
  return { ok: false, reason, suggestions };
}

function intlZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

function preferred(zone: string): string {
  if (zone === 'UTC' || KNOWN.has(zone)) return MODERN_NAME.get(zone) ?? zone;
  return zone;
}

function isAreaName(zone: string): boolean {
  const segments = zone.split('/');
  return segments.length >= 2 && AREAS.has(segments[0]);
}

/** tz names capitalise each segment and never shout beyond three letters (except GMT+n forms). */
function looksWellCased(zone: string): boolean {
  return zone.split('/').every((segment) =>
    /^[A-Z]/.test(segment) && (segment.length <= 3 || segment !== segment.toUpperCase() || /^GMT[+-]?\d+$/.test(segment)));
}

/** Etc/GMT names carry the POSIX sign, the opposite of ISO: UTC+1 is Etc/GMT-1. */
function etcForOffset(match: RegExpExecArray): string[] {
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (minutes !== 0 || hours > 14) return [];
  if (hours === 0) return ['UTC'];
  const name = `Etc/GMT${match[1] === '+' ? '-' : '+'}${hours}`;
  return KNOWN.has(name) ? [name] : [];
}

/** No tz name is longer than this; longer input is not a typo of one. */
const MAX_NAME_LENGTH = 64;

/** Typos by edit distance, plus a bare city (`London`, `new york`) matched to its area. */
function nearNames(zone: string): string[] {
  if (zone.length > MAX_NAME_LENGTH) return [];
  const city = zone.trim().replace(/\s+/g, '_').toLowerCase();
  const byCity = [...KNOWN].filter((name) => name.includes('/') && name.split('/').pop()!.toLowerCase() === city);
  // suggest() allows a third of the length in edits; names further apart in length cannot qualify.
  const slack = Math.max(1, Math.floor(zone.length / 3));
  const byDistance = suggest(zone, [...KNOWN].filter((name) => Math.abs(name.length - zone.length) <= slack));
  return [...new Set([...byCity, ...byDistance])].slice(0, 3);
}
