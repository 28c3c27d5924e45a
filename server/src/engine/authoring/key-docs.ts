// How a key of the schema is described to people, in completion details and documentation and
// in hovers: what it is for, what it must be, and what it is when the file does not set it.
import { isPlainMap } from '../merge';
import { codeSpan } from '../model-markdown';
import type { ChartId } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { defaultOf, enumValues, shortValue, typeLabel, type DefaultOf, type ResolvedSchema } from './schema-at-path';

/** Beyond this many allowed values the list says how many more there are. */
const MAX_LISTED_ENUM = 8;

/** `string · default "IfNotPresent"`: one line for a completion item. */
export function keyDetail(resolved: ResolvedSchema, fallback: DefaultOf): string {
  const type = typeLabel(resolved);
  switch (fallback.kind) {
    case 'chart':
    case 'schema':
      return `${type} · default ${shortValue(fallback.value)}`;
    default:
      // An example group's default is no default of this group: the documentation says so.
      return type;
  }
}

function enumText(values: unknown[]): string {
  const shown = values.slice(0, MAX_LISTED_ENUM).map((value) => codeSpan(JSON.stringify(value) ?? String(value)));
  const more = values.length > MAX_LISTED_ENUM ? `, and ${values.length - MAX_LISTED_ENUM} more` : '';
  return shown.join(', ') + more;
}

/** Beyond this many lines a default is summarised rather than shown whole. */
const MAX_DEFAULT_LINES = 16;

/** A value as a markdown code block or inline code, whichever reads better; a big map by its keys. */
export function valueMarkdown(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? String(value);
  if (!json.includes('\n')) return ` ${codeSpan(json)}`;
  if (isPlainMap(value) && json.split('\n').length > MAX_DEFAULT_LINES) {
    return ` a map of ${Object.keys(value).map(codeSpan).join(', ')}`;
  }
  return `\n\n\`\`\`json\n${json}\n\`\`\``;
}

/** The default line(s), or none when the place has no default. */
export function defaultMarkdown(fallback: DefaultOf): string[] {
  switch (fallback.kind) {
    case 'chart':
      return [`Chart default:${valueMarkdown(fallback.value)}`];
    case 'schema':
      return [`Default:${valueMarkdown(fallback.value)}`];
    case 'example':
      return [
        `Default in the chart's example groups:${valueMarkdown(fallback.value)}`,
        '',
        `Group ${codeSpan(fallback.group)} is not one of them and inherits nothing: leaving the key out leaves it unset.`,
      ];
    default:
      return [];
  }
}

/** Description, the definition's own explanation, the type and the allowed values. */
export function schemaMarkdown(resolved: ResolvedSchema): string[] {
  const lines: string[] = [];
  if (resolved.description) lines.push(resolved.description, '');
  if (resolved.generalDescription) lines.push(`_${typeLabel(resolved)}_: ${resolved.generalDescription}`, '');
  const values = enumValues(resolved);
  lines.push(`Type: ${codeSpan(typeLabel(resolved))}${values.length > 0 ? ` · one of ${enumText(values)}` : ''}`);
  return lines;
}

/** Full documentation of a key for a completion item. */
export function keyDocumentation(chart: ChartId, path: readonly PathSegment[], resolved: ResolvedSchema): string {
  const fallback = defaultOf(chart, path, resolved);
  const defaults = defaultMarkdown(fallback);
  return [...schemaMarkdown(resolved), ...(defaults.length > 0 ? ['', ...defaults] : [])].join('\n');
}
