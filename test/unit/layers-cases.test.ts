// Runs the case tables of the layered codes (server/src/engine/layers/<code>.cases.ts): the
// checked file is /work/deploy/values-prod.yaml, the table's files its neighbours. Each
// `trigger` case must produce the code on exactly the lines marked `# expect` (in any file),
// each `silent` case must not produce it at all.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import type { LayerCase, LayerCases } from '../../server/src/engine/layers/cases';
import { planLayers, type LayerFile } from '../../server/src/engine/layers/plan';
import { LineIndex } from '../../server/src/engine/lines';

const layersDir = join(__dirname, '../../server/src/engine/layers');
const tables: LayerCases[] = readdirSync(layersDir)
  .filter((file) => file.endsWith('.cases.js'))
  .sort()
  .map((file) => (require(join(layersDir, file)) as { cases: LayerCases }).cases);

const FOLDER = '/work/deploy';
const TOP = `${FOLDER}/values-prod.yaml`;

/** Findings as `file:line` (1-based), from the plan-read-analyse loop a door runs. */
function run(c: LayerCase): { code: string; at: string }[] {
  const layers = c.layers ?? [];
  const files = new Map<string, LayerFile>();
  const input = { path: TOP, text: c.text, layers, siblings: layers.length > 0 ? ['values-prod.yaml', ...Object.keys(c.files)] : undefined, files };
  let plan = planLayers(input);
  for (let round = 0; plan.kind === 'read'; round++) {
    assert.ok(round < 20, 'the plan settles');
    for (const path of plan.missing) {
      const name = path.slice(FOLDER.length + 1);
      const text = path.startsWith(`${FOLDER}/`) ? c.files[name] : undefined;
      files.set(path, text === undefined ? { problem: 'ENOENT: no such file or directory' } : text === null ? { problem: 'EACCES: permission denied' } : { text });
    }
    plan = planLayers(input);
  }
  const textOf = (uri: string | undefined) => (uri === undefined ? c.text : (c.files[uri.slice(FOLDER.length + 1)] ?? ''));
  const result = new Engine().analyzeLayers({
    path: TOP, uri: TOP, text: c.text,
    bases: plan.bases.map((base) => ({ uri: base.path, path: base.path, text: base.text })),
    problems: plan.problems.map(({ path, finding }) => (path === TOP ? finding : { ...finding, uri: path })),
  });
  return result.findings.map((finding) => {
    const line = new LineIndex(textOf(finding.uri)).positionAt(finding.range.start).line + 1;
    return { code: finding.code, at: `${finding.uri === undefined ? 'values-prod.yaml' : finding.uri.slice(FOLDER.length + 1)}:${line}` };
  });
}

function expectedLines(c: LayerCase): string[] {
  const marked = (name: string, text: string) => text.split('\n').flatMap((line, i) => (line.includes('# expect') ? [`${name}:${i + 1}`] : []));
  return [...marked('values-prod.yaml', c.text), ...Object.entries(c.files).flatMap(([name, text]) => (text ? marked(name, text) : []))].sort();
}

for (const table of tables) {
  test(`${table.code}: at least 5 triggering and 5 silent cases`, () => {
    assert.ok(table.trigger.length >= 5 && table.silent.length >= 5);
  });
  for (const c of table.trigger) {
    test(`${table.code} fires: ${c.name}`, () => {
      const expected = expectedLines(c);
      assert.ok(expected.length > 0, 'the case marks at least one line with # expect');
      const findings = run(c);
      const shown = findings.map((f) => `${f.code}@${f.at}`).join('\n');
      assert.deepEqual(findings.filter((f) => f.code === table.code).map((f) => f.at).sort(), expected, shown);
    });
  }
  for (const c of table.silent) {
    test(`${table.code} stays silent: ${c.name}`, () => {
      const findings = run(c);
      assert.deepEqual(findings.filter((f) => f.code === table.code), [], findings.map((f) => `${f.code}@${f.at}`).join('\n'));
    });
  }
}
