// SARIF 2.1.0 output, the format code-scanning services (GitHub, Azure DevOps) ingest. Rules
// are listed only for the codes that occur, which is what those services expect.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeInfo, docsPath } from '../engine/codes';
import type { Severity } from '../engine/types';
import type { LintRun } from './files';

export interface SarifTool {
  version: string;
  /** Project home page; rule help links are built from it. Omitted from the log when unknown. */
  informationUri?: string;
  /** Base URL that docsPath() results are resolved against (e.g. `<repo>/blob/HEAD/`). */
  docsBaseUri?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

const SRCROOT = '%SRCROOT%';

export function formatSarif(run: LintRun, tool: SarifTool, cwd: string): string {
  const ruleIds = [...new Set(run.files.flatMap((file) => file.findings.map((f) => f.code)))].sort();
  const rules = ruleIds.map((id) => {
    const info = codeInfo(id);
    return {
      id,
      ...(info && { shortDescription: { text: info.summary } }),
      ...(tool.docsBaseUri && { helpUri: new URL(docsPath(id), tool.docsBaseUri).href }),
      ...(info && { defaultConfiguration: { level: LEVEL[info.severity] } }),
    };
  });
  const results = run.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      ruleIndex: ruleIds.indexOf(finding.code),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.displayPath, cwd),
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
    })),
  );
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
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(cwd) } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Files under the working directory are relative to %SRCROOT%; others get an absolute URI. */
function artifactLocation(displayPath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(displayPath) || displayPath.split(path.sep)[0] === '..') {
    return { uri: pathToFileURL(path.resolve(cwd, displayPath)).href };
  }
  return { uri: displayPath.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : href + '/';
}
