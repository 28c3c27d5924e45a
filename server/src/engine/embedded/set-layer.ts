// A release's `--set` entries (Argo CD `parameters`, helmfile `set` / `setString`) as one layer of
// values: applied in order as Helm applies them, written out as YAML with one line per key so
// that the layered check reads them like any values file, and each line remembering the entry
// that wrote it, so a finding there lands on that entry's name or value in the manifest.
// An entry that indexes a list (`a[0]=x`) changes the list of the files below it in place, which
// a layer merged over them cannot say: the caller then names the entries as unread.
import { lastAtOrBefore } from '../lines';
import type { Finding, OffsetRange } from '../types';
import { applySet, type SetTree, type SetValue } from './helm-set';

export interface SetEntry {
  /** What the tool passes to Helm after `--set` / `--set-string`, escaping applied. */
  expression: string;
  asString: boolean;
  nameRange: OffsetRange;
  valueRange: OffsetRange;
}

export interface SetLayer {
  /** The values the entries set, as YAML; empty when none could be read. */
  text: string;
  /** Where a range of `text` was written in the manifest: the entry's value, or its name. */
  toManifest(range: OffsetRange): OffsetRange;
  /** One `invalid-set` finding per entry Helm cannot read. */
  problems: Finding[];
  /** Whether an entry indexes a list, which a layer cannot model. */
  indexed: boolean;
}

interface Line {
  start: number;
  owner: number;
  /** Where the value starts on a leaf's line, from the line's start; null on a map's line. */
  valueAt: number | null;
}

/** Whether an unescaped `[` comes before the first unescaped `=`: the name indexes a list. */
function indexesList(expression: string): boolean {
  for (let at = 0; at < expression.length; at++) {
    const c = expression[at];
    if (c === '\\') at++;
    else if (c === '=') return false;
    else if (c === '[') return true;
  }
  return false;
}

function leafPaths(tree: SetTree, prefix: string[], out: string[][]): string[][] {
  for (const [key, value] of Object.entries(tree)) {
    if (isTree(value)) leafPaths(value, [...prefix, key], out);
    else out.push([...prefix, key]);
  }
  return out;
}

function isTree(value: unknown): value is SetTree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function scalar(value: SetValue): string {
  if (Array.isArray(value)) return `[${value.map(scalar).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  return value === null ? 'null' : String(value);
}

export function setLayer(entries: readonly SetEntry[]): SetLayer {
  const tree: SetTree = {};
  const owners = new Map<string, number>();
  const problems: Finding[] = [];
  entries.forEach((entry, index) => {
    // Read alone first: a malformed entry leaves nothing behind (Helm stops at it anyway); then
    // over the others, where a conflict (`a=1` then `a.b=2`) throws before anything is written.
    const own: SetTree = {};
    const problem = applySet(entry.expression, own, entry.asString) ?? applySet(entry.expression, tree, entry.asString);
    if (problem !== null) {
      problems.push({
        code: 'invalid-set', severity: 'error',
        range: { start: entry.nameRange.start, end: Math.max(entry.nameRange.end, entry.valueRange.end) },
        message: `Helm cannot read \`--set ${entry.expression.length > 60 ? `${entry.expression.slice(0, 59)}…` : entry.expression}\`: ${problem}`,
      });
      return;
    }
    // Which keys this entry writes: the last writer of a leaf owns it, the first of a map.
    for (const path of leafPaths(own, [], [])) {
      for (let depth = 1; depth < path.length; depth++) {
        const prefix = JSON.stringify(path.slice(0, depth));
        if (!owners.has(prefix)) owners.set(prefix, index);
      }
      owners.set(JSON.stringify(path), index);
    }
  });
  const lines: Line[] = [];
  let text = '';
  const write = (node: SetTree, path: string[], indent: string) => {
    for (const [key, value] of Object.entries(node)) {
      const at = [...path, key];
      const owner = owners.get(JSON.stringify(at)) ?? 0;
      const head = `${indent}${JSON.stringify(key)}:`;
      if (isTree(value)) {
        lines.push({ start: text.length, owner, valueAt: null });
        text += `${head}\n`;
        write(value, at, `${indent}  `);
      } else {
        lines.push({ start: text.length, owner, valueAt: head.length + 1 });
        text += `${head} ${scalar(value)}\n`;
      }
    }
  };
  write(tree, [], '');
  const toManifest = (range: OffsetRange): OffsetRange => {
    const line = lines[lastAtOrBefore(lines.length, (i) => lines[i].start, range.start)];
    const entry = entries[line?.owner ?? 0];
    if (!entry) return { start: 0, end: 0 };
    return line.valueAt !== null && range.start >= line.start + line.valueAt ? entry.valueRange : entry.nameRange;
  };
  return { text, toManifest, problems, indexed: entries.some((entry) => indexesList(entry.expression)) };
}

/** Argo CD's cleanSetParameters: commas escaped unless the value is a `{...}` list. */
export function argoSetValue(value: string): string {
  if (value.startsWith('{') && value.endsWith('}')) return value;
  let out = '';
  for (let at = 0; at < value.length; at++) out += value[at] === ',' && value[at - 1] !== '\\' ? '\\,' : value[at];
  return out;
}

/** helmfile's escape: braces and commas escaped, in names and values alike. */
export function helmfileEscape(value: string): string {
  return value.replace(/\{/g, '\\{').replace(/\}/g, '\\}').replace(/,/g, '\\,');
}
