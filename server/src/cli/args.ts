// Command-line parsing for `bit-harbor-values`. Hand-written rather than a dependency: the
// grammar is one command, two valued options and two flags, and the CLI bundle stays small.
import { allCodes } from '../engine/codes';
import { parseKubernetesVersion } from '../engine/kubernetes/versions';
import { suggest } from '../engine/did-you-mean';
import { CHART_IDS, CLUSTER_PLATFORMS, type ChartId, type ClusterPlatform, type Severity } from '../engine/types';

export type OutputFormat = 'stylish' | 'json' | 'sarif' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['stylish', 'json', 'sarif', 'github'];

/** What the command line cannot say itself: whether it runs in a GitHub Actions job. */
export interface ArgsContext {
  /** GITHUB_ACTIONS=true: without --format, findings become workflow annotations (`github`). */
  githubActions?: boolean;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'lint';
      chart?: ChartId;
      format: OutputFormat;
      paths: string[];
      /** `-f` files in Helm's order: checked as one release, each merged over the ones before. */
      values?: string[];
      rules: Record<string, Severity | 'off'>;
      /** A models.json to use instead of the fetched or cached catalogue. */
      catalog?: string;
      offline: boolean;
      /** Files larger than this many bytes get one file-too-large finding instead of a parse. */
      maxFileSize?: number;
      /** Folders outside the working folder and the named files' folders that bases may be read from. */
      allowOutside?: string[];
      /** A run that finds no values file is not a usage error (a repository that has none yet). */
      allowEmpty: boolean;
      /** SARIF artifact URIs are relative to this folder (the repository root) instead of the working folder. */
      sarifRoot?: string;
      /** `--platform`: the cluster's (bitHarbor.cluster.platform). */
      platform?: ClusterPlatform;
      /** `--gpu-node-label`: more node label keys that mark GPU nodes (bitHarbor.gpuNodeLabels). */
      gpuNodeLabels?: string[];
      /** `--release`: the Helm release name, for object names (bitHarbor.releaseName). */
      releaseName?: string;
      /** `--kubernetes-version`: the cluster's (bitHarbor.cluster.kubernetesVersion). */
      kubernetesVersion?: string;
    };

const RULE_LEVELS = ['off', 'error', 'warning', 'info', 'hint'] as const;

