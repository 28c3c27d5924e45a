// not-prepulled: the fix edits the other file. For each Pre-Porter file the finding names, add
// `{name: <tag>, enabled: true}` to its `images` (or switch on an entry of that name that is
// off). The door hands in those files' texts; the engine itself reads no disk.
import { isMap, isSeq, isScalar } from 'yaml';
import { readValuesFile } from '../values-file';
import { appendListItems, type TextEdit } from '../edit/yaml-edit';
import { keyText } from '../yaml-nodes';
import { stringData, stringsData, type Fix, type FixContext, type FixFinding, type OtherFile } from './fix';
import { setEntries } from './group-edits';

function prePullEdits(context: FixContext, file: OtherFile, tag: string): TextEdit[] {
  const doc = readValuesFile({ text: file.text, chart: 'pre-porter' }, context.settings).docs.find((d) => isMap(d.contents));
  if (!doc) return [];
  const images = doc.getIn(['images'], true);
  const index = isSeq(images)
    ? images.items.findIndex((item) => isMap(item) && item.items.some((pair) => keyText(pair) === 'name' && isScalar(pair.value) && String(pair.value.value) === tag))
    : -1;
  // The edits are for the other file: its own text, document and (default-free) values.
  const other = { ...context, text: file.text, doc, merged: {} };
  if (index >= 0) return setEntries(other, ['images', index], { enabled: true });
  return appendListItems(file.text, doc, ['images'], [{ name: tag, enabled: true }]);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

export function notPrepulledFixes(context: FixContext, finding: FixFinding): Fix[] {
  const tag = stringData(finding.data, 'tag');
  const uris = stringsData(finding.data, 'prePorterUris');
  if (!tag) return [];
  return uris.flatMap((uri, index): Fix[] => {
    const file = context.otherFiles.find((f) => f.uri === uri);
    const edits = file ? prePullEdits(context, file, tag) : [];
    if (edits.length === 0) return [];
    const where = uris.length > 1 ? ` in ${fileName(uri)}` : '';
    return [{ title: `Add \`${tag}\` to Pre-Porter images${where}`, kind: 'quickfix', isPreferred: index === 0, edits, uri, safe: false }];
  });
}
