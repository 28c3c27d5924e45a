// Where a snippet may go at the cursor. Snippets are whole blocks, so they are offered only on a
// line that holds nothing but the cursor's indentation, perhaps a `- ` and a word being typed
// (which the snippet replaces). The place is read from the YAML parsed with a marker at the
// cursor, as key completion reads it (completion-site.ts), twice: once as a key, once as a new
// list item (`- ` put before the cursor), because an empty line at a list's dash column may
// start either. A parse that puts the marker in a collection whose entries sit at another column
// is the error-tolerant parser guessing, not a place, and is dropped.
import { lineStartAt } from '../lines';
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import { CURSOR_MARKER, completionSite, type KeySite } from '../authoring/completion-site';
import { probeAt, type Probe } from '../authoring/probe';
import { documentTypedInto, readValuesFile } from '../values-file';
import { findNodeAround } from '../authoring/yaml-position';
import { isBitHarborImage } from '../bit-harbor';
import type { ChartId, EngineSettings, OffsetRange } from '../types';
import type { PathSegment } from '../yaml-nodes';
import { YamlCache, type YamlSource } from '../yaml-source';

export type SnippetPlace =
  /** A file with nothing but blank lines and comments; the chart its modeline or globs give, if any. */
  | { kind: 'empty-file'; chart: ChartId | null }
  /** A group's key under `modelGroups:`; `present`: the groups the file has. */
  | { kind: 'model-group'; present: ReadonlySet<string> }
  /** A key of a model group. */
  | { kind: 'group-key'; present: ReadonlySet<string> }
  /** A top-level key of a Pre-Porter file. */
  | { kind: 'pre-porter-key'; present: ReadonlySet<string> }
  /**
   * An item of a group's `initContainers`; `dashTyped` when the line already has its `- `;
   * `volumes`: the group's own Bit Harbor image volume and emptyDir, by name, when it has them.
   */
  | { kind: 'init-container'; dashTyped: boolean; volumes: GroupVolumes }
  /** An item of Pre-Porter's `images`. */
  | { kind: 'pre-porter-image'; dashTyped: boolean };

export interface GroupVolumes {
  image?: string;
  emptyDir?: string;
}

/** A volume name that is a DNS label (what Kubernetes admits), so it goes into a snippet as it is. */
const VOLUME_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The first Bit Harbor image volume and the first emptyDir the group at `group` (a path) lists. */
function groupVolumes(doc: Document, group: PathSegment[], registries: readonly string[]): GroupVolumes {
  const list = doc.getIn([...group, 'volumes'], true);
  const volumes = isSeq(list) ? (list.toJSON() as unknown[]) : [];
  const named = volumes.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && typeof (v as { name?: unknown }).name === 'string' && VOLUME_NAME.test((v as { name: string }).name));
  const image = named.find((v) => isBitHarborImage((v.image as { reference?: unknown } | null | undefined)?.reference, registries));
  const emptyDir = named.find((v) => 'emptyDir' in v);
  return { ...(image ? { image: image.name as string } : {}), ...(emptyDir ? { emptyDir: emptyDir.name as string } : {}) };
}

export interface SnippetSite {
  places: SnippetPlace[];
  /** The word typed so far, which an item replaces. */
  range: OffsetRange;
  /** Column of `range.start`: the first line of a snippet starts there, the others are indented by it. */
  column: number;
}

/** Indentation, an optional `- `, a word: a line where a block can start. */
const BLOCK_START = /^( *)(- +)?([A-Za-z0-9_.-]*)$/;

function isBlankOrComments(text: string): boolean {
  return text.split(/\r?\n/).every((line) => line.trim() === '' || line.trimStart().startsWith('#'));
}

function columnIn(text: string, offset: number): number {
  return offset - lineStartAt(text, offset);
}

/** The collection at `path` of the probe document (its node offsets are those of `probe`). */
function nodeAt(doc: Document, path: PathSegment[]): Node | null {
  return path.length === 0 ? (doc.contents as Node | null) : ((doc.getIn(path, true) as Node | undefined) ?? null);
}

