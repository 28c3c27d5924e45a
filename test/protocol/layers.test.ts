// Layered values files in the editor, over stdio: an override checked over a base that is on
// disk or open, findings the override causes in the base shown on the override, edits in the
// base re-checking it, and completion, hover and definition reading the base.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, CompletionRequest, DefinitionRequest, HoverRequest, type CompletionItem, type CompletionList, type Diagnostic, type Location } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';
import { BASE, BROKEN_BASE, DISABLES_GROUP, MOUNTS_BASE_VOLUME, MOUNTS_MISSPELT_VOLUME, SWAPS_MODEL } from '../unit/layers-fixtures';

const byCode = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('layered values files over stdio', { timeout: 90_000 }, () => {
  let folder = '';
  const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();
  const write = (name: string, text: string) => writeFileSync(join(folder, name), text);
  const clients: LspTestClient[] = [];
  const start = async (settings?: Record<string, unknown>) => {
    const client = await LspTestClient.start({ settings });
    clients.push(client);
    return client;
  };

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'bhv-layers-'));
  });
  after(async () => {
    for (const client of clients) await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('a mount of a base volume is silent; a misspelt one is volume-not-found in the override', async () => {
    write('values.yaml', BASE);
    const client = await start();
    const uri = uriOf('values-prod.yaml');
    assert.deepEqual(byCode(await client.open(uri, MOUNTS_BASE_VOLUME), 'volume-not-found'), []);
    const [missing, ...rest] = byCode(await client.change(uri, MOUNTS_MISSPELT_VOLUME), 'volume-not-found');
    assert.deepEqual(rest, []);
    assert.equal(missing.range.start.line, lineOf(MOUNTS_MISSPELT_VOLUME, 'scrach'));
    assert.equal(missing.relatedInformation?.[0].location.uri, uriOf('values.yaml'));
    assert.equal(missing.relatedInformation?.[0].location.range.start.line, lineOf(BASE, '    volumes:'));
    assert.deepEqual(client.errors, []);
  });

  it('an override swapping the model shows size-limit-too-small on itself, pointing at the base sizeLimit', async () => {
    write('values.yaml', BASE);
    const client = await start();
    const uri = uriOf('values-prod.yaml');
    const [tooSmall, ...rest] = byCode(await client.open(uri, SWAPS_MODEL), 'size-limit-too-small');
    assert.deepEqual(rest, []);
    assert.equal(tooSmall.range.start.line, lineOf(SWAPS_MODEL, 'image: ghcr.io'));
    assert.match(String(tooSmall.message), /^In `values.yaml`: sizeLimit 30Gi/);
    const [inBase, image] = tooSmall.relatedInformation ?? [];
    assert.equal(inBase.location.uri, uriOf('values.yaml'));
    assert.equal(inBase.location.range.start.line, lineOf(BASE, 'sizeLimit: 30Gi'));
    assert.equal(image.location.uri, uri);
    // Its fix belongs in the base: no quick fix edits the override for it, and no fix-all runs here.
    const actions = await within(client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: tooSmall.range, context: { diagnostics: [tooSmall], only: ['quickfix', 'source.fixAll.bit-harbor'] },
    }), 'code actions');
    assert.deepEqual(actions ?? [], []);
    // The base alone does not have it.
    assert.deepEqual(byCode(await client.open(uriOf('values.yaml'), BASE), 'size-limit-too-small'), []);
  });

  it('an edit in the open base re-checks the override', async () => {
    write('values.yaml', BASE);
    const client = await start();
    const uri = uriOf('values-prod.yaml');
    const baseUri = uriOf('values.yaml');
    await client.open(baseUri, BASE);
    assert.equal(byCode(await client.open(uri, SWAPS_MODEL), 'size-limit-too-small').length, 1);
    const recheck = client.nextDiagnostics(uri);
    await client.change(baseUri, BASE.replace('sizeLimit: 30Gi', 'sizeLimit: 40Gi'));
    assert.deepEqual(byCode(await recheck, 'size-limit-too-small'), [], 'the open base text wins over the disk');
    const again = client.nextDiagnostics(uri);
    await client.change(baseUri, BASE.replace('sizeLimit: 30Gi', 'sizeLimit: 20Gi'));
    assert.equal(byCode(await again, 'size-limit-too-small').length, 1);
    // Closing the base goes back to the disk copy (30Gi: still too small for qwen-3-14b).
    const afterClose = client.nextDiagnostics(uri);
    await client.close(baseUri);
    assert.match(String(byCode(await afterClose, "size-limit-too-small")[0].message), /sizeLimit 30Gi/);
  });

  it('enabled: false removes the group findings from the override; the base keeps its own', async () => {
    write('values.yaml', BROKEN_BASE);
    const client = await start();
    const diagnostics = await client.open(uriOf('values-prod.yaml'), DISABLES_GROUP);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
    const withModeline = await client.change(uriOf('values-prod.yaml'), '# bit-harbor-values: chart=inference-stack base=./values.yaml\n');
    assert.deepEqual(byCode(withModeline, 'volume-not-found'), [], 'the base shows its own mount problem, not the override');
    assert.equal(byCode(await client.open(uriOf('values.yaml'), BROKEN_BASE), 'volume-not-found').length, 1);
  });

  it('null in the override deletes a base key', async () => {
    write('values.yaml', BASE);
    const client = await start();
    const deletesVolumes = `${MOUNTS_BASE_VOLUME}    volumes: null\n`;
    const missing = byCode(await client.open(uriOf('values-prod.yaml'), deletesVolumes), 'volume-not-found');
    const lines = missing.map((d) => d.range.start.line).sort((a, b) => a - b);
    // The override's own mounts, and the base init container's mount, shown at `volumes: null`.
    assert.deepEqual(lines, [lineOf(deletesVolumes, 'name: models'), lineOf(deletesVolumes, 'name: scratch'), lineOf(deletesVolumes, 'volumes: null')]);
    const fromBase = missing.find((d) => d.range.start.line === lineOf(deletesVolumes, 'volumes: null'))!;
    assert.equal(fromBase.relatedInformation?.[0].location.uri, uriOf('values.yaml'));
  });

  it('an unreadable base and a cycle are one finding on the modeline, and nothing crashes', async () => {
    const client = await start();
    const missing = await client.open(uriOf('values-a.yaml'), '# bit-harbor-values: chart=inference-stack base=./nowhere.yaml\nmodelGroups: {}\n');
    assert.deepEqual(missing.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['base-unreadable', 0, 48]]);
    const self = await client.open(uriOf('values-b.yaml'), '# bit-harbor-values: chart=inference-stack base=./values-b.yaml\nmodelGroups: {}\n');
    assert.deepEqual(self.map((d) => d.code), ['base-cycle']);
    assert.deepEqual(client.errors, []);
  });

  it('three layers by modeline, and bitHarbor.layers without one', async () => {
    write('values.yaml', BASE);
    write('values-gpu.yaml', '# bit-harbor-values: base=./values.yaml\nmodelGroups:\n  vllm-gemma:\n    replicas: 2\n');
    const client = await start({ layers: [['values.yaml', 'values-*.yaml']] });
    const chained = SWAPS_MODEL.replace('base=./values.yaml', 'base=./values-gpu.yaml');
    const [viaChain] = byCode(await client.open(uriOf('values-prod.yaml'), chained), 'size-limit-too-small');
    assert.equal(viaChain.relatedInformation?.[0].location.uri, uriOf('values.yaml'));
    const plain = SWAPS_MODEL.replace(/^# bit-harbor-values:.*\n/, '');
    const [viaGlobs] = byCode(await client.open(uriOf('values-eu.yaml'), plain), 'size-limit-too-small');
    assert.equal(viaGlobs.relatedInformation?.[0].location.uri, uriOf('values.yaml'));
  });

  it('completion offers the base volumes, hover names the base, definition goes into it', async () => {
    write('values.yaml', BASE);
    const client = await start();
    const uri = uriOf('values-prod.yaml');
    const text = MOUNTS_BASE_VOLUME.replace('      - name: scratch\n', '      - name: \n');
    await client.open(uri, text);
    const doc = TextDocument.create(uri, 'yaml', 1, text);
    const at = (offset: number) => ({ textDocument: { uri }, position: doc.positionAt(offset) });
    const request = <T>(promise: Promise<T>, what: string) => within(promise, what);

    const completion = await request(client.connection.sendRequest(CompletionRequest.type, at(text.indexOf('- name: \n') + 8)), 'completion');
    const items = (Array.isArray(completion) ? completion : (completion as CompletionList | null)?.items ?? []) as CompletionItem[];
    const labels = items.map((item) => item.label);
    assert.ok(labels.includes('scratch') && labels.includes('models'), labels.join(', '));

    const hover = await request(client.connection.sendRequest(HoverRequest.type, at(text.indexOf('volumeMounts') + 2)), 'hover');
    const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /base file `values.yaml`/);

    const definition = (await request(client.connection.sendRequest(DefinitionRequest.type, at(text.indexOf('name: models') + 7)), 'definition')) as Location[];
    assert.deepEqual(definition.map((location) => [location.uri, location.range.start.line]), [[uriOf('values.yaml'), lineOf(BASE, '      - name: models\n        emptyDir')]]);
    assert.deepEqual(client.errors, []);
  });
});
