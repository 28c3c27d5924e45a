// What a fix is, and what a fix provider is given. Providers key on a finding's `code` and read
// its `data`, never its message, so rewording a message cannot break a fix. Every provider is a
// pure function: the same text, settings and finding give the same edits.
import type { Document } from 'yaml';
import type { Catalogue } from '../catalogue/catalogue';
import type { TextEdit } from '../edit/yaml-edit';
import type { Values } from '../merge';
import type { ChartId, EngineSettings, OffsetRange } from '../types';

/** A finding as a door hands it back: the code, where it is now, and the data it was published with. */
export interface FixableFinding {
  code?: unknown;
  range: OffsetRange;
  data?: unknown;
}

export interface FixFinding {
  code: string;
  range: OffsetRange;
  data: Record<string, unknown>;
}

/** Another file's text, for fixes that edit it (the Pre-Porter file of a not-prepulled tag). */
export interface OtherFile {
  uri: string;
  text: string;
}

/**
 * What a fix reads of the document Helm reads: a ValuesDocument (values-file.ts), or a document of
 * no chart, whose values are its own.
 */
export interface FixDocument {
  doc: Document;
  /** Null when the document belongs to no chart (a fix may still edit a modeline). */
  chart: ChartId | null;
  /** What Helm renders from: the chart's defaults with the document merged over them. */
  merged: Values;
}

export interface FixContext extends FixDocument {
  text: string;
  settings: EngineSettings;
  catalogue: Catalogue;
  otherFiles: readonly OtherFile[];
}

export interface Fix {
  title: string;
  kind: 'quickfix' | 'refactor.rewrite';
  isPreferred?: boolean;
  /** Offsets into the text of `uri`, or of the file the fix was asked for when `uri` is absent. */
  edits: TextEdit[];
  uri?: string;
  /** Sure enough to apply unasked, with every other safe fix of the file (fix-all). */
  safe: boolean;
}

export type FixProvider = (context: FixContext, finding: FixFinding) => Fix[];

/** A refactor offered where the cursor is, whatever the findings. */
export type RefactorProvider = (context: FixContext, range: OffsetRange) => Fix[];

export function stringData(data: Record<string, unknown>, key: string): string | undefined {
  const value = data[key];
  return typeof value === 'string' ? value : undefined;
}

export function stringsData(data: Record<string, unknown>, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * A fix made of edits, or nothing when there is nothing to edit or its edits overlap: in a file
 * with syntax errors the parser's recovered ranges of two nodes may share text, and no editor
 * can apply overlapping edits (LSP forbids them) nor any order of them be right.
 */
export function fixOf(fix: Omit<Fix, 'edits'>, edits: TextEdit[]): Fix[] {
  return edits.length > 0 && !overlapping(edits) ? [{ ...fix, edits: itemsBeforeKeys(edits) }] : [];
}

/**
 * Inserts at one offset appear in the order given (LSP's rule, and applyEdits'). At the end of a
 * map whose last entry is a list, an item appended to that list must come before a key added
 * after it, or the item lands under the new key: a list item indented deeper than a key insert
 * at the same offset goes first. Everything else keeps its order.
 */
function itemsBeforeKeys(edits: readonly TextEdit[]): TextEdit[] {
  const shape = (edit: TextEdit) => /^( *)(-?)/.exec(edit.newText)!;
  const ordered = [...edits];
  for (let i = 1; i < ordered.length; i++) {
    for (let j = i; j > 0; j--) {
      const [before, after] = [ordered[j - 1], ordered[j]];
      if (before.start !== after.start || before.end !== before.start || after.end !== after.start) break;
      const [a, b] = [shape(before), shape(after)];
      const itemAfterKey = b[2] === '-' && a[2] !== '-' && b[1].length > a[1].length;
      if (!itemAfterKey) break;
      [ordered[j - 1], ordered[j]] = [after, before];
    }
  }
  return ordered;
}

/** Whether two edits share text (inserts at one offset, or at either end of a replacement, do not). */
function overlapping(edits: readonly TextEdit[]): boolean {
  let end = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < end) return true;
    end = Math.max(end, edit.end);
  }
  return false;
}
