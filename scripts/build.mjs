// Bundles the entry points with esbuild: the VS Code client, the language server and the CLI.
// Schemas and chart defaults are JSON imports, so they travel inside the bundles; the schemas'
// precompiled validators go beside them in dist/validators.js.
//
// Each entry is split so that a start reads and compiles only what it runs first:
// - the server (server/src/boot.ts): dist/server.js answers `initialize`, with dist/lsp.js (the
//   protocol library, which both server files require, so there is one instance of it); the
//   server proper, dist/server-core.js, is required after the answer;
// - the extension: dist/extension.js is what activation runs; dist/language-client.js (the client
//   library) loads after activate() has returned;
// - the CLI: dist/cli.js only puts the code cache in place for dist/cli-core.js.
// Then the CLI and the server run once to leave V8's code cache beside each bundle they load
// (scripts/code-cache.mjs). scripts/package.mjs builds the same bundles, minified, without caches.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeCodeCaches } from './code-cache.mjs';
import { buildValidators } from './validators.mjs';

/** Where a bundle requires a sibling file instead of carrying the module itself. */
function siblings(map) {
  return {
    name: 'siblings',
    setup(build) {
      for (const [specifier, file] of Object.entries(map)) {
        const filter = new RegExp(`^${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        build.onResolve({ filter }, () => ({ path: `./${file}`, external: true }));
      }
    },
  };
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LSP_LIBRARY = { 'vscode-languageserver/node': 'lsp.js' };

/** Every bundle of the extension, the server and the CLI into `outdir`. */
export function buildAll(outdir, { minify = false, sourcemap = !minify, cli = true } = {}) {
  outdir = path.resolve(ROOT, outdir);
  const common = { absWorkingDir: ROOT, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap, minify, legalComments: minify ? 'none' : 'eof', logLevel: 'warning' };
  return Promise.all([
    build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'], plugins: [siblings({ './language-client': 'language-client.js' })] }),
    build({ ...common, entryPoints: ['client/src/language-client.ts'], outfile: `${outdir}/language-client.js`, external: ['vscode'] }),
    build({ ...common, stdin: { contents: "module.exports = require('vscode-languageserver/node');", resolveDir: ROOT, sourcefile: 'lsp.js' }, outfile: `${outdir}/lsp.js` }),
    build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: `${outdir}/server.js`, plugins: [siblings({ ...LSP_LIBRARY, './server': 'server-core.js' })] }),
    build({ ...common, entryPoints: ['server/src/server.ts'], outfile: `${outdir}/server-core.js`, plugins: [siblings(LSP_LIBRARY)] }),
    cli && build({ ...common, entryPoints: ['server/src/cli-start.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [siblings({ './cli': 'cli-core.js' })] }),
    cli && build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli-core.js` }),
    buildValidators(`${outdir}/validators.js`, { minify, root: ROOT }),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildAll('dist', { minify: process.argv.includes('--minify') });
  // V8's compiled code beside each bundle (server/src/code-cache.ts); not for the .vsix, whose
  // server runs on VS Code's own Node.
  await writeCodeCaches(path.join(ROOT, 'dist'), ROOT);
}
