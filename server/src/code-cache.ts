// V8's code cache for our own bundles. Compiling a bundle, and then each function it runs, is a
// good part of a short run (the CLI on a small file spends about a tenth of its time there).
// `npm run build` runs the CLI and the server once with BIT_HARBOR_CODE_CACHE=write, and each
// bundle's compiled code is kept beside it (dist/<bundle>.js.cache); later runs hand it to V8.
//
// A cache is used only for the very text it was made from (a SHA-256 in its header), by the same
// Node on the same machine architecture; V8 refuses one from another V8 or other flags itself.
// Anything else is set aside and the bundle compiles as usual: a cache can make a start faster,
// never different. It lives only beside the bundles it belongs to, so it is trusted as they are.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** `write` (the build), `off`, or `report` (one stderr line per bundle at exit, for tests). */
const MODE_VARIABLE = 'BIT_HARBOR_CODE_CACHE';
const HEADER_END = 0x0a;

interface CacheHeader {
  sha256: string;
  node: string;
  arch: string;
}

export type CacheUse = 'used' | 'none' | 'other text' | 'other node' | 'broken' | 'refused by V8' | 'written';

interface Loaded {
  file: string;
  variant: string;
  script: vm.Script;
  sha256: string;
  use: CacheUse;
}

type Compile = (this: Module, content: string, filename: string, ...rest: unknown[]) => unknown;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * `dist/<bundle>.js.cache`, or `dist/<bundle>.js.<variant>.cache` for an entry point that runs
 * under other V8 flags (the language server: server-code-cache-here.ts), since V8 refuses a
 * cache made under other flags and a bundle both entries load (validators.js) needs one of each.
 */
function cacheFile(bundle: string, variant: string): string {
  return variant === '' ? `${bundle}.cache` : `${bundle}.${variant}.cache`;
}

/** The V8 data of `bundle`'s cache if it was made from `hash` by this Node, else why not. */
export function readCache(bundle: string, hash: string, variant = ''): { data: Buffer } | { use: CacheUse } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(cacheFile(bundle, variant));
  } catch {
    return { use: 'none' };
  }
  const end = bytes.indexOf(HEADER_END);
  let header: Partial<CacheHeader> | null = null;
  try {
    if (end > 0) header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as Partial<CacheHeader> | null;
  } catch {
    // Not a header of ours: refused below.
  }
  if (typeof header !== 'object' || header === null) return { use: 'broken' };
  if (header.sha256 !== hash) return { use: 'other text' };
  if (header.node !== process.version || header.arch !== process.arch) return { use: 'other node' };
  return { data: bytes.subarray(end + 1) };
}

function writeCache(loaded: Loaded): void {
  const header: CacheHeader = { sha256: loaded.sha256, node: process.version, arch: process.arch };
  const data = loaded.script.createCachedData();
  fs.writeFileSync(cacheFile(loaded.file, loaded.variant), Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), data]));
  loaded.use = 'written';
}

/**
 * From now on, `.js` files directly in `dir` that have a cache beside them (all of them when
 * writing) compile through V8's code cache. Off when source maps are on: Node maps stack
 * traces only for the modules it compiles itself.
 */
export function useCodeCache(dir: string, mode = process.env[MODE_VARIABLE], variant = ''): void {
  if (mode === 'off' || process.sourceMapsEnabled) return;
  const writing = mode === 'write';
  const loaded: Loaded[] = [];
  const prototype = Module.prototype as unknown as { _compile: Compile };
  const compile = prototype._compile;
  prototype._compile = function (this: Module, content: string, filename: string, ...rest: unknown[]): unknown {
    const ours = path.dirname(filename) === dir && filename.endsWith('.js') && !content.startsWith('#!');
    if (!ours || (!writing && !fs.existsSync(cacheFile(filename, variant)))) return compile.call(this, content, filename, ...rest);
    const hash = sha256(content);
    const cache = writing ? { use: 'none' as const } : readCache(filename, hash, variant);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData: 'data' in cache ? cache.data : undefined });
    const use: CacheUse = 'data' in cache ? (script.cachedDataRejected ? 'refused by V8' : 'used') : cache.use;
    loaded.push({ file: filename, variant, script, sha256: hash, use });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, Module.createRequire(filename), this, filename, dir);
  };
  if (writing) process.on('exit', () => loaded.forEach(writeCache));
  if (mode === 'report') {
    process.on('exit', () => {
      for (const { file, use } of loaded) process.stderr.write(`bit-harbor: code cache of ${path.basename(file)}: ${use}\n`);
    });
  }
}
