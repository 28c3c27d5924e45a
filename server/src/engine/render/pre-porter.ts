// The Pre-Porter chart (1.1.1) rendered from merged values: one AdvancedCronJob per enabled
// image when `advancedCronJob.enabled`, the ClusterRole and its binding, the ServiceAccount.
import type { PathSegment } from '../yaml-nodes';
import { isEmpty, rangeItems, resolvePlainScalar } from './helm';
import { finish, type RenderedDocument } from './provenance';
import { commonLabels, copiedEntries, selectorLabels, type ReleaseContext } from './release';

const SOURCE = 'pre-porter/templates/';
const POD_TEMPLATE = ['advancedCronJob', 'broadcastJobTemplate', 'podTemplate'];

export function renderPrePorter(context: ReleaseContext): RenderedDocument[] {
  const values = context.values;
  const documents: RenderedDocument[] = [];
  const cronJobs = !isEmpty(values.get(['advancedCronJob', 'enabled']));
  if (cronJobs) {
    for (const { key, item } of rangeItems(values.get(['images']))) {
      if (isEmpty(values.get(['images', key, 'enabled'])) || item === null) continue;
      documents.push(finish(`${SOURCE}advancedcronjob.yaml`, cronJob(context, ['images', key]), key, values.shareCopies));
    }
  }
  if (cronJobs) {
    documents.push(finish(`${SOURCE}rbac.yaml`, clusterRole(context), undefined, values.shareCopies));
    documents.push(finish(`${SOURCE}rbac.yaml`, clusterRoleBinding(context), undefined, values.shareCopies));
  }
  if (!isEmpty(values.get(['serviceAccount', 'create']))) documents.push(finish(`${SOURCE}serviceaccount.yaml`, serviceAccount(context), undefined, values.shareCopies));
  return documents;
}

/** The `pre-porter.serviceAccountName` helper. */
function serviceAccountName(context: ReleaseContext): unknown {
  const values = context.values;
  if (!isEmpty(values.get(['serviceAccount', 'name']))) return values.inline(['serviceAccount', 'name']);
  return !isEmpty(values.get(['serviceAccount', 'create'])) ? resolvePlainScalar(context.fullname) : 'default';
}

/** sprig's `trunc`: a negative count keeps that many characters from the end. */
function sprigTrunc(text: string, count: number): string {
  if (count < 0) return text.length + count > 0 ? text.slice(text.length + count) : text;
  return text.slice(0, count);
}

/** `<fullname>-<image name with . and _ as ->`, lower case, cut to fit 63 characters. */
export function cronJobName(fullname: string, imageName: string): string {
  const safe = sprigTrunc(imageName.replace(/\./g, '-').replace(/_/g, '-').toLowerCase(), 63 - (fullname.length + 1));
  return `${fullname}-${safe.endsWith('-') ? safe.slice(0, -1) : safe}`;
}

/** `a | default b` read from values: the first non-empty path, printed inline, or the template's fallback. */
function inlineDefault(context: ReleaseContext, paths: PathSegment[][], fallback: unknown): unknown {
  const chosen = context.values.firstSet(paths, isEmpty);
  return chosen ? context.values.inline([...chosen]) : fallback;
}

function copyDefault(context: ReleaseContext, paths: PathSegment[][]): unknown {
  const chosen = context.values.firstSet(paths, isEmpty);
  return chosen ? context.values.copy([...chosen]) : undefined;
}