/** Whether the other keys of the map the cursor's key goes in (in the analysed text) start at the cursor's column. */
function keysAlign(site: KeySite, text: string, offset: number): boolean {
  const map = nodeAt(site.document.doc, site.mapPath);
  if (!isMap(map)) return true;
  const columns = map.items
    .map((pair) => pair.key as Node | null)
    // The word being typed may read as a key of its own.
    .filter((key) => key?.range && !(key.range[0] <= offset && offset <= key.range[1]))
    .map((key) => columnIn(text, key!.range![0]));
  return columns.every((column) => column === site.column);
}

function keyPlaces(site: KeySite, text: string, offset: number): SnippetPlace[] {
  const { chart } = site.document;
  const path = site.mapPath;
  if (site.flow || site.typed.includes(':') || !keysAlign(site, text, offset)) return [];
  if (chart === 'inference-stack' && path.length === 1 && path[0] === 'modelGroups') return [{ kind: 'model-group', present: site.present }];
  if (chart === 'inference-stack' && path.length === 2 && path[0] === 'modelGroups' && typeof path[1] === 'string') {
    return [{ kind: 'group-key', present: site.present }];
  }
  if (chart === 'pre-porter' && path.length === 0) return [{ kind: 'pre-porter-key', present: site.present }];
  return [];
}

/** The list a new item joins when the marker stands alone after `- ` (its dashes at `dashColumn`). */
function itemPlaces(probe: Probe, dashColumn: number, dashTyped: boolean, chart: ChartId | null, registries: readonly string[]): SnippetPlace[] {
  // Read here rather than through completionSite: the probe is not the user's text, and
  // converting its odd shapes to values (a list as a key) would only make the parser warn.
  for (const doc of probe.docs) {
    const found = findNodeAround(doc, probe.text.indexOf(CURSOR_MARKER), (node) => isScalar(node) && typeof node.value === 'string' && node.value.includes(CURSOR_MARKER));
    if (!found) continue;
    const seq = found.parent;
    if (found.role !== 'value' || found.pair !== null || !isSeq(seq) || seq.flow || !seq.range) return [];
    if (columnIn(probe.text, seq.range[0]) !== dashColumn) return [];
    const list = found.path.slice(0, -1);
    if (chart === 'inference-stack' && list.length === 3 && list[0] === 'modelGroups' && list[2] === 'initContainers') {
      return [{ kind: 'init-container', dashTyped, volumes: groupVolumes(doc, list.slice(0, 2), registries) }];
    }
    if (chart === 'pre-porter' && list.length === 1 && list[0] === 'images') return [{ kind: 'pre-porter-image', dashTyped }];
    return [];
  }
  return [];
}

export function snippetSite(text: string, offset: number, settings: EngineSettings, path?: string, yaml: YamlSource = new YamlCache()): SnippetSite | null {
  const lineStart = lineStartAt(text, offset);
  const lineEnd = text.indexOf('\n', offset);
  if (text.slice(offset, lineEnd < 0 ? text.length : lineEnd).trim() !== '') return null;
  const line = BLOCK_START.exec(text.slice(lineStart, offset));
  if (!line) return null;
  const [, indent, dash, typed] = line;
  const range = { start: offset - typed.length, end: offset };
  const column = range.start - lineStart;

  const file = readValuesFile({ text, path }, settings, yaml);
  if (isBlankOrComments(text.slice(0, range.start) + text.slice(range.end))) {
    if (column !== 0) return null;
    return { places: [{ kind: 'empty-file', chart: file.namedChart }], range, column };
  }

  const chart = documentTypedInto(file, offset)?.chart ?? null;
  const places: SnippetPlace[] = [];
  if (dash) {
    places.push(...itemPlaces(probeAt(file, offset, offset, CURSOR_MARKER), indent.length, true, chart, settings.registries));
  } else {
    const site = completionSite(text, offset, settings, path, undefined, yaml);
    if (site?.kind === 'key') places.push(...keyPlaces(site, text, offset));
    // The same line read as the start of a new list item: does a list of the snippets' items continue here?
    places.push(...itemPlaces(probeAt(file, range.start, offset, `- ${typed}${CURSOR_MARKER}`), column, false, chart, settings.registries));
  }
  return places.length > 0 ? { places, range, column } : null;
}
