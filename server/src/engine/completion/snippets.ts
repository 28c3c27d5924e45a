// Snippet completion: the blocks of snippets/bit-harbor.json (the file VS Code contributes, read
// here too so that every editor gets the same recipes) offered where they fit. Tag choices come
// from the current catalogue; the writable-copy group comes once per model of known size, its
// tag filled in and its emptyDir's sizeLimit computed as the size-limit-too-small check wants it.
// Pure: text, cursor, catalogue and settings in; items with offsets out.
import { parse } from 'yaml';
import { imageVolumeSubPath, imageVolumeSupport, parseKubernetesVersion } from '../kubernetes/versions';
import snippetFile from '../../../../snippets/bit-harbor.json';
import { OCI_TAG } from '../bit-harbor';
import type { Catalogue, ModelEntry, ModelSize } from '../catalogue/catalogue';
import { indentUnit } from '../edit/yaml-edit';
import { modelDetail, modelMarkdown } from '../model-markdown';
import { modelRoom } from '../rules/size-limit-too-small';
import { DEFAULT_SETTINGS, type EngineSettings, type OffsetRange } from '../types';
import { snippetSite, type GroupVolumes, type SnippetPlace } from './snippet-sites';
import { YamlCache, type YamlSource } from '../yaml-source';
import {
  expandSnippet,
  parseSnippet,
  renderSnippet,
  replaceText,
  resolveTabStop,
  withChoices,
  withDefault,
  type SnippetToken,
} from './snippet-syntax';

export interface SnippetCompletion {
  label: string;
  detail: string;
  /** Markdown: what the recipe does and the block it inserts. */
  documentation: string;
  /** Snippet syntax, indented for where it goes; replaces the word typed so far. */
  edit: { range: OffsetRange; newText: string };
  filterText: string;
  sortText: string;
}

/** The snippets the server offers, by their first prefix in snippets/bit-harbor.json. */
export const SNIPPET_PREFIX = {
  zeroCopyGroup: 'bit-harbor-group',
  copyGroup: 'bit-harbor-group-copy',
  copyInitContainer: 'bit-harbor-copy-init',
  prePorterImage: 'pre-porter-image',
  gpuTargeting: 'gpu-targeting',
  prePorterGpuTargeting: 'pre-porter-gpu-targeting',
  prePorterValues: 'pre-porter-values',
} as const;

export interface Snippet {
  /** The entry's name in the file, shown as the item's label. */
  name: string;
  prefix: string;
  description: string;
  /** The body, lines joined with `\n`, indented with one tab per level as VS Code expects. */
  tokens: SnippetToken[];
}

interface SnippetEntry {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

/** Every snippet of snippets/bit-harbor.json, parsed. */
export function bundledSnippets(): Snippet[] {
  return Object.entries(snippetFile as Record<string, SnippetEntry>).map(([name, entry]) => ({
    name,
    prefix: Array.isArray(entry.prefix) ? entry.prefix[0] : entry.prefix,
    description: entry.description,
    tokens: parseSnippet(Array.isArray(entry.body) ? entry.body.join('\n') : entry.body),
  }));
}

/**
 * Whether the cluster (its version, when known) gives what a recipe needs: an image volume (every
 * recipe that reads a Bit Harbor image says so), and `subPath` on its mount. Nothing is assumed
 * of an unknown version.
 */
function givenBy(item: Draft, settings: EngineSettings): boolean {
  const version = parseKubernetesVersion(settings.kubernetesVersion);
  if (!version || !item.documentation[0]?.includes('image volume')) return true;
  if (imageVolumeSupport(version) === 'none') return false;
  return imageVolumeSubPath(version) || !/subPath: models/.test(expandSnippet(item.tokens));
}

function snippetNamed(snippets: readonly Snippet[], prefix: string): Snippet {
  const found = snippets.find((snippet) => snippet.prefix === prefix);
  if (!found) throw new Error(`snippets/bit-harbor.json has no snippet with prefix ${prefix}`);
  return found;
}

/** A value YAML (1.1, as Helm reads it, and 1.2) reads back as this very string when written plain. */
function readsAsString(value: string): boolean {
  try {
    return parse(value, { version: '1.1' }) === value && parse(value) === value;
  } catch {
    return false;
  }
}

/** Catalogue tags a snippet can write unquoted and that lint clean: valid, published, plain. */
export function snippetTags(catalogue: Catalogue): ModelEntry[] {
  return catalogue.entries().filter((entry) => OCI_TAG.test(entry.name) && !catalogue.isUnpublished(entry.name) && readsAsString(entry.name));
}

/** A group name (a DNS-1123 label) for a model: its tag, lower-cased, `.` and `_` as `-`. */
export function groupNameFor(tag: string): string {
  const name = tag.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/-+/g, '-').slice(0, 63).replace(/^-+|-+$/g, '');
  return name !== '' && readsAsString(name) ? name : 'my-model';
}

