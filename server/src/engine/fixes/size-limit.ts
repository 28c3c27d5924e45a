// size-limit-too-small: raise the emptyDir's sizeLimit to the minimum the finding computed (the
// model plus headroom, rounded up to a whole Gi), written with the quotes the file used. A
// memory limit that cannot hold a memory-backed volume gets no fix: the engine's own memory
// need is not known here, so any number would be a guess.
import { parseQuantity } from '../quantity';
import { fixOf, stringData, type Fix, type FixContext, type FixFinding } from './fix';
import { groupNamed, setEntries } from './group-edits';

export function sizeLimitFixes(context: FixContext, finding: FixFinding): Fix[] {
  const minimum = stringData(finding.data, 'minimum');
  const group = groupNamed(context, stringData(finding.data, 'group'));
  const volume = group?.volumes.find((v) => v.name === finding.data.volume && v.source === 'emptyDir');
  if (finding.data.limit !== 'sizeLimit' || !minimum || parseQuantity(minimum) === null || !volume) return [];
  const edits = setEntries(context, [...volume.path, 'emptyDir'], { sizeLimit: minimum });
  return fixOf({ title: `Set sizeLimit to ${minimum}`, kind: 'quickfix', isPreferred: true, safe: true }, edits);
}
