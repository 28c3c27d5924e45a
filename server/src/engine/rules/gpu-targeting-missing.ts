// GPU nodes are commonly labelled `nvidia.com/gpu.present` and tainted `nvidia.com/gpu:NoSchedule`.
// A model group that requests GPUs without a toleration for that taint stays Pending, and without
// a selector it is not steered to them; a Pre-Porter without any node targeting caches weights on
// every node, GPU or not (that one works, so it is only info).
import { isPlainMap, type Values } from '../merge';
import { type GroupView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import type { Rule, RuleContext, RuleFinding } from './rule';

const GPU = 'nvidia.com/gpu';

function nonEmptyMap(value: unknown): value is Values {
  return isPlainMap(value) && Object.keys(value).length > 0;
}

/** A GPU count that asks for at least one; a value that is not a number still counts as asked. */
function requestsGpu(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  const count = Number(value);
  return Number.isNaN(count) || count > 0;
}

/** Whether any `key` inside the node affinity names an nvidia.com/gpu label. */
function mentionsGpuLabel(value: unknown, depth = 0): boolean {
  if (depth > 12) return false;
  if (Array.isArray(value)) return value.some((item) => mentionsGpuLabel(item, depth + 1));
  if (!isPlainMap(value)) return false;
  if (typeof value.key === 'string' && value.key.includes(GPU)) return true;
  return Object.values(value).some((child) => mentionsGpuLabel(child, depth + 1));
}

function targetsGpuNodes(group: Values): boolean {
  const selector = isPlainMap(group.nodeSelector) ? Object.keys(group.nodeSelector) : [];
  const affinity = isPlainMap(group.affinity) ? group.affinity.nodeAffinity : undefined;
  return selector.some((key) => key.includes(GPU)) || mentionsGpuLabel(affinity);
}

/** Kubernetes' matching of a toleration against the taint `nvidia.com/gpu:NoSchedule` (any value). */
function toleratesGpuTaint(toleration: unknown): boolean {
  if (!isPlainMap(toleration)) return false;
  const effect = toleration.effect ?? '';
  if (effect !== '' && effect !== 'NoSchedule') return false;
  const key = toleration.key ?? '';
  const operator = toleration.operator ?? 'Equal';
  if (key === '') return operator === 'Exists';
  return key === GPU && (operator === 'Exists' || operator === 'Equal');
}

function gpuRequestPath(context: RuleContext, group: GroupView): PathSegment[] | null {
  const resources = isPlainMap(group.values.resources) ? group.values.resources : {};
  const candidates = (['limits', 'requests'] as const)
    .filter((kind) => isPlainMap(resources[kind]) && requestsGpu((resources[kind] as Values)[GPU]))
    .map((kind): PathSegment[] => [...group.path, 'resources', kind, GPU]);
  if (candidates.length === 0) return null;
  return candidates.find((path) => context.locate(path) !== null) ?? candidates[0];
}

function checkGroups(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const path = gpuRequestPath(context, group);
    if (!path) return [];
    const tolerations = Array.isArray(group.values.tolerations) ? group.values.tolerations : [];
    const missing = [
      ...(targetsGpuNodes(group.values) ? [] : ['nodeSelector or node affinity for GPU nodes (e.g. `nvidia.com/gpu.present: "true"`)']),
      ...(tolerations.some(toleratesGpuTaint) ? [] : ['toleration for the `nvidia.com/gpu` taint (`{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}`)']),
    ];
    if (missing.length === 0) return [];
    return [{
      code: 'gpu-targeting-missing',
      message: `Group \`${group.name}\` requests \`${GPU}\` but has no ${missing.join(' and no ')}; `
        + 'GPU nodes are commonly tainted `nvidia.com/gpu:NoSchedule`, so without both the pod may stay Pending or land on the wrong nodes.',
      range: context.rangeFor(path),
      data: { chart: 'inference-stack', group: group.name, missingSelector: !targetsGpuNodes(group.values), missingToleration: !tolerations.some(toleratesGpuTaint) },
    }];
  });
}

function checkPrePorter(context: RuleContext): RuleFinding[] {
  const { values } = context;
  const cron = isPlainMap(values.advancedCronJob) ? values.advancedCronJob : {};
  if (cron.enabled !== true || nonEmptyMap(values.globalNodeSelector) || nonEmptyMap(values.globalAffinity)) return [];
  const images = Array.isArray(values.images) ? values.images : [];
  const untargeted = images.flatMap((image, index) =>
    isPlainMap(image) && image.enabled === true && !nonEmptyMap(image.nodeSelector) && !nonEmptyMap(image.affinity)
      ? [{ index, name: typeof image.name === 'string' ? image.name : `images[${index}]` }] : []);
  if (untargeted.length === 0) return [];
  const [first, ...others] = untargeted;
  const at: PathSegment[] = context.locate(['globalNodeSelector']) ? ['globalNodeSelector'] : ['images', first.index, 'name'];
  return [{
    code: 'gpu-targeting-missing',
    severity: 'info',
    message: `No \`globalNodeSelector\` or \`globalAffinity\`, and ${untargeted.length === 1 ? `image \`${first.name}\` has no selector of its own: its` : `${untargeted.length} images have no selector of their own: their`} `
      + 'weights are cached on every node, GPU or not, using disk on nodes that never run a model. Target GPU nodes, e.g. `globalNodeSelector: {nvidia.com/gpu.present: "true"}` '
      + 'with a toleration for the `nvidia.com/gpu` taint.',
    range: context.rangeFor(at, at.length === 1 ? 'key' : 'value'),
    related: others.map((image) => ({ range: context.rangeFor(['images', image.index, 'name'], 'value'), message: `image \`${image.name}\` is also cached everywhere` })),
    data: { chart: 'pre-porter', images: untargeted.map((image) => image.name) },
  }];
}

export const rule: Rule = {
  codes: [{ code: 'gpu-targeting-missing', severity: 'warning', summary: 'GPU workloads without a GPU node selector or toleration; Pre-Porter caching weights on every node.' }],
  charts: ['inference-stack', 'pre-porter'],
  scope: 'group',
  check(context) {
    return context.chart === 'pre-porter' ? checkPrePorter(context) : checkGroups(context);
  },
};
