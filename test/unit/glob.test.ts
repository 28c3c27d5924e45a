import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, matchesGlob, MAX_GLOB_LENGTH } from '../../server/src/engine/glob';

test('globs keep their meaning: names, suffixes, **, classes and braces', () => {
  const yes: [string, string][] = [
    ['/w/values-prod.yaml', 'values-*.yaml'],
    ['/w/a/b/c.yml', '**/*.{yaml,yml}'],
    ['/w/deploy/x.yaml', '/deploy/x.yaml'],
    ['/w/deploy/sub/x.yaml', 'deploy/**'],
    ['/w/deploy/x.yaml', 'deploy/**/x.yaml'],
    ['/w/values-1.yaml', 'values-[0-9].yaml'],
    ['/w/values-b.yaml', 'values-[!0-9].yaml'],
    ['/w/a.yaml', '?.yaml'],
    ['/w/p/q.yaml', '{p,r}/{q,s}.yaml'],
    ['/w/x/y/z.yaml', '{x/y,k}/z.yaml'],
    ['/w/{a.yaml', '{a.yaml'],
  ];
  for (const [path, glob] of yes) assert.ok(matchesGlob(path, glob), `${glob} should match ${path}`);
  const no: [string, string][] = [
    ['/w/values-prod.yaml.bak', 'values-*.yaml'],
    ['/w/deploy', 'deploy/**'],
    ['/w/xdeploy/x.yaml', 'deploy/x.yaml'],
    ['/w/values-a.yaml', 'values-[0-9].yaml'],
    ['/w/ab.yaml', '?.yaml'],
    ['/w/a/b.yaml', 'a*b.yaml'],
  ];
  for (const [path, glob] of no) assert.ok(!matchesGlob(path, glob), `${glob} should not match ${path}`);
});

test('a backtracking pattern against a long name answers in well under 100 ms', () => {
  const name = '/w/' + 'a'.repeat(5000) + '.yaml';
  for (const glob of ['*a*a*a*a*a*a*a*a*a*a*ab', '**/*a*a*a*a*a*a*a*a*a*a*ab', '{*a*a*a*a*a*a*,*a*a*a*a*a*a*a*a*a*a*}b']) {
    const started = performance.now();
    assert.equal(matchesGlob(name, glob), false);
    assert.ok(performance.now() - started < 100, `${glob} took ${performance.now() - started} ms`);
  }
  const deep = '/' + Array.from({ length: 2000 }, () => 'a').join('/') + '/b';
  const started = performance.now();
  assert.equal(matchesGlob(deep, '**/a/**/a/**/a/**/a/**/a/**/c'), false);
  assert.ok(performance.now() - started < 100);
});

test('over-long patterns and brace bombs are bounded', () => {
  assert.equal(compileGlob('*'.repeat(MAX_GLOB_LENGTH + 1)).matches('/w/a.yaml'), false);
  const started = performance.now();
  assert.equal(matchesGlob('/w/zzz.yaml', '{a,b}'.repeat(40) + '.yaml'), false);
  assert.equal(matchesGlob('/w/a.yaml', '{'.repeat(500) + 'a.yaml'), false);
  assert.ok(performance.now() - started < 100);
});
