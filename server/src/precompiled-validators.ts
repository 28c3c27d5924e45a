// Loads the validators that scripts/validators.mjs precompiled beside the bundles, for the CLI
// and the server (the engine itself reads no files). Missing, broken or built from other schemas:
// null, and the engine compiles the schemas itself, only slower.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { BUILT_IN_SCHEMAS, RENDERED_KINDS, type PrecompiledValidators, type SchemaBundle } from './engine/schema/validator';

export function schemasHash(bundle: SchemaBundle): string {
  const schemas = [...bundle.shared, bundle.charts['inference-stack'], bundle.charts['pre-porter']];
  return createHash('sha256').update(schemas.map((schema) => JSON.stringify(schema)).join('\n')).digest('hex');
}

export function loadPrecompiledValidators(file = path.join(__dirname, 'validators.js')): PrecompiledValidators | null {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(file) as Partial<PrecompiledValidators> & { schemasHash?: string };
    if (loaded.schemasHash !== schemasHash(BUILT_IN_SCHEMAS)) return null;
    const names = ['inference-stack', 'pre-porter', ...RENDERED_KINDS] as const;
    if (names.some((name) => typeof loaded[name] !== 'function')) return null;
    return loaded as PrecompiledValidators;
  } catch {
    return null;
  }
}
