// The offline VS Code runner: code-server (VS Code 1.100.3 served to a browser) and Debian's
// Chromium driven by playwright-core. code-server rejects --extensionDevelopmentPath as a flag,
// so the workbench URL carries it in its `payload` as vscode-remote:// URIs; the extension host
// then runs on the server, in Node, loads the extension from this worktree and calls run() of
// the compiled mocha suites. Their console output reaches the browser's console, and the
// workbench reports the exit code through window.codeAutomationExit.
//
// Everything a run writes (HOME, TMPDIR, user data, extensions, config, Chromium's profile)
// stays inside its run folder. code-server starts in a session of its own (setsid) and its whole
// process group is killed afterwards, so no extension host or language server outlives a run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface RunOptions {
  /** code-server's out/node/entry.js. */
  codeServerEntry: string;
  /** The Chromium or Chrome executable. */
  chromium: string;
  /** A fresh folder for everything this run writes. */
  runDir: string;
  /** The folder the workbench opens. */
  workspace: string;
  /** The extension under development; without it the run uses the extensions installed in the run folder. */
  extensionDevelopmentPath?: string;
  /** The compiled suites' index module (exports run()). */
  extensionTestsPath: string;
  /** User settings of the run's profile. */
  settings: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host. */
  env?: Record<string, string>;
  /** Workspace trust on: the folder opens untrusted (restricted mode) until a suite grants trust. */
  workspaceTrust?: boolean;
  timeoutMs: number;
  /** Called with each console line; `screenshot:<name>` requests are answered through `onScreenshot`. */
  onConsole?: (line: string) => void;
  /** Screenshots the suites asked for land here as <name>.png, and a <name>.done file answers them. */
  screenshotDir?: string;
}

export interface RunResult {
  exitCode: number | undefined;
  console: string[];
  serverLog: string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Ends code-server's whole process group (extension host and language server included): TERM,
 * a few seconds to exit, then KILL for whatever is left. */
async function killGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined) return;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is already gone
    }
  };
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  signal('SIGKILL');
}

/** The folders of a run, created; code-server's config, profile and extensions all live in them. */
function runFolders(runDir: string) {
  const folders = {
    home: join(runDir, 'home'), tmp: join(runDir, 'tmp'), userData: join(runDir, 'user-data'),
    extensions: join(runDir, 'extensions'), config: join(runDir, 'config.yaml'),
  };
  for (const dir of [folders.home, folders.tmp, join(folders.userData, 'User'), folders.extensions]) mkdirSync(dir, { recursive: true });
  return folders;
}

function runEnv(runDir: string, extra?: Record<string, string>): NodeJS.ProcessEnv {
  const { home, tmp, extensions } = runFolders(runDir);
  const env: NodeJS.ProcessEnv = {
    ...process.env, ...extra, BIT_HARBOR_EXTENSIONS_DIR: extensions,
    HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), XDG_CACHE_HOME: join(home, '.cache'),
  };
  // Offline only when the run asks for it: an online run must not inherit it from the shell.
  if (!extra?.BIT_HARBOR_OFFLINE) delete env.BIT_HARBOR_OFFLINE;
  return env;
}

function commonArgs(entry: string, runDir: string): string[] {
  const folders = runFolders(runDir);
  return [entry, '--config', folders.config, '--user-data-dir', folders.userData, '--extensions-dir', folders.extensions];
}

