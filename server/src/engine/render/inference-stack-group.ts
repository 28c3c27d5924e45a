// One Inference Stack model group rendered on its own: what deployment.yaml, service.yaml,
// pvc.yaml, serviceaccount.yaml, networkpolicy.yaml and servicemonitor.yaml write for it, and
// the Onwards routing targets it contributes to the ConfigMap. A function of (group name, group
// values, release), so an edit inside one group re-renders that group only.
import type { PathSegment } from '../yaml-nodes';
import { field, isEmpty, isMap, printScalar, rangeItems, resolvePlainScalar } from './helm';
import { finish, type RenderedDocument } from './provenance';
import { CHART_META, commonLabels, copiedEntries, nameFrom, scopedContext, selectorLabels, type ReleaseContext } from './release';

const SOURCE = 'inference-stack/templates/';

export interface OnwardsTarget {
  alias: string;
  group: string;
  url: string;
  onwards_model: unknown;
  onwards_key?: unknown;
  /** Values paths: the alias item, and where `onwards_model` came from (null: the alias itself). */
  aliasPath: PathSegment[];
  modelPath: PathSegment[] | null;
}

export interface GroupRender {
  group: string;
  enabled: boolean;
  deployment: RenderedDocument | null;
  service: RenderedDocument | null;
  persistentVolumeClaims: RenderedDocument[];
  serviceAccount: RenderedDocument | null;
  networkPolicy: RenderedDocument | null;
  serviceMonitor: RenderedDocument | null;
  /** In `modelAlias` order; the ConfigMap keeps the last group's target for a shared alias. */
  targets: OnwardsTarget[];
}

function groupLabels(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  return {
    ...commonLabels(context),
    'app.kubernetes.io/component': 'model-group',
    'app.kubernetes.io/model-group': nameFrom(context.values, group, base),
  };
}

function groupSelector(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  return {
    ...selectorLabels(context),
    'app.kubernetes.io/component': 'model-group',
    'app.kubernetes.io/model-group': nameFrom(context.values, group, base),
  };
}

/** A list copied with `toYaml` among a template's own items: each item keeps its own origin. */
function copiedItems(context: ReleaseContext, path: PathSegment[]): unknown[] {
  const list = context.values.get(path);
  return Array.isArray(list) ? list.map((_, index) => context.values.copy([...path, index])) : [];
}

export function renderModelGroup(group: string, groupValues: unknown, release: ReleaseContext): GroupRender {
  const base: PathSegment[] = ['modelGroups', group];
  const context = scopedContext(release, base, groupValues);
  const enabled = !isEmpty(field(groupValues, 'enabled'));
  const empty: GroupRender = { group, enabled, deployment: null, service: null, persistentVolumeClaims: [], serviceAccount: null, networkPolicy: null, serviceMonitor: null, targets: [] };
  if (!enabled) return empty;
  const top = context.values;
  return {
    ...empty,
    deployment: finish(`${SOURCE}deployment.yaml`, deployment(context, group, base), group, context.values.shareCopies),
    service: finish(`${SOURCE}service.yaml`, service(context, group, base), group, context.values.shareCopies),
    persistentVolumeClaims: claims(context, group, base, groupValues),
    serviceAccount: groupServiceAccount(context, group, base, groupValues),
    networkPolicy: !isEmpty(top.get(['networkPolicy', 'enabled'])) && !isEmpty(top.get(['networkPolicy', 'modelGroups', group]))
      ? finish(`${SOURCE}networkpolicy.yaml`, {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: nameFrom(top, `${context.fullname}-${group}`, base), labels: groupLabels(context, group, base) },
        spec: { podSelector: { matchLabels: groupSelector(context, group, base) }, ...copiedEntries(top, ['networkPolicy', 'modelGroups', group]) },
      }, group, context.values.shareCopies)
      : null,
    serviceMonitor: !isEmpty(top.get(['serviceMonitor', 'enabled'])) ? finish(`${SOURCE}servicemonitor.yaml`, monitor(context, group, base), group, context.values.shareCopies) : null,
    targets: targets(context, group, base),
  };
}

