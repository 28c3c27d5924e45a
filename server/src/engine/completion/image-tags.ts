// Completion of Bit Harbor tags: after `<registry>:` in an image reference, on a Pre-Porter
// `images[].name`, and, while a registry is being typed (`ghcr`, `bit-harbor`) or the value is
// still empty, full `<registry>:<tag>` references.
//
// The cursor's place is read from the YAML itself. A half-typed value is often not YAML yet
// (`image: ghcr.io/doublewordai/bit-harbor:` ends in a mapping indicator), so the text is parsed
// with a marker character at the cursor: the marker completes the plain scalar, sits inside
// quotes when the cursor does, and names the one scalar the cursor is in. Errors elsewhere in
// the file do not matter: the parser still builds the nodes around the cursor.
import { isMap, isScalar, type Document, type Scalar } from 'yaml';
import { findNodeAround } from '../authoring/yaml-position';
import { BIT_HARBOR_REGISTRY, OCI_TAG } from '../bit-harbor';
import type { Catalogue } from '../catalogue/catalogue';
import { modelDetail, modelMarkdown } from '../model-markdown';
import { slotOf, type TagSlot } from '../tag-sites';
import { probeAt } from '../authoring/probe';
import { documentTypedInto, readValuesFile } from '../values-file';
import type { ChartId, EngineSettings, OffsetRange } from '../types';
import { YamlCache, type YamlSource } from '../yaml-source';

/** A private-use character: valid inside any YAML scalar, never typed, never in a tag. */
const CURSOR_MARKER = '\uE000';

/** Characters a tag may have, so a partial tag can be told from a value that is not one. */
const PARTIAL_TAG = /^[A-Za-z0-9_.-]*$/;

export interface TagCompletion {
  /** The tag, or the full reference when the item completes the registry too. */
  label: string;
  /** The catalogue tag the item stands for. */
  tag: string;
  /** `<hf repo> · <size> (<source>)`, or `size unknown`. */
  detail: string;
  /** Markdown: the model page, its size and the size's source. */
  documentation: string;
  /** Replaces exactly what was typed of the tag (or of the reference) so far. */
  edit: { range: OffsetRange; newText: string };
  /** What the editor matches the typed text against. */
  filterText: string;
  /** Keeps the catalogue's order. */
  sortText: string;
}

/** The completions at `offset`, or none when the cursor is not where a tag goes. */
export function completeImageTags(
  text: string,
  offset: number,
  catalogue: Catalogue,
  settings: EngineSettings,
  path?: string,
  yaml: YamlSource = new YamlCache(),
): TagCompletion[] {
  const file = readValuesFile({ text, path }, settings, yaml);
  const document = documentTypedInto(file, offset);
  if (!document) return [];
  const { chart } = document;
  const probe = probeAt(file, offset, offset, CURSOR_MARKER);
  for (const doc of probe.docs) {
    const typed = slotAtCursor(doc, document.doc, probe.toProbe(offset), chart, settings.registries);
    if (typed === null) continue;
    const { slot, before } = typed;
    // Escapes and folded lines make the value differ from the source; only plain text is edited.
    if (text.slice(offset - before.length, offset) !== before) return [];
    return slot.kind === 'bare' ? bareTagItems(before, offset, catalogue) : referenceItems(before, offset, catalogue, settings.registries);
  }
  return [];
}

/**
 * The slot of the map value holding the marker (at `offset` of the probe `doc`), and what was typed
 * before it; `analysed` is the document itself, for what lies outside the probe (Pre-Porter's registry).
 */
function slotAtCursor(doc: Document, analysed: Document, offset: number, chart: ChartId, mirrors: readonly string[]): { slot: TagSlot; before: string } | null {
  const found = findNodeAround(doc, offset, (node) => isScalar(node) && typeof node.value === 'string' && node.value.includes(CURSOR_MARKER));
  // Tags are map values (tag-sites.ts): a key or a list item holding the marker is no tag's place.
  if (!found || found.role !== 'value' || found.pair === null || !isMap(found.parent)) return null;
  const value = String((found.node as Scalar).value);
  const slot = slotOf(found.path, found.parent, chart, analysed, mirrors);
  return slot ? { slot, before: value.slice(0, value.indexOf(CURSOR_MARKER)) } : null;
}

function bareTagItems(partial: string, offset: number, catalogue: Catalogue): TagCompletion[] {
  if (!PARTIAL_TAG.test(partial)) return [];
  const range = { start: offset - partial.length, end: offset };
  return modelItems(catalogue, (tag) => ({ label: tag, newText: tag, filterText: tag }), range);
}

function referenceItems(before: string, offset: number, catalogue: Catalogue, mirrors: readonly string[]): TagCompletion[] {
  const registries = [BIT_HARBOR_REGISTRY, ...mirrors].map((registry) => registry.replace(/\/+$/, ''));
  const chosen = registries.find((registry) => before.startsWith(registry + ':'));
  if (chosen) return bareTagItems(before.slice(chosen.length + 1), offset, catalogue);
  const range = { start: offset - before.length, end: offset };
  return registries.flatMap((registry) => {
    const matchAt = registryMatch(before, registry);
    if (matchAt === null) return [];
    return modelItems(catalogue, (tag) => {
      const reference = `${registry}:${tag}`;
      return { label: reference, newText: reference, filterText: reference.slice(matchAt) };
    }, range);
  });
}

/**
 * Where in `registry` the typed text starts, when it is the beginning of the registry or of one
 * of its path parts (`ghcr`, `doubleword`, `bit-harbor`); 0 for an empty value; else null.
 */
function registryMatch(typed: string, registry: string): number | null {
  if (registry.startsWith(typed)) return 0;
  let at = registry.indexOf('/');
  while (at >= 0) {
    if (registry.startsWith(typed, at + 1)) return at + 1;
    at = registry.indexOf('/', at + 1);
  }
  return null;
}

function modelItems(
  catalogue: Catalogue,
  shape: (tag: string) => { label: string; newText: string; filterText: string },
  range: OffsetRange,
): TagCompletion[] {
  return catalogue
    .entries()
    .filter((entry) => OCI_TAG.test(entry.name))
    .map((entry, index) => {
      const size = catalogue.sizeOf(entry.name);
      const { label, newText, filterText } = shape(entry.name);
      return {
        label,
        tag: entry.name,
        detail: modelDetail(entry, size),
        documentation: modelMarkdown(entry, size).join('\n'),
        edit: { range, newText },
        filterText,
        sortText: String(index).padStart(4, '0'),
      };
    });
}
