// GPU nodes are labelled by their platform (kubernetes/gpu-labels.ts) and commonly tainted
// `nvidia.com/gpu:NoSchedule`. A model group that requests GPUs without a toleration for that taint
// stays Pending (unless the platform adds the toleration itself: GKE), and without a selector on
// a GPU label it is not steered to them; a Pre-Porter without any node targeting caches weights on
// every node, GPU or not (that one works, so it is only info).
import { isPlainMap, type Values } from '../merge';
import { type GroupView } from '../model-groups';
import type { PathSegment } from '../yaml-nodes';
import { isGpuNodeLabel, PLATFORMS_ADDING_GPU_TOLERATION } from '../kubernetes/gpu-labels';
import type { Rule, RuleContext, RuleFinding } from './rule';
import { isEmpty } from '../render/helm';

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

/** Whether any `key` inside the node affinity names a GPU node label. */
function mentionsGpuLabel(value: unknown, extra: readonly string[], depth = 0): boolean {
  if (depth > 12) return false;
  if (Array.isArray(value)) return value.some((item) => mentionsGpuLabel(item, extra, depth + 1));
  if (!isPlainMap(value)) return false;
  if (typeof value.key === 'string' && isGpuNodeLabel(value.key, extra)) return true;
  return Object.values(value).some((child) => mentionsGpuLabel(child, extra, depth + 1));
}

/** `on`: the pod spec a group renders. */
function targetsGpuNodes(on: Values, extra: readonly string[]): boolean {
  const selector = isPlainMap(on.nodeSelector) ? Object.keys(on.nodeSelector) : [];
  const affinity = isPlainMap(on.affinity) ? on.affinity.nodeAffinity : undefined;
  return selector.some((key) => isGpuNodeLabel(key, extra)) || mentionsGpuLabel(affinity, extra);
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
  // The engine container's resources as deployment.yaml renders them (a copy of the group's).
  const [engine] = Array.isArray(group.pod.containers) ? group.pod.containers : [];
  const resources = isPlainMap(engine) && isPlainMap(engine.resources) ? engine.resources : {};
  const candidates = (['limits', 'requests'] as const)
    .filter((kind) => isPlainMap(resources[kind]) && requestsGpu((resources[kind] as Values)[GPU]))
    .map((kind): PathSegment[] => [...group.path, 'resources', kind, GPU]);
  if (candidates.length === 0) return null;
  return candidates.find((path) => context.locate(path) !== null) ?? candidates[0];
}

function checkGroups(context: RuleContext): RuleFinding[] {
  const { gpuNodeLabels, platform } = context.settings;
  return context.groups().flatMap((group): RuleFinding[] => {
    const path = gpuRequestPath(context, group);
    if (!path) return [];
    // Node targeting as the rendered pod carries it: deployment.yaml copies each key only when it is not empty.
    const tolerations = Array.isArray(group.pod.tolerations) ? group.pod.tolerations : [];
    const missingSelector = !targetsGpuNodes(group.pod, gpuNodeLabels);
    // On GKE the admission adds the toleration to every pod that requests nvidia.com/gpu.
    const missingToleration = !tolerations.some(toleratesGpuTaint) && !PLATFORMS_ADDING_GPU_TOLERATION.includes(platform);
    if (!missingSelector && !missingToleration) return [];
    const what = missingSelector && missingToleration
      ? 'no GPU node selector and no toleration for the `nvidia.com/gpu` taint: it may stay Pending or run on a node without GPUs'
      : missingSelector
        ? 'no selector or node affinity for GPU nodes: it may be scheduled on a node without GPUs'
        : 'no toleration for the `nvidia.com/gpu` taint GPU nodes commonly carry: it may stay Pending';
    return [{
      code: 'gpu-targeting-missing',
      message: `Group \`${group.name}\` requests \`${GPU}\` but has ${what}.`,
      range: context.rangeFor(path),
      data: { chart: 'inference-stack', group: group.name, missingSelector, missingToleration },
    }];
  });
}

/**
 * Images whose pods are selected onto GPU nodes but do not tolerate the `nvidia.com/gpu` taint:
 * a BroadcastJob runs a pod only on nodes whose taints it tolerates, so nothing is pre-pulled.
 * Each image's own nodeSelector / affinity / tolerations replace the global ones when not empty
 * (`default`). No platform adds this toleration: the pods request no GPU.
 */
function untoleratedImages(context: RuleContext): RuleFinding[] {
  const { values } = context;
  const extra = context.settings.gpuNodeLabels;
  const images = Array.isArray(values.images) ? values.images : [];
  return images.flatMap((image, index): RuleFinding[] => {
    if (!isPlainMap(image) || isEmpty(image.enabled)) return [];
    const selector = nonEmptyMap(image.nodeSelector) ? image.nodeSelector : values.globalNodeSelector;
    const affinity = nonEmptyMap(image.affinity) ? image.affinity : values.globalAffinity;
    const own = Array.isArray(image.tolerations) && image.tolerations.length > 0;
    const tolerations = own ? image.tolerations as unknown[] : Array.isArray(values.globalTolerations) ? values.globalTolerations : [];
    const onGpuNodes = (isPlainMap(selector) && Object.keys(selector).some((key) => isGpuNodeLabel(key, extra)))
      || (isPlainMap(affinity) && mentionsGpuLabel(affinity.nodeAffinity, extra));
    if (!onGpuNodes || tolerations.some(toleratesGpuTaint)) return [];
    const name = typeof image.name === 'string' ? image.name : `images[${index}]`;
    const at: PathSegment[] = own ? ['images', index, 'tolerations'] : context.locate(['globalTolerations']) ? ['globalTolerations'] : ['images', index, 'name'];
    return [{
      code: 'gpu-targeting-missing',
      message: `Image \`${name}\` is pre-pulled only on GPU nodes, but its pods do not tolerate their \`nvidia.com/gpu\` taint: the BroadcastJob skips those nodes and nothing is pre-pulled.`,
      range: context.rangeFor(at, 'key'),
      data: { chart: 'pre-porter', images: [name], missingSelector: false, missingToleration: true },
    }];
  });
}

function checkPrePorter(context: RuleContext): RuleFinding[] {
  const { values } = context;
  const cron = isPlainMap(values.advancedCronJob) ? values.advancedCronJob : {};
  if (isEmpty(cron.enabled)) return [];
  const untolerated = untoleratedImages(context);
  if (nonEmptyMap(values.globalNodeSelector) || nonEmptyMap(values.globalAffinity)) return untolerated;
  const images = Array.isArray(values.images) ? values.images : [];
  const untargeted = images.flatMap((image, index) =>
    isPlainMap(image) && !isEmpty(image.enabled) && !nonEmptyMap(image.nodeSelector) && !nonEmptyMap(image.affinity)
      ? [{ index, name: typeof image.name === 'string' ? image.name : `images[${index}]` }] : []);
  if (untargeted.length === 0) return untolerated;
  const [first, ...others] = untargeted;
  const at: PathSegment[] = context.locate(['globalNodeSelector']) ? ['globalNodeSelector'] : ['images', first.index, 'name'];
  return [...untolerated, {
    code: 'gpu-targeting-missing',
    severity: 'info',
    message: `No \`globalNodeSelector\` or \`globalAffinity\`, and ${untargeted.length === 1 ? `image \`${first.name}\` has no selector: its` : `${untargeted.length} images have no selector: their`} `
      + 'weights are cached on every node, GPU or not.',
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
