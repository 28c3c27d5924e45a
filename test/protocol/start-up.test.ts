// The server answers `initialize` before it loads the engine (server/src/boot.ts), and loads it
// just before the next message is handled. An editor may send its next messages before that
// answer has even arrived: none of them may be lost, and the answer must announce exactly what
// the server proper then serves.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import {
  HoverRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  type InitializeResult,
  type Message,
  type NotificationMessage,
  type PublishDiagnosticsParams,
  type ResponseMessage,
} from 'vscode-languageserver-protocol/node';
import { SERVER_CAPABILITIES } from '../../server/src/server/capabilities';
import { within } from '../support/lsp-client';
import { offlineEnv } from '../support/offline';

const SERVER = path.resolve(__dirname, '../../../dist/server.js');
const URI = 'file:///start-up/values.yaml';
// A chart-detected file with one unknown key: a finding only the engine can give.
const TEXT = 'modelGroups:\n  llama:\n    enabled: true\n    modelAlias: [llama]\n    replicaz: 2\n';

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe('server start-up', () => {
  it('handles the messages an editor sends right behind initialize, in one write, with the engine loaded', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: offlineEnv() });
    child.stderr.resume();
    const reader = new StreamMessageReader(child.stdout);
    const received: Message[] = [];
    const waiters: (() => void)[] = [];
    reader.listen((message) => {
      received.push(message);
      for (const wake of waiters.splice(0)) wake();
    });
    const arrival = <T extends Message>(what: string, matches: (message: Message) => message is T): Promise<T> => within(new Promise<T>((resolve) => {
      const look = () => {
        const found = received.find(matches);
        if (found) resolve(found);
        else waiters.push(look);
      };
      look();
    }), what);
    try {
      // No `workspace.configuration`: the server validates with default settings at once.
      child.stdin.write(
        frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }) +
        frame({ method: 'initialized', params: {} }) +
        frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } } }) +
        frame({ id: 2, method: HoverRequest.method, params: { textDocument: { uri: URI }, position: { line: 2, character: 6 } } }),
      );
      const initialized = await arrival('the initialize result', (message): message is ResponseMessage => (message as ResponseMessage).id === 1);
      assert.deepEqual((initialized.result as InitializeResult).capabilities, JSON.parse(JSON.stringify(SERVER_CAPABILITIES)));
      const published = await arrival('diagnostics of the document opened behind initialize', (message): message is NotificationMessage =>
        (message as NotificationMessage).method === PublishDiagnosticsNotification.method);
      const { uri, diagnostics } = published.params as PublishDiagnosticsParams;
      assert.equal(uri, URI);
      assert.ok(diagnostics.some((diagnostic) => diagnostic.range.start.line === 4), JSON.stringify(diagnostics));
      const hover = await arrival('the hover request sent behind initialize', (message): message is ResponseMessage => (message as ResponseMessage).id === 2);
      assert.equal(hover.error, undefined);
      assert.ok(hover.result, 'a hover on a chart key');
    } finally {
      reader.dispose();
      child.kill();
    }
  });

  it('loads every bundle it runs through the code cache that `npm run build` left beside it', async () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: { ...offlineEnv(), BIT_HARBOR_CODE_CACHE: 'report' } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    const closed = new Promise((resolve) => child.on('close', resolve));
    child.stdin.write(
      frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }) +
      frame({ method: 'textDocument/didOpen', params: { textDocument: { uri: URI, languageId: 'yaml', version: 1, text: TEXT } } }) +
      frame({ id: 2, method: 'shutdown' }) + frame({ method: 'exit' }),
    );
    await within(closed, 'the server to exit');
    for (const bundle of ['lsp.js', 'server-core.js', 'validators.js']) assert.match(stderr, new RegExp(`code cache of ${bundle}: used`), stderr);
  });
});
