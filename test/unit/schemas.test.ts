// The shipped JSON schemas and chart defaults: they compile in ajv strict mode, they match the
// upstream charts, they accept every upstream example, they describe every key, and they reject
// the mistakes they exist to catch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';

const repoRoot = path.resolve(__dirname, '../../..');
const referenceRoot = path.resolve(repoRoot, '../shared/reference');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function readJson(relative: string): JsonObject {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8')) as JsonObject;
}

function readReferenceYaml(relative: string): JsonObject {
  return parseYaml(fs.readFileSync(path.join(referenceRoot, relative), 'utf8')) as JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Helm's merge of a user file over chart defaults: maps merge by key, lists and scalars
 * replace, null deletes the key. */
function helmMerge(base: Json, override: Json): Json {
  if (!isObject(base) || !isObject(override)) return structuredClone(override);
  const merged: JsonObject = structuredClone(base);
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = key in merged ? helmMerge(merged[key], value) : structuredClone(value);
  }
  return merged;
}

const kubernetesSchema = readJson('schemas/kubernetes.schema.json');
const inferenceStackSchema = readJson('schemas/inference-stack.schema.json');
const prePorterSchema = readJson('schemas/pre-porter.schema.json');
const inferenceStackDefaults = readJson('schemas/inference-stack.defaults.json');
const prePorterDefaults = readJson('schemas/pre-porter.defaults.json');

function compileAll(): { inferenceStack: ValidateFunction; prePorter: ValidateFunction } {
  // allowUnionTypes: quantities are `string | number` and ports `string | integer`, which strict
  // mode rejects unless union types are allowed explicitly.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema(kubernetesSchema);
  return { inferenceStack: ajv.compile(inferenceStackSchema), prePorter: ajv.compile(prePorterSchema) };
}

const validators = compileAll();

