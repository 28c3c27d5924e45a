// Rendered objects as `helm template` prints them: each document after `---` and a
// `# Source: <chart>/templates/<file>` line, in the release's order. The YAML is this
// model's own printing of the objects (keys in the order the templates write them), not a
// copy of Helm's text: comments of the templates and their exact spacing are not kept.
import { stringify } from 'yaml';
import type { RenderedRelease } from './index';

export function printManifests(release: RenderedRelease): string {
  return release.documents
    .map((document) => `---\n# Source: ${document.source}\n${stringify(document.object, { lineWidth: 0, nullStr: '', aliasDuplicateObjects: false })}`)
    .join('');
}
