// Which files the CLI lints and what it hands to the formatters. Everything is read before
// anything is analysed, so an unreadable path stops the run before any output is printed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SummaryOfFile } from '../engine/workspace';
import { LineIndex, lineStartAt } from '../engine/lines';
import { DEFAULT_SETTINGS, type AnalysisInput, type AnalysisResult, type ChartId, type Finding, type Severity } from '../engine/types';
import { isInside } from '../files/confined-read';

export interface LintTarget {
  absolutePath: string;
  /** Path relative to the working directory, as every output format shows it. */
  displayPath: string;
  /** Found by walking a folder rather than named on the command line. */
  fromWalk: boolean;
  /** The folder named on the command line that the walk found it in (its layer configuration). */
  folder?: string;
}

/** A path that does not exist or cannot be read; the CLI prints the message and exits 2. */
export class FileAccessError extends Error {}

/** A finding with 1-based, inclusive-start / exclusive-end line and column numbers. */
export interface LocatedFinding {
  code: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The text it points at (its line's, when the range is empty), trimmed: SARIF's fingerprint. */
  excerpt: string;
}

export interface LintedFile {
  displayPath: string;
  findings: LocatedFinding[];
}

export interface LintRun {
  /** Every file that was analysed as a values file, with or without findings. */
  files: LintedFile[];
  /** Files named on the command line that turned out to be of neither chart. */
  notValuesFiles: number;
}

const YAML_FILE = /\.ya?ml$/i;

export function expandPaths(paths: readonly string[], cwd: string): LintTarget[] {
  const byPath = new Map<string, LintTarget>();
  const add = (absolutePath: string, fromWalk: boolean, folder?: string) => {
    const known = byPath.get(absolutePath);
    // A file both named and walked counts as named: it must not be skipped silently.
    if (known) {
      known.fromWalk &&= fromWalk;
      known.folder ??= folder;
    } else {
      byPath.set(absolutePath, { absolutePath, displayPath: path.relative(cwd, absolutePath), fromWalk, ...(folder ? { folder } : {}) });
    }
  };
  for (const given of paths) {
    const absolutePath = path.resolve(cwd, given);
    const stats = accessOrThrow(given, () => fs.statSync(absolutePath));
    if (stats.isDirectory()) for (const file of walkFolder(absolutePath, given)) add(file, true, absolutePath);
    else add(absolutePath, false);
  }
  return [...byPath.values()];
}

/** YAML files under a folder, sorted by path so that output is the same on every machine. */
function walkFolder(root: string, givenAs: string): string[] {
  const found: string[] = [];
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    const current = folder;
    const shown = path.join(givenAs, path.relative(root, current));
    const entries = accessOrThrow(shown, () => fs.readdirSync(current, { withFileTypes: true }));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) pending.push(full);
      } else if (YAML_FILE.test(entry.name) && (entry.isFile() || isFileLink(full, root))) {
        found.push(full);
      }
    }
  }
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Symlinked files are followed when they stay inside the folder walked (a repository's link to
 * /etc/passwd or /dev/zero is not); symlinked folders are not, so a link cycle cannot hang the walk.
 */
function isFileLink(full: string, root: string): boolean {
  try {
    return isInside(fs.realpathSync(full), fs.realpathSync(root)) && fs.statSync(full).isFile();
  } catch {
    return false; // A dangling link inside a folder is not worth stopping the run for.
  }
}

/** Read up to the size cap: a larger file gets its file-too-large finding from its start alone. */
export interface TargetText {
  text: string;
  /** Set when the file is over the cap and only its start was read. */
  bytesOnDisk?: number;
}

/**
 * A file to lint: only a regular file (a FIFO would stall the run, a device never end), and at
 * most `maxBytes + 1` bytes of it, so a 2 GB file costs no more than the cap.
 */
export function readTargetText(target: LintTarget, maxBytes = DEFAULT_SETTINGS.maxFileSize): TargetText {
  return accessOrThrow(target.displayPath, () => {
    const fd = fs.openSync(target.absolutePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    try {
      const stat = fs.fstatSync(fd);
      if (stat.isDirectory()) throw new Error('it is a folder');
      if (!stat.isFile()) throw new Error('it is not a regular file');
      const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const read = fs.readSync(fd, buffer, length, buffer.length - length, length);
        if (read === 0) break;
        length += read;
      }
      const decoded = buffer.subarray(0, length).toString('utf8');
      // Editors do not count a byte-order mark as a column, so neither do our positions.
      const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
      return length > maxBytes ? { text, bytesOnDisk: Math.max(stat.size, length) } : { text };
    } finally {
      fs.closeSync(fd);
    }
  });
}

