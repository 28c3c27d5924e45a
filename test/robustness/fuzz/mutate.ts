// Mutations of a values file, as an editor sees them mid-typing or a hostile repository ships
// them: byte flips, deleted and duplicated lines, indentation shifts, truncation, random
// unicode, tabs, CRLF, a BOM, and YAML's own special characters. Each mutation is named, so a
// failing case can be read as well as replayed.
import { int, pick, type Random } from './prng';

export interface Mutated {
  text: string;
  /** What was done, in order, for the failure report. */
  steps: string[];
}

type Mutation = (text: string, random: Random) => { text: string; step: string };

const YAML_SPECIALS = ['&a ', '*a', '<<: *a', '{', '}', '[', ']', '"', "'", '|', '>', '? ', ': ', '- ', '---\n', '...\n', '!!str ', '!!binary ', '!foo ', '%YAML 1.2\n', '#', ',', '@', '`', '\\', '\t', '&', '*', '<<: {}', '~', 'null', '${x}'];

/** Code points that have caught parsers out: surrogates, zero-width, RTL, NEL, line/paragraph separators, astral. */
const ODD_CHARACTERS = ['\u0000', '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u200e', '\u202e', '\ufeff', '\ufffd', '\ud800', '\udc00', '😀', '𝔘', '\u0301', '\r', '\v', '\f', 'ı', 'ß', '中'];

function lines(text: string): string[] {
  return text.split('\n');
}

function randomCharacter(random: Random): string {
  const roll = random();
  if (roll < 0.3) return pick(random, ODD_CHARACTERS);
  if (roll < 0.6) return String.fromCharCode(32 + int(random, 95)); // printable ASCII
  if (roll < 0.8) return String.fromCodePoint(int(random, 0x3000));
  return String.fromCodePoint(int(random, 0x10ffff + 1 - 0x800) + (random() < 0.5 ? 0 : 0x800));
}

const MUTATIONS: Record<string, Mutation> = {
  flip(text, random) {
    if (text.length === 0) return { text: randomCharacter(random), step: 'flip on empty' };
    const at = int(random, text.length);
    const char = randomCharacter(random);
    return { text: text.slice(0, at) + char + text.slice(at + 1), step: `flip @${at} -> ${JSON.stringify(char)}` };
  },
  insertSpecial(text, random) {
    const at = int(random, text.length + 1);
    const special = pick(random, YAML_SPECIALS);
    return { text: text.slice(0, at) + special + text.slice(at), step: `insert ${JSON.stringify(special)} @${at}` };
  },
  insertUnicode(text, random) {
    const at = int(random, text.length + 1);
    let inserted = '';
    for (let n = 1 + int(random, 4); n > 0; n--) inserted += randomCharacter(random);
    return { text: text.slice(0, at) + inserted + text.slice(at), step: `insert unicode ${JSON.stringify(inserted)} @${at}` };
  },
  deleteLine(text, random) {
    const all = lines(text);
    const at = int(random, all.length);
    all.splice(at, 1 + int(random, 3));
    return { text: all.join('\n'), step: `delete lines from ${at}` };
  },
  duplicateLine(text, random) {
    const all = lines(text);
    const at = int(random, all.length);
    const count = 1 + int(random, 3);
    all.splice(at, 0, ...all.slice(at, at + count));
    return { text: all.join('\n'), step: `duplicate ${count} lines at ${at}` };
  },
  swapLines(text, random) {
    const all = lines(text);
    const [a, b] = [int(random, all.length), int(random, all.length)];
    [all[a], all[b]] = [all[b], all[a]];
    return { text: all.join('\n'), step: `swap lines ${a} and ${b}` };
  },
  indent(text, random) {
    const all = lines(text);
    const at = int(random, all.length);
    const count = 1 + int(random, 4);
    const shift = pick(random, [-4, -2, -1, 1, 2, 4]);
    for (let i = at; i < Math.min(all.length, at + count); i++) {
      all[i] = shift > 0 ? ' '.repeat(shift) + all[i] : all[i].replace(new RegExp(`^ {0,${-shift}}`), '');
    }
    return { text: all.join('\n'), step: `indent ${count} lines at ${at} by ${shift}` };
  },
  tabs(text, random) {
    const all = lines(text);
    const at = int(random, all.length);
    all[at] = all[at].replace(/^( +)/, (spaces) => '\t'.repeat(Math.max(1, spaces.length >> 1)));
    if (random() < 0.3) all[at] = all[at].replace(/: /, ':\t');
    return { text: all.join('\n'), step: `tabs on line ${at}` };
  },
  truncate(text, random) {
    const at = int(random, text.length + 1);
    return { text: text.slice(0, at), step: `truncate @${at}` };
  },
  crlf(text) {
    return { text: text.replace(/\r?\n/g, '\r\n'), step: 'CRLF' };
  },
  loneCr(text, random) {
    const all = lines(text);
    const at = int(random, all.length);
    return { text: all.slice(0, at).join('\n') + '\r' + all.slice(at).join('\n'), step: `lone CR before line ${at}` };
  },
  bom(text) {
    return { text: '\ufeff' + text, step: 'BOM' };
  },
  splice(text, random) {
    // A block from one place pasted at another, as a cut-and-paste slip does.
    const from = int(random, text.length + 1);
    const to = Math.min(text.length, from + int(random, 120));
    const at = int(random, text.length + 1);
    return { text: text.slice(0, at) + text.slice(from, to) + text.slice(at), step: `paste [${from},${to}) @${at}` };
  },
  deleteRange(text, random) {
    const from = int(random, text.length + 1);
    const to = Math.min(text.length, from + 1 + int(random, 40));
    return { text: text.slice(0, from) + text.slice(to), step: `delete [${from},${to})` };
  },
};

const NAMES = Object.keys(MUTATIONS);

/** One to four mutations of `text`, chosen by `random`. */
export function mutate(text: string, random: Random): Mutated {
  const steps: string[] = [];
  let current = text;
  for (let n = 1 + int(random, 4); n > 0; n--) {
    const name = pick(random, NAMES);
    const result = MUTATIONS[name](current, random);
    current = result.text;
    steps.push(result.step);
  }
  return { text: current, steps };
}

/** Offsets worth asking about: anywhere, line ends, just after `:`, `-` or a quote, the ends. */
export function positions(text: string, random: Random, count: number): number[] {
  const found: number[] = [];
  const interesting: number[] = [0, text.length];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === ':' || c === '-' || c === '"' || c === "'" || c === '/') interesting.push(c === '\n' ? i : i + 1);
  }
  for (let n = 0; n < count; n++) found.push(random() < 0.5 ? int(random, text.length + 1) : pick(random, interesting));
  return found;
}