function cronJob(context: ReleaseContext, image: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => [...image, ...rest];
  const name = values.text(at('name'));
  const metadata: Record<string, unknown> = {
    name: values.attributed(resolvePlainScalar(cronJobName(context.fullname, name)), at('name')),
    labels: { ...commonLabels(context), 'app.kubernetes.io/component': 'advanced-cronjob', 'pre-porter.io/image': values.quoted(at('name')) },
  };
  if (!isEmpty(values.get(['commonAnnotations']))) metadata.annotations = values.copy(['commonAnnotations']);

  const container: Record<string, unknown> = {
    name: 'model-cache',
    image: values.attributed(`${values.text(['imageRegistry'])}:${name}`, at('name')),
    imagePullPolicy: inlineDefault(context, [at('pullPolicy')], 'IfNotPresent'),
    securityContext: copyDefault(context, [[...POD_TEMPLATE, 'containerSecurityContext'], ['globalContainerSecurityContext']]),
    resources: copyDefault(context, [at('resources'), ['globalResources']]),
  };
  if (!isEmpty(values.get([...POD_TEMPLATE, 'command']))) container.command = values.copy([...POD_TEMPLATE, 'command']);

  const podSpec: Record<string, unknown> = {};
  if (!isEmpty(values.get(['imagePullSecrets']))) podSpec.imagePullSecrets = values.copy(['imagePullSecrets']);
  podSpec.serviceAccountName = serviceAccountName(context);
  podSpec.securityContext = copyDefault(context, [[...POD_TEMPLATE, 'securityContext'], ['globalSecurityContext']]);
  podSpec.priorityClassName = inlineDefault(context, [at('priorityClassName'), [...POD_TEMPLATE, 'priorityClassName']], undefined);
  podSpec.dnsPolicy = inlineDefault(context, [[...POD_TEMPLATE, 'dnsPolicy']], 'ClusterFirst');
  podSpec.hostNetwork = inlineDefault(context, [[...POD_TEMPLATE, 'hostNetwork']], false);
  podSpec.restartPolicy = inlineDefault(context, [[...POD_TEMPLATE, 'restartPolicy']], 'Never');
  podSpec.containers = [container];
  podSpec.nodeSelector = copyDefault(context, [at('nodeSelector'), ['globalNodeSelector']]);
  podSpec.tolerations = copyDefault(context, [at('tolerations'), ['globalTolerations']]);
  podSpec.affinity = copyDefault(context, [at('affinity'), ['globalAffinity']]);

  const podMetadata: Record<string, unknown> = {
    labels: {
      ...selectorLabels(context),
      'app.kubernetes.io/component': 'model-cache',
      'pre-porter.io/image': values.quoted(at('name')),
      ...copiedEntries(values, ['commonLabels']),
    },
  };
  if (!isEmpty(values.get(['commonAnnotations']))) podMetadata.annotations = values.copy(['commonAnnotations']);

  const jobSpec: Record<string, unknown> = { template: { metadata: podMetadata, spec: podSpec } };
  const broadcast = ['advancedCronJob', 'broadcastJobTemplate'];
  if (!isEmpty(values.get([...broadcast, 'completionPolicy']))) jobSpec.completionPolicy = values.copy([...broadcast, 'completionPolicy']);
  // Rendered here although Kruise's BroadcastJobSpec has no such field (its TTL is in completionPolicy).
  if (!isEmpty(values.get([...broadcast, 'ttlSecondsAfterFinished']))) jobSpec.ttlSecondsAfterFinished = values.inline([...broadcast, 'ttlSecondsAfterFinished']);

  const spec: Record<string, unknown> = { schedule: values.quoted(['advancedCronJob', 'schedule']) };
  if (!isEmpty(values.get(['advancedCronJob', 'timeZone']))) spec.timeZone = values.quoted(['advancedCronJob', 'timeZone']);
  spec.concurrencyPolicy = inlineDefault(context, [['advancedCronJob', 'concurrencyPolicy']], 'Forbid');
  spec.successfulJobsHistoryLimit = inlineDefault(context, [['advancedCronJob', 'successfulJobsHistoryLimit']], 3);
  spec.failedJobsHistoryLimit = inlineDefault(context, [['advancedCronJob', 'failedJobsHistoryLimit']], 1);
  if (!isEmpty(values.get(['advancedCronJob', 'suspend']))) spec.suspend = values.inline(['advancedCronJob', 'suspend']);
  spec.template = { broadcastJobTemplate: { spec: jobSpec } };
  return { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'AdvancedCronJob', metadata, spec };
}

function rbacMetadata(context: ReleaseContext): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    name: `${context.fullname}-broadcastjob`,
    labels: { ...commonLabels(context), 'app.kubernetes.io/component': 'advanced-cronjob' },
  };
  if (!isEmpty(context.values.get(['commonAnnotations']))) metadata.annotations = context.values.copy(['commonAnnotations']);
  return metadata;
}

const RULES: [string, string, string[]][] = [
  ['apps.kruise.io', 'broadcastjobs', ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete']],
  ['apps.kruise.io', 'broadcastjobs/status', ['get', 'update', 'patch']],
  ['apps.kruise.io', 'advancedcronjobs', ['get', 'list', 'watch']],
  ['apps.kruise.io', 'advancedcronjobs/status', ['get', 'update', 'patch']],
  ['', 'nodes', ['get', 'list']],
  ['', 'pods', ['get', 'list', 'watch']],
];

function clusterRole(context: ReleaseContext): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: rbacMetadata(context),
    rules: RULES.map(([group, resource, verbs]) => ({ apiGroups: [group], resources: [resource], verbs: [...verbs] })),
  };
}

function clusterRoleBinding(context: ReleaseContext): Record<string, unknown> {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: rbacMetadata(context),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${context.fullname}-broadcastjob` },
    subjects: [{ kind: 'ServiceAccount', name: serviceAccountName(context), namespace: resolvePlainScalar(context.namespace) }],
  };
}

function serviceAccount(context: ReleaseContext): Record<string, unknown> {
  const values = context.values;
  const metadata: Record<string, unknown> = { name: serviceAccountName(context), labels: commonLabels(context) };
  const own = copiedEntries(values, ['serviceAccount', 'annotations']);
  const common = copiedEntries(values, ['commonAnnotations']);
  if (Object.keys(own).length + Object.keys(common).length > 0) metadata.annotations = { ...own, ...common };
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata };
}
