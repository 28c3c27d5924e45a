// weights-shadowed / init-cannot-run / weights-unreachable: the two rewrites into recipes that
// deliver the weights. (a) the image as a read-only image volume mounted by the engine; (b) the
// image volume copied into the group's emptyDir by a small init container.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/edit/yaml-edit';
import { Engine } from '../../../server/src/engine/engine';
import { runFixCases, type FixCase } from '../../support/fix-cases';

const BH = 'ghcr.io/doublewordai/bit-harbor';
const ZERO_COPY = 'Mount the Bit Harbor image as a volume (zero copy, read-only; Kubernetes 1.33+, on by default from 1.35)';
const WRITABLE_COPY = 'Copy the weights into the emptyDir with a busybox init container (Kubernetes 1.33+ image volumes)';
const zeroCopy = { title: ZERO_COPY, kind: 'quickfix', safe: false } as const;
const writableCopy = { title: WRITABLE_COPY, kind: 'quickfix', safe: false } as const;
/** A rewrite that also changes what the engine reads says so in its title. */
const pointing = (title: string, path: string) => `${title}, and point the engine at \`${path}\``;

/** The loading guide's recipe: /pause with an emptyDir at /models, the engine reading the HF cache. */
const GUIDE = `modelGroups:
  vllm-example:
    enabled: true
    image:
      repository: vllm/vllm-openai
    service:
      port: 8000
    containerPort: 8000
    initContainers:
      - name: copy-model-weights
        image: ${BH}:gemma-3-12b-it
        command: ["/pause"]
        volumeMounts:
          - name: models
            mountPath: /models
    volumeMounts:
      - name: models
        mountPath: /root/.cache/huggingface
        readOnly: false
    volumes:
      - name: models
        emptyDir:
          sizeLimit: 50Gi
`;

/** A default group, all in flow style, with 4-space indentation. */
const FLOW = `modelGroups:
    vllm-gemma:
        enabled: true
        initContainers: [{name: weights, image: ${BH}:gemma-3-12b-it, volumeMounts: [{name: models, mountPath: /models}]}]
        volumeMounts:
            - {name: models, mountPath: /models}
        volumes:
            - {name: models, emptyDir: {sizeLimit: 30Gi}} # scratch
`;

/** An init container that tries to run `cp` inside the image, into an emptyDir the engine reads. */
const CP = `modelGroups:
  llama:
    enabled: true
    image: {repository: vllm/vllm-openai}
    service: {port: 8000}
    containerPort: 8000
    command: ["vllm", "serve", "/data"]
    initContainers:
      # copies the weights (it cannot: no shell in the image)
      - name: fetch
        image: ${BH}:llama-3.1-8b-instruct
        command: ["cp", "-r", "/models/.", "/data/"]
        volumeMounts:
          - name: data
            mountPath: /data
    volumeMounts:
      - name: data
        mountPath: /data
    volumes:
      - name: data
        emptyDir:
          sizeLimit: 20Gi # room for the weights
`;

/** The init container rewritten in place: its name (and every key but image, command, mounts, args) kept. */
const COPIER = (name: string, into: string, indent: string, command: string) => `- name: ${name}
${indent}  image: busybox:1.37.0
${indent}  command: ${command}
${indent}  volumeMounts:
${indent}    - name: bit-harbor
${indent}      mountPath: /bit-harbor
${indent}      readOnly: true
${indent}    - name: ${into.slice(1) === 'data' ? 'data' : 'models'}
${indent}      mountPath: ${into}
`;

