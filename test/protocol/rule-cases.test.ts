// Every rule's first triggering case, through the built server over stdio as an editor opens it:
// the diagnostic arrives with its code on exactly the lines the case marks, at the same line and
// column the engine finds in process. Settings a case needs reach the server as an editor sends
// them (the `bitHarbor` section), so this also holds the settings' translation.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import type { RuleCase, RuleCases } from '../../server/src/engine/rules/cases';
import type { EngineSettings } from '../../server/src/engine/types';
import { LspTestClient } from '../support/lsp-client';

const rulesDir = join(__dirname, '../../server/src/engine/rules');
const tables: RuleCases[] = readdirSync(rulesDir).filter((file) => file.endsWith('.cases.js')).sort()
  .map((file) => (require(join(rulesDir, file)) as { cases: RuleCases }).cases);

/** EngineSettings as the `bitHarbor` section an editor sends. */
function section(settings: Partial<EngineSettings>): Record<string, unknown> {
  const { kubernetesVersion, platform, ...rest } = settings;
  const cluster = { ...(kubernetesVersion ? { kubernetesVersion } : {}), ...(platform ? { platform } : {}) };
  return { ...rest, ...(Object.keys(cluster).length > 0 ? { cluster } : {}) };
}

const clients = new Map<string, Promise<LspTestClient>>();
function clientFor(settings: Partial<EngineSettings>): Promise<LspTestClient> {
  const key = JSON.stringify(settings);
  if (!clients.has(key)) clients.set(key, LspTestClient.start({ settings: section(settings) }));
  return clients.get(key)!;
}

describe('every rule over stdio', { timeout: 180_000 }, () => {
  after(async () => {
    for (const client of clients.values()) await (await client).stop();
  });

  for (const table of tables) {
    const c: RuleCase = table.trigger[0];
    it(`${table.code}: ${c.name}`, async () => {
      const settings = { ...table.settings, ...c.settings };
      const client = await clientFor(settings);
      const path = c.path ?? `/tmp/bhv-rule-cases/${table.code}/values.yaml`;
      const diagnostics = (await client.open(pathToFileURL(path).toString(), c.text)).filter((d) => d.code === table.code);
      const expected = c.text.split('\n').flatMap((line, i) => (line.includes('# expect') ? [i] : []));
      assert.deepEqual(diagnostics.map((d) => d.range.start.line).sort((a, b) => a - b), expected);
      const lines = new LineIndex(c.text);
      const engine = new Engine(settings).analyze({ path, text: c.text }).findings.filter((f) => f.code === table.code)
        .map((f) => ({ ...lines.positionAt(f.range.start) }));
      assert.deepEqual(diagnostics.map((d) => d.range.start).sort((a, b) => a.line - b.line || a.character - b.character),
        engine.sort((a, b) => a.line - b.line || a.character - b.character));
    });
  }
});
