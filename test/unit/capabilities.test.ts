// boot.ts answers `initialize` from server/capabilities.ts before the feature modules load, so
// that module must announce everything they declare they serve, exactly as they declare it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AUTHORING_CAPABILITIES } from '../../server/src/server/authoring';
import { CODE_ACTION_KINDS } from '../../server/src/server/code-actions';
import { CATALOGUE_CAPABILITIES } from '../../server/src/server/features';
import { SERVER_CAPABILITIES } from '../../server/src/server/capabilities';

test('the capabilities announced at start-up hold every feature module declaration', () => {
  for (const [key, value] of Object.entries({ ...CATALOGUE_CAPABILITIES, ...AUTHORING_CAPABILITIES })) {
    assert.deepEqual(SERVER_CAPABILITIES[key as keyof typeof SERVER_CAPABILITIES], value, key);
  }
  assert.deepEqual(SERVER_CAPABILITIES.codeActionProvider, { codeActionKinds: CODE_ACTION_KINDS });
});

test('the capabilities announced at start-up are plain data the protocol can carry', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(SERVER_CAPABILITIES)), SERVER_CAPABILITIES);
});
