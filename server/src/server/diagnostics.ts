// Finding -> LSP Diagnostic. The engine speaks in offsets into the analysed text; the protocol
// speaks in line/character, so the conversion needs the very TextDocument that was analysed.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { docsPath } from '../engine/codes';
import type { Finding, FindingTag, OffsetRange, RelatedLocation, Severity } from '../engine/types';
import { revealInvisible } from '../engine/text/reveal-invisible';

/** Source shown next to every diagnostic, so users can tell ours from the YAML extension's. */
export const DIAGNOSTIC_SOURCE = 'bit-harbor';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const TAG: Record<FindingTag, DiagnosticTag> = {
  unnecessary: DiagnosticTag.Unnecessary,
  deprecated: DiagnosticTag.Deprecated,
};

/** How to find the text of another document a related location points into. */
export type DocumentLookup = (uri: string) => TextDocument | undefined;

export interface DiagnosticContext {
  document: TextDocument;
  /** The folder holding docs/rules/, i.e. the installed package's root. */
  packageRoot: string;
  lookup: DocumentLookup;
}

/** file: URL of a code's docs page; editors render it as a link on the diagnostic code. */
export function docsHref(code: string, packageRoot: string): string {
  return pathToFileURL(path.join(packageRoot, docsPath(code))).href;
}

function toRange(document: TextDocument, range: OffsetRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

function toRelated(location: RelatedLocation, context: DiagnosticContext): DiagnosticRelatedInformation {
  const uri = location.uri ?? context.document.uri;
  const target = uri === context.document.uri ? context.document : context.lookup(uri);
  // Offsets mean nothing without the target's text; pointing at the file's start still lets
  // the user jump to the right file.
  const range = target ? toRange(target, location.range) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { location: { uri, range }, message: revealInvisible(location.message) };
}

export function toDiagnostic(finding: Finding, context: DiagnosticContext): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(context.document, finding.range),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    codeDescription: { href: docsHref(finding.code, context.packageRoot) },
    // Messages quote the file's own text: a bidi override or zero-width space in it is shown, not obeyed.
    message: revealInvisible(finding.message),
  };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  if (finding.tags?.length) diagnostic.tags = finding.tags.map((tag) => TAG[tag]);
  if (finding.related?.length) diagnostic.relatedInformation = finding.related.map((r) => toRelated(r, context));
  return diagnostic;
}
