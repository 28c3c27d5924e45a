// Correct production values written the way platform teams write them (quoted ports, GKE
// labels, anchors and aliases, several groups, a PVC cache with Recreate done right, a Pre-Porter
// schedule with the TTL where Kruise reads it): under every cluster setting a user might have,
// they get no warning and no error. A finding here would be a wrong one.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { LineIndex } from '../../server/src/engine/lines';
import type { EngineSettings } from '../../server/src/engine/types';
import { repoRoot } from '../support/markers';

const FOLDER = join(repoRoot(), 'test/fixtures/production');

const CLUSTERS: Partial<EngineSettings>[] = [
  {},
  { platform: 'gke' },
  { kubernetesVersion: '1.35' },
  { releaseName: 'inference-prod' },
];

for (const name of readdirSync(FOLDER).filter((file) => file.endsWith('.yaml')).sort()) {
  test(`production: ${name} gets no warning or error`, () => {
    const text = readFileSync(join(FOLDER, name), 'utf8');
    const lines = new LineIndex(text);
    for (const settings of CLUSTERS) {
      const result = new Engine(settings).analyze({ path: `/deploy/${name}`, text });
      assert.notEqual(result.chart, null, name);
      const serious = result.findings.filter((f) => f.severity === 'warning' || f.severity === 'error')
        .map((f) => `${f.code}@${lines.positionAt(f.range.start).line + 1}: ${f.message}`);
      assert.deepEqual(serious, [], JSON.stringify(settings));
    }
  });
}
