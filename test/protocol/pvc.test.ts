// The persistent-volume checks over stdio, as an editor sees them: each code arrives as a
// diagnostic on the node to change, with its severity and related information. Run
// `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../support/lsp-client';

const GUIDE_RWX = `modelGroups:
  vllm-gemma:
    enabled: true
    replicaCount: 3
    nodeSelector: {nvidia.com/gpu.present: "true"}
    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
    persistentVolumes:
      - name: model-cache
        size: 20Gi
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteMany]
`;

function at(text: string, diagnostic: Diagnostic): string {
  const line = text.split('\n')[diagnostic.range.start.line];
  return line.slice(diagnostic.range.start.character, diagnostic.range.end.character);
}

describe('persistent-volume checks over stdio', { timeout: 60_000 }, () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('a small, shared, classless cache: too small, concurrent writes, storage class', async () => {
    const uri = 'file:///tmp/bhv-pvc/rwx.yaml';
    const diagnostics = await client.open(uri, GUIDE_RWX);
    const shown = diagnostics.map((d) => [d.code, at(GUIDE_RWX, d), d.severity]);
    assert.deepEqual(shown.sort(), [
      ['pvc-rwx-concurrent-writes', 'ReadWriteMany', DiagnosticSeverity.Information],
      ['pvc-storage-class', 'ReadWriteMany', DiagnosticSeverity.Information],
      ['pvc-too-small', '20Gi', DiagnosticSeverity.Warning],
    ]);
    const tooSmall = diagnostics.find((d) => d.code === 'pvc-too-small');
    assert.ok(tooSmall?.relatedInformation?.length, 'related information points at the model');
    await client.close(uri);
  });

  it('a single-access cache inheriting the rolling update: a warning on the group', async () => {
    const uri = 'file:///tmp/bhv-pvc/rwo.yaml';
    const text = GUIDE_RWX.replace('replicaCount: 3', 'replicaCount: 1').replace('20Gi', '100Gi').replace('ReadWriteMany', 'ReadWriteOnce');
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(diagnostics.map((d) => [d.code, at(text, d), d.severity]), [['pvc-rwo-blocks-rollout', 'vllm-gemma', DiagnosticSeverity.Warning]]);
    await client.close(uri);
  });
});
