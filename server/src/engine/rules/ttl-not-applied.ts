// ttl-not-applied: Pre-Porter renders `broadcastJobTemplate.ttlSecondsAfterFinished` directly under
// the BroadcastJob's spec (advancedcronjob.yaml: `with ...ttlSecondsAfterFinished`), where
// OpenKruise's BroadcastJobSpec has no such field: the API server prunes it and finished jobs are
// never cleaned up by it. The delay Kruise honours is `completionPolicy.ttlSecondsAfterFinished`
// (with `completionPolicy.type: Always`). Reported where the file sets the field, as intent.
import { valueAt } from '../merge';
import { isEmpty } from '../render/helm';
import { cronEnabled } from './pre-porter-images';
import type { Rule, RuleContext, RuleFinding } from './rule';

const CODE = 'ttl-not-applied';
export const TTL_PATH = ['advancedCronJob', 'broadcastJobTemplate', 'ttlSecondsAfterFinished'];

function check(context: RuleContext): RuleFinding[] {
  // `with` renders nothing for an empty value: `null` (which deletes the default) or `0` is the
  // way to keep the field out, and is not reported.
  if (!cronEnabled(context.values) || !context.locate(TTL_PATH) || isEmpty(valueAt(context.values, TTL_PATH))) return [];
  return [{
    code: CODE,
    message: 'OpenKruise\'s BroadcastJob has no `ttlSecondsAfterFinished` where the chart writes this one, so it is dropped; set `completionPolicy.ttlSecondsAfterFinished` instead.',
    range: context.rangeFor(TTL_PATH, 'key'),
    data: { path: TTL_PATH.join('.') },
  }];
}

export const rule: Rule = {
  codes: [{ code: CODE, severity: 'warning', summary: 'broadcastJobTemplate.ttlSecondsAfterFinished, which the chart renders where OpenKruise has no such field.' }],
  charts: ['pre-porter'],
  check,
};
