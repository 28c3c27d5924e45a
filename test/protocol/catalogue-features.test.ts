// Protocol tests of the catalogue features: completion, hover and the unknown-model quick fix,
// driving dist/server.js over stdio like an editor. Run `npm run build` first. The settings turn
// the network off, so every answer comes from the catalogue bundled in the server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  ExitNotification,
  ShutdownRequest,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument as Doc } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const WAIT_MS = 5000;
const TAG_COUNT = 18; // the bundled snapshot

function applyEdits(text: string, edits: TextEdit[]): string {
  return Doc.applyEdits(Doc.create('file:///x', 'yaml', 0, text), edits);
}

describe('catalogue features over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;

  const open = async (name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> => {
    const uri = `file:///tmp/bit-harbor-catalogue-test/${name}`;
    return { uri, diagnostics: await client.open(uri, text) };
  };
  const close = (uri: string) => client.close(uri);
  const complete = (uri: string, text: string, offset: number) => client.completion(uri, Doc.create(uri, 'yaml', 0, text).positionAt(offset));

  before(async () => {
    client = await LspTestClient.start({ timeoutMs: WAIT_MS });
    const init = client.initializeResult;
    assert.deepEqual(init.capabilities.completionProvider?.triggerCharacters, [':', '"', "'"]);
    assert.equal(init.capabilities.hoverProvider, true);
    assert.ok(init.capabilities.codeActionProvider);
  });

  after(() => client?.stop());

  it('lists every catalogue tag, with its size, after `image: ghcr.io/doublewordai/bit-harbor:`', async () => {
    const text = `modelGroups:\n  llama:\n    initContainers:\n      - name: weights\n        image: ${BH}:\n`;
    const { uri } = await open('complete/values.yaml', text);
    const items = await complete(uri, text, text.indexOf(`${BH}:`) + BH.length + 1);
    assert.equal(items.length, TAG_COUNT);
    const llama = items.find((item) => item.label === 'llama-3.1-8b-instruct');
    assert.equal(llama?.detail, 'meta-llama/Llama-3.1-8B-Instruct · 15.0 GiB (measured)');
    assert.ok(items.every((item) => /GiB \((measured|estimate)\)$|size unknown$/.test(item.detail ?? '')));
    assert.equal(typeof llama?.documentation === 'object' && llama.documentation.kind, 'markdown');
    await close(uri);
  });

  it('completes at ten cursor positions: quotes, flow style, partial tags, registries, Pre-Porter names', async () => {
    // Nine carets in an Inference Stack file, a tenth in a Pre-Porter file below.
    const { text, carets } = mark(`modelGroups:
  a:
    initContainers:
      - name: one
        image: "${BH}:|"
      - name: two
        image: '${BH}:qw|'
      - {name: three, image: ${BH}:llama|}
      - name: four
        image: |
      - name: five
        image: ghcr|
      - name: six
        image: bit-harbor|
    volumes:
      - name: weights
        image:
          reference: ${BH}:gemma-3|
      - name: other
        image: {reference: "${BH}:|"}
  b:
    image:
      repository: ${BH}
      tag: |
`);
    const { uri } = await open('positions/values.yaml', text);
    const expectedFirstLabel = [
      'gemma-3-4b-it', 'gemma-3-4b-it', 'gemma-3-4b-it', `${BH}:gemma-3-4b-it`, `${BH}:gemma-3-4b-it`,
      `${BH}:gemma-3-4b-it`, 'gemma-3-4b-it', 'gemma-3-4b-it', 'gemma-3-4b-it',
    ];
    for (const [index, caret] of carets.entries()) {
      const items = await complete(uri, text, caret);
      assert.equal(items.length, TAG_COUNT, `caret ${index}`);
      assert.equal(items[0].label, expectedFirstLabel[index], `caret ${index}`);
    }
    await close(uri);

    const prePorter = mark(`imageRegistry: ${BH}\nimages:\n  - name: "qwen-3|"\n    enabled: true\n`);
    const opened = await open('pre-porter/values.yaml', prePorter.text);
    const items = await complete(opened.uri, prePorter.text, prePorter.carets[0]);
    const qwen = items.find((item) => item.label === 'qwen-3-8b');
    assert.ok(qwen && 'range' in qwen.textEdit! && qwen.textEdit.range);
    assert.equal(applyEdits(prePorter.text, [qwen.textEdit as TextEdit]).split('\n')[2], '  - name: "qwen-3-8b"');
    await close(opened.uri);
  });

  it('shows the size and its source on hover', async () => {
    const text = `modelGroups:\n  q:\n    volumes:\n      - name: w\n        image:\n          reference: ${BH}:qwen-3-8b\n`;
    const { uri } = await open('hover/values.yaml', text);
    const position = Doc.create(uri, 'yaml', 0, text).positionAt(text.indexOf('qwen-3-8b') + 3);
    const hover = await client.hover(uri, position);
    const value = hover && typeof hover.contents === 'object' && 'kind' in hover.contents ? hover.contents.value : '';
    assert.match(value, /15\.3 GiB/);
    assert.match(value, /measured/);
    assert.match(value, /huggingface\.co\/Qwen\/Qwen3-8B/);
    const column = text.split('\n')[5].indexOf('qwen-3-8b');
    assert.deepEqual(hover?.range, { start: { line: 5, character: column }, end: { line: 5, character: column + 'qwen-3-8b'.length } });
    await close(uri);
  });

  it('flags an unknown tag, and its quick fix makes the file clean', async () => {
    const text = `modelGroups:\n  llama:\n    initContainers:\n      - name: weights\n        image: ${BH}:llama-3.1-8b\n`;
    const { uri, diagnostics } = await open('fix/values.yaml', text);
    const unknown = diagnostics.filter((d) => d.code === 'unknown-model');
    assert.equal(unknown.length, 1);
    assert.equal((unknown[0].data as { suggestions: string[] }).suggestions[0], 'llama-3.1-8b-instruct');
    assert.match(unknown[0].message as string, /did you mean `llama-3\.1-8b-instruct`/);

    const actions = await within(
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: unknown[0].range, context: { diagnostics: unknown } }),
      'code actions',
      WAIT_MS,
    );
    const preferred = (actions ?? []).find((action) => 'isPreferred' in action && action.isPreferred);
    assert.ok(preferred && 'edit' in preferred && preferred.edit?.changes);
    const fixed = applyEdits(text, preferred.edit.changes[uri]);
    assert.equal(fixed, text.replace('llama-3.1-8b\n', 'llama-3.1-8b-instruct\n'));
    await close(uri);

    const reopened = await open('fix/values.yaml', fixed);
    assert.deepEqual(reopened.diagnostics.filter((d) => d.code === 'unknown-model'), []);
    await close(reopened.uri);
  });

  it('logged no errors and shuts down cleanly', async () => {
    assert.deepEqual(client.errors, []);
    await within(client.connection.sendRequest(ShutdownRequest.type), 'shutdown', WAIT_MS);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await within(client.exited, 'exit', WAIT_MS), 0);
  });
});