function errorsOf(validate: ValidateFunction, data: Json): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message} ${JSON.stringify(e.params)}`).join('\n');
}

function inferenceStack(override: Json): ErrorObject[] {
  return errorsOf(validators.inferenceStack, helmMerge(inferenceStackDefaults, override));
}

function prePorter(override: Json): ErrorObject[] {
  return errorsOf(validators.prePorter, helmMerge(prePorterDefaults, override));
}

function assertFinding(errors: ErrorObject[], instancePath: string, keyword: string, params?: Record<string, unknown>): void {
  const hit = errors.find(
    (e) => e.instancePath === instancePath && e.keyword === keyword && Object.entries(params ?? {}).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v),
  );
  assert.ok(hit, `expected ${keyword} at ${instancePath}, got:\n${describeErrors(errors)}`);
}

// ------------------------------------------------------------------ (a) defaults

test('inference-stack.defaults.json equals the parsed upstream values.yaml', () => {
  assert.deepStrictEqual(inferenceStackDefaults, readReferenceYaml('inference-stack/values.yaml'));
});

test('pre-porter.defaults.json equals the parsed upstream values.yaml', () => {
  assert.deepStrictEqual(prePorterDefaults, readReferenceYaml('bit-harbor/pre-porter/values.yaml'));
});

// ------------------------------------------------------------------ (b) compilation

test('the three schemas compile in ajv strict mode', () => {
  assert.equal(typeof validators.inferenceStack, 'function');
  assert.equal(typeof validators.prePorter, 'function');
  for (const schema of [kubernetesSchema, inferenceStackSchema, prePorterSchema]) {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.match(String(schema.$id), /^https:\/\/bit-harbor-values\.local\/schemas\/[a-z-]+\.schema\.json$/);
  }
});

// ------------------------------------------------------------------ (c) upstream files are valid

test('upstream Inference Stack values.yaml validates as-is', () => {
  const errors = errorsOf(validators.inferenceStack, readReferenceYaml('inference-stack/values.yaml'));
  assert.equal(errors.length, 0, describeErrors(errors));
});

test('upstream Pre-Porter values.yaml validates as-is', () => {
  const errors = errorsOf(validators.prePorter, readReferenceYaml('bit-harbor/pre-porter/values.yaml'));
  assert.equal(errors.length, 0, describeErrors(errors));
});

for (const example of ['multi-engine.yaml', 'single-sglang.yaml', 'single-tensorrt-llm.yaml', 'single-vllm.yaml']) {
  test(`upstream example ${example} merged over the defaults validates`, () => {
    const errors = inferenceStack(readReferenceYaml(`inference-stack/examples/${example}`));
    assert.equal(errors.length, 0, describeErrors(errors));
  });
}

test('the helm merge helper merges maps, replaces lists and deletes on null', () => {
  const merged = helmMerge({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3], e: 'x' }, d: null });
  assert.deepStrictEqual(merged, { a: { b: 1, c: [3], e: 'x' } });
});

test('working weight-delivery recipes validate (image volume with subPath, busybox copy into emptyDir)', () => {
  const errors = inferenceStack({
    modelGroups: {
      'vllm-gemma': {
        enabled: true,
        command: ['vllm', 'serve', '/models'],
        volumes: [
          { name: 'weights', image: { reference: 'ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it', pullPolicy: 'IfNotPresent' } },
          { name: 'models', emptyDir: { sizeLimit: '30Gi' } },
          { name: 'shm', emptyDir: { medium: 'Memory', sizeLimit: '2Gi' } },
        ],
        initContainers: [
          {
            name: 'copy-weights',
            image: 'busybox:1.36',
            command: ['sh', '-c', 'cp -r /src/models/. /models/'],
            volumeMounts: [
              { name: 'weights', mountPath: '/src', readOnly: true },
              { name: 'models', mountPath: '/models' },
            ],
            resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '256Mi' } },
          },
        ],
        volumeMounts: [
          { name: 'weights', mountPath: '/weights', subPath: 'models', readOnly: true },
          { name: 'shm', mountPath: '/dev/shm' },
        ],
        nodeSelector: { 'nvidia.com/gpu.present': 'true' },
        tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
        resources: { limits: { 'nvidia.com/gpu': 1, memory: '5e10' }, requests: { 'nvidia.com/gpu': '1', cpu: 0.5 } },
      },
    },
  });
  assert.equal(errors.length, 0, describeErrors(errors));
});

test('a complete Pre-Porter file validates', () => {
  const errors = prePorter({
    nameOverride: 'cache',
    images: [
      { name: 'gemma-3-12b-it', enabled: true, pullPolicy: 'Always', priorityClassName: 'low' },
      { name: 'qwen-3-8b', enabled: false, nodeSelector: { accelerator: 'h100' }, tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists' }] },
    ],
    globalNodeSelector: { 'nvidia.com/gpu.present': 'true' },
    globalTolerations: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
    globalResources: { requests: { cpu: '50m', memory: '64Mi' } },
    globalSecurityContext: { runAsNonRoot: true, runAsUser: 65534 },
    globalContainerSecurityContext: { readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
    advancedCronJob: {
      enabled: true,
      schedule: '0 * * * *',
      broadcastJobTemplate: { completionPolicy: { type: 'Always', ttlSecondsAfterFinished: 3600 }, podTemplate: { restartPolicy: 'OnFailure' } },
    },
  });
  assert.equal(errors.length, 0, describeErrors(errors));
});

// ------------------------------------------------------------------ (d) descriptions everywhere

type SchemaNode = { [key: string]: unknown };

function missingDescriptions(node: unknown, where: string, out: string[]): void {
  if (!isObject(node)) return;
  const schema = node as SchemaNode;
  const properties = schema.properties;
  if (isObject(properties)) {
    for (const [name, sub] of Object.entries(properties)) {
      const description = isObject(sub) ? sub.description : undefined;
      if (typeof description !== 'string' || description.trim() === '') out.push(`${where}/properties/${name}`);
      missingDescriptions(sub, `${where}/properties/${name}`, out);
    }
  }
  const definitions = schema.definitions;
  if (isObject(definitions)) {
    for (const [name, sub] of Object.entries(definitions)) {
      const description = isObject(sub) ? sub.description : undefined;
      if (typeof description !== 'string' || description.trim() === '') out.push(`${where}/definitions/${name}`);
      missingDescriptions(sub, `${where}/definitions/${name}`, out);
    }
  }
  for (const key of ['items', 'additionalProperties', 'if', 'then', 'else', 'not']) {
    const sub = schema[key];
    if (isObject(sub)) {
      if (key === 'items' || key === 'additionalProperties') {
        const description = sub.description;
        if (typeof description !== 'string' || description.trim() === '') out.push(`${where}/${key}`);
      }
      missingDescriptions(sub, `${where}/${key}`, out);
    }
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((sub, i) => missingDescriptions(sub, `${where}/${key}/${i}`, out));
  }
}

for (const [name, schema] of [
  ['kubernetes', kubernetesSchema],
  ['inference-stack', inferenceStackSchema],
  ['pre-porter', prePorterSchema],
] as const) {
  test(`every property of the ${name} schema has a description`, () => {
    const missing: string[] = [];
    missingDescriptions(schema, '#', missing);
    assert.deepStrictEqual(missing, []);
  });
}

test('every Inference Stack key of the chart defaults is described by the schema', () => {
  const group = (inferenceStackSchema.definitions as JsonObject).ModelGroup as JsonObject;
  for (const [name, value] of Object.entries(inferenceStackDefaults.modelGroups as JsonObject)) {
    for (const key of Object.keys(value as JsonObject)) {
      assert.ok(key in (group.properties as JsonObject), `modelGroups.${name}.${key} is not in the group schema`);
    }
  }
});

// ------------------------------------------------------------------ (e) mistakes that must fail

test('a misspelled emptyDir field (sizelimit) is rejected', () => {
  const errors = inferenceStack({ modelGroups: { 'vllm-gemma': { volumes: [{ name: 'models', emptyDir: { sizelimit: '50Gi' } }] } } });
  assertFinding(errors, '/modelGroups/vllm-gemma/volumes/0/emptyDir', 'additionalProperties', { additionalProperty: 'sizelimit' });
});

test('a misspelled volumeMount field (mountpath) is rejected', () => {
  const errors = inferenceStack({ modelGroups: { 'vllm-gemma': { volumeMounts: [{ name: 'models', mountpath: '/models' }] } } });
  assertFinding(errors, '/modelGroups/vllm-gemma/volumeMounts/0', 'additionalProperties', { additionalProperty: 'mountpath' });
  assertFinding(errors, '/modelGroups/vllm-gemma/volumeMounts/0', 'required', { missingProperty: 'mountPath' });
});

test('a boolean nodeSelector value is rejected', () => {
  const errors = inferenceStack({ modelGroups: { 'vllm-gemma': { nodeSelector: { 'nvidia.com/gpu.present': true } } } });
  assertFinding(errors, '/modelGroups/vllm-gemma/nodeSelector/nvidia.com~1gpu.present', 'type');
});

test('a number as an env var value is rejected', () => {
  const errors = inferenceStack({ modelGroups: { 'vllm-gemma': { env: [{ name: 'CUDA_VISIBLE_DEVICES', value: 0 }] } } });
  assertFinding(errors, '/modelGroups/vllm-gemma/env/0/value', 'type');
});

test('quantities follow the Kubernetes grammar', () => {
  const sizeLimit = (value: Json) =>
    inferenceStack({ modelGroups: { 'vllm-gemma': { volumes: [{ name: 'models', emptyDir: { sizeLimit: value } }] } } });
  assertFinding(sizeLimit('50Gx'), '/modelGroups/vllm-gemma/volumes/0/emptyDir/sizeLimit', 'pattern');
  assertFinding(sizeLimit('50 Gi'), '/modelGroups/vllm-gemma/volumes/0/emptyDir/sizeLimit', 'pattern');
  assertFinding(sizeLimit(true), '/modelGroups/vllm-gemma/volumes/0/emptyDir/sizeLimit', 'type');
  for (const good of ['50Gi', '50G', '5e9', '1.5Ti', '100m', '.5Gi', 53687091200]) {
    assert.deepStrictEqual(sizeLimit(good), [], `${String(good)} should be a valid quantity`);
  }
});

test('a misspelled resource name is rejected, extended resources are accepted', () => {
  const errors = inferenceStack({ modelGroups: { 'vllm-gemma': { resources: { limits: { memroy: '16Gi', 'nvidia.com/gpu': 1, 'hugepages-2Mi': '1Gi' } } } } });
  assertFinding(errors, '/modelGroups/vllm-gemma/resources/limits', 'propertyNames', { propertyName: 'memroy' });
  assert.equal(errors.filter((e) => e.keyword === 'propertyNames').length, 1, describeErrors(errors));
});

test('a new model group without service.port is rejected', () => {
  const errors = inferenceStack({
    modelGroups: { 'my-model': { enabled: true, image: { repository: 'vllm/vllm-openai', tag: 'v0.9.0' }, containerPort: 8000, service: { type: 'ClusterIP' } } },
  });
  assertFinding(errors, '/modelGroups/my-model/service', 'required', { missingProperty: 'port' });
});

test('a new model group without image or containerPort is rejected', () => {
  const errors = inferenceStack({ modelGroups: { 'my-model': { enabled: true, service: { port: 8000 } } } });
  assertFinding(errors, '/modelGroups/my-model', 'required', { missingProperty: 'image' });
  assertFinding(errors, '/modelGroups/my-model', 'required', { missingProperty: 'containerPort' });
});

test('the legacy string form of a group image and unknown top-level keys are rejected', () => {
  const errors = inferenceStack({ gateway: { enabled: true }, modelGroups: { 'vllm-gemma': { image: 'vllm/vllm-openai', tag: 'latest' } } });
  assertFinding(errors, '', 'additionalProperties', { additionalProperty: 'gateway' });
  assertFinding(errors, '/modelGroups/vllm-gemma/image', 'type');
  assertFinding(errors, '/modelGroups/vllm-gemma', 'additionalProperties', { additionalProperty: 'tag' });
});

test('a quoted number as a probe port is rejected (it would be read as a port name)', () => {
  const errors = inferenceStack({
    modelGroups: { 'vllm-gemma': { initContainers: [{ name: 'wait', image: 'busybox', readinessProbe: { tcpSocket: { port: '8000' } } }] } },
  });
  assertFinding(errors, '/modelGroups/vllm-gemma/initContainers/0/readinessProbe/tcpSocket/port', 'pattern');
});

test('restartPolicy Always is rejected in the Pre-Porter pod template', () => {
  const errors = prePorter({ advancedCronJob: { broadcastJobTemplate: { podTemplate: { restartPolicy: 'Always' } } } });
  assertFinding(errors, '/advancedCronJob/broadcastJobTemplate/podTemplate/restartPolicy', 'enum');
});

test('Pre-Porter images need a name and reject unknown keys; legacy 0.2.x keys are unknown', () => {
  const errors = prePorter({ images: [{ enabled: true, pullpolicy: 'Always' }], daemonSet: { enabled: true }, kruise: { enabled: true } });
  assertFinding(errors, '/images/0', 'required', { missingProperty: 'name' });
  assertFinding(errors, '/images/0', 'additionalProperties', { additionalProperty: 'pullpolicy' });
  assertFinding(errors, '', 'additionalProperties', { additionalProperty: 'daemonSet' });
  assertFinding(errors, '', 'additionalProperties', { additionalProperty: 'kruise' });
});

test('Pre-Porter enums and limits are enforced', () => {
  const errors = prePorter({
    advancedCronJob: {
      concurrencyPolicy: 'Sometimes',
      successfulJobsHistoryLimit: -1,
      broadcastJobTemplate: { completionPolicy: { type: 'Sometimes' }, podTemplate: { dnsPolicy: 'ClusterFirstWithHostNetwork' } },
    },
  });
  assertFinding(errors, '/advancedCronJob/concurrencyPolicy', 'enum');
  assertFinding(errors, '/advancedCronJob/successfulJobsHistoryLimit', 'minimum');
  assertFinding(errors, '/advancedCronJob/broadcastJobTemplate/completionPolicy/type', 'enum');
  assertFinding(errors, '/advancedCronJob/broadcastJobTemplate/podTemplate/dnsPolicy', 'enum');
});
