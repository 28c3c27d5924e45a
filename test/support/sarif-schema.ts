// The SARIF 2.1.0 JSON schema (as published, draft-04), from a devDependency's copy, compiled
// with ajv: what a code-scanning upload accepts is what these tests accept. The schema's
// `language` pattern holds a stray `]` that a unicode RegExp rejects, hence unicodeRegExp: false.
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './markers';

export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(readFileSync(join(repoRoot(), 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // Its `uri` and `date-time` formats are checked too (ajv-formats, a dependency already).
  addFormats(ajv as never);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`));
}
