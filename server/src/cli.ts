// Entry point of the `bit-harbor-values` command. It only wires the pieces in ./cli/ to the
// engine and turns every failure into an exit status: 0 clean, 1 errors found, 2 usage or I/O.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError, USAGE, type CliCommand } from './cli/args';
import { loadCliCatalogue } from './catalogue/manager';
import { expandPaths, FileAccessError, lintTargets, locateFindings, readTargetText, type LintedFile, type LintRun, type LintTarget } from './cli/files';
import { analyzeRelease, analyzeWithBases, readableRoots, readFolderLayers } from './cli/layers';
import { formatJson } from './cli/format-json';
import { formatGithub } from './cli/format-github';
import { formatSarif, type SarifTool } from './cli/format-sarif';
import { formatStylish } from './cli/format-stylish';
import { escapeForTerminal } from './cli/escape-terminal';
import type { Catalogue } from './engine/catalogue/catalogue';
import { describeOrigin } from './engine/catalogue/parse';
import { docsPath } from './engine/codes';
import { Engine } from './engine/engine';
import { BUILT_IN_SCHEMAS, SchemaValidator } from './engine/schema/validator';
import { loadPrecompiledValidators } from './precompiled-validators';
import type { LayerText } from './engine/layers/analyze';
import { DEFAULT_SETTINGS, type EngineSettings } from './engine/types';
import { crossFileFindings } from './engine/workspace';
import { runRender } from './cli/render';

const NAME = 'bit-harbor-values';

async function run(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'render') return runRender(argv.slice(1), (text) => process.stdout.write(text), (text) => process.stderr.write(text));
  const command = parseArgs(argv, { githubActions: process.env.GITHUB_ACTIONS === 'true' });
  if (command.kind === 'help') return write(USAGE);
  if (command.kind === 'version') return write(packageInfo().version + '\n');
  const targets = expandPaths(command.paths, process.cwd());
  const release = (command.values ?? []).map((file) => valuesFile(file, command.maxFileSize ?? DEFAULT_SETTINGS.maxFileSize));
  const catalogue = await loadCatalogue(command);
  const lintRun = lint(command, targets, catalogue);
  if (release.length > 0) lintRun.files.push(...lintRelease(command, release, catalogue));
  if (lintRun.files.length === 0 && !command.allowEmpty) {
    throw new FileAccessError(`no values file of either chart in ${command.paths.join(', ')} (pass --allow-empty if that is expected)`);
  }
  write(format(lintRun, command, describeOrigin(catalogue.origin, Date.now())));
  const hasError = lintRun.files.some((file) => file.findings.some((finding) => finding.severity === 'error'));
  return hasError ? 1 : 0;
}

/** The catalogue: `--catalog` must load (else exit 2); a failed fetch only warns and falls back. */
async function loadCatalogue(command: LintCommand): Promise<Catalogue> {
  // BIT_HARBOR_OFFLINE=1 is the same switch for machines that must never reach the network.
  const offline = command.offline || process.env.BIT_HARBOR_OFFLINE === '1';
  const { catalogue, problem } = await loadCliCatalogue({ file: command.catalog, offline, log: () => {} });
  if (problem && command.catalog) throw new FileAccessError(`cannot use ${command.catalog} as the catalogue: ${problem}`);
  // The problem ends with the catalogue kept ("...; keeping the bundled catalogue"): said once.
  if (problem) process.stderr.write(escapeForTerminal(`${NAME}: catalogue: ${problem}`) + '\n');
  return catalogue;
}

type LintCommand = Extract<CliCommand, { kind: 'lint' }>;

function lint(command: LintCommand, targets: LintTarget[], catalogue: Catalogue): LintRun {
  const engine = new Engine(
    engineSettings(command),
    catalogue,
    new SchemaValidator(BUILT_IN_SCHEMAS, loadPrecompiledValidators()),
  );
  const folderLayers = new Map<string, string[][]>();
  const layersOf = (target: LintTarget) => {
    if (!target.folder) return [];
    if (!folderLayers.has(target.folder)) folderLayers.set(target.folder, readFolderLayers(target.folder));
    return folderLayers.get(target.folder)!;
  };
  const policy = { roots: readableRoots(command, process.cwd()), maxBytes: engine.settings.maxFileSize };
  return lintTargets(targets, (input, target) => analyzeWithBases(engine, input, layersOf(target), policy), command.chart, (file, text, all) =>
    engine.controlCrossFile(text, crossFileFindings(file, all)), process.cwd(), policy.maxBytes);
}

