// Writes docs/comparison-yaml-language-server.md: our completion and hover beside
// yaml-language-server's at the positions of test/protocol/yls-positions.ts. Run after
// `npm run build && npx tsc -p tsconfig.json` (it uses the compiled comparison and dist/server.js).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { compareWithYamlLanguageServer, comparisonMarkdown } = require(join(root, 'out/test/protocol/yls-comparison.js'));

const rows = await compareWithYamlLanguageServer();
const out = join(root, 'docs/comparison-yaml-language-server.md');
writeFileSync(out, comparisonMarkdown(rows));
const missing = rows.filter((row) => row.missing.length > 0 || (row.theirsHover && !row.oursHover));
console.log(`${rows.length} positions compared; ${missing.length} where ours offers less; written to ${out}`);
process.exitCode = missing.length > 0 ? 1 : 0;
