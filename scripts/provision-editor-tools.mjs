#!/usr/bin/env node
// Provisions what the editor tests need, outside the project's dependencies so `npm ci` stays
// fast: Debian packages (Chromium, Neovim, ripgrep and code-server's native build tools) and
// code-server itself in .cache/editor-tools/. Idempotent: an install that finished is reused.
//
//   node scripts/provision-editor-tools.mjs [vscode|neovim|pre-commit|all]
//
// Debian packages: installed with apt-get when running as root where apt-get exists; otherwise
// it stops with one line naming the command to run. An installed Chromium or Chrome (on PATH, or
// BIT_HARBOR_CHROMIUM) is used instead of Debian's chromium. Nothing is fetched from outside the npm registry and
// Debian's archive: @vscode/ripgrep's postinstall would download rg from GitHub, so its
// download cache is seeded with Debian's rg first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
// code-server 4.100.3's lib/vscode/npm-shrinkwrap.json pins @vscode/ripgrep 1.15.11, whose
// postinstall looks for `$TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<release>-<target>.tar.gz`
// (lib/download.js) before it downloads; the release is the VERSION constant in lib/postinstall.js.
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_RELEASE = 'v13.0.0-10';
const RIPGREP_TARGET = 'x86_64-unknown-linux-musl';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const toolsDir = join(root, '.cache', 'editor-tools');
export const codeServerDir = join(toolsDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const doneMarker = join(codeServerDir, '.provisioned');

const CODE_SERVER_BUILD_PACKAGES = ['build-essential', 'pkg-config', 'libkrb5-dev', 'libsecret-1-dev', 'libxkbfile-dev', 'libx11-dev', 'ripgrep'];
export const PACKAGES = {
  vscode: ['chromium', ...CODE_SERVER_BUILD_PACKAGES],
  neovim: ['neovim'],
  // The CI hooks' test runs pre-commit itself (Debian's, with its nodeenv).
  'pre-commit': ['pre-commit', 'git'],
};

/** Browsers the tests can drive, by the names distributions and Google install them under. */
const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];

/**
 * An installed Chromium or Chrome: BIT_HARBOR_CHROMIUM when set (it must exist), else the first
 * browser command on PATH; null when there is none (then Debian's chromium is installed).
 */
export function findChromium(env = process.env) {
  if (env.BIT_HARBOR_CHROMIUM) {
    if (!existsSync(env.BIT_HARBOR_CHROMIUM)) throw new Error(`BIT_HARBOR_CHROMIUM names ${env.BIT_HARBOR_CHROMIUM}, which does not exist`);
    return env.BIT_HARBOR_CHROMIUM;
  }
  for (const name of BROWSER_COMMANDS) {
    const found = spawnSync('/bin/sh', ['-c', 'command -v "$0"', name], { encoding: 'utf8', env });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return null;
}

function log(message) {
  process.stderr.write(`[provision] ${message}\n`);
}

function missingDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

export function ensureDebianPackages(names) {
  if (!hasCommand('dpkg-query')) {
    throw new Error(`This is not a Debian-like system; install these packages (Debian names) by hand: ${names.join(' ')}`);
  }
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    // One line: it is what a test run or CI log shows as the reason.
    throw new Error(`The editor tests need Debian packages that are not installed (${missing.join(', ')}); as root, run: ${command}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: ['ignore', 'ignore', 'inherit'], env });
  const still = missingDebianPackages(missing);
  if (still.length > 0) throw new Error(`apt-get did not install ${still.join(', ')}; run:\n  ${command}`);
}

/** A tarball in @vscode/ripgrep's download cache holding Debian's rg, as the release asset would. */
function seedRipgrepCache(tmp) {
  const rg = execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const asset = join(cache, `ripgrep-${RIPGREP_RELEASE}-${RIPGREP_TARGET}.tar.gz`);
  execFileSync('tar', ['-czf', asset, '-C', dirname(rg), 'rg']);
}

export function ensureCodeServer() {
  if (existsSync(doneMarker) && existsSync(codeServerEntry)) return codeServerEntry;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (several minutes: native modules are built)`);
  const started = Date.now();
  rmSync(codeServerDir, { recursive: true, force: true });
  const tmp = join(codeServerDir, 'tmp');
  mkdirSync(tmp, { recursive: true });
  seedRipgrepCache(tmp);
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ private: true, name: 'editor-tools' }) + '\n');
  const env = {
    ...process.env,
    TMPDIR: tmp,
    HOME: join(codeServerDir, 'home'),
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // node-gyp builds against the headers installed with Node instead of downloading them.
    ...(existsSync(resolve(process.execPath, '../../include/node/common.gypi')) ? { npm_config_nodedir: resolve(process.execPath, '../..') } : {}),
  };
  mkdirSync(env.HOME, { recursive: true });
  const npm = spawnSync('npm', ['install', '--no-save', '--omit=dev', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir, env, stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (npm.status !== 0) throw new Error(`installing code-server ${CODE_SERVER_VERSION} failed (npm exited ${npm.status}); see the output above`);
  const rg = join(codeServerDir, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (!existsSync(codeServerEntry) || !existsSync(rg)) throw new Error(`code-server ${CODE_SERVER_VERSION} installed incompletely: ${existsSync(codeServerEntry) ? rg : codeServerEntry} is missing`);
  writeFileSync(doneMarker, `${new Date().toISOString()} ${Math.round((Date.now() - started) / 1000)}s\n`);
  log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry;
}

/** Runs `work` holding .cache/editor-tools/.lock: test files may run in parallel, and two
 * installs into one folder (or two apt-gets) would break each other. */
function withLock(work) {
  const lock = join(toolsDir, '.lock');
  mkdirSync(toolsDir, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than any install is left over from a killed run.
      if (Date.now() - statSync(lock).mtimeMs > 30 * 60_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is still held after 20 minutes; remove it if no provisioning runs`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function provision(what) {
  withLock(() => {
    if (what === 'vscode' || what === 'all') {
      // A Chromium or Chrome already installed is used as it is; Debian's only where there is none.
      const installed = findChromium();
      ensureDebianPackages(installed ? CODE_SERVER_BUILD_PACKAGES : PACKAGES.vscode);
      log(`code-server entry: ${ensureCodeServer()}`);
      log(`chromium: ${installed ?? findChromium()}`);
    }
    if (what === 'neovim' || what === 'all') ensureDebianPackages(PACKAGES.neovim);
    if (what === 'pre-commit' || what === 'all') ensureDebianPackages(PACKAGES['pre-commit']);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const what = process.argv[2] ?? 'all';
  if (!['vscode', 'neovim', 'pre-commit', 'all'].includes(what)) {
    process.stderr.write('usage: node scripts/provision-editor-tools.mjs [vscode|neovim|pre-commit|all]\n');
    process.exit(2);
  }
  try {
    provision(what);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