/** The least sizeLimit that holds the model with the configured headroom, as size-limit-too-small computes it. */
export function sizeLimitFor(size: ModelSize, settings: EngineSettings): string {
  return modelRoom(size.bytes, settings).minimum;
}

/** The index of the first tab stop that `matches`, with the text before it. */
function stopWhere(tokens: readonly SnippetToken[], matches: (token: SnippetToken, before: string) => boolean): number | null {
  let before = '';
  for (const token of tokens) {
    if (token.kind !== 'text' && matches(token, before)) return token.index;
    if (token.kind === 'text') before += token.text;
  }
  return null;
}

/** In the group snippets the group name is the first tab stop, the tag the choice, the sizeLimit the value of `sizeLimit:`. */
const nameStop = (tokens: readonly SnippetToken[]) => stopWhere(tokens, (_, before) => before === '');
const tagStop = (tokens: readonly SnippetToken[]) => stopWhere(tokens, (token) => token.kind === 'choice');
const sizeLimitStop = (tokens: readonly SnippetToken[]) => stopWhere(tokens, (_, before) => /sizeLimit:[ \t]*$/.test(before));

interface Draft {
  label: string;
  detail: string;
  documentation: string[];
  tokens: SnippetToken[];
  filterText: string;
}

interface Offer {
  snippets: readonly Snippet[];
  tags: readonly string[];
  catalogue: Catalogue;
  settings: EngineSettings;
}

/** The snippet with the catalogue's tags as its choices, and the settings' copy image. */
function draft(offer: Offer, prefix: string): Draft {
  const snippet = snippetNamed(offer.snippets, prefix);
  let tokens = withChoices(snippet.tokens, offer.tags);
  // A plain image reference only: the setting is written into YAML unquoted.
  if (/^[A-Za-z0-9][\w./:@-]*$/.test(offer.settings.copyImage)) tokens = replaceText(tokens, DEFAULT_SETTINGS.copyImage, offer.settings.copyImage);
  return { label: snippet.name, detail: `snippet · ${snippet.prefix}`, documentation: [snippet.description], tokens, filterText: snippet.prefix };
}

/** The group name defaulting to `name` (else the snippet's own), or to `<name>-2`… when the file has that group. */
function withGroupName(tokens: readonly SnippetToken[], taken: ReadonlySet<string>, name?: string): SnippetToken[] {
  const index = nameStop(tokens);
  const placeholder = tokens.find((token) => token.kind === 'placeholder' && token.index === index);
  if (index === null || placeholder?.kind !== 'placeholder') throw new Error('a group snippet must start with its name\'s placeholder');
  // Room for the suffix within a DNS label's 63 characters.
  const base = (name ?? placeholder.value).slice(0, 60).replace(/-+$/, '');
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  return withDefault(tokens, index, candidate);
}

/** The zero-copy group, its tag a choice of the catalogue's. */
function zeroCopyGroup(offer: Offer, taken: ReadonlySet<string>): Draft {
  const group = draft(offer, SNIPPET_PREFIX.zeroCopyGroup);
  return { ...group, tokens: withGroupName(group.tokens, taken) };
}

/** One writable-copy group per model of known size: tag fixed, sizeLimit computed, named after the model. */
function copyGroups(offer: Offer, taken: ReadonlySet<string>): Draft[] {
  const base = draft(offer, SNIPPET_PREFIX.copyGroup);
  const [tag, size] = [tagStop(base.tokens), sizeLimitStop(base.tokens)];
  if (tag === null || size === null) throw new Error('the writable-copy snippet lost its tag or sizeLimit tab stop');
  return offer.tags.flatMap((model): Draft[] => {
    const entry = offer.catalogue.get(model)!;
    const modelSize = offer.catalogue.sizeOf(model);
    if (!modelSize || !Number.isFinite(modelSize.bytes) || modelSize.bytes <= 0) return [];
    const limit = sizeLimitFor(modelSize, offer.settings);
    const tokens = withGroupName(withDefault(resolveTabStop(base.tokens, tag, model), size, limit), taken, groupNameFor(model));
    return [{
      ...base,
      label: `${base.label} · ${model}`,
      detail: `sizeLimit ${limit} · ${modelDetail(entry, modelSize)}`,
      documentation: [...base.documentation, '', ...modelMarkdown(entry, modelSize)],
      tokens,
      filterText: `${base.filterText} ${model}`,
    }];
  });
}

/**
 * The copy init container, its two volume names defaulting to the group's own Bit Harbor image
 * volume and emptyDir where it has them: inserted, it then mounts volumes that exist.
 */
