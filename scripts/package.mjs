#!/usr/bin/env node
// `npm run package`: builds the .vsix with @vscode/vsce from a staging folder, so packaging
// never rewrites the dist/ that tests and a running editor use. The bundles are built minified
// there; no node_modules go in (the bundles carry their dependencies); .vscodeignore decides
// the rest, and `vsce ls` in the same folder lists exactly what the .vsix holds.
//
//   node scripts/package.mjs [--out <file.vsix>] [--list]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const staging = join(root, '.cache', 'package');
// What the staging folder needs for vsce; .vscodeignore then picks what the .vsix holds.
const COPIED = ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'images', 'docs', 'schemas'];

function argument(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function vsce(args) {
  const bin = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(process.execPath, [bin, ...args, '--no-dependencies'], { cwd: staging, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vsce ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

export async function packageExtension(out) {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const name of COPIED) {
    if (!existsSync(join(root, name))) throw new Error(`${name} is missing; the .vsix needs it`);
    cpSync(join(root, name), join(staging, name), { recursive: true });
  }
  // The same bundles as `npm run build` (validators included), minified, without source maps.
  await buildAll(join(staging, 'dist'), { minify: true, cli: false });
  // The README's relative links (screenshots, rule pages) stay relative: the .vsix holds their
  // targets, and VS Code resolves them inside the installed extension.
  vsce(['package', '--out', out, '--no-rewrite-relative-links', '--allow-missing-repository', '--no-update-package-json']);
  return out;
}

export function listPackage() {
  return vsce(['ls']).split('\n').filter(Boolean).sort();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const out = resolve(argument('--out') ?? join(root, `${manifest.name}-${manifest.version}.vsix`));
    await packageExtension(out);
    process.stdout.write(`${out}\n`);
    if (process.argv.includes('--list')) process.stdout.write(`${listPackage().join('\n')}\n`);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
