// Environment for spawned servers and CLIs in tests: never the network, and a cache folder of
// the test run's own instead of the user's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function offlineEnv(): NodeJS.ProcessEnv {
  return { ...process.env, BIT_HARBOR_OFFLINE: '1', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'bit-harbor-test-cache-')) };
}