/** Installs a .vsix into the run folder's extensions with code-server's CLI, as a user would. */
export function installExtension(codeServerEntry: string, runDir: string, vsix: string): string {
  const folders = runFolders(runDir);
  writeFileSync(folders.config, 'auth: none\ncert: false\n');
  const result = spawnSync(process.execPath, [...commonArgs(codeServerEntry, runDir), '--install-extension', vsix, '--force'], { env: runEnv(runDir), encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`code-server --install-extension ${vsix} exited ${result.status}:\n${output}`);
  return output;
}

function startCodeServer(options: RunOptions, port: number): { child: ChildProcess; log: () => string; listening: Promise<void> } {
  const folders = runFolders(options.runDir);
  writeFileSync(join(folders.userData, 'User', 'settings.json'), JSON.stringify(options.settings, null, 2));
  writeFileSync(folders.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [
    ...commonArgs(options.codeServerEntry, options.runDir), '--disable-telemetry', '--disable-update-check',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
  ];
  const env = runEnv(options.runDir, options.env);
  // detached: the child calls setsid(), so it leads a process group that killGroup() ends whole.
  const child = spawn(process.execPath, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let onListening: () => void = () => {};
  let onExit: (error: Error) => void = () => {};
  const listening = new Promise<void>((resolve, reject) => ((onListening = resolve), (onExit = reject)));
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.includes('HTTP server listening')) onListening();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('exit', (code) => onExit(new Error(`code-server exited with ${code} before listening:\n${log}`)));
  return { child, log: () => log, listening };
}

function workbenchUrl(port: number, options: RunOptions): string {
  const authority = `127.0.0.1:${port}`;
  const remote = (path: string) => `vscode-remote://${authority}${path}`;
  const payload = [
    ...(options.extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)]] : []),
    ['extensionTestsPath', remote(options.extensionTestsPath)],
  ];
  return `http://${authority}/?folder=${encodeURIComponent(options.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** printf-style formatting as the browser console does it; VS Code nests formats (`%c INFO`, then mocha's). */
function format(values: unknown[]): string {
  const show = (value: unknown) => (typeof value === 'object' ? JSON.stringify(value) : String(value));
  const [first, ...rest] = values;
  if (typeof first !== 'string' || !first.includes('%')) return values.map(show).join(' ');
  const text = first.replace(/%[csdifoO%]/g, (spec) => {
    if (spec === '%%') return '%';
    const value = rest.shift();
    return spec === '%c' ? '' : show(value);
  });
  return [text, ...(rest.length > 0 ? [format(rest)] : [])].join(' ').replace(/\s+$/, '');
}

/** The console message as the page printed it. */
async function consoleText(message: ConsoleMessage): Promise<string> {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => String(arg))));
  return values.length === 0 ? message.text() : format(values);
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function answerScreenshot(page: Page, dir: string, name: string): Promise<void> {
  await page.screenshot({ path: join(dir, `${name}.png`) });
  writeFileSync(join(dir, `${name}.done`), '');
}

/**
 * What a suite asks of the page (client/test/suite/helpers.ts `askPage`): the texts of every
 * notification in the notification centre (the suite opens it first), or pressing *Trust* in the
 * Workspace Trust editor (the suite opens it first) as a user would.
 */
async function answerPageAction(page: Page, dir: string, action: string): Promise<void> {
  let answer: unknown = null;
  try {
    if (action === 'notifications') {
      answer = await page.locator('.notifications-center .notification-list-item-message').allInnerTexts();
    } else if (action === 'grant-trust') {
      const editor = page.locator('.workspace-trust-editor');
      await editor.waitFor({ timeout: 20_000 });
      await editor.getByRole('button', { name: /^Trust/ }).first().click();
    } else {
      answer = { pageError: `no page action ${action}` };
    }
  } catch (error) {
    // Said to the suite, which fails with it, rather than left to a timeout.
    answer = { pageError: error instanceof Error ? error.message : String(error) };
  }
  writeFileSync(join(dir, `${action}.json`), JSON.stringify(answer));
}

/** Runs the suites once in a fresh code-server and Chromium; always tears both down. */
export async function runInCodeServer(options: RunOptions): Promise<RunResult> {
  const port = await freePort();
  const server = startCodeServer(options, port);
  const lines: string[] = [];
  let context: BrowserContext | undefined;
  try {
    await within(server.listening, 60_000, 'code-server to listen');
    context = await chromium.launchPersistentContext(join(options.runDir, 'chromium'), {
      executablePath: options.chromium, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 800 },
      env: runEnv(options.runDir),
    });
    const page = context.pages()[0] ?? (await context.newPage());
    let exited: (code: number) => void = () => {};
    const exit = new Promise<number>((resolve) => (exited = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    const screenshots: Promise<void>[] = [];
    // Formatting is asynchronous; chaining keeps the lines in the order they were printed.
    let printed = Promise.resolve();
    page.on('console', (message) => {
      printed = printed.then(async () => {
        const text = await consoleText(message);
        lines.push(text);
        options.onConsole?.(text);
        const request = /(?:^|\s)screenshot:([\w-]+)$/.exec(text);
        if (request && options.screenshotDir) screenshots.push(answerScreenshot(page, options.screenshotDir, request[1]));
        const action = /(?:^|\s)page-action:([\w-]+)$/.exec(text);
        if (action && options.screenshotDir) screenshots.push(answerPageAction(page, options.screenshotDir, action[1]));
      });
    });
    await page.goto(workbenchUrl(port, options));
    const exitCode = await within(exit, options.timeoutMs, 'the suites to finish (window.codeAutomationExit)');
    await printed;
    await Promise.all(screenshots);
    return { exitCode, console: lines, serverLog: server.log() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- browser console ---\n${lines.join('\n')}\n--- code-server ---\n${server.log()}`);
  } finally {
    await context?.close().catch(() => undefined);
    await killGroup(server.child);
  }
}
