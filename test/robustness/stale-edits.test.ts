// A code action asked with diagnostics of an older version of the document: the server must
// answer against the text it has now, or offer nothing. Every edit it does offer must make
// sense in the current text (it renames the key that is really there, and the result parses).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseYaml } from '../../server/src/engine/document';
import { LspTestClient, within } from '../support/lsp-client';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

describe('code actions against a stale version', () => {
  let client: LspTestClient;
  before(async () => (client = await LspTestClient.start()));
  after(() => client.stop());

  async function actions(uri: string, diagnostics: Diagnostic[], text: string): Promise<CodeAction[]> {
    const end = TextDocument.create(uri, 'yaml', 0, text).positionAt(text.length);
    const answer = await within(client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } }), 'code actions');
    return (answer ?? []).filter((a): a is CodeAction => 'kind' in a);
  }

  const cases: [string, string, (v1: string) => string][] = [
    ['lines inserted above the finding', 'modelGroups:\n  vllm-gemma:\n    enabeld: true\n', (v1) => `# a comment\n# another\nonwards: {}\n${v1}`],
    ['the finding fixed by hand meanwhile', 'modelGroups:\n  vllm-gemma:\n    enabeld: true\n', (v1) => v1.replace('enabeld', 'enabled')],
    ['the line with the finding deleted', 'modelGroups:\n  vllm-gemma:\n    enabeld: true\n    replicaCount: 2\n', (v1) => v1.replace('    enabeld: true\n', '')],
    ['a bad value replaced by another key', 'modelGroups:\n  vllm-gemma:\n    image:\n      pullPolicy: IfNotPresen\n', (v1) => v1.replace('pullPolicy: IfNotPresen', 'repository: IfNotPresen')],
    ['the file truncated', 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    imagee: {}\n', () => 'modelGroups:\n'],
  ];
  for (const [name, v1, change] of cases) {
    it(`${name}: the answer fits the current text, or there is none`, async () => {
      const uri = `file:///work/stale-${name.replace(/\W+/g, '-')}.yaml`;
      const old = await client.open(uri, v1);
      assert.ok(old.length > 0, 'version 1 has a finding to fix');
      const v2 = change(v1);
      await client.change(uri, v2);
      const offered = await actions(uri, old, v2);
      for (const action of offered) {
        const edits = action.edit?.changes?.[uri] ?? [];
        const fixed = apply(v2, edits);
        assert.deepEqual(parseYaml(fixed).flatMap((d) => d.errors.map((e) => e.code)), [], `${action.title} keeps the YAML valid: ${JSON.stringify(fixed)}`);
        for (const edit of edits) {
          // A quick fix of a stale finding must not rewrite text that is no longer what it fixed.
          const replaced = TextDocument.create(uri, 'yaml', 0, v2);
          const before = replaced.getText(edit.range);
          if (action.kind === 'quickfix' && before !== '') assert.ok(old.some((d) => JSON.stringify(d.data ?? {}).includes(JSON.stringify(before).slice(1, -1)) || String(d.message).includes(before)), `${action.title} replaces ${JSON.stringify(before)}, which the stale finding did not name`);
        }
      }
      assert.deepEqual(client.errors, []);
    });
  }
});
