// What the editor tests share: the worktree's root and provisioning (scripts/provision-editor-tools.mjs,
// run as a child so its apt-get and npm output shows).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

export interface EditorTools {
  /** code-server's entry point ('vscode' only). */
  codeServerEntry: string;
  /** The Chromium or Chrome the provisioner found or installed ('vscode' only). */
  chromium: string;
}

/** Provisions `what` and says where its tools are. Throws with the provisioner's message. */
export function provisionEditorTools(what: 'vscode' | 'neovim' | 'pre-commit'): EditorTools {
  const started = Date.now();
  const script = join(ROOT, 'scripts/provision-editor-tools.mjs');
  const result = spawnSync(process.execPath, [script, what], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) throw new Error(`provisioning ${what} failed:\n${result.stderr}`);
  process.stderr.write(`provisioning ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const printed = (label: string) => new RegExp(`${label}: (.+)`).exec(result.stderr ?? '')?.[1].trim() ?? '';
  return { codeServerEntry: printed('code-server entry'), chromium: printed('chromium') };
}
