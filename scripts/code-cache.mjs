// Runs the freshly built CLI and server once each with BIT_HARBOR_CODE_CACHE=write, so that V8's
// compiled code of every bundle they load is kept beside it (server/src/code-cache.ts). Each
// runs what a short real run runs: the CLI lints the examples, the server answers initialize,
// checks an example opened in it and answers a hover and a completion there.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const EXAMPLE = 'examples/inference-stack-bit-harbor.yaml';
const WAIT_MS = 20_000;

/** Offline, with a catalogue cache folder of the run's own (removed afterwards). */
function environment(cache) {
  return { ...process.env, BIT_HARBOR_CODE_CACHE: 'write', BIT_HARBOR_OFFLINE: '1', XDG_CACHE_HOME: cache };
}

function frame(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

function runServer(dist, root, cache) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(dist, 'server.js'), '--stdio'], { cwd: root, env: environment(cache), stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the server did not answer in time'));
    }, WAIT_MS);
    const uri = `file://${path.join(root, EXAMPLE)}`;
    const text = fs.readFileSync(path.join(root, EXAMPLE), 'utf8');
    const at = { textDocument: { uri }, position: { line: text.split('\n').findIndex((line) => line.includes('bit-harbor:')), character: 40 } };
    let output = '';
    let finished = false;
    child.stdout.on('data', (chunk) => {
      output += chunk;
      // Diagnostics and both answers in: the code a session starts with has run.
      if (!finished && output.includes('publishDiagnostics') && output.includes('"id":2') && output.includes('"id":3')) {
        finished = true;
        child.stdin.write(frame({ id: 4, method: 'shutdown' }) + frame({ method: 'exit' }));
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && finished) resolve();
      else reject(new Error(`the server exited with ${code}`));
    });
    child.stdin.write(
      frame({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } }) +
      frame({ method: 'initialized', params: {} }) +
      frame({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } }) +
      frame({ id: 2, method: 'textDocument/hover', params: at }) +
      frame({ id: 3, method: 'textDocument/completion', params: at }),
    );
  });
}

/** Replaces the code caches in `dist`; a run that fails leaves that bundle without one, and says so. */
export async function writeCodeCaches(dist, root) {
  for (const name of fs.readdirSync(dist)) if (/\.js\.(server\.)?cache$/.test(name)) fs.rmSync(path.join(dist, name));
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'bit-harbor-build-'));
  try {
    const cli = spawnSync(process.execPath, [path.join(dist, 'cli.js'), 'lint', '--offline', 'examples/'], { cwd: root, env: environment(cache), encoding: 'utf8' });
    // 1: findings, which the examples have.
    if (cli.status !== 0 && cli.status !== 1) process.stderr.write(`build: no code cache from the CLI: it exited with ${cli.status}\n${cli.stderr}`);
    await runServer(dist, root, cache);
  } catch (error) {
    process.stderr.write(`build: no code cache from the server: ${error.message}\n`);
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}
