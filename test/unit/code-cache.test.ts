// V8's code cache for the bundles (server/src/code-cache.ts): a cache made from a bundle is used
// for that very text on this Node, and set aside otherwise (other text of the same length, another
// Node, a broken file), the bundle then compiling and running as usual. Each case runs in a child
// process, as the CLI and the server do, with BIT_HARBOR_CODE_CACHE=report saying what was used.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';

const CODE_CACHE = path.resolve(__dirname, '../../server/src/code-cache.js');

function bundle(answer: number): string {
  return `const path = require('node:path');\nexports.answer = () => ({ answer: ${answer}, dir: path.basename(__dirname), file: path.basename(__filename) });\n`;
}

/** Loads `dir`/bundle.js with the code cache in `mode`; what it answered and the cache report. */
function load(dir: string, mode: string): { answer: unknown; report: string[] } {
  const script = `require(${JSON.stringify(CODE_CACHE)}).useCodeCache(${JSON.stringify(dir)});\n` +
    `process.stdout.write(JSON.stringify(require(${JSON.stringify(path.join(dir, 'bundle.js'))}).answer()));`;
  const result = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, BIT_HARBOR_CODE_CACHE: mode }, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return { answer: JSON.parse(result.stdout), report: result.stderr.split('\n').filter(Boolean) };
}

describe('code cache', () => {
  const dirs: string[] = [];
  const folder = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bhv-code-cache-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'bundle.js'), bundle(41));
    return dir;
  };
  after(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
  const cache = (dir: string) => path.join(dir, 'bundle.js.cache');

  it('is written for a bundle, then used for it, with require, __dirname and __filename intact', () => {
    const dir = folder();
    assert.equal(fs.existsSync(cache(dir)), false);
    assert.deepEqual(load(dir, 'report').report, [], 'a bundle without a cache compiles as usual');
    const expected = { answer: 41, dir: path.basename(dir), file: 'bundle.js' };
    assert.deepEqual(load(dir, 'write').answer, expected);
    assert.ok(fs.statSync(cache(dir)).size > 100);
    assert.deepEqual(load(dir, 'report'), { answer: expected, report: ['bit-harbor: code cache of bundle.js: used'] });
  });

  it('is set aside for other text of the same length', () => {
    const dir = folder();
    load(dir, 'write');
    fs.writeFileSync(path.join(dir, 'bundle.js'), bundle(42));
    const { answer, report } = load(dir, 'report');
    assert.deepEqual(answer, { answer: 42, dir: path.basename(dir), file: 'bundle.js' });
    assert.deepEqual(report, ['bit-harbor: code cache of bundle.js: other text']);
  });

  it('is set aside when made by another Node, or broken, or refused by V8', () => {
    const dir = folder();
    load(dir, 'write');
    const bytes = fs.readFileSync(cache(dir));
    const end = bytes.indexOf(0x0a);
    const header = JSON.parse(bytes.subarray(0, end).toString()) as Record<string, string>;
    const withHeader = (changed: Record<string, string>, data = bytes.subarray(end + 1)) =>
      fs.writeFileSync(cache(dir), Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, ...changed })}\n`), data]));
    const cases: [string, () => void][] = [
      ['other node', () => withHeader({ node: 'v0.0.1' })],
      ['refused by V8', () => withHeader({}, Buffer.alloc(bytes.length - end - 1, 7))],
      ['broken', () => fs.writeFileSync(cache(dir), 'not a cache')],
      ['broken', () => fs.writeFileSync(cache(dir), '')],
    ];
    for (const [use, spoil] of cases) {
      spoil();
      const { answer, report } = load(dir, 'report');
      assert.deepEqual(answer, { answer: 41, dir: path.basename(dir), file: 'bundle.js' }, use);
      assert.deepEqual(report, [`bit-harbor: code cache of bundle.js: ${use}`]);
    }
  });

  it('is left alone for modules outside the folder it was set up for', () => {
    const dir = folder();
    load(dir, 'write');
    const script = `require(${JSON.stringify(CODE_CACHE)}).useCodeCache(${JSON.stringify(folder())});\nrequire(${JSON.stringify(path.join(dir, 'bundle.js'))});`;
    const outside = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, BIT_HARBOR_CODE_CACHE: 'report' }, encoding: 'utf8' });
    assert.equal(outside.status, 0, outside.stderr);
    assert.equal(outside.stderr, '');
  });
});
