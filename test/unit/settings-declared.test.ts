// Every setting the code reads is declared in package.json (VS Code applies an undeclared key
// from a repository's .vscode/settings.json whatever its intended scope), and each that decides
// a host, a file or inserted text is machine-scoped and ignored in restricted mode (issue #21).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readCatalogueSettings } from '../../server/src/engine/catalogue/parse';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { toEngineSettings } from '../../server/src/server/settings';
import { repoRoot } from '../support/markers';

const ROOT = repoRoot();
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const properties = pkg.contributes.configuration.properties as Record<string, { scope?: string }>;
const declared = Object.keys(properties);

/** A settings section that records every key path read from it (`files.inferenceStack`). */
function recordingSection(prefix: string, reads: Set<string>): unknown {
  return new Proxy({}, {
    get(_target, key) {
      if (typeof key !== 'string' || key === 'toJSON') return undefined;
      const at = prefix === '' ? key : `${prefix}.${key}`;
      reads.add(at);
      return recordingSection(at, reads);
    },
  });
}

/** `bitHarbor.x` the client or server reads by name: `.get('x')` on the bitHarbor section, or a literal key. */
function namedReads(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/getConfiguration\(\s*['"]bitHarbor['"]\s*\)\s*\.get(?:<[^>]*>)?\(\s*['"]([\w.]+)['"]/g)) found.add(m[1]);
        for (const m of text.matchAll(/getConfiguration\(\s*['"]bitHarbor\.([\w.]+)['"]/g)) found.add(m[1]);
        for (const m of text.matchAll(/affectsConfiguration\(\s*['"]bitHarbor\.([\w.]+)['"]/g)) found.add(m[1]);
      }
    }
  };
  walk(path.join(ROOT, 'client', 'src'));
  walk(path.join(ROOT, 'server', 'src'));
  return found;
}

/** A read is declared when it names a declared key or an object above one (`gpu` above `gpu.tolerations`). */
function isDeclared(read: string): boolean {
  const key = `bitHarbor.${read}`;
  return declared.some((name) => name === key || name.startsWith(`${key}.`));
}

test('every setting the server and the client read is declared in package.json', () => {
  const reads = new Set<string>();
  toEngineSettings(recordingSection('', reads));
  readCatalogueSettings(recordingSection('catalog', reads));
  for (const read of namedReads()) reads.add(read);
  assert.ok(reads.has('files.inferenceStack') && reads.has('catalog.url'), 'the recorder sees reads');
  const undeclared = [...reads].filter((read) => !isDeclared(read));
  assert.deepEqual(undeclared, [], 'read but not declared in contributes.configuration');
});

test('settings that choose a host, a file or inserted text are machine-scoped and restricted', () => {
  for (const key of ['bitHarbor.catalog.registryConcurrency', 'bitHarbor.catalog.registryTagsPerRefresh']) assert.equal(properties[key]?.scope, 'machine', key);
  const guarded = ['bitHarbor.catalog.url', 'bitHarbor.catalog.path', 'bitHarbor.catalog.registryUrl', 'bitHarbor.registries', 'bitHarbor.copyImage', 'bitHarbor.gpu.nodeSelector', 'bitHarbor.gpu.tolerations'];
  const restricted: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  for (const key of guarded) {
    assert.ok(['machine', 'application'].includes(properties[key]?.scope ?? ''), `${key} is ${properties[key]?.scope}`);
    assert.ok(restricted.includes(key), `${key} is not in restrictedConfigurations`);
  }
});

test('in restricted mode the server ignores what fixes would insert from the settings', () => {
  const section = { copyImage: 'evil.example/x:1', gpu: { nodeSelector: { a: 'b' }, tolerations: [{ key: 'x' }] } };
  assert.equal(toEngineSettings(section).copyImage, 'evil.example/x:1');
  const restricted = toEngineSettings(section, true);
  assert.equal(restricted.copyImage, DEFAULT_SETTINGS.copyImage);
  assert.deepEqual(restricted.gpu, DEFAULT_SETTINGS.gpu);
});
