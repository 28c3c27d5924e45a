// What this extension and Red Hat's YAML extension (redhat.vscode-yaml) would both report, and
// the schemas it is handed when a user asks for that. Free of the vscode module, so unit tests
// run it in plain Node; red-hat-yaml.ts wires it into VS Code.
//
// Who does what: Red Hat's extension reports YAML syntax errors in every YAML file, so while it
// validates, ours are dropped. With `bitHarbor.redHatYaml.shareSchemas` on it also validates values
// files against our chart schemas, so ours for the same schema problems in the file (unknown
// keys, wrong types, bad values) are dropped too. Missing keys stay ours: they are judged on the
// file merged over the chart's defaults, which only our server sees, so the schemas it gets have
// no `required`. Every chart-aware check (sizes, volumes, GPUs, Bit Harbor) stays ours alone.

export const RED_HAT_YAML_ID = 'redhat.vscode-yaml';
/** The URI scheme under which our schemas are served to Red Hat's extension. */
export const SCHEMA_SCHEME = 'bit-harbor-values';

export interface Overlap {
  /** Red Hat's extension is installed and `yaml.validate` is on: it reports syntax errors. */
  syntax: boolean;
  /** It also validates values files against our schemas (`bitHarbor.redHatYaml.shareSchemas`). */
  schema: boolean;
}

interface DiagnosticLike {
  code?: string | number | { value: string | number };
  data?: unknown;
}

const SCHEMA_CODES = new Set(['unknown-key', 'wrong-type', 'bad-value']);

function codeOf(diagnostic: DiagnosticLike): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === undefined ? undefined : String(code);
}

/** Whether Red Hat's extension reports the same problem, so ours would show it twice. */
export function reportedByRedHat(diagnostic: DiagnosticLike, overlap: Overlap): boolean {
  const code = codeOf(diagnostic);
  if (code === 'yaml-syntax') return overlap.syntax;
  // Schema findings carry the dotted path of the value; findings of other origins with the same
  // codes (a modeline's unknown chart) do not, and Red Hat's extension cannot report those.
  const data = diagnostic.data as { path?: unknown } | undefined;
  return overlap.schema && code !== undefined && SCHEMA_CODES.has(code) && typeof data?.path === 'string';
}

export type ChartId = 'inference-stack' | 'pre-porter';

export function schemaUri(name: ChartId | 'kubernetes'): string {
  return `${SCHEMA_SCHEME}://schemas/${name}.schema.json`;
}

/** The schema file name a URI of ours names (`kubernetes`, `inference-stack`, `pre-porter`), or null. */
export function schemaNameOf(uri: string): string | null {
  const match = /^bit-harbor-values:\/\/schemas\/(kubernetes|inference-stack|pre-porter)\.schema\.json$/.exec(uri);
  return match ? match[1] : null;
}

/**
 * One of our schemas as Red Hat's extension gets it: its `$id` under our scheme (so the relative
 * `$ref`s to kubernetes.schema.json come back to us, never to the network) and no `required`.
 */
export function schemaForRedHat(text: string, name: string): string {
  const schema = JSON.parse(text) as Record<string, unknown>;
  schema.$id = `${SCHEMA_SCHEME}://schemas/${name}.schema.json`;
  return JSON.stringify(withoutRequired(schema));
}

function withoutRequired(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRequired);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // `required` the keyword is a list of names; a property called `required` is a schema object.
    if (key === 'required' && Array.isArray(value)) continue;
    copy[key] = withoutRequired(value);
  }
  return copy;
}
