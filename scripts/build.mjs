// Bundles the entry points with esbuild: the VS Code client, the language server and the CLI.
// Schemas and chart defaults are JSON imports, so they travel inside the bundles; the schemas'
// precompiled validators go beside them in dist/validators.js.
//
// The server is three files, so that answering `initialize` reads and compiles only what that
// needs (server/src/boot.ts): dist/server.js (the entry), dist/lsp.js (the protocol library,
// which both others require, so there is one instance of it) and dist/server-core.js (the
// server proper, required after the answer). scripts/package.mjs builds the same set, minified.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
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
    cli && build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } }),
    buildValidators(`${outdir}/validators.js`, { minify, root: ROOT }),
  ]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildAll('dist', { minify: process.argv.includes('--minify') });
}
