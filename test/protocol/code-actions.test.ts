// Code actions over stdio, like an editor asks for them: a quick fix for a diagnostic, applied to
// the document, leaves it clean of that diagnostic; fix-all answers `source.fixAll`; the fix for
// a tag no Pre-Porter pre-pulls edits the Pre-Porter file, open or only on disk.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';

const BH = 'ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct';

// The default group asks for a GPU; its command is written with the program first (the default's starts with --host).
const GPU_GROUP = 'modelGroups:\n  vllm-gemma:\n    enabled: true # the default group asks for a GPU\n    command: [vllm, serve, google/gemma-3-12b-it]\n';

const MISSPELT_MOUNT = `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: ["vllm", "serve", "/models/llama"]
    volumeMounts:
      - name: weigths # typo
        mountPath: /models/llama
        subPath: models
        readOnly: true
    volumes:
      - name: weights
        image:
          reference: ${BH}
`;

const PRE_PORTER = 'images:\n  - name: gemma-3-4b-it\n    enabled: true\nadvancedCronJob:\n  enabled: true\n';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

function actionsOnly(result: (CodeAction | Command)[] | null): CodeAction[] {
  return (result ?? []).filter((item): item is CodeAction => 'kind' in item || 'edit' in item);
}

describe('code actions over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  const request = (uri: string, diagnostics: Diagnostic[], only?: string[], range = diagnostics[0]?.range) =>
    within(client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } }), 'code actions')
      .then(actionsOnly);

  it('advertises quick fixes, rewrites and its own fix-all', () => {
    const provider = client.initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object');
    assert.deepEqual(provider.codeActionKinds, ['quickfix', 'refactor.rewrite', 'source.fixAll.bit-harbor']);
  });

  /** Opens `text`, applies the preferred quick fix of its `code` diagnostic, and returns the new diagnostics. */
  async function fixOnce(uri: string, text: string, code: string, title: string): Promise<{ fixed: string; diagnostics: Diagnostic[] }> {
    const diagnostics = (await client.open(uri, text)).filter((d) => d.code === code);
    assert.equal(diagnostics.length, 1, `one ${code} diagnostic`);
    const actions = await request(uri, diagnostics);
    const fix = actions.find((action) => action.isPreferred && action.kind === 'quickfix');
    assert.equal(fix?.title, title);
    assert.deepEqual(fix.diagnostics, diagnostics);
    const fixed = apply(text, fix.edit!.changes![uri]);
    return { fixed, diagnostics: await client.change(uri, fixed) };
  }

  it('gpu-targeting-missing: the quick fix adds the targeting and the diagnostic goes', async () => {
    const uri = 'file:///tmp/bhv-actions/gpu.yaml';
    const { fixed, diagnostics } = await fixOnce(uri, GPU_GROUP, 'gpu-targeting-missing', 'Add GPU node targeting');
    assert.match(fixed, /nodeSelector:\n {6}nvidia\.com\/gpu\.present: "true"\n {4}tolerations:\n/);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'gpu-targeting-missing'), []);
    await client.close(uri);
  });

  it('gpu targeting is also a refactor anywhere in the group, without a diagnostic', async () => {
    const uri = 'file:///tmp/bhv-actions/refactor.yaml';
    await client.open(uri, GPU_GROUP);
    const actions = await request(uri, [], ['refactor'], { start: { line: 2, character: 6 }, end: { line: 2, character: 6 } });
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [['Add GPU node targeting', 'refactor.rewrite']]);
    await client.close(uri);
  });

  it('one entry per action: at the finding, the fix is listed and the same refactor is not', async () => {
    const uri = 'file:///tmp/bhv-actions/once.yaml';
    const diagnostics = (await client.open(uri, GPU_GROUP)).filter((d) => d.code === 'gpu-targeting-missing');
    const actions = await request(uri, diagnostics, undefined, diagnostics[0].range);
    assert.deepEqual(actions.filter((action) => action.title === 'Add GPU node targeting').map((action) => action.kind), ['quickfix']);
    await client.close(uri);
  });

  it('volume-not-found: the preferred rename makes the file clean of it', async () => {
    const uri = 'file:///tmp/bhv-actions/volume.yaml';
    const { fixed, diagnostics } = await fixOnce(uri, MISSPELT_MOUNT, 'volume-not-found', 'Change to `weights`');
    assert.equal(fixed, MISSPELT_MOUNT.replace('weigths # typo', 'weights # typo'));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'volume-not-found'), []);
    await client.close(uri);
  });

  it('source.fixAll applies every safe fix; asked again it has nothing to do', async () => {
    const uri = 'file:///tmp/bhv-actions/fix-all.yaml';
    const text = GPU_GROUP + '    replicaCont: 2\n    service: {type: clusterip}\n';
    await client.open(uri, text);
    const [fixAll, ...others] = await request(uri, [], ['source.fixAll'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.deepEqual(others, []);
    assert.equal(fixAll.kind, 'source.fixAll.bit-harbor');
    const fixed = apply(text, fixAll.edit!.changes![uri]);
    assert.match(fixed, /replicaCount: 2\n {4}service: \{type: ClusterIP\}\n {4}nodeSelector:/);
    const diagnostics = await client.change(uri, fixed);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
    assert.deepEqual(await request(uri, [], ['source.fixAll'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    assert.deepEqual(await request(uri, diagnostics, ['quickfix'], { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }), []);
    await client.close(uri);
  });

  it('not-prepulled: the fix edits the open Pre-Porter file, and the stack file follows', async () => {
    const stackUri = 'file:///tmp/bhv-actions/stack.yaml';
    const porterUri = 'file:///tmp/bhv-actions/pre-porter.yaml';
    await client.open(porterUri, PRE_PORTER);
    const diagnostics = (await client.open(stackUri, MISSPELT_MOUNT.replace('weigths', 'weights'))).filter((d) => d.code === 'not-prepulled');
    assert.equal(diagnostics.length, 1);
    const [fix] = await request(stackUri, diagnostics);
    assert.equal(fix.title, 'Add `llama-3.1-8b-instruct` to Pre-Porter images');
    assert.deepEqual(Object.keys(fix.edit!.changes!), [porterUri]);
    const stackAfter = client.nextDiagnostics(stackUri);
    await client.change(porterUri, apply(PRE_PORTER, fix.edit!.changes![porterUri]));
    assert.deepEqual((await stackAfter).filter((d) => d.code === 'not-prepulled'), []);
    await client.close(stackUri);
    await client.close(porterUri);
  });

  it('logged no errors', () => assert.deepEqual(client.errors, []));
});

describe('code actions on a Pre-Porter file that is only on disk', { timeout: 60_000 }, () => {
  it('reads the file to compute the edit', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bhv-actions-'));
    writeFileSync(join(folder, 'pre-porter.yaml'), PRE_PORTER);
    const client = await LspTestClient.start({ workspaceFolders: [folder] });
    try {
      const stackUri = pathToFileURL(join(folder, 'values.yaml')).toString();
      const porterUri = pathToFileURL(join(folder, 'pre-porter.yaml')).toString();
      const has = (list: Diagnostic[]) => list.filter((d) => d.code === 'not-prepulled');
      let diagnostics = await client.open(stackUri, MISSPELT_MOUNT.replace('weigths', 'weights'));
      // The workspace scan may finish after the first validation: then a revalidation follows.
      if (has(diagnostics).length === 0) diagnostics = await client.nextDiagnostics(stackUri);
      const actions = actionsOnly(await within(client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: stackUri }, range: has(diagnostics)[0].range, context: { diagnostics: has(diagnostics) },
      }), 'code actions'));
      const edits = actions[0].edit!.changes![porterUri];
      assert.equal(apply(readFileSync(join(folder, 'pre-porter.yaml'), 'utf8'), edits),
        PRE_PORTER.replace('    enabled: true\n', '    enabled: true\n  - name: llama-3.1-8b-instruct\n    enabled: true\n'));
      assert.deepEqual(client.errors, []);
    } finally {
      await client.stop();
    }
  });
});