const cases: FixCase[] = [
  {
    ...zeroCopy,
    title: pointing(ZERO_COPY, '/models/gemma-3-12b-it'),
    code: 'weights-shadowed',
    name: 'weights-shadowed (a): the guide\'s emptyDir becomes the image volume, mounted where the engine will read',
    text: GUIDE,
    expected: GUIDE.replace(/ {4}initContainers:\n[^]*?(?= {4}volumeMounts:\n {6}- name: models\n {8}mountPath: \/root)/, '    initContainers: []\n')
      .replace('mountPath: /root/.cache/huggingface\n        readOnly: false\n', 'mountPath: /models/gemma-3-12b-it\n        readOnly: true\n        subPath: models\n')
      .replace('        emptyDir:\n          sizeLimit: 50Gi\n', `        image:\n          reference: ${BH}:gemma-3-12b-it\n`)
      + '    args:\n      - --model\n      - /models/gemma-3-12b-it\n',
  },
  {
    ...writableCopy,
    title: pointing(WRITABLE_COPY, '/root/.cache/huggingface'),
    code: 'weights-shadowed',
    name: 'weights-shadowed (b): a busybox copy into the guide\'s emptyDir, the engine pointed at it',
    text: GUIDE,
    expected: GUIDE.replace(/- name: copy-model-weights\n[^]*?mountPath: \/models\n/, COPIER('copy-model-weights', '/models', '      ', '[sh, -c, cp -a /bit-harbor/models/. /models/]'))
      .replace('          sizeLimit: 50Gi\n', `          sizeLimit: 50Gi\n      - name: bit-harbor\n        image:\n          reference: ${BH}:gemma-3-12b-it\n`)
      + '    args:\n      - --model\n      - /root/.cache/huggingface\n',
  },
  {
    ...zeroCopy,
    title: pointing(ZERO_COPY, '/models/gemma-3-12b-it'),
    code: 'weights-shadowed',
    name: 'weights-shadowed (a): flow style, 4 spaces, a default group whose command is written out',
    text: FLOW,
    expected: FLOW.replace(/initContainers: \[.*\]/, 'initContainers: []')
      .replace('- {name: models, mountPath: /models}', '- {name: models, mountPath: /models/gemma-3-12b-it, subPath: models, readOnly: true}')
      .replace('{name: models, emptyDir: {sizeLimit: 30Gi}}', `{name: models, image: {reference: ${BH}:gemma-3-12b-it}}`)
      + '        command:\n            - --host\n            - 0.0.0.0\n            - --port\n            - "8000"\n            - --model\n            - /models/gemma-3-12b-it\n'
      // Was: modelName set to the path. modelName is the gateway's; the engine keeps serving it instead (DOMAIN.md).
      + '            - --dtype\n            - bfloat16\n        args:\n            - --served-model-name\n            - google/gemma-3-12b-it\n',
  },
  {
    ...writableCopy,
    title: pointing(WRITABLE_COPY, '/models'),
    code: 'weights-shadowed',
    name: 'weights-shadowed (b): flow style, the copier in flow too',
    text: FLOW,
    expected: FLOW.replace(/\[\{name: weights, .*\]\}\]/, '[{name: weights, image: busybox:1.37.0, volumeMounts: [{name: bit-harbor, mountPath: /bit-harbor, readOnly: true}, {name: models, mountPath: /models}], command: [sh, -c, cp -a /bit-harbor/models/. /models/]}]')
      .replace('# scratch\n', `# scratch\n            - name: bit-harbor\n              image:\n                  reference: ${BH}:gemma-3-12b-it\n`)
      + '        command:\n            - --host\n            - 0.0.0.0\n            - --port\n            - "8000"\n            - --model\n            - /models\n'
      // Was: modelName set to the path (see above).
      + '            - --dtype\n            - bfloat16\n        args:\n            - --served-model-name\n            - google/gemma-3-12b-it\n',
  },
  {
    ...zeroCopy,
    code: 'init-cannot-run',
    name: 'init-cannot-run (a): the engine keeps its path, now showing the image\'s models/',
    text: CP,
    expected: CP.replace(/ {4}initContainers:\n[^]*?(?= {4}volumeMounts:\n {6}- name: data\n {8}mountPath: \/data\n {4}volumes)/, '    initContainers: []\n      # copies the weights (it cannot: no shell in the image)\n')
      .replace('        mountPath: /data\n    volumes', '        mountPath: /data\n        subPath: models\n        readOnly: true\n    volumes')
      .replace('        emptyDir:\n          sizeLimit: 20Gi # room for the weights\n', `        image:\n          reference: ${BH}:llama-3.1-8b-instruct\n`),
    dropped: ['# room for the weights'],
  },
  {
    ...writableCopy,
    code: 'init-cannot-run',
    name: 'init-cannot-run (b): the copier writes where the engine already reads',
    text: CP,
    expected: CP.replace(/- name: fetch\n[^]*?mountPath: \/data\n/, COPIER('fetch', '/data', '      ', '[sh, -c, cp -a /bit-harbor/models/. /data/]'))
      .replace('# room for the weights\n', `# room for the weights\n      - name: bit-harbor\n        image:\n          reference: ${BH}:llama-3.1-8b-instruct\n`),
  },
  {
    ...zeroCopy,
    title: pointing(ZERO_COPY, '/models/llama-3.1-8b-instruct'),
    code: 'weights-unreachable',
    // Was: modelName set to the path. It stays; the engine is given the path and serves modelName (DOMAIN.md).
    name: 'weights-unreachable (a): volume and mount absent are added, the engine given the path and the forwarded name',
    text: `modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    modelName: meta-llama/Llama-3.1-8B-Instruct\n    initContainers:\n      - name: warm-cache # only pulls the image\n        image: ${BH}:llama-3.1-8b-instruct\n`,
    expected: 'modelGroups:\n  llama:\n    enabled: true\n    image: {repository: vllm/vllm-openai}\n    service: {port: 8000}\n    containerPort: 8000\n    modelName: meta-llama/Llama-3.1-8B-Instruct\n    initContainers: []\n'
      + `    volumes:\n      - name: weights\n        image:\n          reference: ${BH}:llama-3.1-8b-instruct\n`
      + '    volumeMounts:\n      - name: weights\n        mountPath: /models/llama-3.1-8b-instruct\n        subPath: models\n        readOnly: true\n'
      + '    args:\n      - --model\n      - /models/llama-3.1-8b-instruct\n      - --served-model-name\n      - meta-llama/Llama-3.1-8B-Instruct\n',
    dropped: ['# only pulls the image'],
  },
];

