#!/usr/bin/env node
// Installs yaml-language-server into tools/yaml-language-server/ from its own lock file. Only the
// comparison tests and the benchmark run it, beside our server. It is not one of the project's
// devDependencies because 2.0.0 declares Node >= 22.13 and `npm ci` on Node 20 (the machine this
// project targets) then warns on every install; it does run on Node 20, which the comparison
// tests prove on each run. Its engine warning is therefore silenced here, on purpose, and only here.
// Idempotent: an install of the locked version is reused.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = resolve(dirname(fileURLToPath(import.meta.url)), '../tools/yaml-language-server');
export const YAML_LANGUAGE_SERVER_BIN = join(folder, 'node_modules/yaml-language-server/bin/yaml-language-server');

function installedVersion() {
  const manifest = join(folder, 'node_modules/yaml-language-server/package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
}

function lockedVersion() {
  const lock = JSON.parse(readFileSync(join(folder, 'package-lock.json'), 'utf8'));
  return lock.packages['node_modules/yaml-language-server'].version;
}

export function installYamlLanguageServer() {
  if (installedVersion() === lockedVersion()) return;
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`installing yaml-language-server into ${folder} failed (npm exited ${npm.status})`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    installYamlLanguageServer();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
