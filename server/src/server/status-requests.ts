// Requests a client may make besides LSP's own, for status displays and pickers: what chart a
// document was detected as, the catalogue with sizes, and the server's memory. Plain JSON, so any
// editor can use them.
import type { Connection } from 'vscode-languageserver/node';
import type { Engine } from '../engine/engine';
import { formatGiB } from '../engine/quantity';
import type { CatalogueStatus } from './catalogue-service';

export const DOCUMENT_STATUS_REQUEST = 'bitHarbor/documentStatus';
export const CATALOGUE_REQUEST = 'bitHarbor/catalogue';
export const MEMORY_REQUEST = 'bitHarbor/memory';

/** The server's memory: V8's heap in use and the process's resident size, in bytes. */
export interface MemoryStatus {
  heapUsed: number;
  rss: number;
  /** Whether a full collection ran first (asked with `collect: true`, where V8 allows it). */
  collected: boolean;
}

export interface DocumentStatus {
  chart: string | null;
  detectedBy: string | null;
  catalogue: string;
}

export interface StatusHost {
  engine(): Engine;
  chartOf(uri: string): { chart: string | null; detectedBy: string | null } | undefined;
  catalogueStatus(): CatalogueStatus;
  /** V8's full collection, or null where it cannot be reached. */
  gc(): (() => void) | null;
}

export function registerStatusRequests(connection: Connection, host: StatusHost): void {
  connection.onRequest(DOCUMENT_STATUS_REQUEST, (params: { uri?: unknown }): DocumentStatus => {
    const known = typeof params?.uri === 'string' ? host.chartOf(params.uri) : undefined;
    return { chart: known?.chart ?? null, detectedBy: known?.detectedBy ?? null, catalogue: host.catalogueStatus().source };
  });
  // `collect: true` measures what the server holds, not what it has yet to collect (the benchmark's
  // idle heap); a collection costs 10-30 ms on a 35,000-line file, asked for by the client only.
  connection.onRequest(MEMORY_REQUEST, (params: { collect?: unknown } | undefined): MemoryStatus => {
    const gc = params?.collect === true ? host.gc() : null;
    gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    return { heapUsed, rss, collected: gc !== null };
  });
  connection.onRequest(CATALOGUE_REQUEST, () =>
    host.engine().catalogue.entries().map((entry) => {
      const size = host.engine().catalogue.sizeOf(entry.name);
      return { tag: entry.name, repo: entry.repo, size: size ? `${formatGiB(size.bytes)} (${size.source})` : 'size unknown' };
    }),
  );
}