function copyInitContainer(offer: Offer, volumes: GroupVolumes): Draft {
  const item = draft(offer, SNIPPET_PREFIX.copyInitContainer);
  const stopAfter = (mountOf: RegExp) => stopWhere(item.tokens, (_, before) => mountOf.test(before));
  // The first `name:` stop is the image volume's mount, the second the emptyDir's.
  const [imageStop, emptyDirStop] = [stopAfter(/volumeMounts:\s*- name: $/), stopAfter(/readOnly: true\s*- name: $/)];
  if (imageStop === null || emptyDirStop === null) throw new Error('the copy init container snippet lost its volume name stops');
  let tokens = item.tokens;
  if (volumes.image) tokens = withDefault(tokens, imageStop, volumes.image);
  if (volumes.emptyDir) tokens = withDefault(tokens, emptyDirStop, volumes.emptyDir);
  return { ...item, tokens };
}

/** A model group under a `modelGroups:` header, for a file that has nothing yet. */
function inferenceStackStarter(offer: Offer): Draft {
  const group = zeroCopyGroup(offer, new Set());
  const nested = group.tokens.map((token): SnippetToken => (token.kind === 'text' ? { ...token, text: token.text.replace(/\n/g, '\n\t') } : token));
  return { ...group, label: `Inference Stack values: ${group.label}`, tokens: [{ kind: 'text', text: 'modelGroups:\n\t' }, ...nested], filterText: `inference-stack-values ${group.filterText}` };
}

function draftsFor(place: SnippetPlace, offer: Offer): Draft[] {
  const hasTags = offer.tags.length > 0;
  switch (place.kind) {
    case 'empty-file': {
      const prePorter = place.chart !== 'inference-stack' && hasTags ? [draft(offer, SNIPPET_PREFIX.prePorterValues)] : [];
      const inferenceStack = place.chart !== 'pre-porter' && hasTags ? [inferenceStackStarter(offer)] : [];
      return [...inferenceStack, ...prePorter];
    }
    case 'model-group':
      return hasTags ? [zeroCopyGroup(offer, place.present), ...copyGroups(offer, place.present)] : [];
    case 'group-key':
      return place.present.has('nodeSelector') || place.present.has('tolerations') ? [] : [draft(offer, SNIPPET_PREFIX.gpuTargeting)];
    case 'pre-porter-key':
      return place.present.has('globalNodeSelector') || place.present.has('globalTolerations') ? [] : [draft(offer, SNIPPET_PREFIX.prePorterGpuTargeting)];
    case 'init-container':
      return [withoutDash(copyInitContainer(offer, place.volumes), place.dashTyped)];
    case 'pre-porter-image':
      return hasTags ? [withoutDash(draft(offer, SNIPPET_PREFIX.prePorterImage), place.dashTyped)] : [];
  }
}

/** A list item's snippet after a `- ` already typed: the dash goes, the item's lines move left by two. */
function withoutDash(item: Draft, dashTyped: boolean): Draft {
  if (!dashTyped) return item;
  const [first, ...rest] = item.tokens;
  if (first?.kind !== 'text' || !first.text.startsWith('- ')) throw new Error(`snippet ${item.label} is not a list item`);
  const shifted = [{ ...first, text: first.text.slice(2) }, ...rest].map((token): SnippetToken =>
    token.kind === 'text' ? { ...token, text: token.text.replace(/\n {2}/g, '\n') } : token);
  return { ...item, tokens: shifted };
}

/** Snippet text laid out for where it goes: tabs as the file's indent unit, lines after the first at `column`. */
export function layOut(text: string, column: number, unit: number, eol: string): string {
  return text.split('\n').map((line, index) => {
    const indented = line.replace(/^[\t ]+/, (whitespace) => whitespace.replace(/\t/g, ' '.repeat(unit)));
    return index === 0 || indented === '' ? indented : ' '.repeat(column) + indented;
  }).join(eol);
}

export function completeSnippets(text: string, offset: number, catalogue: Catalogue, settings: EngineSettings, path?: string, yaml: YamlSource = new YamlCache()): SnippetCompletion[] {
  const site = snippetSite(text, offset, settings, path, yaml);
  if (!site) return [];
  const offer: Offer = { snippets: bundledSnippets(), tags: snippetTags(catalogue).map((entry) => entry.name), catalogue, settings };
  const unit = indentUnit(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return site.places.flatMap((place) => draftsFor(place, offer)).filter((item) => givenBy(item, settings)).map((item, index) => ({
    label: item.label,
    detail: item.detail,
    documentation: [...item.documentation, '', '```yaml', layOut(expandSnippet(item.tokens), 0, unit, '\n'), '```'].join('\n'),
    edit: { range: site.range, newText: layOut(renderSnippet(item.tokens), site.column, unit, eol) },
    filterText: item.filterText,
    sortText: `~${String(index).padStart(4, '0')}`,
  }));
}