function claims(context: ReleaseContext, group: string, base: PathSegment[], groupValues: unknown): RenderedDocument[] {
  return rangeItems(field(groupValues, 'persistentVolumes')).map(({ key }) =>
    finish(`${SOURCE}pvc.yaml`, claim(context, group, [...base, 'persistentVolumes', key]), group, context.values.shareCopies));
}

function groupServiceAccount(context: ReleaseContext, group: string, base: PathSegment[], groupValues: unknown): RenderedDocument | null {
  const serviceAccount = field(groupValues, 'serviceAccount');
  if (isEmpty(serviceAccount) || isEmpty(field(serviceAccount, 'create'))) return null;
  return finish(`${SOURCE}serviceaccount.yaml`, {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: withAnnotations({ name: nameFrom(context.values, `${context.fullname}-${group}`, base), labels: groupLabels(context, group, base) },
      context, [...base, 'serviceAccount', 'annotations']),
  }, group, context.values.shareCopies);
}

/**
 * An enabled group's objects that are functions of its own values and the release's fullname
 * (not of other top-level values): its Deployment (rendered already, for the group's view), its
 * Service, claims and ServiceAccount. A disabled group has none.
 */
export function groupOwnObjects(group: string, groupValues: unknown, release: ReleaseContext, deployment: RenderedDocument): RenderedDocument[] {
  if (isEmpty(field(groupValues, 'enabled'))) return [];
  const base: PathSegment[] = ['modelGroups', group];
  const context = scopedContext(release, base, groupValues);
  const account = groupServiceAccount(context, group, base, groupValues);
  return [deployment, finish(`${SOURCE}service.yaml`, service(context, group, base), group, context.values.shareCopies), ...claims(context, group, base, groupValues), ...(account ? [account] : [])];
}

/**
 * The Deployment deployment.yaml writes for a group, whether or not the group is enabled: the
 * pod the checks and the editing features read (model-groups.ts), also for a group switched off.
 */
export function renderGroupDeployment(group: string, groupValues: unknown, release: ReleaseContext): RenderedDocument {
  const base: PathSegment[] = ['modelGroups', group];
  return finish(`${SOURCE}deployment.yaml`, deployment(scopedContext(release, base, groupValues), group, base), group, release.values.shareCopies);
}

function withAnnotations(metadata: Record<string, unknown>, context: ReleaseContext, path: PathSegment[]): Record<string, unknown> {
  return isEmpty(context.values.get(path)) ? metadata : { ...metadata, annotations: context.values.copy(path) };
}

function deployment(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => [...base, ...rest];
  const set = (...rest: PathSegment[]) => !isEmpty(values.get(at(...rest)));
  const podSpec: Record<string, unknown> = {};
  if (set('imagePullSecrets')) podSpec.imagePullSecrets = values.copy(at('imagePullSecrets'));
  if (set('serviceAccount') && set('serviceAccount', 'create')) podSpec.serviceAccountName = nameFrom(values, `${context.fullname}-${group}`, at('serviceAccount', 'create'));
  podSpec.securityContext = values.copy(at('podSecurityContext'));
  if (set('initContainers')) podSpec.initContainers = values.copy(at('initContainers'));
  podSpec.containers = [container(context, group, base)];
  const persistent = rangeItems(values.get(at('persistentVolumes')));
  if (set('volumes') || persistent.length > 0) {
    podSpec.volumes = [
      ...persistent.map(({ key }) => ({
        name: values.inline(at('persistentVolumes', key, 'name')),
        persistentVolumeClaim: {
          claimName: nameFrom(values, `${context.fullname}-${group}-${values.text(at('persistentVolumes', key, 'name'))}`, at('persistentVolumes', key)),
        },
      })),
      ...copiedItems(context, at('volumes')),
    ];
  }
  for (const key of ['nodeSelector', 'affinity', 'tolerations']) if (set(key)) podSpec[key] = values.copy(at(key));
  const spec: Record<string, unknown> = { replicas: values.inline(at('replicaCount')) };
  if (set('strategy')) spec.strategy = values.copy(at('strategy'));
  spec.selector = { matchLabels: groupSelector(context, group, base) };
  spec.template = {
    metadata: {
      annotations: set('podAnnotations') ? values.copy(at('podAnnotations')) : null,
      labels: groupSelector(context, group, base),
    },
    spec: podSpec,
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: nameFrom(values, `${context.fullname}-${group}`, base), labels: groupLabels(context, group, base) },
    spec,
  };
}