/** An init container a platform team has hardened: resources, securityContext, env, a pull policy. */
const HARDENED = CP.replace('        command: ["cp", "-r", "/models/.", "/data/"]\n', `        command: ["cp", "-r", "/models/.", "/data/"]
        args: ["--verbose"]
        imagePullPolicy: IfNotPresent # mirrored
        env:
          - {name: TZ, value: UTC}
        resources:
          limits: {cpu: 500m, memory: 256Mi}
        securityContext:
          runAsNonRoot: true
          readOnlyRootFilesystem: true
`);

cases.push({
  ...writableCopy,
  code: 'init-cannot-run',
  name: 'init-cannot-run (b): the rewrite keeps every key it does not replace (resources, securityContext, env, pull policy), drops the old args',
  text: HARDENED,
  expected: HARDENED.replace('        image: ghcr.io/doublewordai/bit-harbor:llama-3.1-8b-instruct\n        command: ["cp", "-r", "/models/.", "/data/"]\n        args: ["--verbose"]\n',
    '        image: busybox:1.37.0\n        command: [sh, -c, cp -a /bit-harbor/models/. /data/]\n')
    .replace('        volumeMounts:\n          - name: data\n            mountPath: /data\n',
      '        volumeMounts:\n          - name: bit-harbor\n            mountPath: /bit-harbor\n            readOnly: true\n          - name: data\n            mountPath: /data\n')
    .replace('# room for the weights\n', `# room for the weights\n      - name: bit-harbor\n        image:\n          reference: ${BH}:llama-3.1-8b-instruct\n`),
});

runFixCases('bit-harbor container', cases);

test('bit-harbor container: no emptyDir to copy into, no writable-copy rewrite; a mirror and the copy image are kept', () => {
  const engine = new Engine({ registries: ['registry.internal/bit-harbor'], copyImage: 'registry.internal/busybox:1.37.0' });
  const unreachable = `modelGroups:\n  llama:\n    enabled: true\n    initContainers:\n      - {name: w, image: ${BH}:llama-3.1-8b-instruct}\n`;
  const finding = engine.analyze({ path: '/v.yaml', text: unreachable }).findings.find((f) => f.code === 'weights-unreachable')!;
  const recipe = (title: string) => title.replace(/, and point the engine at .*$/, '');
  assert.deepEqual(engine.codeActions({ path: '/v.yaml', text: unreachable }, null, [finding]).map((fix) => recipe(fix.title)), [ZERO_COPY]);

  const mirrored = GUIDE.replace(`${BH}:`, 'registry.internal/bit-harbor:');
  const shadowed = engine.analyze({ path: '/v.yaml', text: mirrored }).findings.find((f) => f.code === 'weights-shadowed')!;
  const fixes = engine.codeActions({ path: '/v.yaml', text: mirrored }, null, [shadowed]);
  assert.deepEqual(fixes.map((fix) => recipe(fix.title)), [ZERO_COPY, WRITABLE_COPY]);
  for (const fix of fixes) assert.ok(fix.edits.some((edit) => edit.newText.includes('reference: registry.internal/bit-harbor:gemma-3-12b-it')));
  assert.ok(fixes[1].edits.some((edit) => edit.newText.includes('image: registry.internal/busybox:1.37.0')));
});

