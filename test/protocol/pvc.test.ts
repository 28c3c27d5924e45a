// The persistent-volume checks over stdio, as an editor sees them: each code arrives as a
// diagnostic on the node to change, with its severity and related information. Run
// `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DiagnosticSeverity,
  HoverRequest,
  type CodeAction,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, within } from '../support/lsp-client';
import { mark } from '../support/markers';

// GPU targeting and a command that runs (the default group's starts with --host) are set so
// that no unrelated check speaks.
const GUIDE_RWX = `modelGroups:
  vllm-gemma:
    enabled: true
    command: [vllm, serve, google/gemma-3-12b-it]
    replicaCount: 3
    nodeSelector: {nvidia.com/gpu.present: "true"}
    tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
    persistentVolumes:
      - name: model-cache
        size: 20Gi
        mountPath: /root/.cache/huggingface
        accessModes: [ReadWriteMany]
`;

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 0, text), edits);
}

function position(text: string, offset: number) {
  return TextDocument.create('file:///x', 'yaml', 0, text).positionAt(offset);
}

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

  async function quickFixes(uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    const result = await within(client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] },
    }), 'code actions') as (CodeAction | Command)[] | null;
    return (result ?? []).filter((action): action is CodeAction => 'edit' in action || 'kind' in action);
  }

  it('the quick fixes: size raised to the minimum, Recreate with rollingUpdate: null, the cache read offline', async () => {
    const uri = 'file:///tmp/bhv-pvc/fixes.yaml';
    const text = GUIDE_RWX.replace('replicaCount: 3', 'replicaCount: 1').replace('ReadWriteMany', 'ReadWriteOnce');
    const diagnostics = await client.open(uri, text);
    const tooSmall = diagnostics.filter((d) => d.code === 'pvc-too-small');
    const [sizeFix] = await quickFixes(uri, tooSmall);
    assert.equal(sizeFix.title, 'Set size to 25Gi');
    let fixed = apply(text, sizeFix.edit!.changes![uri]);
    assert.equal(fixed, text.replace('size: 20Gi', 'size: 25Gi'));
    const afterSize = await client.change(uri, fixed);
    assert.deepEqual(afterSize.map((d) => d.code), ['pvc-rwo-blocks-rollout']);
    const [recreate] = await quickFixes(uri, afterSize);
    assert.equal(recreate.title, 'Set strategy.type to Recreate (rollingUpdate: null)');
    fixed = apply(fixed, recreate.edit!.changes![uri]);
    assert.match(fixed, /\n {4}strategy:\n {6}type: Recreate\n {6}rollingUpdate: null\n$/);
    assert.deepEqual(await client.change(uri, fixed), [], 'the file is clean');
    await client.close(uri);

    const shared = 'file:///tmp/bhv-pvc/offline.yaml';
    const rwx = GUIDE_RWX.replace('20Gi', '100Gi').replace('mountPath: /root', 'storageClass: efs-sc\n        mountPath: /root');
    const concurrent = (await client.open(shared, rwx)).filter((d) => d.code === 'pvc-rwx-concurrent-writes');
    assert.equal(concurrent.length, 1);
    const actions = await quickFixes(shared, concurrent);
    assert.deepEqual(actions.map((action) => action.title), ['Set HF_HUB_OFFLINE=1 (once the cache is filled)']);
    const offline = apply(rwx, actions[0].edit!.changes![shared]);
    assert.match(offline, /- name: HF_HUB_OFFLINE\n {8}value: "1"\n$/);
    assert.deepEqual(await client.change(shared, offline), []);
    await client.close(shared);
  });

  it('hover on an entry names the claim, its mode\'s consequence and the model with its size', async () => {
    const uri = 'file:///tmp/bhv-pvc/hover.yaml';
    const { text, carets } = mark(GUIDE_RWX.replace('name: model-cache', 'name: model-c|ache'));
    await client.open(uri, text);
    const hover = await within(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: position(text, carets[0]) }), 'hover');
    const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(value, /PersistentVolumeClaim `<release>-inference-stack-vllm-gemma-model-cache`/);
    assert.match(value, /`ReadWriteMany`: the claim attaches to every node, read-write/);
    assert.match(value, /Expected to hold `google\/gemma-3-12b-it`.*22\.7 GiB.*`25Gi`/);
    await client.close(uri);
  });

  it('completes accessModes and the mountPath of the engine\'s cache', async () => {
    const uri = 'file:///tmp/bhv-pvc/complete.yaml';
    const source = GUIDE_RWX.replace('mountPath: /root/.cache/huggingface', 'mountPath: |').replace('accessModes: [ReadWriteMany]', 'accessModes: [ReadWriteMany, |]');
    const { text, carets } = mark(source);
    await client.open(uri, text);
    const labels = async (offset: number) => {
      const result = await within(client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: position(text, offset) }), 'completion') as CompletionItem[] | CompletionList | null;
      return (Array.isArray(result) ? result : result?.items ?? []).map((item) => item.label);
    };
    assert.deepEqual(await labels(carets[0]), ['/root/.cache/huggingface']);
    assert.deepEqual(await labels(carets[1]), ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod']);
    await client.close(uri);
  });
});
