// `workspace/executeCommand` `bitHarbor.renderManifests` over stdio, as any LSP editor sends it:
// the manifests of the open (unsaved) text, re-rendered after an edit; null for other files.
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { bitHarborServer, LspTestClient } from '../support/lsp-client';

const WORKSPACE = path.join(os.tmpdir(), 'bit-harbor-render-command-test');
const uriOf = (relative: string): string => pathToFileURL(path.join(WORKSPACE, relative)).href;

const GROUP = 'modelGroups:\n  chat:\n    enabled: true\n    image: {repository: vllm/vllm-openai, tag: v0.6.0}\n    service: {port: "8000"}\n    containerPort: 8000\n    modelAlias: [chat]\n';

describe('bitHarbor.renderManifests', { timeout: 60_000 }, () => {
  let server: LspTestClient;

  before(async () => {
    server = await LspTestClient.start({
      server: bitHarborServer((section) => (section === 'bitHarbor' ? {} : null)),
      rootUri: pathToFileURL(WORKSPACE).href,
      capabilities: { workspace: { configuration: true } },
      timeoutMs: 10_000,
    });
  });

  after(() => server?.stop());

  const render = async (...args: unknown[]) =>
    (await server.timed<string | null>('workspace/executeCommand', { command: 'bitHarbor.renderManifests', arguments: args })).result;

  it('is offered in the executeCommand capability', () => {
    assert.ok(server.initializeResult.capabilities.executeCommandProvider?.commands.includes('bitHarbor.renderManifests'));
  });

  it('returns the manifests of the open text, and follows edits', async () => {
    const uri = uriOf('inference/values.yaml');
    await server.open(uri, GROUP);
    const text = await render(uri);
    assert.ok(text, 'manifests');
    assert.match(text, /^---\n# Source: inference-stack\/templates\/serviceaccount\.yaml\n/);
    const deployment = parseAllDocuments(text).map((doc) => doc.toJS()).find((object) => object?.kind === 'Deployment' && object.metadata.name.endsWith('-chat'));
    assert.equal(deployment.spec.replicas, null, 'no replicaCount: printed empty');
    await server.change(uri, GROUP + '    replicaCount: 2\n');
    const edited = await render({ uri }, { releaseName: 'prod' });
    const after = parseAllDocuments(edited!).map((doc) => doc.toJS()).find((object) => object?.kind === 'Deployment' && object.metadata.name === 'prod-inference-stack-chat');
    assert.equal(after.spec.replicas, 2);
  });

  it('answers null for a file that is not values of a chart, or is not open', async () => {
    const uri = uriOf('other/config.yaml');
    await server.open(uri, 'apiVersion: v1\nkind: ConfigMap\n');
    assert.equal(await render(uri), null);
    assert.equal(await render(uriOf('never-opened.yaml')), null);
    assert.equal(await render(), null);
  });
});
