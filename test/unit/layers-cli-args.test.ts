// `-f` / `--values`: Helm's flag for the files of one release, kept in the order given.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseArgs } from '../../server/src/cli/args';

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
