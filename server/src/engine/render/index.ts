// The render model: merged values -> the Kubernetes objects `helm template` prints for them,
// each field knowing the values path it came from. Pure: no I/O, and it never throws (values
// a template could not render give the best-effort objects the model can still build).
import type { ChartId } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { assembleInferenceStack, renderModelGroups, routingTable } from './inference-stack';
import type { GroupRender, OnwardsTarget } from './inference-stack-group';
import { renderPrePorter } from './pre-porter';
import type { Origin, RenderedDocument } from './provenance';
import { releaseContext, type ReleaseContext, type RenderOptions } from './release';

export type { GroupRender, OnwardsTarget, Origin, RenderedDocument, RenderOptions, ReleaseContext };
export { renderModelGroup } from './inference-stack-group';
export { assembleInferenceStack, renderModelGroups, routingTable } from './inference-stack';
export { releaseContext } from './release';

export interface RenderedRelease {
  chart: ChartId;
  releaseName: string;
  fullname: string;
  /** In the order `helm template` prints them (Helm's install order of kinds, then template order). */
  documents: RenderedDocument[];
  /** Inference Stack: each model group's render (enabled or not), in sorted group order. */
  groups: GroupRender[];
  /** Inference Stack: the Onwards routing table, alias -> target. */
  targets: Map<string, OnwardsTarget>;
}

/** Helm 3's InstallOrder (releaseutil): kinds it does not list come last, by kind name. */
const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role',
  'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
  'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
];

export function kindOrder(documents: readonly RenderedDocument[]): RenderedDocument[] {
  const rank = (document: RenderedDocument) => {
    const index = INSTALL_ORDER.indexOf(String(document.object.kind));
    return index < 0 ? INSTALL_ORDER.length : index;
  };
  return documents
    .map((document, index) => ({ document, index }))
    .sort((a, b) => rank(a.document) - rank(b.document)
      || (rank(a.document) === INSTALL_ORDER.length ? compare(String(a.document.object.kind), String(b.document.object.kind)) : 0)
      || a.index - b.index)
    .map(({ document }) => document);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function renderRelease(chart: ChartId, mergedValues: unknown, options: RenderOptions = {}): RenderedRelease {
  const context = releaseContext(chart, mergedValues, options);
  return renderWith(context, chart === 'inference-stack' ? renderModelGroups(context) : []);
}

/**
 * A release from groups rendered apart (the incremental path re-renders the edited group with
 * renderModelGroup and passes the others unchanged).
 */
export function renderWith(context: ReleaseContext, groups: GroupRender[]): RenderedRelease {
  const documents = context.chart === 'inference-stack' ? assembleInferenceStack(context, groups) : renderPrePorter(context);
  return {
    chart: context.chart,
    releaseName: context.release,
    fullname: context.fullname,
    documents: kindOrder(documents),
    groups,
    targets: routingTable(groups),
  };
}

/** Where a field of a rendered document came from. */
export function originOf(document: RenderedDocument, path: readonly PathSegment[]): Origin {
  return document.origins.of(path);
}
