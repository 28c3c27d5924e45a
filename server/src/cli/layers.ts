// Layered values files on the command line: `-f base -f override` (Helm's flag and order) is
// one release checked as a whole, every file's findings under its own name; a file whose
// modeline names a base, or that a folder's `.bit-harbor-values.json` layers, is checked over
// its bases, and only the findings it causes in them are added to theirs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ManifestFile } from '../engine/embedded/analyze';
import type { Engine } from '../engine/engine';
import { MAX_GLOBS } from '../engine/glob';
import type { CliCommand } from './args';
import type { LayeredInput, LayerText } from '../engine/layers/analyze';
import { mayHaveBases, planLayers, type LayerFile } from '../engine/layers/plan';
import { layeredFindingsOfFile } from '../engine/layers/publish';
import type { AnalysisInput, AnalysisResult, ChartId } from '../engine/types';
import { readConfinedFileSync } from '../files/confined-read';
import { FileAccessError } from './files';

/** Where bases may be read from, and how much of each (see SECURITY.md). */
export interface CliReadPolicy {
  /** The working folder, the folders of the files and folders named, and every --allow-outside. */
  roots: readonly string[];
  maxBytes: number;
}

export const CONFIG_FILE = '.bit-harbor-values.json';
/** A layer configuration is a few lines; a larger file is refused rather than parsed. */
const CONFIG_MAX_BYTES = 1024 * 1024;

/** `layers` of a folder's `.bit-harbor-values.json`, or none when the file is absent. */
export function readFolderLayers(folder: string): string[][] {
  const file = path.join(folder, CONFIG_FILE);
  // A repository's file: a regular file inside the folder, of configuration size.
  const read = readConfinedFileSync(file, { roots: [folder], maxBytes: CONFIG_MAX_BYTES });
  if ('problem' in read) {
    if (read.problem === 'no such file') return []; // no configuration: no layers
    throw new FileAccessError(`cannot use ${file}: ${read.problem}`);
  }
  const text = read.text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new FileAccessError(`cannot use ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const layers = (parsed as { layers?: unknown } | null)?.layers;
  if (layers === undefined) return [];
  const valid = Array.isArray(layers) && layers.every((globs) => Array.isArray(globs) && globs.every((glob) => typeof glob === 'string'));
  if (!valid) throw new FileAccessError(`cannot use ${file}: "layers" must be a list of lists of globs, like [["values.yaml", "values-*.yaml"]]`);
  // As bitHarbor.layers: a repository's file, so the number of globs is bounded.
  return (layers as string[][]).slice(0, MAX_GLOBS).map((globs) => globs.slice(0, MAX_GLOBS));
}


function siblingsOf(file: string): string[] {
  try {
    return fs.readdirSync(path.dirname(file));
  } catch {
    return [];
  }
}

/** The analysis of one file, over its bases when it has any; base findings carry their path as `uri`. */
export function analyzeWithBases(engine: Engine, input: AnalysisInput, layers: string[][], policy: CliReadPolicy): AnalysisResult {
  // A GitOps manifest: the values files its releases name, read within the same bounds as bases.
  const named = readManifestFiles(engine, input, policy);
  if (named.size > 0) return engine.analyze({ ...input, files: named });
  if (!mayHaveBases(input.path, input.text, layers)) return engine.analyze(input);
  const files = new Map<string, LayerFile>();
  const request = { path: input.path, text: input.text, layers, siblings: layers.length > 0 ? siblingsOf(input.path) : undefined, files };
  let plan = planLayers(request);
  while (plan.kind === 'read') {
    for (const missing of plan.missing) files.set(missing, readConfinedFileSync(missing, policy));
    plan = planLayers(request);
  }
  const layered: LayeredInput = {
    ...input,
    uri: input.path,
    bases: plan.bases.map((base) => ({ uri: base.path, path: base.path, text: base.text })),
    problems: plan.problems.map(({ path: holder, finding }) => (holder === input.path ? finding : { ...finding, uri: holder })),
  };
  const result = engine.analyzeLayers(layered);
  const name = path.basename(input.path);
  // A base is linted on its own too (or by whoever lints it): add only what this file causes there.
  const findings = layeredFindingsOfFile(engine, layered, result).map((finding) =>
    finding.uri === undefined ? finding : { ...finding, message: `${finding.message} (with ${name} merged over it)` });
  return { ...result, findings };
}

/**
 * The files a GitOps manifest's releases need, read within the policy, in the rounds the engine
 * asks for them (a generated ConfigMap's file is known once its kustomization is read); none for
 * any other file.
 */
export function readManifestFiles(engine: Engine, input: AnalysisInput, policy: CliReadPolicy): Map<string, ManifestFile> {
  const files = new Map<string, ManifestFile>();
  for (let round = 0; round < 3; round++) {
    const missing = engine.manifestFiles({ ...input, files }).filter((file) => !files.has(file));
    if (missing.length === 0) break;
    for (const file of missing) {
      const read = readConfinedFileSync(file, policy);
      files.set(file, 'text' in read ? { uri: file, text: read.text } : read);
    }
  }
  return files;
}

/** `-f a -f b -f c`: one release, c over b over a; every finding of the merge, in its own file. */
export function analyzeRelease(engine: Engine, files: readonly LayerText[], chart?: ChartId): AnalysisResult {
  const top = files[files.length - 1];
  return engine.analyzeLayers({ path: top.path, uri: top.uri, text: top.text, chart, bases: files.slice(0, -1), ...(top.bytesOnDisk === undefined ? {} : { bytesOnDisk: top.bytesOnDisk }) });
}

/**
 * The folders bases may be read from: the working folder, the folders of the files and folders
 * named on the command line, and every --allow-outside. A `base=` in a cloned repository
 * cannot reach /etc, a home folder or a device through `..`, an absolute path or a symlink.
 */
export function readableRoots(command: Pick<Extract<CliCommand, { kind: 'lint' }>, 'paths' | 'values' | 'allowOutside'>, cwd: string): string[] {
  const named = [...command.paths, ...(command.values ?? [])].map((given) => {
    const absolute = path.resolve(cwd, given);
    try {
      return fs.statSync(absolute).isDirectory() ? absolute : path.dirname(absolute);
    } catch {
      return path.dirname(absolute);
    }
  });
  return [...new Set([cwd, ...named, ...(command.allowOutside ?? []).map((dir) => path.resolve(cwd, dir))])];
}