export function readTarget(target: LintTarget, maxBytes = DEFAULT_SETTINGS.maxFileSize): string {
  return readTargetText(target, maxBytes).text;
}

function accessOrThrow<T>(shownPath: string, access: () => T): T {
  try {
    return access();
  } catch (error) {
    // Node appends ", open '<path>'" to the reason; the path is already at the front.
    const reason = error instanceof Error ? error.message.replace(/, \w+ '.*'$/s, '') : String(error);
    throw new FileAccessError(`cannot read ${shownPath}: ${reason}`);
  }
}

/** Findings one file gets from the others (cross-file checks), already under the user's controls. */
export type CrossFileCheck = (file: SummaryOfFile, text: string, all: readonly SummaryOfFile[]) => Finding[];

export function lintTargets(
  targets: readonly LintTarget[],
  analyze: (input: AnalysisInput, target: LintTarget) => AnalysisResult,
  chart?: ChartId,
  crossFile?: CrossFileCheck,
  cwd = process.cwd(),
  maxBytes = DEFAULT_SETTINGS.maxFileSize,
): LintRun {
  const reads = targets.map((target) => readTargetText(target, maxBytes));
  const run: LintRun = { files: [], notValuesFiles: 0 };
  const analysed: { target: LintTarget; text: string; result: AnalysisResult; uri: string }[] = [];
  targets.forEach((target, i) => {
    const { text, bytesOnDisk } = reads[i];
    const result = analyze({ path: target.absolutePath, text, chart, ...(bytesOnDisk === undefined ? {} : { bytesOnDisk }) }, target);
    // Neither chart: a walked file is someone else's YAML; a named one is worth a mention.
    // Findings despite no chart (say, a modeline naming an unknown chart) are still shown.
    if (result.chart === null && result.findings.length === 0) {
      if (!target.fromWalk) run.notValuesFiles++;
      return;
    }
    analysed.push({ target, text, result, uri: target.absolutePath });
  });
  // Cross-file checks compare the files given on this command line, and nothing else.
  const summaries = analysed.flatMap(({ uri, result }) => (result.tags ? [{ uri, summary: result.tags }] : []));
  // Findings a layered file causes in its bases (`uri`: the base's path) join the base's own.
  const inBases = new Map<string, Finding[]>();
  for (const { result } of analysed) {
    for (const finding of result.findings) {
      if (finding.uri !== undefined) inBases.set(finding.uri, [...(inBases.get(finding.uri) ?? []), finding]);
    }
  }
  for (const { target, text, result, uri } of analysed) {
    const own = summaries.find((summary) => summary.uri === uri);
    const extra = own && crossFile ? crossFile(own, text, summaries) : [];
    const fromOverrides = inBases.get(uri) ?? [];
    inBases.delete(uri);
    run.files.push(locateFindings(target.displayPath, text, [...result.findings.filter((f) => f.uri === undefined), ...extra, ...fromOverrides]));
  }
  // Bases that were not linted themselves (named only by a modeline) still get their findings.
  for (const [basePath, findings] of inBases) {
    const target = { absolutePath: basePath, displayPath: path.relative(cwd, basePath), fromWalk: false };
    run.files.push(locateFindings(target.displayPath, readTarget(target, maxBytes), findings));
  }
  return run;
}

const EXCERPT_LIMIT = 200;

function lineText(text: string, offset: number): string {
  const start = lineStartAt(text, offset);
  const end = text.indexOf('\n', offset);
  return text.slice(start, end < 0 ? text.length : end);
}

/** Turns offset ranges into 1-based positions, in document order. */
export function locateFindings(displayPath: string, text: string, findings: readonly Finding[]): LintedFile {
  const lines = new LineIndex(text);
  const located = findings.map((finding) => {
    const start = lines.positionAt(finding.range.start);
    const end = lines.positionAt(finding.range.end);
    const pointed = text.slice(finding.range.start, Math.min(finding.range.end, finding.range.start + EXCERPT_LIMIT)).trim();
    const excerpt = pointed !== '' ? pointed : lineText(text, finding.range.start).trim().slice(0, EXCERPT_LIMIT);
    return {
      code: finding.code,
      severity: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.character + 1,
      endLine: end.line + 1,
      endColumn: end.character + 1,
      excerpt,
    };
  });
  located.sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn);
  return { displayPath, findings: located };
}
