// A model group's name becomes its container's name (a DNS-1123 label) and part of its Deployment
// and Service names, `<fullname>-<group>` (service.yaml, deployment.yaml); a Service name must be
// a DNS-1035 label: at most 63 characters, starting with a letter. The release name is not in a
// values file: `bitHarbor.releaseName` gives it, else the shortest the fullname helper allows is
// assumed (a release named like the chart: fullname is the chart's name), so what is reported
// holds for every release.
// The chart keys a new group must set (image.repository, service.port, containerPort) are the
// schema's `missing-key` findings, not repeated here.
import { chartName, fullname } from '../render/helm';
import type { Rule, RuleContext, RuleFinding } from './rule';

const MAX_LENGTH = 63;
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** What is wrong with `name`, in words, or null when it is a valid label. */
function fault(name: string): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > MAX_LENGTH) return `is ${name.length} characters long (at most ${MAX_LENGTH})`;
  if (DNS_1123_LABEL.test(name)) return null;
  if (/[A-Z]/.test(name)) return 'has upper-case letters';
  if (/[^a-z0-9-]/.test(name)) return 'has characters other than lower-case letters, digits and `-`';
  return 'does not start and end with a letter or digit';
}

/** The nearest valid label, for a quick fix. */
export function suggestLabel(name: string): string {
  const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-{2,}/g, '-').slice(0, MAX_LENGTH).replace(/^-+|-+$/g, '');
  return label === '' ? 'model' : label;
}

const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** The Service the chart names after `group`, and whether the release name was assumed. */
function serviceName(context: RuleContext, group: string): { name: string; assumed: boolean } {
  const base = { chartName: 'inference-stack', nameOverride: context.values.nameOverride, fullnameOverride: context.values.fullnameOverride };
  const assumed = context.settings.releaseName === '';
  const releaseName = assumed ? chartName({ ...base, releaseName: '' }) : context.settings.releaseName;
  return { name: `${fullname({ ...base, releaseName })}-${group}`, assumed };
}

function serviceFault(context: RuleContext, group: string): RuleFinding | null {
  const { name, assumed } = serviceName(context, group);
  const why = name.length > MAX_LENGTH ? `is ${name.length} characters long (at most ${MAX_LENGTH})` : DNS_1035_LABEL.test(name) ? null : 'is not a DNS-1035 label (lower-case letters, digits and `-`, starting with a letter)';
  if (!why) return null;
  return {
    code: 'invalid-name',
    message: `This group's Service, \`${name}\`, ${why}: Kubernetes rejects it${assumed ? ', whatever the release name' : ''}.`,
    range: context.rangeFor(['modelGroups', group], 'key'),
    data: { group, service: name, releaseAssumed: assumed },
  };
}

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const why = fault(group.name);
    if (!why) {
      const service = serviceFault(context, group.name);
      return service ? [service] : [];
    }
    const suggestion = suggestLabel(group.name);
    return [{
      code: 'invalid-name',
      message: `Group name \`${group.name}\` ${why}: the container named after it must be a DNS-1123 label, so Kubernetes rejects it.`,
      range: context.rangeFor(group.path, 'key'),
      data: { group: group.name, suggestion },
    }];
  });
}

export const rule: Rule = {
  codes: [{ code: 'invalid-name', severity: 'error', summary: 'A model group name that is not a DNS-1123 label; Kubernetes rejects the objects made from it.' }],
  charts: ['inference-stack'],
  scope: 'group',
  check,
};
