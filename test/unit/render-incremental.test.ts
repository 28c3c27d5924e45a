// Re-rendering one model group alone (the incremental path): the release assembled from the
// edited group rendered on its own and the other groups' earlier renders equals a full render.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeValues } from '../../server/src/engine/merge';
import { releaseContext, renderModelGroup, renderModelGroups, renderRelease } from '../../server/src/engine/render';
import { renderWith } from '../../server/src/engine/render/index';
import { printManifests } from '../../server/src/engine/render/manifest';
import defaults from '../../schemas/inference-stack.defaults.json';

const user = {
  modelGroups: {
    alpha: { enabled: true, image: { repository: 'vllm/vllm-openai', tag: 'v1' }, service: { port: 8000 }, containerPort: 8000, modelAlias: ['shared', 'a'] },
    beta: { enabled: true, image: { repository: 'lmsysorg/sglang', tag: 'v2' }, service: { port: 30000 }, containerPort: 30000, modelAlias: ['shared'], persistentVolumes: [{ name: 'cache', size: '10Gi', mountPath: '/cache' }] },
  },
};

test('an edit in one group re-renders that group only, and the release equals a full render', () => {
  const before = mergeValues(defaults, user) as Record<string, any>;
  const earlier = renderModelGroups(releaseContext('inference-stack', before));
  const edited = mergeValues(before, { modelGroups: { alpha: { replicaCount: 4, modelName: 'm' } } }) as Record<string, any>;
  const context = releaseContext('inference-stack', edited);
  const groups = earlier.map((group) => (group.group === 'alpha' ? renderModelGroup('alpha', edited.modelGroups.alpha, context) : group));
  const incremental = renderWith(context, groups);
  const full = renderRelease('inference-stack', edited);
  assert.equal(printManifests(incremental), printManifests(full));
  // The Onwards routing table is recomputed from the parts: `shared` goes to beta, which sorts last.
  assert.equal(incremental.targets.get('shared')?.group, 'beta');
  assert.equal(incremental.targets.get('a')?.onwards_model, 'm');
  const deployment = incremental.documents.find((d) => d.object.kind === 'Deployment' && d.owner === 'alpha')!;
  assert.equal((deployment.object.spec as any).replicas, 4);
  assert.deepEqual(deployment.origins.of(['spec', 'replicas']), { kind: 'values', path: ['modelGroups', 'alpha', 'replicaCount'] });
});

test('a group renders from its own values, whatever the merged root holds for it', () => {
  const merged = mergeValues(defaults, user) as Record<string, any>;
  const context = releaseContext('inference-stack', merged);
  const alone = renderModelGroup('alpha', { ...merged.modelGroups.alpha, containerPort: 9000 }, context);
  const container = (alone.deployment!.object.spec as any).template.spec.containers[0];
  assert.equal(container.ports[0].containerPort, 9000);
});
