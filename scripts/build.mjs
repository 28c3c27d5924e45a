// Bundles the three entry points with esbuild: the VS Code client, the language server and
// the CLI. Schemas and chart defaults are JSON imports, so they travel inside the bundles;
// the schemas' precompiled validators go beside them in dist/validators.js.
import { build } from 'esbuild';
import { buildValidators } from './validators.mjs';

const minify = process.argv.includes('--minify');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: !minify, minify, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/boot.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  buildValidators('dist/validators.js', { minify }),
]);