test('bit-harbor container: no rewrite whose edits overlap, in a file whose broken flow map runs into the next item (fuzz seed 202 case 8692)', () => {
  // `{#}` is no comment (no space before the #): the map stays open, and the parser's range of
  // the first volume takes in the start of the second, which the rewrite also removes.
  const text = `modelGroups:\n  vllm-gemma:\n    enabled: true\n    initContainers:\n      - name: weights\n        image: ${BH}:gemma-3-4b-it\n        volumeMounts:\n          - {name: cache, mountPath: /models-cache}\n          - {name: extra, mountPath: /models/extra}\n    volumes:\n      - {name: cache, emptyDir: {#}}\n      - {name: extra, emptyDir: {}}\n`;
  const engine = new Engine({ files: { inferenceStack: ['**/inference/*.yaml'], prePorter: [] } });
  const input = { path: '/work/inference/values.yaml', text };
  const findings = engine.analyze(input).findings;
  assert.ok(findings.some((f) => f.code === 'weights-unreachable'), 'the file still has the finding the rewrite is for');
  for (const fix of engine.codeActions(input, { start: 0, end: text.length }, findings)) {
    const sorted = [...fix.edits].sort((a, b) => a.start - b.start || a.end - b.end);
    sorted.slice(1).forEach((edit, i) => assert.ok(edit.start >= sorted[i].end, `${fix.title}: [${sorted[i].start}, ${sorted[i].end}) and [${edit.start}, ${edit.end}) overlap`));
  }
});

test('bit-harbor container: no rewrite without the engine\'s mount, when the mount cannot be written (lines indented with tabs)', () => {
  // Recovering from the tabs, the parser ends the group before the tab-indented line, so a mount
  // appended after the group's last entry would stand above text meant for `emptyDir`: it is not
  // written, and a rewrite without it would mount nothing.
  const text = `modelGroups:\n  vllm-gemma:\n    enabled: true\n    initContainers:\n      - name: weights\n        image: ${BH}:gemma-3-12b-it\n        volumeMounts: [{name: models, mountPath: /models}]\n    volumes:\n      - name: models\n        emptyDir:\n\t\t\t\t\tmedium:\tMemory\n`;
  const engine = new Engine({ files: { inferenceStack: ['**/inference/*.yaml'], prePorter: [] } });
  const input = { path: '/work/inference/values.yaml', text };
  const findings = engine.analyze(input).findings;
  assert.ok(findings.some((f) => f.code === 'weights-shadowed'), 'the file still has the finding the rewrites are for');
  const titles = engine.codeActions(input, { start: 0, end: text.length }, findings).map((fix) => fix.title);
  assert.deepEqual(titles.filter((title) => title === ZERO_COPY || title === WRITABLE_COPY), []);
});

test('bit-harbor container: a mount appended to the group\'s last entry goes into volumeMounts, not under the new volumes key (fuzz seed 20250601 case 143)', () => {
  const text = 'modelGroups:\n  vllm-gemma:\n    enabled: true\n    initContainers:\n      - name: weights\n        image: ghcr.io/doublewordai/bit-harbor:gemma-3-12b-it\n    volumeMounts:\n      - name: model-cache\n        mountPath: /models\n';
  const engine = new Engine();
  const findings = engine.analyze({ path: '/work/values.yaml', text }).findings;
  const fix = engine.codeActions({ path: '/work/values.yaml', text }, null, findings).find((candidate) => candidate.title.startsWith('Mount the Bit Harbor image as a volume'));
  assert.ok(fix, 'the zero-copy rewrite is offered');
  const fixed = applyEdits(text, fix.edits);
  assert.match(fixed, /volumeMounts:\n {6}- name: model-cache\n {8}mountPath: \/models\n {6}- name: weights\n {8}mountPath: \/models\/gemma-3-12b-it\n {8}subPath: models\n {8}readOnly: true\n {4}volumes:\n {6}- name: weights\n {8}image:\n/);
});
