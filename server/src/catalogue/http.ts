// A bounded HTTP GET for the catalogue and the registry. Everything the network can do wrong
// (slow, huge, redirected elsewhere, an error status, a dropped connection) comes back as a
// failure with a one-line reason: the caller keeps its last good data and never sees a throw.
import type * as http from 'node:http';

export interface GetOptions {
  /** Extra request headers (Accept, Authorization). */
  headers?: Record<string, string>;
  /** Sent as If-None-Match; a 304 answer comes back as `notModified`. */
  etag?: string;
  /** Whole request, headers and body together. Default 10 s. */
  timeoutMs?: number;
  /** The body is abandoned, and the request fails, once it passes this size. Default 1 MiB. */
  maxBytes?: number;
  /** Redirects followed on the same origin. Default 3; another origin is never followed. */
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  etag?: string;
  contentType?: string;
  /** UTF-8 body; empty when `notModified`. */
  body: string;
  notModified: boolean;
}

export interface HttpFailure {
  reason: string;
  /** The HTTP status when the server answered with an error status (404 means "no such thing"). */
  status?: number;
}

export type HttpOutcome = HttpResponse | HttpFailure;

/** The GET the catalogue code uses; tests and the CLI may pass their own. Never rejects. */
export interface HttpGet {
  (url: string, options?: GetOptions): Promise<HttpOutcome>;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;

export function isFailure(outcome: HttpOutcome): outcome is HttpFailure {
  return 'reason' in outcome;
}

/** `httpGet` over node:http and node:https. */
export const httpGet: HttpGet = async (url, options = {}) => {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { reason: `not a URL: ${url}` };
  }
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  for (let redirects = 0; ; redirects++) {
    const hop = await getOnce(current, options, deadline, timeoutMs);
    if (!('location' in hop)) return hop;
    let next: URL;
    try {
      next = new URL(hop.location, current);
    } catch {
      return { reason: `${current.href} redirected to an unreadable location` };
    }
    // Another origin could be anything; the catalogue URL is meant to name its own host.
    if (next.origin !== current.origin) return { reason: `${current.href} redirected to another host (${next.origin}); not followed` };
    if (redirects >= maxRedirects) return { reason: `${url}: more than ${maxRedirects} redirects` };
    current = next;
  }
};

type Hop = HttpOutcome | { location: string };

function getOnce(url: URL, options: GetOptions, deadline: number, timeoutMs: number): Promise<Hop> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Required on the first request: most runs (every offline one) make none, and node:https
  // with TLS takes several milliseconds to load.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const client = url.protocol === 'https:' ? (require('node:https') as typeof import('node:https'))
    : url.protocol === 'http:' ? (require('node:http') as typeof import('node:http')) : undefined;
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!client) return Promise.resolve({ reason: `unsupported protocol in ${url.href}` });
  const headers: Record<string, string> = { 'user-agent': 'bit-harbor-values', ...options.headers };
  if (options.etag) headers['if-none-match'] = options.etag;

  return new Promise<Hop>((resolve) => {
    let settled = false;
    let request: http.ClientRequest | undefined;
    const finish = (hop: Hop): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request?.destroy();
      resolve(hop);
    };
    const timer = setTimeout(
      () => finish({ reason: `${url.href}: no complete answer within ${formatMs(timeoutMs)}` }),
      Math.max(0, deadline - Date.now()),
    );
    try {
      request = client.get(url, { headers }, (response) => {
        const status = response.statusCode ?? 0;
        const etag = headerValue(response.headers.etag);
        const location = headerValue(response.headers.location);
        if (status >= 300 && status < 400 && status !== 304 && location) return finish({ location });
        if (status === 304) return finish({ status, etag: etag ?? options.etag, body: '', notModified: true });
        if (status < 200 || status >= 300) {
          return finish({ status, reason: `${url.href} answered ${status}${response.statusMessage ? ' ' + response.statusMessage : ''}` });
        }
        const tooBig = { reason: `${url.href}: the answer is larger than ${formatBytes(maxBytes)}; not read` };
        if (Number(response.headers['content-length'] ?? 0) > maxBytes) return finish(tooBig);
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return finish(tooBig);
          chunks.push(chunk);
        });
        response.on('end', () =>
          finish({ status, etag, contentType: headerValue(response.headers['content-type']), body: Buffer.concat(chunks).toString('utf8'), notModified: false }),
        );
        response.on('error', (error) => finish({ reason: `${url.href}: ${error.message}` }));
        response.on('close', () => {
          if (!response.complete) finish({ reason: `${url.href}: the connection closed mid-answer` });
        });
      });
      request.on('error', (error) => finish({ reason: `${url.href}: ${networkReason(error)}` }));
    } catch (error) {
      finish({ reason: `${url.href}: ${error instanceof Error ? error.message : String(error)}` });
    }
  });
}

/**
 * One line for a failed connection. TLS failures come from OpenSSL as several lines naming its
 * source files; the reason is the part after "SSL routines:...:", and it is said to be TLS.
 */
export function networkReason(error: NodeJS.ErrnoException): string {
  const detail = (error.message || error.code || 'the connection failed').split('\n')[0].trim();
  const code = error.code ?? '';
  if (!/SSL|TLS|CERT|EPROTO/i.test(`${code} ${detail}`)) return detail;
  const reason = detail.match(/SSL routines:[^:]*:([^:]+)/)?.[1] ?? detail;
  return `TLS error: ${reason}${code && !reason.includes(code) ? ` (${code})` : ''}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
