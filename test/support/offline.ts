// Environment for spawned servers and CLIs in tests and the benchmark: never the network, and a
// cache folder of the run's own instead of the user's.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function offlineEnv(run: 'test' | 'bench' = 'test'): NodeJS.ProcessEnv {
  return { ...process.env, BIT_HARBOR_OFFLINE: '1', XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), `bit-harbor-${run}-cache-`)) };
}
