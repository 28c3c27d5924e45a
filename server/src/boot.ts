// The language server's entry point (dist/server.js). It answers `initialize` from the static
// capabilities at once, and loads the server proper (server.ts: the engine, its checks, the
// schemas and the YAML parser, most of the bundle) only when the next message is about to be
// handled. The editor waits for the initialize result before it sends anything else, so the
// result no longer waits for code it does not need. The bundle of this file (dist/server.js)
// requires the protocol library (dist/lsp.js) and, at that moment, the server proper
// (dist/server-core.js): see scripts/build.mjs.
import './server-code-cache-here';
import {
  createConnection,
  ProposedFeatures,
  type Connection,
  type InitializeParams,
  type Message,
} from 'vscode-languageserver/node';
import { SERVER_CAPABILITIES } from './server/capabilities';
import type { StartedServer } from './server';

function isInitializeRequest(message: Message): boolean {
  return (message as { method?: unknown }).method === 'initialize';
}

function main(): void {
  let server: StartedServer | undefined;
  let initializeParams: InitializeParams | undefined;
  // The connection hands every message to this strategy just before its handler runs: the one
  // moment the server proper can register its handlers and still see the message.
  const loadServerFirst = {
    handleMessage<R>(message: Message, next: (message: Message) => R): R {
      if (!server && !isInitializeRequest(message)) server = loadServer(connection, initializeParams);
      return next(message);
    },
  };
  // Reads --stdio / --node-ipc / --socket from the command line.
  const connection = createConnection(ProposedFeatures.all, { messageStrategy: loadServerFirst });
  connection.onInitialize((params) => {
    initializeParams = params;
    server?.initialize(params);
    return { capabilities: SERVER_CAPABILITIES };
  });
  // A bug in one request must not take the editor's diagnostics down with it.
  const logError = (what: string, error: unknown) => {
    if (server) return server.logError(what, error);
    process.stderr.write(`bit-harbor: error ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  };
  process.on('uncaughtException', (error) => logError('(uncaught exception)', error));
  process.on('unhandledRejection', (reason) => logError('(unhandled rejection)', reason));
  connection.listen();
}

function loadServer(connection: Connection, initializeParams: InitializeParams | undefined): StartedServer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('./server') as typeof import('./server');
  const server = startServer(connection);
  if (initializeParams) server.initialize(initializeParams);
  return server;
}

main();
