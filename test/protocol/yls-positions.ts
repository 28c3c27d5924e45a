// The positions where our completion and hover are compared with yaml-language-server's: keys at
// the top level, in a model group, in image/resources/volumes/volumeMounts/tolerations, enum
// values, booleans, and Pre-Porter images. `|` marks the caret. File names decide the schema
// for both servers (see SCHEMA_GLOBS and the bitHarbor.files settings of the comparison).

export interface ComparedPosition {
  id: string;
  kind: 'completion' | 'hover';
  file: 'stack' | 'porter';
  /** What the position is, for the table. */
  what: string;
  /** The file with one `|` at the position. */
  source: string;
  /**
   * Labels yaml-language-server offers that ours does not, each with the reason it is right not
   * to offer them. Any other missing label fails the comparison.
   */
  theirsWrong?: Record<string, string>;
}

const GROUP = `modelGroups:
  llama:
    enabled: true
    modelName: meta-llama/Llama-3.1-8B-Instruct
    image:
      repository: vllm/vllm-openai
      tag: v0.11.0
    service: {port: 8000}
    containerPort: 8000
    resources:
      limits: {nvidia.com/gpu: 1, memory: 32Gi}
    volumeMounts:
      - name: weights
        mountPath: /models
    volumes:
      - name: weights
        emptyDir:
          sizeLimit: 20Gi
    tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
`;

/** GROUP with `|` put at `after` (which must occur once) plus `insert`. */
function inGroup(after: string, insert: string): string {
  const at = GROUP.indexOf(after);
  if (at < 0 || GROUP.indexOf(after, at + 1) >= 0) throw new Error(`${after} must occur once`);
  return GROUP.slice(0, at + after.length) + insert + GROUP.slice(at + after.length);
}

function replaced(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`${from} not in the text`);
  return text.replace(from, to);
}

const PORTER = `imageRegistry: ghcr.io/doublewordai/bit-harbor
images:
  - name: llama-3.1-8b-instruct
    enabled: true
    pullPolicy: IfNotPresent
advancedCronJob:
  enabled: true
  schedule: "0 2 * * *"
  timeZone: UTC
  concurrencyPolicy: Forbid
`;

