// Golden renders: the manifests of the four upstream examples (read from ../shared at test time)
// and of the repository's examples/, each checked line by line against the chart templates when
// it was written. A change to the render model that changes them must change them on purpose.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { printManifests } from '../../server/src/engine/render/manifest';
import { referencePath, repoRoot } from '../support/markers';

const engine = new Engine();
const fixtures = join(repoRoot(), 'test', 'fixtures', 'render');

const cases: { name: string; path: string; golden: string }[] = [
  ...readdirSync(referencePath('inference-stack', 'examples')).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ name: `upstream ${f}`, path: referencePath('inference-stack', 'examples', f), golden: `upstream-${f}` })),
  ...readdirSync(join(repoRoot(), 'examples')).filter((f) => f.endsWith('.yaml')).sort()
    .map((f) => ({ name: `examples/${f}`, path: join(repoRoot(), 'examples', f), golden: f })),
];

for (const { name, path, golden } of cases) {
  test(`render of ${name} matches test/fixtures/render/${golden}`, () => {
    const release = engine.render({ path, text: readFileSync(path, 'utf8') });
    assert.ok(release, 'renders as values of a chart');
    const expected = readFileSync(join(fixtures, golden), 'utf8');
    const lines = printManifests(release).split('\n');
    const wanted = expected.split('\n');
    for (let index = 0; index < Math.max(lines.length, wanted.length); index++) {
      assert.equal(lines[index], wanted[index], `line ${index + 1} of ${golden}`);
    }
  });
}

test('four upstream examples and the repository examples have goldens', () => {
  assert.equal(cases.filter((c) => c.name.startsWith('upstream')).length, 4);
  assert.ok(cases.length >= 6);
});
