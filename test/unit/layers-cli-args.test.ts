// `-f` / `--values`: Helm's flag for the files of one release, kept in the order given.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';
import { readableRoots } from '../../server/src/cli/layers';

it('collects -f and --values in order, and needs no PATH with them', () => {
  const command = parseArgs(['lint', '-f', 'values.yaml', '--values=values-gpu.yaml', '--values', 'values-prod.yaml']);
  assert.ok(command.kind === 'lint');
  assert.deepEqual(command.values, ['values.yaml', 'values-gpu.yaml', 'values-prod.yaml']);
  assert.deepEqual(command.paths, []);
});

it('leaves values out when no -f is given, and still wants a PATH', () => {
  const command = parseArgs(['lint', 'a.yaml']);
  assert.ok(command.kind === 'lint' && command.values === undefined);
  assert.throws(() => parseArgs(['lint']), /missing PATH/);
  assert.throws(() => parseArgs(['lint', '-f']), /option -f needs a value/);
});

it('collects --allow-outside folders, and the readable roots are the working folder, the named ones and those', () => {
  const command = parseArgs(['lint', '--allow-outside', '/shared/values', '--allow-outside=../common', 'deploy/a.yaml', '-f', '/elsewhere/base.yaml']);
  assert.ok(command.kind === 'lint');
  assert.deepEqual(command.allowOutside, ['/shared/values', '../common']);
  assert.deepEqual(readableRoots(command, '/work/repo'), ['/work/repo', '/work/repo/deploy', '/elsewhere', '/shared/values', '/work/common']);
  const plain = parseArgs(['lint', 'a.yaml']);
  assert.ok(plain.kind === 'lint' && plain.allowOutside === undefined);
  assert.throws(() => parseArgs(['lint', 'a.yaml', '--allow-outside']), /needs a value/);
});