export const POSITIONS: readonly ComparedPosition[] = [
  // Completion of keys.
  { id: 'c-top', kind: 'completion', file: 'stack', what: 'top-level key, empty line', source: `${GROUP}|\n` },
  { id: 'c-group', kind: 'completion', file: 'stack', what: 'model group key, empty line', source: inGroup('    enabled: true\n', '    |\n') },
  { id: 'c-image', kind: 'completion', file: 'stack', what: 'key in `image`', source: inGroup('      tag: v0.11.0\n', '      |\n') },
  { id: 'c-resources', kind: 'completion', file: 'stack', what: 'key in `resources`', source: inGroup('      limits: {nvidia.com/gpu: 1, memory: 32Gi}\n', '      |\n') },
  { id: 'c-volume', kind: 'completion', file: 'stack', what: 'key in a `volumes` item', source: inGroup('          sizeLimit: 20Gi\n', '        |\n') },
  { id: 'c-emptydir', kind: 'completion', file: 'stack', what: 'key in `emptyDir`', source: inGroup('          sizeLimit: 20Gi\n', '          |\n') },
  { id: 'c-mount', kind: 'completion', file: 'stack', what: 'key in a `volumeMounts` item', source: inGroup('        mountPath: /models\n', '        |\n') },
  { id: 'c-toleration', kind: 'completion', file: 'stack', what: 'key in a `tolerations` item', source: inGroup('        effect: NoSchedule\n', '        |\n') },
  { id: 'c-onwards', kind: 'completion', file: 'stack', what: 'key in `onwards`', source: `onwards:\n  replicaCount: 2\n  |\n${GROUP}` },
  { id: 'c-probe', kind: 'completion', file: 'stack', what: 'key in `startupProbe`', source: inGroup('    containerPort: 8000\n', '    startupProbe:\n      enabled: true\n      |\n') },
  // Completion of values.
  { id: 'c-pullpolicy', kind: 'completion', file: 'stack', what: 'enum: `image.pullPolicy`', source: inGroup('      tag: v0.11.0\n', '      pullPolicy: |\n') },
  { id: 'c-servicetype', kind: 'completion', file: 'stack', what: 'enum: `service.type`', source: replaced(GROUP, 'service: {port: 8000}', 'service:\n      port: 8000\n      type: |') },
  { id: 'c-operator', kind: 'completion', file: 'stack', what: 'enum: toleration `operator`', source: replaced(GROUP, 'operator: Exists', 'operator: |') },
  { id: 'c-effect', kind: 'completion', file: 'stack', what: 'enum: toleration `effect`', source: replaced(GROUP, 'effect: NoSchedule', 'effect: |') },
  { id: 'c-enabled', kind: 'completion', file: 'stack', what: 'boolean: group `enabled`', source: replaced(GROUP, 'enabled: true', 'enabled: |') },
  { id: 'c-readonly', kind: 'completion', file: 'stack', what: 'boolean: mount `readOnly`', source: inGroup('        mountPath: /models\n', '        readOnly: |\n') },
  { id: 'c-medium', kind: 'completion', file: 'stack', what: 'value: `emptyDir.medium`', source: inGroup('          sizeLimit: 20Gi\n', '          medium: |\n') },
  { id: 'c-porter-top', kind: 'completion', file: 'porter', what: 'Pre-Porter top-level key', source: `${PORTER}|\n` },
  { id: 'c-porter-image', kind: 'completion', file: 'porter', what: 'key in a Pre-Porter `images` item', source: replaced(PORTER, '    pullPolicy: IfNotPresent\n', '    pullPolicy: IfNotPresent\n    |\n') },
  { id: 'c-porter-pull', kind: 'completion', file: 'porter', what: 'enum: `images[].pullPolicy`', source: replaced(PORTER, 'pullPolicy: IfNotPresent', 'pullPolicy: |') },
  { id: 'c-porter-enabled', kind: 'completion', file: 'porter', what: 'boolean: `images[].enabled`', source: replaced(PORTER, '    enabled: true\n', '    enabled: |\n') },
  { id: 'c-porter-concurrency', kind: 'completion', file: 'porter', what: 'enum: `advancedCronJob.concurrencyPolicy`', source: replaced(PORTER, 'concurrencyPolicy: Forbid', 'concurrencyPolicy: |') },
  { id: 'c-porter-cron', kind: 'completion', file: 'porter', what: 'key in `advancedCronJob`', source: replaced(PORTER, '  timeZone: UTC\n', '  timeZone: UTC\n  |\n') },
  { id: 'c-partial-key', kind: 'completion', file: 'stack', what: 'partial key `repl` in a group', source: inGroup('    enabled: true\n', '    repl|\n') },
  { id: 'c-flow-key', kind: 'completion', file: 'stack', what: 'key in a flow map (`service: {port: 8000, }`)', source: replaced(GROUP, 'service: {port: 8000}', 'service: {port: 8000, |}') },
  { id: 'c-quoted-enum', kind: 'completion', file: 'stack', what: 'enum inside quotes: `pullPolicy: "…"`', source: inGroup('      tag: v0.11.0\n', '      pullPolicy: "|"\n') },
  { id: 'c-flow-enum', kind: 'completion', file: 'stack', what: 'enum in a flow map: toleration `{operator: }`', source: replaced(GROUP, '    tolerations:\n', '    tolerations:\n      - {key: example.com/x, operator: |}\n') },
  { id: 'c-list-item', kind: 'completion', file: 'stack', what: 'key of a new `volumeMounts` item after `- `', source: inGroup('        mountPath: /models\n', '      - |\n') },
  // Hover.
  { id: 'h-modelgroups', kind: 'hover', file: 'stack', what: 'hover: `modelGroups`', source: replaced(GROUP, 'modelGroups:', 'model|Groups:') },
  { id: 'h-group', kind: 'hover', file: 'stack', what: 'hover: a group name', source: replaced(GROUP, '  llama:', '  lla|ma:') },
  { id: 'h-enabled', kind: 'hover', file: 'stack', what: 'hover: `enabled`', source: replaced(GROUP, 'enabled: true', 'enab|led: true') },
  { id: 'h-repository', kind: 'hover', file: 'stack', what: 'hover: `image.repository`', source: replaced(GROUP, 'repository:', 'reposi|tory:') },
  { id: 'h-limits', kind: 'hover', file: 'stack', what: 'hover: `resources.limits`', source: replaced(GROUP, 'limits:', 'lim|its:') },
  { id: 'h-sizelimit', kind: 'hover', file: 'stack', what: 'hover: `emptyDir.sizeLimit` value', source: replaced(GROUP, 'sizeLimit: 20Gi', 'sizeLimit: 20|Gi') },
  { id: 'h-mountpath', kind: 'hover', file: 'stack', what: 'hover: `volumeMounts[].mountPath`', source: replaced(GROUP, 'mountPath: /models', 'mount|Path: /models') },
  { id: 'h-operator', kind: 'hover', file: 'stack', what: 'hover: toleration `operator`', source: replaced(GROUP, 'operator: Exists', 'oper|ator: Exists') },
  { id: 'h-pullpolicy-value', kind: 'hover', file: 'porter', what: 'hover: an enum value (`pullPolicy: IfNotPresent`)', source: replaced(PORTER, 'pullPolicy: IfNotPresent', 'pullPolicy: IfNot|Present') },
  { id: 'h-flow-port', kind: 'hover', file: 'stack', what: 'hover: a key in a flow map (`service: {port}`)', source: replaced(GROUP, 'service: {port: 8000}', 'service: {po|rt: 8000}') },
  { id: 'h-porter-registry', kind: 'hover', file: 'porter', what: 'hover: Pre-Porter `imageRegistry`', source: replaced(PORTER, 'imageRegistry:', 'imageReg|istry:') },
  { id: 'h-porter-name', kind: 'hover', file: 'porter', what: 'hover: Pre-Porter `images[].name`', source: replaced(PORTER, '  - name:', '  - na|me:') },
  { id: 'h-porter-schedule', kind: 'hover', file: 'porter', what: 'hover: `advancedCronJob.schedule`', source: replaced(PORTER, 'schedule:', 'sched|ule:') },
];
