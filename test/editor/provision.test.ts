// Provisioning never skips silently: where it may not install (not root), a missing Debian
// package stops the editor tests with the exact command to run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ROOT } from './tools';

it('fails with the apt-get command when it may not install a missing package', () => {
  const script = pathToFileURL(join(ROOT, 'scripts/provision-editor-tools.mjs')).href;
  const code = `import(${JSON.stringify(script)}).then((m) => m.ensureDebianPackages(['bit-harbor-no-such-package', 'coreutils'])).catch((e) => { process.stderr.write(e.message + '\\n'); process.exit(1); })`;
  // As root, drop to `nobody` for this one process: a non-root user is the case under test.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: '/', ...asUser });
  assert.notEqual(result.status, 0);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.match(result.stderr, /not installed \(bit-harbor-no-such-package\); as root, run: apt-get update && apt-get install -y bit-harbor-no-such-package\n/);
});

it('uses an installed Chromium or Chrome: BIT_HARBOR_CHROMIUM, else the first browser on PATH, else none', async () => {
  const { findChromium } = (await import(pathToFileURL(join(ROOT, 'scripts/provision-editor-tools.mjs')).href)) as { findChromium: (env: NodeJS.ProcessEnv) => string | null };
  const bin = mkdtempSync(join(tmpdir(), 'bhv-browsers-'));
  try {
    assert.equal(findChromium({ PATH: bin }), null);
    for (const name of ['google-chrome', 'chromium-browser']) {
      writeFileSync(join(bin, name), '#!/bin/sh\n');
      chmodSync(join(bin, name), 0o755);
    }
    // Distribution names come before Google's.
    assert.equal(findChromium({ PATH: bin }), join(bin, 'chromium-browser'));
    assert.equal(findChromium({ PATH: bin, BIT_HARBOR_CHROMIUM: join(bin, 'google-chrome') }), join(bin, 'google-chrome'));
    assert.throws(() => findChromium({ PATH: bin, BIT_HARBOR_CHROMIUM: join(bin, 'nothing') }), /BIT_HARBOR_CHROMIUM names .*nothing, which does not exist/);
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
