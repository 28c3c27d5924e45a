// Kubernetes types are judged on the rendered objects (render/kubernetes-types.ts): each issue is
// found in an object the chart renders and carried back to the values node that wrote the field.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Engine } from '../../server/src/engine/engine';
import { mergedValues } from '../../server/src/engine/values-file';
import { modelGroups } from '../../server/src/engine/model-groups';
import { renderRelease } from '../../server/src/engine/render';
import { checkRendered, kubernetesIssues, type ObjectValidator } from '../../server/src/engine/render/kubernetes-types';
import { SchemaValidator } from '../../server/src/engine/schema/validator';
import type { ChartId } from '../../server/src/engine/types';

const validator = new SchemaValidator();
const validate: ObjectValidator = (kind, object) => validator.validateObject(kind, object);

function group(extra: Record<string, unknown>, enabled: unknown = true): Record<string, unknown> {
  return { enabled, image: { repository: 'ghcr.io/acme/engine', tag: '1.0' }, containerPort: 8000, service: { port: 8000 }, modelAlias: ['m'], ...extra };
}

function paths(issues: { keyword: string; path: string[] }[]): string[] {
  return issues.map((issue) => `${issue.keyword} ${issue.path.join('.')}`).sort();
}

function rendered(chart: ChartId, values: Record<string, unknown>): string[] {
  return paths(checkRendered(renderRelease(chart, mergedValues(chart, [values])).documents, validate).issues);
}

test('issues found in rendered objects are reported at the values paths that wrote the fields', () => {
  const values = {
    modelGroups: {
      qwen: group({
        resources: { limits: { cpu: 'lots' } },
        volumes: [{ name: 'a', emptyDir: { sizelimit: '5Gi' } }],
        volumeMounts: [{ name: 'a', mountPath: 7 }],
        podAnnotations: { owner: 1 },
        persistentVolumes: [{ name: 'w', mountPath: '/w', size: 'lots', accessModes: ['ReadWriteOnce'] }],
      }),
    },
    onwards: { env: [{ name: 'A', value: 1 }] },
    serviceMonitor: { enabled: true, labels: { team: true } },
  };
  assert.deepEqual(rendered('inference-stack', values), [
    'additionalProperties modelGroups.qwen.volumes.0.emptyDir',
    'pattern modelGroups.qwen.persistentVolumes.0.size',
    'pattern modelGroups.qwen.resources.limits.cpu',
    'type modelGroups.qwen.podAnnotations.owner',
    'type modelGroups.qwen.volumeMounts.0.mountPath',
    'type onwards.env.0.value',
    'type serviceMonitor.labels.team',
    // In the Onwards ServiceMonitor and in the group's: reported once by the check (kubernetesIssues).
    'type serviceMonitor.labels.team',
  ]);
});

test('Pre-Porter: a cron job\'s pod is checked, a global default at the path each job took it from', () => {
  const values = {
    advancedCronJob: { enabled: true },
    globalResources: { requests: { memory: 'much' } },
    images: [
      { name: 'a', enabled: true },
      { name: 'b', enabled: true, resources: { requests: { memory: '1Gi' } }, tolerations: [{ key: 'gpu', operator: 'Maybe' }] },
    ],
  };
  assert.deepEqual(rendered('pre-porter', values), [
    'enum images.1.tolerations.0.operator',
    'pattern globalResources.requests.memory',
  ]);
});

test('names and images the template assembles around a value are not judged here (invalid-name, invalid-tag)', () => {
  const values = { modelGroups: { Bad_Name: group({}) } };
  assert.deepEqual(rendered('inference-stack', values), []);
});

test('a field set to null is a field not set; an inline-printed quoted number is the integer Kubernetes receives', () => {
  const values = { modelGroups: { qwen: group({ podSecurityContext: null, nodeSelector: { pool: 'gpu' }, additionalPorts: [{ name: 'metrics', containerPort: '9000' }] }) } };
  assert.deepEqual(rendered('inference-stack', values), []);
});

