// `bit-harbor-values render [--release NAME] [--namespace NS] [--chart C] [-f BASE]... FILE`:
// prints the manifests the chart renders from FILE (merged over the -f files, in Helm's order),
// as `helm template` prints them. Exit 0 with the manifests, 2 on a usage or I/O problem or a
// file that is not values of a chart.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Engine } from '../engine/engine';
import { readManifestFiles } from './layers';
import { printManifests } from '../engine/render/manifest';
import { CHART_IDS, type ChartId } from '../engine/types';
import { UsageError } from './args';
import { FileAccessError } from './files';

export const RENDER_USAGE = `Usage: bit-harbor-values render [options] [-f BASE]... FILE

Prints the Kubernetes manifests the chart renders from FILE (merged over each BASE, in Helm's
order), as \`helm template\` prints them, from this tool's own model of the chart's templates.

FILE may also be a Flux HelmRelease, Argo CD Application, helmfile or Kustomize manifest: its
release's values (and the values files it names) are merged as the tool merges them.

Options:
  -f, --values FILE                   a base values file, in Helm's order (repeatable)
  --release NAME                      the release name (default: RELEASE-NAME); in a manifest,
                                      which of its releases to render
  --namespace NS                      the release namespace (default: default)
  --chart inference-stack|pre-porter  treat FILE as a values file of this chart
  -h, --help                          show this help

Exit status: 0 manifests printed, 2 usage or I/O problem, or FILE is not values of a chart.
`;

interface RenderCommand {
  help: boolean;
  file?: string;
  bases: string[];
  release?: string;
  namespace?: string;
  chart?: ChartId;
}

export function parseRenderArgs(argv: readonly string[]): RenderCommand {
  const command: RenderCommand = { help: false, bases: [] };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      command.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!['-f', '--values', '--release', '--namespace', '--chart'].includes(name)) throw new UsageError(`unknown option ${name} for render`);
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
    if (name === '-f' || name === '--values') command.bases.push(value);
    else if (name === '--release') command.release = value;
    else if (name === '--namespace') command.namespace = value;
    else {
      const chart = CHART_IDS.find((id) => id === value);
      if (!chart) throw new UsageError(`bad --chart value ${value} (expected ${CHART_IDS.join(' or ')})`);
      command.chart = chart;
    }
  }
  if (command.help) return command;
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'missing FILE to render' : 'render takes one FILE (bases go after -f)');
  command.file = files[0];
  return command;
}

function read(file: string): { path: string; uri: string; text: string } {
  const absolute = path.resolve(process.cwd(), file);
  try {
    const text = fs.readFileSync(absolute, 'utf8');
    return { path: absolute, uri: absolute, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileAccessError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code ?? 'unreadable'}`);
  }
}

/** Runs the command; returns the exit status. Output goes through `write` and `warn`. */
export function runRender(argv: readonly string[], write: (text: string) => void, warn: (text: string) => void): number {
  const command = parseRenderArgs(argv);
  if (command.help) {
    write(RENDER_USAGE);
    return 0;
  }
  const top = read(command.file!);
  const engine = new Engine();
  const names = command.chart ? undefined : engine.manifestReleaseNames(top);
  if (names) return renderManifest(engine, command, top, names, write, warn);
  const bases = command.bases.map(read);
  const release = engine.render({ ...top, chart: command.chart, bases }, { releaseName: command.release, namespace: command.namespace });
  if (!release) {
    warn(`bit-harbor-values: ${command.file} is not a values file of Inference Stack or Pre-Porter (try --chart)\n`);
    return 2;
  }
  write(printManifests(release));
  return 0;
}

/**
 * A GitOps manifest: the release `--release` names (the only one, when it declares one), its
 * values files read from beside the manifest, rendered with the manifest's release name.
 */
function renderManifest(engine: Engine, command: RenderCommand, top: { path: string; text: string }, names: (string | null)[], write: (text: string) => void, warn: (text: string) => void): number {
  const listed = names.map((name) => name ?? '(generated name)').join(', ');
  if (names.length === 0) {
    warn(`bit-harbor-values: ${command.file} declares no release of Inference Stack or Pre-Porter\n`);
    return 2;
  }
  if (command.bases.length > 0) throw new UsageError('-f does not apply to a manifest: its releases name their own values');
  if (command.release === undefined && names.length > 1) throw new UsageError(`${command.file} declares ${names.length} releases (${listed}): choose one with --release NAME`);
  if (command.release !== undefined && !names.includes(command.release)) throw new UsageError(`${command.file} declares no release ${command.release} (it declares ${listed})`);
  const files = readManifestFiles(engine, top, { roots: [process.cwd(), path.dirname(top.path)], maxBytes: engine.settings.maxFileSize });
  for (const [file, got] of files) {
    // A kustomization looked for and absent is not something the release misses.
    if ('problem' in got && !(got.problem === 'no such file' && /[\\/][Kk]ustomization(\.ya?ml)?$/.test(file))) {
      warn(`bit-harbor-values: rendering without ${path.relative(process.cwd(), file)}: ${got.problem}\n`);
    }
  }
  const release = engine.render({ ...top, files }, { releaseName: command.release ?? names[0] ?? undefined, namespace: command.namespace });
  if (!release) {
    warn(`bit-harbor-values: the release in ${command.file} has no values to render\n`);
    return 2;
  }
  write(printManifests(release));
  return 0;
}