function container(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => [...base, ...rest];
  const set = (...rest: PathSegment[]) => !isEmpty(values.get(at(...rest)));
  const tag = set('image', 'tag') ? values.text(at('image', 'tag')) : CHART_META['inference-stack'].appVersion;
  const result: Record<string, unknown> = {
    name: nameFrom(values, group, base),
    securityContext: values.copy(at('securityContext')),
    image: values.attributed(`${values.text(at('image', 'repository'))}:${tag}`, at('image')),
    imagePullPolicy: values.inline(at('image', 'pullPolicy')),
  };
  if (set('command')) result.command = values.copy(at('command'));
  if (set('args')) result.args = values.copy(at('args'));
  result.ports = [
    { name: 'http', containerPort: values.inline(at('containerPort')), protocol: 'TCP' },
    ...rangeItems(values.get(at('additionalPorts'))).map(({ key }) => ({
      name: values.inline(at('additionalPorts', key, 'name')),
      containerPort: values.inline(at('additionalPorts', key, 'containerPort')),
      protocol: set('additionalPorts', key, 'protocol') ? values.inline(at('additionalPorts', key, 'protocol')) : 'TCP',
    })),
  ];
  for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    if (set(probe) && set(probe, 'enabled')) result[probe] = renderProbe(context, at(probe));
  }
  if (set('resources')) result.resources = values.copy(at('resources'));
  if (set('env')) result.env = values.copy(at('env'));
  const persistent = rangeItems(values.get(at('persistentVolumes')));
  if (set('volumeMounts') || persistent.length > 0) {
    result.volumeMounts = [
      ...persistent.map(({ key }) => {
        const mount: Record<string, unknown> = {
          name: values.inline(at('persistentVolumes', key, 'name')),
          mountPath: values.inline(at('persistentVolumes', key, 'mountPath')),
        };
        if (set('persistentVolumes', key, 'subPath')) mount.subPath = values.inline(at('persistentVolumes', key, 'subPath'));
        return mount;
      }),
      ...copiedItems(context, at('volumeMounts')),
    ];
  }
  return result;
}

function renderProbe(context: ReleaseContext, path: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const type = values.get([...path, 'type']);
  const probe: Record<string, unknown> = {};
  if (type === 'http') probe.httpGet = { path: values.inline([...path, 'path']), port: 'http' };
  else if (type === 'tcp') probe.tcpSocket = { port: 'http' };
  for (const key of ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'failureThreshold']) probe[key] = values.inline([...path, key]);
  return probe;
}

function service(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => [...base, ...rest];
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: nameFrom(values, `${context.fullname}-${group}`, base), labels: groupLabels(context, group, base) },
    spec: {
      type: values.inline(at('service', 'type')),
      ports: [
        { port: values.inline(at('service', 'port')), targetPort: 'http', protocol: 'TCP', name: 'http' },
        ...rangeItems(values.get(at('additionalPorts'))).map(({ key }) => {
          const port = at('additionalPorts', key);
          return {
            port: values.inline(isEmpty(values.get([...port, 'servicePort'])) ? [...port, 'containerPort'] : [...port, 'servicePort']),
            targetPort: values.inline([...port, 'name']),
            protocol: isEmpty(values.get([...port, 'protocol'])) ? 'TCP' : values.inline([...port, 'protocol']),
            name: values.inline([...port, 'name']),
          };
        }),
      ],
      selector: groupSelector(context, group, base),
    },
  };
}

