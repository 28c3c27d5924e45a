// The texts the fuzzers mutate: the examples, the test fixtures, the broken-file table, every
// rule's case table and the upstream reference values files (read from ../shared when present).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RuleCases } from '../../../server/src/engine/rules/cases';
import { BROKEN_FILES } from '../../fixtures/broken-files';
import { referencePath, repoRoot } from '../../support/markers';

export interface Seed {
  name: string;
  text: string;
}

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return yamlFilesUnder(full);
    return /\.ya?ml$/.test(entry) ? [full] : [];
  });
}

function ruleCaseSeeds(): Seed[] {
  const rulesDir = join(__dirname, '../../../server/src/engine/rules');
  return readdirSync(rulesDir)
    .filter((file) => file.endsWith('.cases.js'))
    .sort()
    .flatMap((file) => {
      const table = (require(join(rulesDir, file)) as { cases: RuleCases }).cases;
      return [...table.trigger, ...table.silent].map((c) => ({ name: `${table.code}: ${c.name}`, text: c.text }));
    });
}

let cached: Seed[] | undefined;

/** Every seed text, in a fixed order (so a seed number names the same case on every machine with the same tree). */
export function corpus(): Seed[] {
  if (cached) return cached;
  const root = repoRoot();
  const files = [...yamlFilesUnder(join(root, 'examples')), ...yamlFilesUnder(join(root, 'test', 'fixtures')), ...yamlFilesUnder(referencePath())]
    .sort()
    .map((file) => ({ name: relative(root, file), text: readFileSync(file, 'utf8') }));
  cached = [...files, ...BROKEN_FILES.map((b) => ({ name: `broken: ${b.name}`, text: b.text })), ...ruleCaseSeeds()];
  return cached;
}
