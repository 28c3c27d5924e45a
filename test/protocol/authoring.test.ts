// Protocol tests of the authoring features: key completion, hover on a key, definition,
// references, rename, document and workspace symbols, inlay hints, folding and selection ranges,
// driving dist/server.js over stdio as an editor does. Run `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  InlayHintRequest,
  InsertTextMode,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  SelectionRangeRequest,
  WorkspaceSymbolRequest,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type Location,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument as Doc } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';
import { mark } from '../support/markers';

const BH = 'ghcr.io/doublewordai/bit-harbor';

function itemsOf(result: CompletionItem[] | CompletionList | null): CompletionItem[] {
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const VALUES = `modelGroups:
  qwen:
    enabled: true
    |
    initContainers:
      - name: fetch
        image: ${BH}:qwen-3-8b|
        volumeMounts:
          - name: wei|ghts
            mountPath: /models
    volumeMounts:
      - {name: weights, mountPath: /models, readOnly: true}
    volumes:
      - name: weights
        emptyDir:
          sizeLimit: 50G|
  other:
    volumes:
      - name: weights
        emptyDir: {}
onwards:
  replica|Count: 2
`;

describe('authoring features over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  const { text, carets } = mark(VALUES);
  const [emptyLine, afterTag, onMount, afterSizeLimit, onReplicaCount] = carets;
  const uri = 'file:///tmp/bit-harbor-authoring-test/values.yaml';
  const doc = Doc.create(uri, 'yaml', 1, text);
  const at = (offset: number) => ({ textDocument: { uri }, position: doc.positionAt(offset) });
  const request = <R>(promise: Promise<R>, what: string) => within(promise, what);

  before(async () => {
    client = await LspTestClient.start();
    await client.open(uri, text);
  });

  after(async () => {
    await client.stop();
  });

  it('announces the authoring capabilities beside the catalogue ones', () => {
    const capabilities = client.initializeResult.capabilities;
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    for (const name of ['documentSymbolProvider', 'workspaceSymbolProvider', 'definitionProvider', 'referencesProvider', 'inlayHintProvider', 'foldingRangeProvider', 'selectionRangeProvider'] as const) {
      assert.ok(capabilities[name], name);
    }
  });

  it('completes the keys of a model group on an empty line, indented for where they go', async () => {
    const items = itemsOf(await request(client.connection.sendRequest(CompletionRequest.type, at(emptyLine)), 'completion'));
    const labels = items.map((item) => item.label);
    assert.ok(!labels.includes('enabled') && !labels.includes('initContainers') && labels.includes('modelName'), labels.join(', '));
    const tolerations = items.find((item) => item.label === 'tolerations');
    assert.equal(tolerations?.detail, 'list of Toleration');
    assert.equal(tolerations?.insertTextMode, InsertTextMode.asIs);
    assert.equal(typeof tolerations?.documentation === 'object' && tolerations.documentation.kind, 'markdown');
    const edited = Doc.applyEdits(doc, [tolerations!.textEdit as TextEdit]);
    assert.match(edited, /\n {4}tolerations:\n {6}- \n {4}initContainers:/);
  });

  it('still completes tags after the registry', async () => {
    const tagged = text.indexOf(`${BH}:`) + BH.length + 1;
    const items = itemsOf(await request(client.connection.sendRequest(CompletionRequest.type, at(tagged)), 'tag completion'));
    assert.ok(items.some((item) => item.label === 'qwen-3-8b'));
  });

  it('hovers a key with its documentation and provenance, and a tag with its model', async () => {
    const hover = await request(client.connection.sendRequest(HoverRequest.type, at(onReplicaCount)), 'hover');
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /Number of gateway pods/);
    assert.match(value, /Chart default: `1`/);
    assert.match(value, /Set in this file/);
    const tag = await request(client.connection.sendRequest(HoverRequest.type, at(afterTag - 2)), 'tag hover');
    const tagValue = tag && typeof tag.contents === 'object' && 'value' in tag.contents ? tag.contents.value : '';
    assert.match(tagValue, /Qwen\/Qwen3-8B/);
  });

  it('goes from a mount to its volume, and lists the volume\'s references', async () => {
    const definition = (await request(client.connection.sendRequest(DefinitionRequest.type, at(onMount)), 'definition')) as Location[];
    const declaration = text.indexOf('- name: weights\n        emptyDir:') + '- name: '.length;
    assert.deepEqual(definition, [{ uri, range: { start: doc.positionAt(declaration), end: doc.positionAt(declaration + 'weights'.length) } }]);
    const references = await request(client.connection.sendRequest(ReferencesRequest.type, { ...at(onMount), context: { includeDeclaration: true } }), 'references');
    assert.equal(references?.length, 3, 'the declaration and two mounts, none in the other group');
  });

  it('prepares and performs a rename of the volume, and refuses to rename a key', async () => {
    const prepared = await request(client.connection.sendRequest(PrepareRenameRequest.type, at(onMount)), 'prepareRename');
    assert.ok(prepared && 'placeholder' in prepared && prepared.placeholder === 'weights');
    const renamed = await request(client.connection.sendRequest(RenameRequest.type, { ...at(onMount), newName: 'model-weights' }), 'rename');
    const edits = renamed?.changes?.[uri] ?? [];
    assert.equal(edits.length, 3);
    const result = Doc.applyEdits(doc, edits);
    assert.equal(result.match(/model-weights/g)?.length, 3);
    assert.match(result, /other:\n {4}volumes:\n {6}- name: weights/);
    await assert.rejects(
      request(client.connection.sendRequest(PrepareRenameRequest.type, at(onReplicaCount)), 'refused prepareRename'),
      /Only volume names can be renamed/,
    );
  });

  it('outlines the file, and finds the groups as workspace symbols', async () => {
    const symbols = (await request(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols')) as DocumentSymbol[];
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['modelGroups', 'onwards']);
    const qwen = symbols[0].children?.find((symbol) => symbol.name === 'qwen');
    assert.equal(qwen?.detail, 'enabled · qwen-3-8b 15.3 GiB');
    const found = await request(client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'qwe' }), 'workspace symbols');
    assert.deepEqual(found?.map((symbol) => symbol.name), ['qwen']);
  });

  it('shows inlay hints after the tag and the sizeLimit', async () => {
    const hints = await request(client.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri }, range: { start: doc.positionAt(0), end: doc.positionAt(text.length) },
    }), 'inlay hints');
    assert.deepEqual(hints?.map((hint) => [hint.position, hint.label]), [
      [doc.positionAt(afterTag), '15.3 GiB'],
      [doc.positionAt(afterSizeLimit), '≈ 46.6 GiB · model 15.3 GiB'],
    ]);
  });

  it('folds and selects by structure', async () => {
    const folds = await request(client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), 'folding');
    assert.ok(folds?.some((fold) => fold.startLine === 0 && fold.endLine === 19));
    const selections = await request(client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [doc.positionAt(onReplicaCount)] }), 'selection');
    const inner = selections?.[0];
    assert.equal(inner && doc.getText(inner.range), 'replicaCount');
    assert.equal(inner?.parent && doc.getText(inner.parent.range), 'replicaCount: 2');
  });

  it('logged no errors', () => {
    assert.deepEqual(client.errors, []);
  });
});

describe('inlay hints turned off', { timeout: 30_000 }, () => {
  it('answers none with bitHarbor.inlayHints.enabled false', async () => {
    const client = await LspTestClient.start({ settings: { inlayHints: { enabled: false } } });
    try {
      const uri = 'file:///tmp/bit-harbor-authoring-test/off.yaml';
      const source = `modelGroups:\n  q:\n    initContainers:\n      - name: f\n        image: ${BH}:qwen-3-8b\n`;
      await client.open(uri, source);
      const hints = await within(client.connection.sendRequest(InlayHintRequest.type, {
        textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } },
      }), 'inlay hints');
      assert.deepEqual(hints, []);
    } finally {
      await client.stop();
    }
  });
});
