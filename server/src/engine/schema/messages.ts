// Turns schema issues into findings a person can act on: the message names the key as written,
// says what was expected in plain words, and offers the nearest valid spelling. Each finding
// points at the node to change: an unknown key at the key, a bad value at the value, a missing
// key at its parent's key.
import type { Document } from 'yaml';
import { suggest } from '../did-you-mean';
import type { Finding, OffsetRange } from '../types';
import { childKeyRange, keyOrValueRange, locate, nodeRange, valueOrKeyRange, type NodeLocation, type PairLookup } from '../yaml-nodes';
import type { SchemaIssue } from './validator';

const TYPE_WORDS: Record<string, string> = {
  object: 'a map',
  array: 'a list',
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  null: 'empty',
};

/** Resource names people mean when they misspell one (the only maps whose key names we check). */
const COMMON_RESOURCE_NAMES = ['cpu', 'memory', 'ephemeral-storage', 'nvidia.com/gpu', 'amd.com/gpu'];

const CHART_DEFAULT_GROUPS = ['vllm-gemma', 'sglang-qwen', 'tensorrt-llm-mistral'];

/** The Kubernetes quantity grammar's marker, so pattern failures on quantities read well. */
function isQuantityPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && pattern.includes('Ki|Mi|Gi');
}

function typeOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : 'a decimal number';
  if (typeof value === 'boolean') return `\`${value}\``;
  return 'a string';
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${text.length > 60 ? text.slice(0, 57) + '...' : text}\``;
}

/** `emptyDir`, `volumes[0]`, `model group `g``: the name of the thing at `path`, for messages. */
export function describePath(path: string[]): string {
  if (path.length === 0) return 'the top level';
  if (path.length === 2 && path[0] === 'modelGroups') return `model group \`${path[1]}\``;
  const last = path[path.length - 1];
  if (/^\d+$/.test(last) && path.length > 1) return `\`${path[path.length - 2]}[${last}]\``;
  return `\`${last}\``;
}

function dotted(path: string[]): string {
  return path.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : (i > 0 ? '.' : '') + s)).join('');
}

/** Without chart defaults a group must bring its own essentials; say so where it explains a gap. */
function groupHint(path: string[]): string {
  if (path[0] !== 'modelGroups' || path.length < 2 || CHART_DEFAULT_GROUPS.includes(path[1])) return '';
  return ` (only ${CHART_DEFAULT_GROUPS.join(', ')} inherit chart defaults; \`${path[1]}\` must set it)`;
}

function firstKeyRange(location: NodeLocation): OffsetRange | null {
  const value = location.value as { items?: { key?: unknown }[] } | null;
  const first = value?.items?.[0]?.key as Parameters<typeof nodeRange>[0];
  return nodeRange(first);
}

function finding(code: string, message: string, range: OffsetRange | null, data: Record<string, unknown>): Finding | null {
  if (!range) return null;
  return { code, severity: 'error', message, range, data };
}

/** `lookup`: an index of the document's maps (indexedPairLookup), shared by the issues of one check. */
export function issueToFinding(issue: SchemaIssue, doc: Document, lookup?: PairLookup): Finding | null {
  const location = locate(doc, issue.path, lookup);
  if (!location) return null; // the value comes from the chart's defaults: nothing to fix here
  const path = issue.path;
  const name = path.length > 0 ? `\`${path[path.length - 1]}\`` : 'the document';
  const base = { path: dotted(path) };
  switch (issue.keyword) {
    case 'additionalProperties': {
      const key = String(issue.params.additionalProperty);
      const properties = Object.keys((issue.parentSchema?.properties as object | undefined) ?? {});
      const suggestions = suggest(key, properties);
      const hint = suggestions.length > 0 ? `; did you mean \`${suggestions[0]}\`?` : '; Helm ignores it.';
      return finding('unknown-key', `\`${key}\` is not a field of ${describePath(path)}${hint}`,
        childKeyRange(doc, location, key), { ...base, key, suggestions });
    }
    case 'propertyNames': {
      const key = String(issue.params.propertyName);
      const suggestions = suggest(key, COMMON_RESOURCE_NAMES);
      const hint = suggestions.length > 0 ? `; did you mean \`${suggestions[0]}\`?` : '';
      return finding('unknown-key', `\`${key}\` is not a valid name in ${describePath(path)}${hint}`,
        childKeyRange(doc, location, key), { ...base, key, suggestions });
    }
    case 'type': {
      const expected = String(issue.params.type).split(',');
      const words = expected.map((t) => TYPE_WORDS[t] ?? t).join(' or ');
      const quoteHint = expected.includes('string') && ['number', 'boolean'].includes(typeof issue.data)
        ? `; quote it: "${String(issue.data)}"` : '';
      const range = Array.isArray(issue.data) || (issue.data !== null && typeof issue.data === 'object')
        ? keyOrValueRange(location) : valueOrKeyRange(location);
      return finding('wrong-type', `${name} must be ${words}, not ${typeOfValue(issue.data)}${quoteHint}`,
        range, { ...base, expected, actual: typeOfValue(issue.data) });
    }
    case 'enum': {
      const allowed = (issue.params.allowedValues as unknown[]) ?? [];
      const suggestions = suggest(String(issue.data), allowed.map(String));
      const hint = suggestions.length > 0 ? `did you mean \`${suggestions[0]}\`? ` : '';
      return finding('bad-value', `${show(issue.data)} is not a valid ${name}; ${hint}allowed: ${allowed.map(String).join(', ')}`,
        valueOrKeyRange(location), { ...base, value: issue.data, suggestions, allowed });
    }
    case 'required': {
      const missing = String(issue.params.missingProperty);
      const nulled = childKeyRange(doc, location, missing);
      if (nulled) {
        return finding('missing-key', `\`${missing}: null\` removes a value the chart needs${groupHint(path)}`,
          nulled, { ...base, key: missing });
      }
      const range = path.length === 0 ? firstKeyRange(location) : keyOrValueRange(location);
      return finding('missing-key', `${describePath(path)} needs \`${missing}\`${groupHint(path)}`,
        range, { ...base, key: missing });
    }
    default:
      return finding('bad-value', valueMessage(issue, name), valueOrKeyRange(location), { ...base, value: issue.data });
  }
}

function valueMessage(issue: SchemaIssue, name: string): string {
  const p = issue.params;
  switch (issue.keyword) {
    case 'pattern':
      return isQuantityPattern(p.pattern)
        ? `${show(issue.data)} is not a Kubernetes quantity (for example \`50Gi\`, \`500M\`, \`5e9\`, \`100m\`)`
        : `${show(issue.data)} is not a valid ${name} (expected the form ${String(p.pattern)})`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${name} must be ${issue.keyword === 'minimum' ? 'at least' : 'above'} ${String(p.limit)}, not ${show(issue.data)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${name} must be ${issue.keyword === 'maximum' ? 'at most' : 'below'} ${String(p.limit)}, not ${show(issue.data)}`;
    case 'minLength':
      return `${name} must not be empty`;
    case 'maxLength':
      return `${name} is longer than ${String(p.limit)} characters`;
    case 'minItems':
      return `${name} needs at least ${String(p.limit)} item(s)`;
    case 'maxItems':
      return `${name} takes at most ${String(p.limit)} item(s)`;
    case 'const':
      return `${name} must be ${show(p.allowedValue)}`;
    case 'format':
      return `${show(issue.data)} is not a valid ${String(p.format)}`;
    case 'oneOf':
    case 'anyOf':
      return `${show(issue.data)} matches none of the forms ${name} accepts`;
    default:
      return `${show(issue.data)} is not a valid ${name}`;
  }
}
