// A model group's name becomes its container's name and part of its Deployment and Service
// names, which Kubernetes requires to be DNS-1123 labels; the API server rejects anything else.
// The chart keys a new group must set (image.repository, service.port, containerPort) are the
// schema's `missing-key` findings, not repeated here.
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

function check(context: RuleContext): RuleFinding[] {
  return context.groups().flatMap((group): RuleFinding[] => {
    const why = fault(group.name);
    if (!why) return [];
    const suggestion = suggestLabel(group.name);
    return [{
      code: 'invalid-name',
      message: `Group name \`${group.name}\` ${why}: it becomes the container name and part of the Deployment and Service names, `
        + `which must be DNS-1123 labels, so Kubernetes rejects them. Use e.g. \`${suggestion}\`.`,
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
