// What the editor tests share: the worktree's root and provisioning (scripts/provision-editor-tools.mjs,
// run as a child so its apt-get and npm output shows).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');

/** Provisions `what` and returns code-server's entry point (for 'vscode'). Throws with the provisioner's message. */
export function provisionEditorTools(what: 'vscode' | 'neovim'): string {
  const started = Date.now();
  const script = join(ROOT, 'scripts/provision-editor-tools.mjs');
  const result = spawnSync(process.execPath, [script, what], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  process.stderr.write(result.stderr ?? '');
  if (result.status !== 0) throw new Error(`provisioning ${what} failed:\n${result.stderr}`);
  process.stderr.write(`provisioning ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const printed = /code-server entry: (.+)/.exec(result.stderr ?? '');
  return printed ? printed[1].trim() : '';
}
