// The Inference Stack chart (0.4.4) rendered from merged values: the Onwards gateway's objects
// here, each model group's in inference-stack-group.ts, put together in each template's order.
import { createHash } from 'node:crypto';
import type { PathSegment } from '../yaml-nodes';
import { isEmpty, printScalar, rangeItems, resolvePlainScalar, sortedKeys } from './helm';
import { toGoJson } from './go-json';
import { renderModelGroup, type GroupRender, type OnwardsTarget } from './inference-stack-group';
import { FromValues, finish, type RenderedDocument } from './provenance';
import { CHART_META, commonLabels, copiedEntries, selectorLabels, type ReleaseContext } from './release';

const SOURCE = 'inference-stack/templates/';

function onwardsLabels(context: ReleaseContext): Record<string, unknown> {
  return { ...commonLabels(context), 'app.kubernetes.io/component': 'onwards' };
}

function onwardsSelector(context: ReleaseContext): Record<string, unknown> {
  return { ...selectorLabels(context), 'app.kubernetes.io/component': 'onwards' };
}

/** Every group of `modelGroups`, rendered one by one in the sorted order the templates walk them. */
export function renderModelGroups(context: ReleaseContext): GroupRender[] {
  const groups = context.values.get(['modelGroups']);
  return sortedKeys(groups).map((name) => renderModelGroup(name, (groups as Record<string, unknown>)[name], context));
}

/**
 * The routing table of the Onwards ConfigMap: alias -> target. Groups are walked in sorted
 * order and `set` replaces, so an alias served by two groups goes to the one sorting last.
 */
export function routingTable(groups: readonly GroupRender[]): Map<string, OnwardsTarget> {
  const table = new Map<string, OnwardsTarget>();
  for (const group of groups) for (const target of group.targets) table.set(target.alias, target);
  return table;
}

function configJson(table: Map<string, OnwardsTarget>): string {
  const targets: Record<string, unknown> = {};
  for (const [alias, target] of table) {
    const entry: Record<string, unknown> = { url: target.url, onwards_model: target.onwards_model };
    if (target.onwards_key !== undefined) entry.onwards_key = target.onwards_key;
    targets[alias] = entry;
  }
  return toGoJson({ targets });
}

/** The chart's documents, per template, from groups rendered by `renderModelGroups` (or reused). */
export function assembleInferenceStack(context: ReleaseContext, groups: readonly GroupRender[]): RenderedDocument[] {
  const values = context.values;
  const set = (...path: PathSegment[]) => !isEmpty(values.get(path));
  const config = configJson(routingTable(groups));
  const documents: RenderedDocument[] = [];
  const add = (file: string, object: Record<string, unknown>) => documents.push(finish(SOURCE + file, object, undefined, context.values.shareCopies));
  const pick = <K extends keyof GroupRender>(key: K) => groups.map((group) => group[key]).filter((item): item is NonNullable<GroupRender[K]> => item !== null);

  add('configmap.yaml', {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `${context.fullname}-onwards`, labels: onwardsLabels(context) },
    data: { 'config.json': config },
  });
  for (const name of sortedKeys(values.get(['configMaps']))) add('configmap.yaml', configMap(context, name));

  add('deployment.yaml', onwardsDeployment(context, config));
  documents.push(...(pick('deployment') as RenderedDocument[]));

  if (set('ingress', 'enabled')) add('ingress.yaml', ingress(context));

  if (set('networkPolicy', 'enabled')) {
    if (set('networkPolicy', 'onwards')) {
      add('networkpolicy.yaml', {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `${context.fullname}-onwards`, labels: onwardsLabels(context) },
        spec: { podSelector: { matchLabels: onwardsSelector(context) }, ...copiedEntries(values, ['networkPolicy', 'onwards']) },
      });
    }
    documents.push(...(pick('networkPolicy') as RenderedDocument[]));
  }

  for (const group of groups) documents.push(...group.persistentVolumeClaims);

  add('service.yaml', onwardsService(context));
  if (set('onwards', 'loadBalancer', 'enabled')) add('service.yaml', loadBalancer(context));
  documents.push(...(pick('service') as RenderedDocument[]));

  if (set('onwards', 'serviceAccount', 'create')) {
    add('serviceaccount.yaml', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: withAnnotations(context, { name: onwardsServiceAccountName(context), labels: onwardsLabels(context) }, ['onwards', 'serviceAccount', 'annotations']),
    });
  }
  documents.push(...(pick('serviceAccount') as RenderedDocument[]));

  if (set('serviceMonitor', 'enabled')) {
    add('servicemonitor.yaml', onwardsMonitor(context));
    documents.push(...(pick('serviceMonitor') as RenderedDocument[]));
  }
  return documents;
}

function withAnnotations(context: ReleaseContext, metadata: Record<string, unknown>, path: PathSegment[]): Record<string, unknown> {
  return isEmpty(context.values.get(path)) ? metadata : { ...metadata, annotations: context.values.copy(path) };
}