/** The engine settings the command line gives; the rest keep their defaults. */
function engineSettings(command: LintCommand): Partial<EngineSettings> {
  return {
    rules: command.rules,
    ...(command.maxFileSize ? { maxFileSize: command.maxFileSize } : {}),
    ...(command.platform ? { platform: command.platform } : {}),
    ...(command.gpuNodeLabels ? { gpuNodeLabels: command.gpuNodeLabels } : {}),
    ...(command.releaseName ? { releaseName: command.releaseName } : {}),
    ...(command.kubernetesVersion ? { kubernetesVersion: command.kubernetesVersion } : {}),
  };
}

/** A `-f` file, read before anything is analysed (an unreadable one stops the run). */
function valuesFile(given: string, maxBytes: number): LayerText & { displayPath: string } {
  const absolutePath = path.resolve(process.cwd(), given);
  const target = { absolutePath, displayPath: path.relative(process.cwd(), absolutePath), fromWalk: false };
  const read = readTargetText(target, maxBytes);
  return { uri: absolutePath, path: absolutePath, ...read, displayPath: target.displayPath };
}

/** The `-f` files as one release: each file's findings under its name, in Helm's order. */
function lintRelease(command: LintCommand, files: (LayerText & { displayPath: string })[], catalogue: Catalogue): LintedFile[] {
  const engine = new Engine(engineSettings(command), catalogue);
  const result = analyzeRelease(engine, files, command.chart);
  const top = files[files.length - 1];
  // A file given twice is merged twice (as Helm does) but listed once.
  const listed = files.filter((file, index) => files.findIndex((other) => other.uri === file.uri) === index);
  return listed.map((file) => locateFindings(file.displayPath, file.text,
    result.findings.filter((finding) => (finding.uri ?? top.uri) === file.uri)));
}

function format(lintRun: LintRun, command: LintCommand, catalogue: string): string {
  switch (command.format) {
    case 'json':
      return formatJson(lintRun);
    case 'github':
      return formatGithub(lintRun);
    case 'sarif':
      return formatSarif(lintRun, sarifTool(), process.cwd(), path.resolve(process.cwd(), command.sarifRoot ?? '.'));
    case 'stylish':
      return formatStylish(lintRun, { tty: process.stdout.isTTY === true && !process.env.NO_COLOR, catalogue, columns: process.stdout.columns });
  }
}

function write(text: string): 0 {
  process.stdout.write(text);
  return 0;
}

interface PackageInfo {
  version: string;
  /** The folder that holds it (the package's root), when found. */
  root?: string;
  homepage?: string;
  repository?: string | { url?: string };
}

/** The package.json next to the bundle (dist/cli.js -> ../package.json), found by walking up. */
function packageInfo(): PackageInfo {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (pkg.name === NAME) return { ...pkg, root: dir };
    } catch {
      // No package.json here (or not ours); keep looking further up.
    }
    if (path.dirname(dir) === dir) return { version: 'unknown' };
  }
}

function sarifTool(): SarifTool {
  const pkg = packageInfo();
  const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  // "git+https://github.com/o/r.git" -> "https://github.com/o/r"; other forms give no links.
  const repository = repositoryUrl?.replace(/^git\+/, '').replace(/\.git$/, '');
  const webRepository = repository && /^https:\/\//.test(repository) ? repository : undefined;
  return {
    version: pkg.version,
    informationUri: pkg.homepage ?? webRepository,
    docsBaseUri: webRepository && `${webRepository}/blob/HEAD/`,
    docs: (code) => docsPage(pkg.root, code),
  };
}

/** A code's docs page from the package (docs/rules/<code>.md); codes are kebab-case, so no path escapes. */
function docsPage(root: string | undefined, code: string): string | undefined {
  if (!root || !/^[a-z0-9-]+$/.test(code)) return undefined;
  try {
    const file = path.join(root, docsPath(code));
    // A docs page is a few kilobytes; a larger file is not ours.
    return fs.statSync(file).size <= 256 * 1024 ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

function main(): void {
  // `bit-harbor-values lint . | head` closes stdout early; that is not worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`${NAME}: cannot write output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? process.exitCode ?? 0 : 2);
  });
  run(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => fail(error),
  );
}

function fail(error: unknown): void {
  const known = error instanceof UsageError || error instanceof FileAccessError;
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof UsageError ? ' (see --help)' : '';
  // One line, no stack trace: this goes to people and to CI logs.
  // Paths and codes in it come from the command line or a repository: escapes shown, not sent.
  const line = escapeForTerminal(`${NAME}: ${known ? '' : 'internal error: '}${message}${hint}`.replace(/\s*[\r\n]+\s*/g, ' '));
  process.stderr.write(line + '\n');
  process.exitCode = 2;
}

main();
