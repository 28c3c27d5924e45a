// bitHarbor.releaseName names the release a file is rendered as (Show Rendered Manifests, the
// renderManifests command) unless the caller names one; without either, helm template's
// RELEASE-NAME.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';

const TEXT = 'modelGroups:\n  chat:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    command: [vllm, serve, /models/chat]\n';

function serviceNames(engine: Engine, releaseName?: string): string[] {
  const release = engine.render({ path: '/w/values.yaml', text: TEXT }, releaseName ? { releaseName } : {});
  assert.ok(release);
  return release.documents.flatMap((doc) => (doc.object as { kind?: string }).kind === 'Service' ? [(doc.object as { metadata: { name: string } }).metadata.name] : []);
}

test('the release name: the caller\'s, else bitHarbor.releaseName, else RELEASE-NAME', () => {
  assert.ok(serviceNames(new Engine()).includes('RELEASE-NAME-inference-stack-chat'));
  assert.ok(serviceNames(new Engine({ releaseName: 'staging' })).includes('staging-inference-stack-chat'));
  assert.ok(serviceNames(new Engine({ releaseName: 'staging' }), 'prod').includes('prod-inference-stack-chat'));
});
