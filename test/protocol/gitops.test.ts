// GitOps manifests over stdio, as an editor sees them: diagnostics inside an Argo CD `values: |-`
// block string land on the manifest's lines; completion there offers the chart's keys and Bit
// Harbor tags, indented into the block; hover answers; a quick fix applied to the manifest
// re-lints clean of its diagnostic; inlay hints sit on the manifest's lines.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DefinitionRequest, DocumentSymbolRequest, HoverRequest, InlayHintRequest, RenameRequest, type CodeAction, type DocumentSymbol, type Hover, type InlayHint, type Location, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';
import { repoRoot } from '../support/markers';
import { offlineEnv } from '../support/offline';

const FIXTURES = join(repoRoot(), 'test/fixtures/gitops');

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return TextDocument.create('file:///x', 'yaml', 0, text).positionAt(at + delta);
}

describe('GitOps manifests over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('diagnostics inside an Argo CD block string (CRLF) land on the manifest line and column', async () => {
    const text = readFileSync(join(FIXTURES, 'apps/llm-staging-crlf.yaml'), 'utf8');
    const diagnostics = await client.open('file:///tmp/bhv-gitops/apps/llm-staging-crlf.yaml', text);
    const typo = diagnostics.find((d) => d.code === 'unknown-key');
    assert.deepEqual(typo?.range, { start: { line: 17, character: 12 }, end: { line: 17, character: 23 } });
  });

  it('completion on a fresh line in a block string offers group keys, indented into the block', async () => {
    const uri = 'file:///tmp/bhv-gitops/apps/typing.yaml';
    const base = readFileSync(join(FIXTURES, 'apps/llm-staging.yaml'), 'utf8');
    const text = base.replace('    replicaCont: 2 # expect: unknown-key\n', '    replicaCont: 2 # expect: unknown-key\n            \n');
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l === '            ');
    const items = await client.completion(uri, { line, character: 12 });
    const replicas = items.find((item) => item.label === 'replicaCount');
    assert.ok(replicas, items.map((i) => i.label).join(', '));
    const edit = replicas.textEdit as TextEdit;
    assert.equal(edit.range.start.line, line);
    const after = apply(text, [edit]);
    assert.match(after.split('\n')[line], /^ {12}replicaCount/);
  });

  it('completion of a Bit Harbor tag inside a Flux HelmRelease map', async () => {
    const uri = 'file:///tmp/bhv-gitops/clusters/tag.yaml';
    const base = readFileSync(join(FIXTURES, 'clusters/prod/llm-release.yaml'), 'utf8');
    const text = base.replace('bit-harbor:llama-3.1-8b-instruct', 'bit-harbor:');
    await client.open(uri, text);
    const items = await client.completion(uri, positionOf(text, 'bit-harbor:', 'bit-harbor:'.length));
    assert.ok(items.some((item) => item.label === 'llama-3.1-8b-instruct'), items.map((i) => i.label).slice(0, 20).join(', '));
  });

  it('hover on a key in the block string explains it, with the manifest range', async () => {
    const uri = 'file:///tmp/bhv-gitops/apps/hover.yaml';
    const text = readFileSync(join(FIXTURES, 'apps/llm-staging.yaml'), 'utf8');
    await client.open(uri, text);
    const position = positionOf(text, 'containerPort', 2);
    const hover = await within(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover') as Hover | null;
    assert.ok(hover, 'a hover');
    assert.equal(hover.range?.start.line, position.line);
    assert.equal(hover.range?.start.character, position.character - 2);
  });

  it('the quick fix of a finding in a block string re-lints without it', async () => {
    const uri = 'file:///tmp/bhv-gitops/apps/fix.yaml';
    const text = readFileSync(join(FIXTURES, 'apps/llm-staging.yaml'), 'utf8');
    const diagnostics = (await client.open(uri, text)).filter((d) => d.code === 'gpu-targeting-missing');
    assert.equal(diagnostics.length, 1);
    const actions = await within(client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }), 'code actions') as CodeAction[];
    const fix = actions.find((action) => action.title === 'Add GPU node targeting');
    assert.ok(fix, actions.map((a) => a.title).join(', '));
    const fixed = apply(text, fix.edit!.changes![uri]);
    assert.match(fixed, /\n {12}tolerations:\n {14}- key: nvidia.com\/gpu\n/);
    const after = await client.change(uri, fixed);
    assert.deepEqual(after.map((d) => d.code), ['unknown-key']);
  });

  it('inlay hints after a Bit Harbor reference sit on the manifest line', async () => {
    const uri = 'file:///tmp/bhv-gitops/clusters/hints.yaml';
    const text = readFileSync(join(FIXTURES, 'clusters/prod/llm-release.yaml'), 'utf8');
    await client.open(uri, text);
    const lines = text.split('\n').length;
    const hints = await within(client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } } }), 'inlay hints') as InlayHint[];
    const referenceLine = positionOf(text, 'reference: ghcr.io').line;
    assert.ok(hints.some((hint) => hint.position.line === referenceLine), JSON.stringify(hints));
  });

  it('outline, go to definition and rename inside a HelmRelease answer at the manifest lines', async () => {
    const uri = 'file:///tmp/bhv-gitops/clusters/navigate.yaml';
    const text = readFileSync(join(FIXTURES, 'clusters/prod/llm-configmap.yaml'), 'utf8');
    await client.open(uri, text);
    const symbols = await within(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), 'symbols') as DocumentSymbol[];
    const groups = symbols.filter((symbol) => symbol.name === 'modelGroups');
    const lines = text.split('\n');
    const groupLines = lines.flatMap((line, index) => (line === '    modelGroups:' ? [index] : []));
    assert.deepEqual(groups.map((symbol) => symbol.selectionRange.start), groupLines.map((line) => ({ line, character: 4 })));
    const mount = positionOf(text, 'volumeMounts:\n          - name: weights', 'volumeMounts:\n          - name: '.length);
    const definition = await within(client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: mount }), 'definition') as Location[];
    assert.deepEqual(definition.map((location) => location.range.start.line), [positionOf(text, 'volumes:\n          - name: weights').line + 1]);
    const rename = await within(client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: mount, newName: 'model-weights' }), 'rename') as WorkspaceEdit;
    const renamed = apply(text, rename.changes![uri]);
    assert.equal(renamed.split('- name: model-weights').length - 1, 2);
    assert.deepEqual((await client.change(uri, renamed)).map((d) => d.code), (await client.change(uri, text)).map((d) => d.code));
  });

  it('Show Rendered Manifests renders the release of an open manifest under its name', async () => {
    const uri = 'file:///tmp/bhv-gitops/apps/render.yaml';
    await client.open(uri, readFileSync(join(FIXTURES, 'apps/llm-staging.yaml'), 'utf8'));
    const text = await within(client.connection.sendRequest('workspace/executeCommand', { command: 'bitHarbor.renderManifests', arguments: [uri] }), 'render') as string | null;
    assert.match(text ?? '', /name: llm-staging-inference-stack-llama-8b\n/);
  });

  it('a Flux release reads the values file behind a ConfigMap its kustomization generates', async () => {
    const file = join(FIXTURES, 'clusters/staging/llm-release.yaml');
    const diagnostics = await client.open(pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['gateway-model-mismatch', 20]]);
  });

  it('a values file the manifest names is read from disk: a finding it causes there lands on the entry naming it', async () => {
    const file = join(FIXTURES, 'kustomization.yaml');
    const text = readFileSync(file, 'utf8');
    const diagnostics = await client.open(pathToFileURL(file).toString(), text);
    const entry = positionOf(text, '- values/gpus.yaml', 2).line;
    const moved = diagnostics.find((d) => d.code === 'gpu-targeting-missing');
    assert.equal(moved?.range.start.line, entry, JSON.stringify(diagnostics));
    assert.match(String(moved.message), /^In `gpus.yaml`: /);
    assert.equal(moved.relatedInformation?.[0].location.uri, pathToFileURL(join(FIXTURES, 'values/gpus.yaml')).toString());
  });
});

