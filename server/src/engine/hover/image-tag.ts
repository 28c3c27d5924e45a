// Hover on a Bit Harbor tag: what model it is, how big its weights are and how that size was
// found, and where else the open files use it (the same model pulled twice is often a copy
// that should have been shared, or a group that should have been removed).
import { lineAt } from '../lines';
import type { Catalogue, CatalogueOrigin } from '../catalogue/catalogue';
import { codeSpan, escapeMarkdown, modelMarkdown } from '../model-markdown';
import { formatPath, tagSitesInText, type TagSite } from '../tag-sites';
import type { EngineSettings, OffsetRange } from '../types';
import type { YamlSource } from '../yaml-source';

export interface OpenDocument {
  uri: string;
  text: string;
  /** File system path, for glob-based chart detection. */
  path?: string;
  /** The document's parse cache, when a door keeps one. */
  yaml?: YamlSource;
}

export interface TagHover {
  range: OffsetRange;
  markdown: string;
}

/** Beyond this many other uses the list says how many more there are. */
const MAX_LISTED_USES = 10;

export function hoverImageTag(
  document: OpenDocument,
  offset: number,
  catalogue: Catalogue,
  settings: EngineSettings,
  openDocuments: readonly OpenDocument[],
): TagHover | null {
  // Only the collections around the cursor are walked to find the hovered tag (a key hover
  // finds none and is done); the whole file's sites, for its other uses, come after.
  const around = tagSitesInText(document.text, settings, document.path, document.yaml, { start: offset, end: offset });
  const site = around.find(
    (candidate) => !candidate.untagged && candidate.tag !== '' && candidate.tagRange.start <= offset && offset <= candidate.tagRange.end,
  );
  if (!site) return null;
  const entry = catalogue.get(site.tag);
  const lines = entry
    ? modelMarkdown(entry, catalogue.sizeOf(site.tag))
    : [`**${escapeMarkdown(site.tag)}** is not a model of the Bit Harbor catalogue.`];
  if (entry && catalogue.isUnpublished(site.tag)) lines.push('', 'The registry has no image for this tag (yet): pulls fail.');
  if (!site.bitHarbor) lines.push('', `Pulled from ${escapeMarkdown(site.registry)}, which is not a Bit Harbor registry.`);
  const sites = tagSitesInText(document.text, settings, document.path, document.yaml);
  lines.push('', ...usesElsewhere(site, { ...document, sites }, settings, openDocuments));
  lines.push('', `_Catalogue: ${escapeMarkdown(describeOrigin(catalogue.origin))}_`);
  return { range: site.tagRange, markdown: lines.join('\n') };
}

function usesElsewhere(site: TagSite, document: OpenDocument & { sites: TagSite[] }, settings: EngineSettings, openDocuments: readonly OpenDocument[]): string[] {
  // The hovered document's own text wins over an older copy in the list; its sites are known already.
  const documents: (OpenDocument & { sites?: TagSite[] })[] = [document, ...openDocuments.filter((open) => open.uri !== document.uri)];
  const uses = documents.flatMap((open) =>
    (open.sites ?? tagSitesInText(open.text, settings, open.path, open.yaml))
      .filter((other) => other.tag === site.tag && !(open.uri === document.uri && other.tagRange.start === site.tagRange.start))
      .map((other) => ({ open, other })));
  if (uses.length === 0) return ['Not used anywhere else in the open files.'];
  // Line numbers for the listed uses only: indexing a 35,000-line file's lines costs more.
  const listed = uses.slice(0, MAX_LISTED_USES).map(({ open, other }) => {
    const line = lineAt(open.text, other.tagRange.start) + 1;
    const where = open.uri === document.uri ? 'this file' : escapeMarkdown(shortName(open.uri));
    return `- [${where}, line ${line}](${linkTarget(open.uri, line)}): ${codeSpan(formatPath(other.path))}`;
  });
  const more = uses.length > MAX_LISTED_USES ? [`- and ${uses.length - MAX_LISTED_USES} more`] : [];
  return ['Also used in:', ...listed, ...more];
}

/** The last two parts of the URI's path (`inference/values.yaml`), decoded. */
function shortName(uri: string): string {
  const parts = uri.split(/[/\\]/).filter(Boolean).slice(-2).join('/');
  try {
    return decodeURIComponent(parts);
  } catch {
    return parts;
  }
}

/** A markdown link destination: characters that would end or break it are percent-encoded. */
function linkTarget(uri: string, line: number): string {
  const safe = uri.replace(/[()<>\s\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `${safe}#L${line}`;
}

function describeOrigin(origin: CatalogueOrigin): string {
  const where = origin.location ? ` ${origin.location}` : '';
  const when = origin.fetchedAt ? `, read ${new Date(origin.fetchedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return `${origin.kind}${where}${when}`;
}