test('a string containerPort inside an initContainers entry is copied as written, and rejected', () => {
  const values = { modelGroups: { qwen: group({ initContainers: [{ name: 'copy', image: 'busybox', ports: [{ containerPort: '8000' }] }] }) } };
  assert.deepEqual(rendered('inference-stack', values), ['type modelGroups.qwen.initContainers.0.ports.0.containerPort']);
});

test('a values-level issue inside a rendered Kubernetes field gives way to the rendered one; an unrendered field keeps it', () => {
  const values = mergedValues('inference-stack', [{
    modelGroups: {
      on: group({ resources: { limits: { cpu: 'lots' } } }),
      off: group({ resources: { limits: { cpu: 'lots' } } }, false),
    },
  }]);
  const valuesIssues = validator.validate('inference-stack', values);
  assert.deepEqual(paths(valuesIssues), ['pattern modelGroups.off.resources.limits.cpu', 'pattern modelGroups.on.resources.limits.cpu']);
  const issues = kubernetesIssues({ chart: 'inference-stack', merged: values, groups: () => modelGroups(values).filter((view) => view.enabled), validator, valuesIssues });
  assert.deepEqual(paths(issues), ['pattern modelGroups.off.resources.limits.cpu', 'pattern modelGroups.on.resources.limits.cpu']);
  const onIssue = issues.find((issue) => issue.path.includes('on'))!;
  assert.ok(!valuesIssues.includes(onIssue), 'the enabled group\'s issue is the rendered object\'s');
  const offIssue = issues.find((issue) => issue.path.includes('off'))!;
  assert.ok(valuesIssues.includes(offIssue), 'the disabled group keeps its values-level issue');
});

test('the chart schemas\' Kubernetes fields are found where the values hold them', () => {
  const fields = validator.kubernetesFields('inference-stack').map((path) => path.join('/'));
  for (const expected of ['modelGroups/*/resources', 'modelGroups/*/volumes/*', 'modelGroups/*/persistentVolumes/*/size', 'onwards/env/*', 'serviceMonitor/labels']) {
    assert.ok(fields.includes(expected), `${expected} in ${fields.join(', ')}`);
  }
  assert.ok(validator.kubernetesFields('pre-porter').map((path) => path.join('/')).includes('globalResources'));
});

test('the engine reports a rendered field\'s issue once, at its values node', () => {
  const text = [
    'modelGroups:',
    '  qwen:',
    '    enabled: true',
    '    image: {repository: ghcr.io/acme/engine, tag: "1.0"}',
    '    containerPort: 8000',
    '    service: {port: 8000}',
    '    modelAlias: [m]',
    '    resources:',
    '      limits:',
    '        cpu: lots',
    'serviceMonitor:',
    '  enabled: true',
    '  labels:',
    '    team: true',
  ].join('\n');
  const findings = new Engine().analyze({ text, path: '/work/values.yaml' }).findings.filter((finding) => finding.severity === 'error');
  assert.deepEqual(findings.map((finding) => `${finding.code} ${text.slice(finding.range.start, finding.range.end)}`).sort(), [
    'bad-value lots',
    'wrong-type true',
  ]);
});

test('Pre-Porter: an item of a copied list is reported once, from the cron job\'s pod', () => {
  const text = [
    'advancedCronJob:',
    '  enabled: true',
    'images:',
    '  - name: a',
    '    enabled: true',
    '    tolerations:',
    '      - key: gpu',
    '        operator: Maybe',
  ].join('\n');
  const findings = new Engine().analyze({ text, path: '/work/pre-porter-values.yaml' }).findings.filter((finding) => finding.severity === 'error');
  assert.deepEqual(findings.map((finding) => `${finding.code} ${text.slice(finding.range.start, finding.range.end)}`), ['bad-value Maybe']);
});
