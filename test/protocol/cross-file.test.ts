// Cross-file checks through the protocol: two documents open, one edited, the other's findings
// follow; and a workspace file that is not open still counts.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import { LspTestClient } from '../support/lsp-client';

const STACK = `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    volumes:
      - name: weights
        image:
          reference: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct
`;

const PORTER = (tag: string) => `images:
  - name: ${tag}
    enabled: true
advancedCronJob:
  enabled: true
`;

const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((d) => String(d.code)).filter((c) => c === 'not-prepulled' || c === 'prepulled-unused');

describe('cross-file checks over stdio', { timeout: 60_000 }, () => {
  const clients: LspTestClient[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
  });

  it('an edit in the Pre-Porter file updates the Inference Stack file', async () => {
    const client = await LspTestClient.start();
    clients.push(client);
    const stackUri = 'file:///tmp/bhv-cross/values.yaml';
    const porterUri = 'file:///tmp/bhv-cross/pre-porter.yaml';
    assert.deepEqual(codes(await client.open(stackUri, STACK)), [], 'no Pre-Porter file known yet');

    const stackAfterOpen = client.nextDiagnostics(stackUri);
    const porter = await client.open(porterUri, PORTER('gemma-3-12b-it'));
    assert.deepEqual(codes(porter), ['prepulled-unused']);
    const stack = await stackAfterOpen;
    assert.deepEqual(codes(stack), ['not-prepulled']);
    const finding = stack.find((d) => d.code === 'not-prepulled')!;
    assert.equal(finding.relatedInformation?.[0].location.uri, porterUri);
    assert.equal(finding.range.start.line, 9);

    const stackAfterEdit = client.nextDiagnostics(stackUri);
    assert.deepEqual(codes(await client.change(porterUri, PORTER('llama-3.1-8b-instruct'))), []);
    assert.deepEqual(codes(await stackAfterEdit), [], 'the tag is pre-pulled now');
    assert.deepEqual(client.errors, []);
  });

  it('a Pre-Porter file in the workspace counts without being open', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bhv-workspace-'));
    writeFileSync(join(folder, 'pre-porter.yaml'), PORTER('qwen-3-8b'));
    writeFileSync(join(folder, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
    const client = await LspTestClient.start({ workspaceFolders: [folder] });
    clients.push(client);
    const stackUri = pathToFileURL(join(folder, 'values.yaml')).toString();
    let diagnostics = await client.open(stackUri, STACK);
    // The workspace scan may finish after the first validation: then a revalidation follows.
    if (codes(diagnostics).length === 0) diagnostics = await client.nextDiagnostics(stackUri);
    assert.deepEqual(codes(diagnostics), ['not-prepulled']);
    const related = diagnostics.find((d) => d.code === 'not-prepulled')!.relatedInformation?.[0].location;
    assert.equal(related?.uri, pathToFileURL(join(folder, 'pre-porter.yaml')).toString());
    assert.equal(related?.range.start.line, 0, 'points at `images` in the file on disk');
  });
});