describe('GitOps manifests on the command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot(), 'dist/cli.js'), ...args], { cwd: repoRoot(), encoding: 'utf8', env: { ...offlineEnv(), NO_COLOR: '1' } });

  it('render prints the release of a Kustomize manifest, its additional values file merged over valuesInline', () => {
    const result = run('render', 'test/fixtures/gitops/kustomization.yaml');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /name: llm-inference-stack-llama-8b\n/);
    assert.match(result.stdout, /nvidia\.com\/gpu: 2\n/);
  });

  it('render of a manifest with two releases asks which, and renders the one named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bhv-render-'));
    const file = join(dir, 'helmfile.yaml');
    writeFileSync(file, 'releases:\n  - name: alpha\n    chart: doubleword/inference-stack\n    values:\n      - onwards:\n          replicaCount: 3\n  - name: beta\n    chart: doubleword/inference-stack\n    values:\n      - onwards:\n          replicaCount: 5\n');
    const ask = run('render', file);
    assert.equal(ask.status, 2);
    assert.match(ask.stderr, /declares 2 releases \(alpha, beta\): choose one with --release NAME/);
    const beta = run('render', '--release', 'beta', file);
    assert.equal(beta.status, 0, beta.stderr);
    assert.match(beta.stdout, /name: beta-inference-stack-onwards\n/);
    assert.match(beta.stdout, /replicas: 5\n/);
    assert.equal(run('render', '--release', 'gamma', file).status, 2);
  });

  it('render of a manifest of another chart says so', () => {
    const result = run('render', 'test/fixtures/gitops/apps/grafana.yaml');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /declares no release of Inference Stack or Pre-Porter/);
  });

  it('a folder run finds the manifests and reports inside them at the manifest lines', () => {
    const result = spawnSync(process.execPath, [join(repoRoot(), 'dist/cli.js'), 'lint', '--format', 'json', 'test/fixtures/gitops'], { cwd: repoRoot(), encoding: 'utf8', env: { ...offlineEnv(), NO_COLOR: '1' } });
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { file: string; code: string; line: number }[];
    const at = (name: string) => report.filter((f) => f.file.endsWith(`/${name}`)).map((f) => `${f.code}@${f.line}`);
    assert.deepEqual(at('kustomization.yaml'), ['unknown-key@21', 'gpu-targeting-missing@46']);
    assert.deepEqual(at('helmfile.yaml'), ['bad-value@50']);
    assert.deepEqual(at('llm-staging-crlf.yaml'), ['unknown-key@18', 'gpu-targeting-missing@38']);
    assert.deepEqual(at('grafana.yaml'), []);
    // Flux's guide: the values file behind a ConfigMap that the kustomization beside it generates.
    assert.deepEqual(at('staging/llm-release.yaml'), ['gateway-model-mismatch@21']);
  });
});
