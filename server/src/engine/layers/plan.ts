// Which base files a values file is checked on top of, and in which order: its modeline's
// `base=` entries (each base's own bases first, Helm's order), else the `bitHarbor.layers`
// globs of its folder. Pure: the door reads the files the plan asks for and asks again, so the
// engine never touches the disk, and a base that cannot be read or that leads back to the file
// becomes a finding on the `base=` that names it.
import * as nodePath from 'node:path';
import { findBaseDeclarations } from '../detect';
import { matchesGlob } from '../glob';
import type { Finding, OffsetRange } from '../types';

/** A file the door was asked for: its text, or why it could not be read. */
export type LayerFile = { text: string } | { problem: string };

export interface LayerPlanInput {
  /** Absolute path of the file to check. */
  path: string;
  text: string;
  /** `bitHarbor.layers`. */
  layers: readonly (readonly string[])[];
  /** Names of the files in the file's folder; only needed when `layers` is set. */
  siblings?: readonly string[];
  /** Files read so far, by absolute path. */
  files: ReadonlyMap<string, LayerFile>;
}

export interface PlannedBase {
  path: string;
  text: string;
}

/** A problem with a declared base, on the `base=` of the file at `path` that names it. */
export interface LayerProblem {
  path: string;
  finding: Finding;
}

export type LayerPlan =
  | { kind: 'read'; missing: string[] }
  | { kind: 'ready'; bases: PlannedBase[]; problems: LayerProblem[] };

/** More bases than anyone layers; it bounds a chain of modelines. */
export const MAX_LAYERS = 16;

interface Declared {
  path: string;
  written: string;
  range: OffsetRange;
}

/** The bases a file declares itself (modeline), else the ones its folder's layer globs give it. */
export function declaredBases(path: string, text: string, layers: LayerPlanInput['layers'], siblings?: readonly string[]): Declared[] {
  const folder = nodePath.dirname(path);
  const fromModeline = findBaseDeclarations(text).map((declaration) => ({
    path: nodePath.resolve(folder, declaration.path), written: declaration.path, range: declaration.range,
  }));
  if (fromModeline.length > 0 || !siblings) return fromModeline;
  return basesFromGlobs(nodePath.basename(path), layers, siblings).map((name) => ({
    path: nodePath.join(folder, name), written: name, range: { start: 0, end: 0 },
  }));
}

/** Names of the siblings matching the globs before the first one `name` matches, glob by glob. */
export function basesFromGlobs(name: string, layers: LayerPlanInput['layers'], siblings: readonly string[]): string[] {
  for (const globs of layers) {
    const level = globs.findIndex((glob) => matchesGlob(name, glob));
    if (level <= 0) continue;
    const sorted = [...siblings].sort();
    return globs.slice(0, level).flatMap((glob) => sorted.filter((sibling) => sibling !== name && matchesGlob(sibling, glob)));
  }
  return [];
}

/** True when the file has layers to read: a `base=` in its modeline, or a later layer glob. */
export function mayHaveBases(path: string, text: string, layers: LayerPlanInput['layers']): boolean {
  if (findBaseDeclarations(text).length > 0) return true;
  const name = nodePath.basename(path);
  return layers.some((globs) => globs.findIndex((glob) => matchesGlob(name, glob)) > 0);
}

export function planLayers(input: LayerPlanInput): LayerPlan {
  const missing = new Set<string>();
  const bases: PlannedBase[] = [];
  const placed = new Set<string>();
  const problems: LayerProblem[] = [];
  const visitFile = (path: string, text: string, chain: readonly string[], siblings?: readonly string[]) => {
    for (const declared of declaredBases(path, text, input.layers, siblings)) {
      if (chain.includes(declared.path)) {
        problems.push({ path, finding: cycleFinding(declared, chain, input.path) });
        continue;
      }
      if (placed.has(declared.path)) continue; // already merged below (two files share a base)
      if (bases.length >= MAX_LAYERS) {
        problems.push({ path, finding: tooManyFinding(declared) });
        return;
      }
      const file = input.files.get(declared.path);
      if (!file) {
        missing.add(declared.path);
        continue;
      }
      if ('problem' in file) {
        problems.push({ path, finding: unreadableFinding(declared, file.problem) });
        continue;
      }
      visitFile(declared.path, file.text, [...chain, declared.path]);
      placed.add(declared.path);
      bases.push({ path: declared.path, text: file.text });
    }
  };
  visitFile(input.path, input.text, [input.path], input.siblings);
  return missing.size > 0 ? { kind: 'read', missing: [...missing] } : { kind: 'ready', bases, problems };
}

function unreadableFinding(declared: Declared, problem: string): Finding {
  return {
    code: 'base-unreadable',
    severity: 'error',
    message: `Base file \`${declared.written}\` cannot be read (${problem}), so this file is checked without it`,
    range: declared.range,
    data: { base: declared.path, problem },
  };
}

function cycleFinding(declared: Declared, chain: readonly string[], top: string): Finding {
  const names = [...chain, declared.path].map((path) => nodePath.basename(path)).join(' → ');
  const self = declared.path === top && chain.length === 1;
  return {
    code: 'base-cycle',
    severity: 'error',
    message: self
      ? `\`${declared.written}\` is this file itself: a file cannot be its own base`
      : `Base \`${declared.written}\` leads back to a file already in the chain (${names}), so it is left out`,
    range: declared.range,
    data: { base: declared.path, chain: [...chain, declared.path] },
  };
}

function tooManyFinding(declared: Declared): Finding {
  return {
    code: 'base-unreadable',
    severity: 'error',
    message: `More than ${MAX_LAYERS} base files: \`${declared.written}\` and the ones after it are left out`,
    range: declared.range,
    data: { base: declared.path, problem: 'too many layers' },
  };
}
