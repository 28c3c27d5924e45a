// Compiles the chart schemas to standalone validator code at build time (ajv's standalone mode),
// so neither the CLI nor the server spends ~150 ms compiling them on its first file. The code
// carries a hash of the schemas it came from: server/src/engine/schema/validator.ts only uses it
// when the hash matches the schemas it was built with, and compiles them itself otherwise.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats');
const standaloneCode = require('ajv/dist/standalone').default;

const SCHEMAS = ['kubernetes', 'inference-stack', 'pre-porter'];
/** Must equal RENDERED_KINDS in validator.ts (the loader refuses a file without one of them). */
const RENDERED_KINDS = ['Deployment', 'Service', 'PersistentVolumeClaim', 'AdvancedCronJob', 'KubernetesObject'];

/** Must equal AJV_OPTIONS in validator.ts (a test compares their results). */
const AJV_OPTIONS = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true, logger: false };

export function schemasHash(schemas) {
  return createHash('sha256').update(schemas.map((schema) => JSON.stringify(schema)).join('\n')).digest('hex');
}

export async function buildValidators(outfile, { minify, root = process.cwd() }) {
  const schemas = SCHEMAS.map((name) => JSON.parse(fs.readFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), 'utf8')));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  const refs = { 'inference-stack': schemas[1].$id, 'pre-porter': schemas[2].$id };
  for (const kind of RENDERED_KINDS) refs[kind] = `${schemas[0].$id}#/definitions/${kind}`;
  const code = standaloneCode(ajv, refs)
    + `\nmodule.exports.schemasHash = ${JSON.stringify(schemasHash(schemas))};\n`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bit-harbor-validators-'));
  try {
    const source = path.join(dir, 'validators.js');
    fs.writeFileSync(source, code);
    // Bundled on its own (with ajv's small runtime helpers) and loaded by path at run time.
    await build({ entryPoints: [source], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify, logLevel: 'warning', nodePaths: [path.resolve(root, 'node_modules')] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