function onwardsServiceAccountName(context: ReleaseContext): unknown {
  const values = context.values;
  const name = ['onwards', 'serviceAccount', 'name'];
  if (!isEmpty(values.get(name))) return values.inline(name);
  return !isEmpty(values.get(['onwards', 'serviceAccount', 'create'])) ? `${context.fullname}-onwards` : 'default';
}

function configMap(context: ReleaseContext, name: string): Record<string, unknown> {
  const values = context.values;
  const data: Record<string, unknown> = {};
  for (const { key, item } of rangeItems(values.get(['configMaps', name]))) {
    // `|-` keeps the text and drops its final line breaks.
    data[String(key)] = values.attributed(printScalar(item).replace(/\n+$/, ''), ['configMaps', name, key]);
  }
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: values.attributed(`${context.fullname}-${name}`, ['configMaps', name]), labels: commonLabels(context) },
    data,
  };
}

function onwardsDeployment(context: ReleaseContext, config: string): Record<string, unknown> {
  const values = context.values;
  const at = (...rest: PathSegment[]) => ['onwards', ...rest];
  const set = (...rest: PathSegment[]) => !isEmpty(values.get(at(...rest)));
  const listItems = (...rest: PathSegment[]) => {
    const list = values.get(at(...rest));
    return set(...rest) && Array.isArray(list) ? list.map((_, index) => values.copy(at(...rest, index))) : [];
  };
  const metrics = set('metrics', 'enabled');
  const tag = set('image', 'tag') ? values.text(at('image', 'tag')) : CHART_META['inference-stack'].appVersion;
  const container: Record<string, unknown> = {
    name: 'onwards',
    securityContext: values.copy(at('securityContext')),
    image: values.attributed(`${values.text(at('image', 'repository'))}:${tag}`, at('image')),
    imagePullPolicy: values.inline(at('image', 'pullPolicy')),
    args: [
      '-f=/app/config/config.json',
      ...(metrics ? ['--metrics', values.attributed(`--metrics-port=${values.text(at('metrics', 'port'))}`, at('metrics', 'port')),
        values.attributed(`--metrics-prefix=${values.text(at('metrics', 'prefix'))}`, at('metrics', 'prefix'))] : []),
      ...listItems('extraArgs'),
    ],
    ports: [
      { name: 'http', containerPort: values.inline(at('containerPort')), protocol: 'TCP' },
      ...(metrics ? [{ name: 'metrics', containerPort: values.inline(at('metrics', 'port')), protocol: 'TCP' }] : []),
    ],
    livenessProbe: probe(context, 'liveness'),
    readinessProbe: probe(context, 'readiness'),
    resources: values.copy(at('resources')),
    env: set('env') ? values.copy(at('env')) : null,
    volumeMounts: [{ name: 'config-volume', mountPath: '/app/config', readOnly: true }, ...listItems('volumeMounts')],
  };
  const podSpec: Record<string, unknown> = {};
  if (set('imagePullSecrets')) podSpec.imagePullSecrets = values.copy(at('imagePullSecrets'));
  podSpec.serviceAccountName = onwardsServiceAccountName(context);
  podSpec.securityContext = values.copy(at('podSecurityContext'));
  podSpec.containers = [container];
  podSpec.volumes = [{ name: 'config-volume', configMap: { name: `${context.fullname}-onwards` } }, ...listItems('volumes')];
  for (const key of ['nodeSelector', 'affinity', 'tolerations']) if (set(key)) podSpec[key] = values.copy(at(key));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `${context.fullname}-onwards`, labels: onwardsLabels(context) },
    spec: {
      replicas: values.inline(at('replicaCount')),
      selector: { matchLabels: onwardsSelector(context) },
      template: {
        metadata: {
          annotations: { 'checksum/config': createHash('sha256').update(config).digest('hex'), ...copiedEntries(values, at('podAnnotations')) },
          labels: onwardsSelector(context),
        },
        spec: podSpec,
      },
    },
  };
}

function probe(context: ReleaseContext, kind: 'liveness' | 'readiness'): Record<string, unknown> {
  const values = context.values;
  return {
    httpGet: { path: values.inline(['onwards', 'probes', 'path']), port: 'http' },
    initialDelaySeconds: values.inline(['onwards', 'probes', kind, 'initialDelaySeconds']),
    periodSeconds: values.inline(['onwards', 'probes', kind, 'periodSeconds']),
  };
}

