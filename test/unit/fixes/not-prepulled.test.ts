// not-prepulled: the fix edits the Pre-Porter file, adding `{name: <tag>, enabled: true}` to its
// images (or switching on an entry of that name). Checked across both files: the edit parses,
// keeps the Pre-Porter file's comments and adds no finding there, and the tag is then pre-pulled.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import { crossFileFindings, type SummaryOfFile } from '../../../server/src/engine/workspace';
import { comments } from '../../support/fix-cases';

const STACK_URI = 'file:///work/stack.yaml';
const PP_URI = 'file:///work/pre-porter.yaml';
const STACK = 'modelGroups:\n  llama:\n    enabled: true\n    volumes:\n      - name: weights\n        image: {reference: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct}\n';
const TARGETED = 'globalNodeSelector: {nvidia.com/gpu.present: "true"}\nglobalTolerations: [{key: nvidia.com/gpu, operator: Exists}]\n';

function summaries(engine: Engine, prePorter: string): SummaryOfFile[] {
  return [
    { uri: STACK_URI, summary: engine.analyze({ path: '/work/stack.yaml', text: STACK }).tags! },
    { uri: PP_URI, summary: engine.analyze({ path: '/work/pre-porter.yaml', text: prePorter }).tags! },
  ];
}

function check(name: string, prePorter: string, expected: string): void {
  for (const eol of ['\n', '\r\n']) {
    test(`not-prepulled: ${name}${eol === '\n' ? '' : ' (CRLF)'}`, () => {
      const engine = new Engine();
      const pp = prePorter.replace(/\n/g, eol);
      const files = summaries(engine, pp);
      const finding = crossFileFindings(files[0], files).find((f) => f.code === 'not-prepulled');
      assert.ok(finding, 'a not-prepulled finding');
      const fixes = engine.codeActions({ path: '/work/stack.yaml', text: STACK, otherFiles: [{ uri: PP_URI, text: pp }] }, null, [finding]);
      assert.deepEqual(fixes.map((fix) => [fix.title, fix.uri, fix.safe, fix.isPreferred]), [['Add `llama-3.1-8b-instruct` to Pre-Porter images', PP_URI, false, true]]);
      const fixed = applyEdits(pp, fixes[0].edits);
      assert.equal(fixed, expected.replace(/\n/g, eol));
      const docs = parseAllDocuments(fixed);
      for (const doc of Array.isArray(docs) ? docs : []) assert.deepEqual(doc.errors, []);
      assert.deepEqual(comments(fixed), comments(pp));
      const before = engine.analyze({ path: '/work/pre-porter.yaml', text: pp }).findings.map((f) => f.message);
      const after = engine.analyze({ path: '/work/pre-porter.yaml', text: fixed }).findings.map((f) => f.message);
      assert.deepEqual(after.filter((message) => !before.includes(message)), [], 'no new finding in the Pre-Porter file');
      const refixed = summaries(engine, fixed);
      assert.deepEqual(crossFileFindings(refixed[0], refixed).filter((f) => f.code === 'not-prepulled'), []);
    });
  }
}

const HEAD = 'imageRegistry: ghcr.io/doublewordai/bit-harbor\n';
const CRON = 'advancedCronJob:\n  enabled: true # hourly\n';

check('a block list gets one more item, comments kept',
  HEAD + 'images:\n  # the chat model\n  - name: gemma-3-4b-it # small\n    enabled: true\n' + CRON + TARGETED,
  HEAD + 'images:\n  # the chat model\n  - name: gemma-3-4b-it # small\n    enabled: true\n  - name: llama-3.1-8b-instruct\n    enabled: true\n' + CRON + TARGETED);
check('images: [] becomes a block list',
  HEAD + 'images: [] # none yet\n' + CRON + TARGETED,
  HEAD + 'images:\n  - name: llama-3.1-8b-instruct\n    enabled: true # none yet\n' + CRON + TARGETED);
check('images absent (the modeline says which chart)',
  '# bit-harbor-values: chart=pre-porter\n' + HEAD + CRON + TARGETED,
  '# bit-harbor-values: chart=pre-porter\n' + HEAD + CRON + TARGETED + 'images:\n  - name: llama-3.1-8b-instruct\n    enabled: true\n');
check('a flow list stays flow',
  HEAD + 'images: [{name: gemma-3-4b-it, enabled: true}]\n' + CRON + TARGETED,
  HEAD + 'images: [{name: gemma-3-4b-it, enabled: true}, {name: llama-3.1-8b-instruct, enabled: true}]\n' + CRON + TARGETED);
check('an entry that is off is switched on, 4 spaces',
  HEAD + 'images:\n    - name: llama-3.1-8b-instruct\n      enabled: false # later\n' + 'advancedCronJob:\n    enabled: true\n' + TARGETED,
  HEAD + 'images:\n    - name: llama-3.1-8b-instruct\n      enabled: true # later\n' + 'advancedCronJob:\n    enabled: true\n' + TARGETED);

test('not-prepulled: no text for the Pre-Porter file, no fix', () => {
  const engine = new Engine();
  const files = summaries(engine, HEAD + 'images: []\n' + CRON);
  const finding = crossFileFindings(files[0], files).find((f) => f.code === 'not-prepulled')!;
  assert.deepEqual(engine.codeActions({ path: '/work/stack.yaml', text: STACK }, null, [finding]), []);
});
