// Resolving the schema of a place in a values file: through `$ref`s into kubernetes.schema.json,
// through additionalProperties (model groups by name) and list items, with the place's own
// description winning over the definition's, and the chart's defaults.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultOf, propertyNames, schemaAt, shapeOf, typeLabel } from '../../server/src/engine/authoring/schema-at-path';

describe('schema at a path', () => {
  it('follows additionalProperties and $refs into the Kubernetes definitions', () => {
    const mount = schemaAt('inference-stack', ['modelGroups', 'anything', 'initContainers', 0, 'volumeMounts', 0]);
    assert.equal(mount?.definition, 'VolumeMount');
    assert.deepEqual(propertyNames(mount!).slice(0, 3), ['name', 'mountPath', 'subPath']);
    const sizeLimit = schemaAt('inference-stack', ['modelGroups', 'g', 'volumes', 0, 'emptyDir', 'sizeLimit']);
    assert.equal(sizeLimit?.definition, 'quantity');
    assert.equal(typeLabel(sizeLimit!), 'quantity');
    assert.match(sizeLimit!.description!, /Most the volume may hold/);
    assert.match(sizeLimit!.generalDescription!, /A Kubernetes quantity/);
  });

  it('describes shapes and types', () => {
    assert.equal(shapeOf(schemaAt('inference-stack', ['onwards'])!), 'map');
    assert.equal(typeLabel(schemaAt('inference-stack', ['modelGroups', 'g', 'tolerations'])!), 'list of Toleration');
    assert.equal(typeLabel(schemaAt('inference-stack', ['modelGroups', 'g', 'modelAlias'])!), 'list of string');
    assert.equal(typeLabel(schemaAt('pre-porter', ['images', 0, 'enabled'])!), 'boolean');
    assert.equal(schemaAt('inference-stack', ['onwards', 'replicas']), null);
  });

  it('tells the chart\'s defaults from the example groups\' and the schema\'s', () => {
    const chart = defaultOf('inference-stack', ['onwards', 'replicaCount'], schemaAt('inference-stack', ['onwards', 'replicaCount']));
    assert.deepEqual(chart, { kind: 'chart', value: 1 });
    const examplePath = ['modelGroups', 'llama', 'replicaCount'];
    assert.deepEqual(defaultOf('inference-stack', examplePath, schemaAt('inference-stack', examplePath)), { kind: 'example', value: 1, group: 'llama' });
    const gemmaPath = ['modelGroups', 'vllm-gemma', 'replicaCount'];
    assert.deepEqual(defaultOf('inference-stack', gemmaPath, schemaAt('inference-stack', gemmaPath)), { kind: 'chart', value: 1 });
    const itemPath = ['images', 0, 'pullPolicy'];
    assert.deepEqual(defaultOf('pre-porter', itemPath, schemaAt('pre-porter', itemPath)), { kind: 'schema', value: 'IfNotPresent' });
  });
});
