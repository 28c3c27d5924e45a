// strategy-conflict: `rollingUpdate: null` beside `type: Recreate`, which removes an inherited
// rollingUpdate in Helm's merge (a written one is set to null where it stands).
import { setNull } from '../edit/node-edit';
import { ensureMapEntries, walk } from '../edit/yaml-edit';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { groupNamed } from './group-edits';

export function strategyConflictFixes(context: FixContext, finding: FixFinding): Fix[] {
  const group = groupNamed(context, stringData(finding.data, 'group'));
  if (!group) return [];
  const strategy = [...group.path, 'strategy'];
  const rolling = [...strategy, 'rollingUpdate'];
  const edits = walk(context.doc, rolling).depth === rolling.length
    ? setNull(context.text, context.doc, rolling)
    : ensureMapEntries(context.text, context.doc, strategy, { rollingUpdate: null });
  // Unambiguous: the Deployment is rejected as it is, and null is what the docs recommend.
  return fixOf({ title: 'Set `rollingUpdate: null`', kind: 'quickfix', isPreferred: true, safe: true }, edits);
}
