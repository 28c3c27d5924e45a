// Requests a client may make besides LSP's own, for status displays and pickers: what chart a
// document was detected as, and the catalogue with sizes. Plain JSON, so any editor can use them.
import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/engine';
import { formatGiB } from '../engine/quantity';
import type { CatalogueStatus } from './catalogue-service';

export const DOCUMENT_STATUS_REQUEST = 'bitHarbor/documentStatus';
export const CATALOGUE_REQUEST = 'bitHarbor/catalogue';

export interface DocumentStatus {
  chart: string | null;
  detectedBy: string | null;
  catalogue: string;
}

export interface StatusHost {
  engine(): Engine;
  chartOf(uri: string): { chart: string | null; detectedBy: string | null } | undefined;
  catalogueStatus(): CatalogueStatus;
}

export function registerStatusRequests(connection: Connection, host: StatusHost): void {
  connection.onRequest(DOCUMENT_STATUS_REQUEST, (params: { uri?: unknown }): DocumentStatus => {
    const known = typeof params?.uri === 'string' ? host.chartOf(params.uri) : undefined;
    return { chart: known?.chart ?? null, detectedBy: known?.detectedBy ?? null, catalogue: host.catalogueStatus().source };
  });
  connection.onRequest(CATALOGUE_REQUEST, () =>
    host.engine().catalogue.entries().map((entry) => {
      const size = host.engine().catalogue.sizeOf(entry.name);
      return { tag: entry.name, repo: entry.repo, size: size ? `${formatGiB(size.bytes)} (${size.source})` : 'size unknown' };
    }),
  );
}
