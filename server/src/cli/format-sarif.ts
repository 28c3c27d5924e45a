// SARIF 2.1.0 output, the format code-scanning services (GitHub, Azure DevOps) ingest. Every
// code the product has is a rule, with its summary, its docs page as help and its default
// level, so a service can show a rule's help before it ever fires; results carry
// partialFingerprints so a finding is tracked across commits while lines around it move.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allCodes, docsPath } from '../engine/codes';
import type { Severity } from '../engine/types';
import type { LintRun } from './files';

export interface SarifTool {
  version: string;
  /** Project home page; rule help links are built from it. Omitted from the log when unknown. */
  informationUri?: string;
  /** Base URL that docsPath() results are resolved against (e.g. `<repo>/blob/HEAD/`). */
  docsBaseUri?: string;
  /** A code's docs page (markdown), when the package has it. */
  docs?: (code: string) => string | undefined;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

const SRCROOT = '%SRCROOT%';

/** The fingerprint's name and version: a change of what is hashed needs a new one. */
const FINGERPRINT = 'bitHarborValues/v1';

/** The page's first paragraph after its title and severity line, as plain text. */
function firstParagraph(markdown: string): string | undefined {
  const paragraphs = markdown.split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('**Severity'));
  return paragraphs[0]?.replace(/\s*\r?\n\s*/g, ' ');
}

function rules(tool: SarifTool) {
  return allCodes().map((info) => {
    const page = tool.docs?.(info.code);
    const full = page && firstParagraph(page);
    return {
      id: info.code,
      shortDescription: { text: info.summary },
      ...(full && { fullDescription: { text: full } }),
      ...(page && { help: { text: full ?? info.summary, markdown: page } }),
      ...(tool.docsBaseUri && { helpUri: new URL(docsPath(info.code), tool.docsBaseUri).href }),
      defaultConfiguration: { level: LEVEL[info.severity] },
      properties: { tags: ['helm', 'kubernetes', ...(info.charts ?? [])] },
    };
  });
}

/**
 * Code, file and the text the finding points at, not its line: a finding stays the same one when
 * lines are added above it. Equal ones in a file are told apart by their order.
 */
function fingerprints(code: string, uri: string, excerpt: string, seen: Map<string, number>): Record<string, string> {
  const base = createHash('sha256').update(`${code}\0${uri}\0${excerpt}`).digest('hex');
  const occurrence = (seen.get(base) ?? 0) + 1;
  seen.set(base, occurrence);
  return { [FINGERPRINT]: `${base.slice(0, 32)}:${occurrence}` };
}

/** `root`: what artifact URIs are relative to (the repository root, `--sarif-root`), else the working folder. */
export function formatSarif(run: LintRun, tool: SarifTool, cwd: string, root = cwd): string {
  const ruleList = rules(tool);
  const index = new Map(ruleList.map((rule, i) => [rule.id, i]));
  const seen = new Map<string, number>();
  const results = run.files.flatMap((file) => {
    const artifact = artifactLocation(path.resolve(cwd, file.displayPath), root);
    return file.findings.map((finding) => ({
      ruleId: finding.code,
      ...(index.has(finding.code) && { ruleIndex: index.get(finding.code) }),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifact,
            // SARIF's endColumn is exclusive and 1-based, exactly like ours.
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
            },
          },
        },
      ],
      partialFingerprints: fingerprints(finding.code, artifact.uri, finding.excerpt, seen),
    }));
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bit-harbor-values',
            ...(tool.informationUri && { informationUri: tool.informationUri }),
            version: tool.version,
            rules: ruleList,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(root) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Files under the root are relative to %SRCROOT%; others get an absolute URI. */
function artifactLocation(absolutePath: string, root: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(root, absolutePath);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') {
    return { uri: pathToFileURL(absolutePath).href };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}
