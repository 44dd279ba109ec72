// One file of the update feed under the same limits as every MIS exchange (core/api), so a
// broken or hostile update server cannot hold the kiosk's main process or its memory:
// https unless the feed is on this machine; one deadline for headers and body; a size cap
// checked on Content-Length and again while the body streams in; no redirects (the feed is a
// plain folder at the configured address). The HTTP client is injected: Electron's net.fetch
// in the shell (the system's proxy and certificate store, as electron-updater's own
// downloads), Node's fetch in tests and under plain Node.
import { isLoopbackHost } from '../api/loopback';

export interface FetchResponseLike {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

export type FetchLike = (
  url: string,
  init: { signal: AbortSignal; redirect: 'manual'; headers: Record<string, string> },
) => Promise<FetchResponseLike>;

export interface FeedFetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export type FeedFile =
  | { kind: 'ok'; bytes: Buffer }
  /** 404 or 410: the file is not in the folder (never published, or taken down). */
  | { kind: 'missing' }
  | { kind: 'unreachable'; detail: string };

/** The feed folder's address as a base URL (trailing slash); throws unless https or loopback http. */
export function feedBaseUrl(url: string): URL {
  const u = new URL(url);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackHost(u.hostname))) {
    throw new Error(`updates.url must be https:// (got ${u.protocol}//${u.host})`);
  }
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}

export async function fetchFeedFile(url: URL, fetchFn: FetchLike, limits: FeedFetchLimits): Promise<FeedFile> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  const late = () => ({ kind: 'unreachable' as const, detail: `${url.pathname}: no complete answer within ${limits.timeoutMs} ms` });
  try {
    let res: FetchResponseLike;
    try {
      // no-cache: a file just taken down or replaced must not come back from a cache on the way.
      res = await fetchFn(url.href, { signal: deadline.signal, redirect: 'manual', headers: { 'cache-control': 'no-cache' } });
    } catch (err) {
      if (deadline.signal.aborted) return late();
      return { kind: 'unreachable', detail: `${url.pathname}: ${describe(err)}` };
    }
    if (res.status === 404 || res.status === 410) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'missing' };
    }
    if (res.status !== 200) {
      await res.body?.cancel().catch(() => {});
      const redirect = res.status === 0 || (res.status >= 300 && res.status < 400);
      return { kind: 'unreachable', detail: `${url.pathname}: HTTP ${res.status}${redirect ? ' (a redirect; updates.url must name the folder itself)' : ''}` };
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'unreachable', detail: `${url.pathname}: declares ${declared} bytes, over the ${limits.maxBytes}-byte limit` };
    }
    if (!res.body) return { kind: 'ok', bytes: Buffer.alloc(0) };
    const reader = res.body.getReader();
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > limits.maxBytes) {
          await reader.cancel().catch(() => {});
          return { kind: 'unreachable', detail: `${url.pathname}: passed ${total} bytes, over the ${limits.maxBytes}-byte limit` };
        }
        chunks.push(Buffer.from(value));
      }
    } catch (err) {
      if (deadline.signal.aborted) return late();
      return { kind: 'unreachable', detail: `${url.pathname}: connection lost after ${total} bytes (${describe(err)})` };
    }
    if (deadline.signal.aborted) return late();
    return { kind: 'ok', bytes: Buffer.concat(chunks) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } } | null;
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