function onwardsService(context: ReleaseContext): Record<string, unknown> {
  const values = context.values;
  const http: Record<string, unknown> = { port: values.inline(['onwards', 'service', 'port']), targetPort: 'http', protocol: 'TCP', name: 'http' };
  if (values.get(['onwards', 'service', 'type']) === 'NodePort' && !isEmpty(values.get(['onwards', 'service', 'nodePort']))) {
    http.nodePort = values.inline(['onwards', 'service', 'nodePort']);
  }
  const ports: unknown[] = [http];
  if (!isEmpty(values.get(['onwards', 'metrics', 'enabled']))) {
    ports.push({ port: values.inline(['onwards', 'metrics', 'service', 'port']), targetPort: 'metrics', protocol: 'TCP', name: 'metrics' });
  }
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${context.fullname}-onwards`, labels: onwardsLabels(context) },
    spec: { type: values.inline(['onwards', 'service', 'type']), ports, selector: onwardsSelector(context) },
  };
}

function loadBalancer(context: ReleaseContext): Record<string, unknown> {
  const values = context.values;
  const override = ['onwards', 'loadBalancer', 'nameOverwrite'];
  const name = isEmpty(values.get(override)) ? `${context.fullname}-onwards-loadbalancer` : values.inline(override);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: withAnnotations(context, { name, labels: onwardsLabels(context) }, ['onwards', 'loadBalancer', 'annotations']),
    spec: {
      type: 'LoadBalancer',
      ports: [{ port: values.inline(['onwards', 'loadBalancer', 'port']), targetPort: 'http', protocol: 'TCP', name: 'http' }],
      selector: onwardsSelector(context),
    },
  };
}

/**
 * ingress.yaml for the Kubernetes versions `helm template` assumes by default (>= 1.19):
 * networking.k8s.io/v1, `ingressClassName`, `pathType` and a `service` backend.
 */
function ingress(context: ReleaseContext): Record<string, unknown> {
  const values = context.values;
  const className = values.get(['ingress', 'className']);
  const annotations: Record<string, unknown> = { ...copiedEntries(values, ['ingress', 'annotations']) };
  const classKey = 'kubernetes.io/ingress.class';
  // The template adds the class annotation into the values themselves when it is missing.
  const stated = values.get(['ingress', 'annotations']);
  const hasClass = typeof stated === 'object' && stated !== null && Object.prototype.hasOwnProperty.call(stated, classKey);
  if (!isEmpty(className) && !hasClass) annotations[classKey] = new FromValues(className, ['ingress', 'className']);
  const metadata: Record<string, unknown> = { name: context.fullname, labels: onwardsLabels(context) };
  if (Object.keys(annotations).length > 0) metadata.annotations = Object.fromEntries(sortedKeys(annotations).map((key) => [key, annotations[key]]));
  const spec: Record<string, unknown> = {};
  if (!isEmpty(className)) spec.ingressClassName = values.inline(['ingress', 'className']);
  if (!isEmpty(values.get(['ingress', 'tls']))) {
    spec.tls = rangeItems(values.get(['ingress', 'tls'])).map(({ key }) => {
      const hosts = rangeItems(values.get(['ingress', 'tls', key, 'hosts'])).map((host) => values.quoted(['ingress', 'tls', key, 'hosts', host.key]));
      return { hosts: hosts.length > 0 ? hosts : null, secretName: values.inline(['ingress', 'tls', key, 'secretName']) };
    });
  }
  const rules = rangeItems(values.get(['ingress', 'hosts'])).map(({ key }) => {
    const host: PathSegment[] = ['ingress', 'hosts', key];
    const paths = rangeItems(values.get([...host, 'paths'])).map((entry) => {
      const at: PathSegment[] = [...host, 'paths', entry.key];
      const path: Record<string, unknown> = { path: values.inline([...at, 'path']) };
      if (!isEmpty(values.get([...at, 'pathType']))) path.pathType = values.inline([...at, 'pathType']);
      path.backend = { service: { name: `${context.fullname}-onwards`, port: { number: values.inline(['onwards', 'service', 'port']) } } };
      return path;
    });
    return { host: values.quoted([...host, 'host']), http: { paths: paths.length > 0 ? paths : null } };
  });
  spec.rules = rules.length > 0 ? rules : null;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec };
}

function onwardsMonitor(context: ReleaseContext): Record<string, unknown> {
  const values = context.values;
  const endpoint: Record<string, unknown> = {
    port: 'metrics',
    interval: values.inline(['serviceMonitor', 'interval']),
    scrapeTimeout: values.inline(['serviceMonitor', 'scrapeTimeout']),
    path: '/metrics',
  };
  if (!isEmpty(values.get(['serviceMonitor', 'tlsConfig']))) endpoint.tlsConfig = values.copy(['serviceMonitor', 'tlsConfig']);
  if (!isEmpty(values.get(['serviceMonitor', 'bearerTokenSecret']))) endpoint.bearerTokenSecret = values.copy(['serviceMonitor', 'bearerTokenSecret']);
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    metadata: withAnnotations(context, {
      name: `${context.fullname}-onwards`,
      namespace: isEmpty(values.get(['serviceMonitor', 'namespace'])) ? resolvePlainScalar(context.namespace) : values.inline(['serviceMonitor', 'namespace']),
      labels: { ...onwardsLabels(context), ...copiedEntries(values, ['serviceMonitor', 'labels']) },
    }, ['serviceMonitor', 'annotations']),
    spec: { selector: { matchLabels: onwardsSelector(context) }, endpoints: [endpoint] },
  };
}
