// Provisioning never skips silently: where it may not install (not root), a missing Debian
// package stops the editor tests with the exact command to run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './tools';

it('fails with the apt-get command when it may not install a missing package', () => {
  const script = pathToFileURL(join(ROOT, 'scripts/provision-editor-tools.mjs')).href;
  const code = `import(${JSON.stringify(script)}).then((m) => m.ensureDebianPackages(['bit-harbor-no-such-package', 'coreutils']))`;
  // As root, drop to `nobody` for this one process: a non-root user is the case under test.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: '/', ...asUser });
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /not installed: bit-harbor-no-such-package\.\nRun as root:\n {2}apt-get update && apt-get install -y bit-harbor-no-such-package\n/);
});