/** A mistake in the command line; the CLI prints its message on one line and exits 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: bit-harbor-values lint [options] PATH...
       bit-harbor-values lint [options] -f BASE -f OVERRIDE...

Checks Inference Stack and Pre-Porter Helm values files. A PATH may be a file or a folder;
folders are searched for *.yaml and *.yml files, and files of neither chart are skipped.
A file whose modeline names a base (\`# bit-harbor-values: base=./values.yaml\`) is checked
over it; in a folder, \`.bit-harbor-values.json\` may set \`layers\` as bitHarbor.layers does.

Options:
  -f, --values FILE                   a values file of one release, in Helm's order (repeatable):
                                      the files are merged as \`helm install -f\` merges them
  --chart inference-stack|pre-porter  treat every file as a values file of this chart
  --format stylish|json|sarif|github  output format (default: stylish; github, as workflow
                                      annotations, when GITHUB_ACTIONS=true)
  --sarif-root DIR                    make SARIF file URIs relative to DIR (the repository root)
  --platform generic|gke|eks|aks      the cluster's platform (gke adds the GPU toleration itself)
  --release NAME                      the Helm release name, for the names of rendered objects
  --gpu-node-label KEY                a node label key that marks GPU nodes (repeatable; KEY* a prefix)
  --kubernetes-version V              the cluster's Kubernetes version (1.32): what image volumes need
  --catalog FILE                      use this models.json as the Bit Harbor catalogue
  --offline                           never touch the network (cached or bundled catalogue)
  --max-file-size BYTES               do not parse files larger than this (default: 5242880)
  --allow-outside DIR                 let base files be read from DIR too (repeatable); by default
                                      only the working folder and the named files' folders are
  --rule CODE=off|error|warning|info|hint
                                      set a finding code's severity or turn it off (repeatable)
  --allow-empty                       exit 0 when the paths hold no values file (by default that
                                      is exit 2: a mistyped path in CI must not pass for ever)
  -h, --help                          show this help
  --version                           print the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O problem, or no values file found.
`;

const VALUED_OPTIONS = ['--chart', '--format', '--rule', '--catalog', '--values', '-f', '--max-file-size', '--allow-outside', '--sarif-root', '--platform', '--gpu-node-label', '--release', '--kubernetes-version'] as const;
type ValuedOption = (typeof VALUED_OPTIONS)[number];

export function parseArgs(argv: readonly string[], context: ArgsContext = {}): CliCommand {
  const positionals: string[] = [];
  const values: Partial<Record<ValuedOption, string>> = {};
  const rules: Record<string, Severity | 'off'> = {};
  const valuesFiles: string[] = [];
  const allowOutside: string[] = [];
  const gpuNodeLabels: string[] = [];
  let wantsHelp = false;
  let wantsVersion = false;
  let offline = false;
  let allowEmpty = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    // A lone `-` is not an option; it is passed on as a path like any other word.
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      wantsHelp = true;
      continue;
    }
    if (arg === '--version') {
      wantsVersion = true;
      continue;
    }
    if (arg === '--offline') {
      offline = true;
      continue;
    }
    if (arg === '--allow-empty') {
      allowEmpty = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!isValuedOption(name)) throw new UsageError(`unknown option ${name}`);
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    if (name === '--rule') Object.assign(rules, parseRule(value));
    else if (name === '-f' || name === '--values') valuesFiles.push(value);
    else if (name === '--allow-outside') allowOutside.push(value);
    else if (name === '--gpu-node-label') gpuNodeLabels.push(value);
    else values[name] = value;
  }

  // Help and version win over everything else so that `lint --help` works without a PATH.
  if (wantsHelp) return { kind: 'help' };
  if (wantsVersion) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) throw new UsageError('missing command (try: lint PATH...)');
  if (command !== 'lint') throw new UsageError(`unknown command ${command}`);
  if (paths.length === 0 && valuesFiles.length === 0) throw new UsageError('missing PATH to lint');
  return {
    kind: 'lint',
    chart: values['--chart'] === undefined ? undefined : parseChart(values['--chart']),
    format: values['--format'] === undefined ? (context.githubActions ? 'github' : 'stylish') : parseFormat(values['--format']),
    paths,
    ...(valuesFiles.length > 0 ? { values: valuesFiles } : {}),
    rules,
    catalog: values['--catalog'],
    offline,
    allowEmpty,
    ...(values['--sarif-root'] === undefined ? {} : { sarifRoot: values['--sarif-root'] }),
    ...(values['--platform'] === undefined ? {} : { platform: parsePlatform(values['--platform']) }),
    ...(gpuNodeLabels.length > 0 ? { gpuNodeLabels } : {}),
    ...(values['--release'] === undefined ? {} : { releaseName: values['--release'] }),
    ...(values['--kubernetes-version'] === undefined ? {} : { kubernetesVersion: parseVersion(values['--kubernetes-version']) }),
    ...(values['--max-file-size'] === undefined ? {} : { maxFileSize: parseBytes(values['--max-file-size']) }),
    ...(allowOutside.length > 0 ? { allowOutside } : {}),
  };
}

function parseRule(value: string): Record<string, Severity | 'off'> {
  const [code, level] = value.split('=');
  const known = RULE_LEVELS.find((name) => name === level);
  if (!code || !known) throw new UsageError(`bad --rule value ${value} (expected CODE=${RULE_LEVELS.join('|')})`);
  // A misspelt code would turn nothing off and pass silently; the codes are known here.
  const codes = allCodes().map((info) => info.code);
  if (!codes.includes(code)) {
    const [nearest] = suggest(code, codes, 1);
    throw new UsageError(`unknown finding code ${code} in --rule${nearest ? `; did you mean ${nearest}?` : ''}`);
  }
  return { [code]: known };
}

function isValuedOption(name: string): name is ValuedOption {
  return (VALUED_OPTIONS as readonly string[]).includes(name);
}

function parseChart(value: string): ChartId {
  const chart = CHART_IDS.find((id) => id === value);
  if (!chart) throw new UsageError(`bad --chart value ${value} (expected ${CHART_IDS.join(' or ')})`);
  return chart;
}

function parsePlatform(value: string): ClusterPlatform {
  const platform = CLUSTER_PLATFORMS.find((name) => name === value);
  if (!platform) throw new UsageError(`bad --platform value ${value} (expected ${CLUSTER_PLATFORMS.join(', ')})`);
  return platform;
}

function parseVersion(value: string): string {
  if (!parseKubernetesVersion(value)) throw new UsageError(`bad --kubernetes-version value ${value} (expected a version like 1.32)`);
  return value.trim();
}

function parseBytes(value: string): number {
  const bytes = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(bytes) || bytes <= 0) throw new UsageError(`bad --max-file-size value ${value} (expected a number of bytes)`);
  return bytes;
}

function parseFormat(value: string): OutputFormat {
  const format = OUTPUT_FORMATS.find((name) => name === value);
  if (!format) throw new UsageError(`bad --format value ${value} (expected ${OUTPUT_FORMATS.join(', ')})`);
  return format;
}