function claim(context: ReleaseContext, group: string, path: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => [...path, ...rest];
  const set = (...rest: PathSegment[]) => !isEmpty(values.get(at(...rest)));
  const name = values.text(at('name'));
  const labels: Record<string, unknown> = {
    ...groupLabels(context, group, path.slice(0, 2)),
    'app.kubernetes.io/volume': values.inline(at('name')),
    ...copiedEntries(values, at('labels')),
  };
  const spec: Record<string, unknown> = {};
  if (set('accessModes')) spec.accessModes = rangeItems(values.get(at('accessModes'))).map(({ key }) => values.quoted(at('accessModes', key)));
  for (const key of ['storageClassName', 'storageClass']) {
    if (!set(key)) continue;
    spec.storageClassName = values.get(at(key)) === '-' ? values.attributed('', at(key)) : values.quoted(at(key));
    break;
  }
  spec.resources = { requests: { storage: values.quoted(at('size')) } };
  if (set('selector')) spec.selector = values.copy(at('selector'));
  if (set('volumeMode')) spec.volumeMode = values.inline(at('volumeMode'));
  const metadata = withAnnotations({ name: nameFrom(values, `${context.fullname}-${group}-${name}`, path), labels }, context, at('annotations'));
  return { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec };
}

/** servicemonitor.yaml's model group document (rendered only when `serviceMonitor.enabled`). */
function monitor(context: ReleaseContext, group: string, base: PathSegment[]): Record<string, unknown> {
  const values = context.values;
  const endpoint = (port: unknown, withToken: boolean): Record<string, unknown> => {
    const result: Record<string, unknown> = {
      port,
      interval: values.inline(['serviceMonitor', 'interval']),
      scrapeTimeout: values.inline(['serviceMonitor', 'scrapeTimeout']),
      path: '/metrics',
    };
    if (!isEmpty(values.get(['serviceMonitor', 'tlsConfig']))) result.tlsConfig = values.copy(['serviceMonitor', 'tlsConfig']);
    if (withToken && !isEmpty(values.get(['serviceMonitor', 'bearerTokenSecret']))) result.bearerTokenSecret = values.copy(['serviceMonitor', 'bearerTokenSecret']);
    return result;
  };
  const extra = rangeItems(values.get([...base, 'additionalPorts']))
    .filter(({ item }) => field(item, 'name') === 'metrics')
    .map(({ key }) => endpoint(values.inline([...base, 'additionalPorts', key, 'name']), false));
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: withAnnotations({
      name: nameFrom(values, `${context.fullname}-${group}`, base),
      namespace: isEmpty(values.get(['serviceMonitor', 'namespace'])) ? resolvePlainScalar(context.namespace) : values.inline(['serviceMonitor', 'namespace']),
      labels: { ...groupLabels(context, group, base), ...copiedEntries(values, ['serviceMonitor', 'labels']) },
    }, context, ['serviceMonitor', 'annotations']),
    spec: {
      selector: { matchLabels: groupSelector(context, group, base) },
      endpoints: [endpoint('http', true), ...extra],
    },
  };
}

/** `inference-stack.onwards.config`: each alias of the group -> the group's Service and model name. */
function targets(context: ReleaseContext, group: string, base: PathSegment[]): OnwardsTarget[] {
  const values = context.values;
  const port = printScalar(values.get([...base, 'service', 'port']));
  const url = `http://${context.fullname}-${group}:${port}`;
  const hasModel = !isEmpty(values.get([...base, 'modelName']));
  const key = values.get([...base, 'apiKey']);
  return rangeItems(values.get([...base, 'modelAlias'])).map(({ key: index, item }) => {
    const target: OnwardsTarget = {
      alias: printScalar(item),
      group,
      url,
      onwards_model: hasModel ? values.get([...base, 'modelName']) : item,
      aliasPath: [...base, 'modelAlias', index],
      modelPath: hasModel ? [...base, 'modelName'] : null,
    };
    if (!isEmpty(key)) target.onwards_key = key;
    return target;
  });
}

export function isGroupMap(value: unknown): value is Record<string, unknown> {
  return isMap(value);
}
