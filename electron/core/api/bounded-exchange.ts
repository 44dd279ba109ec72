// One HTTP exchange with the MIS under hard limits, so a hostile or broken server (or a proxy
// in between) cannot hold a patient's screen or the kiosk's memory:
// - one wall-clock deadline for connect + headers + body (axios' `timeout` is a socket idle
//   timeout, which a body dripping a byte at a time never trips);
// - a size cap counted on the decoded bytes while they stream in (a gzip bomb counts at its
//   inflated size), checked against Content-Length before the first byte is read;
// - no redirects: the Authorization and ClientApplication headers and the booking body must
//   never reach a host the technician did not configure;
// - a body is read only if it is declared JSON; an HTML error page is dropped unread.
import type { AxiosInstance, AxiosRequestConfig } from 'axios';
import type { Readable } from 'node:stream';
import { ApiError } from './api-error';
import { describeTlsFailure } from './tls';

export interface ExchangeLimits {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Content types whose body is read; default JSON. The SOAP adapter reads XML. */
  accept?: RegExp;
}

export interface Exchange {
  status: number;
  contentType: string;
  /** The body text, or null when the answer was not JSON and its body was left unread. */
  text: string | null;
}

const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

export async function boundedExchange(http: AxiosInstance, req: AxiosRequestConfig, limits: ExchangeLimits): Promise<Exchange> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  try {
    let res;
    try {
      res = await http.request<Readable>({ ...req, responseType: 'stream', signal: deadline.signal, maxRedirects: 0 });
    } catch (err) {
      if (deadline.signal.aborted) {
        throw new ApiError('network', null, null, null, `no answer within ${limits.timeoutMs} ms`, 'deadline');
      }
      throw transportError(err);
    }
    const body = res.data;
    const status = res.status;
    const header = (name: string) => {
      const v: unknown = res.headers[name];
      return v == null ? '' : String(v);
    };

    if (status >= 300 && status < 400) {
      body.destroy();
      throw new ApiError('protocol', status, null, null, `MIS answered HTTP ${status} redirecting to ${locationHost(header('location'), http.defaults.baseURL)}; redirects are not followed`, 'redirect');
    }
    const declared = Number(header('content-length') || NaN);
    if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
      body.destroy();
      throw tooLarge(status, `declares ${declared} bytes`, limits.maxResponseBytes);
    }
    const contentType = header('content-type');
    if (!(limits.accept ?? JSON_TYPE).test(contentType)) {
      body.destroy();
      return { status, contentType, text: null };
    }
    return { status, contentType, text: await readCapped(body, status, limits, deadline.signal) };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(body: Readable, status: number, limits: ExchangeLimits, deadline: AbortSignal): Promise<string> {
  const onDeadline = () => body.destroy();
  deadline.addEventListener('abort', onDeadline, { once: true });
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.length;
      // Breaking out of for-await destroys the stream, so the rest is never downloaded.
      if (total > limits.maxResponseBytes) throw tooLarge(status, `passed ${total} bytes`, limits.maxResponseBytes);
      chunks.push(chunk);
    }
    // A stream destroyed by the deadline may end quietly instead of erroring.
    if (deadline.aborted) throw new Error('deadline');
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (deadline.aborted) {
      throw new ApiError('network', status, null, null, `answer body not complete within ${limits.timeoutMs} ms (${total} bytes received)`, 'deadline_body');
    }
    throw new ApiError('network', status, null, null, `connection lost in the answer body after ${total} bytes`);
  } finally {
    deadline.removeEventListener('abort', onDeadline);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError('protocol', status, null, null, 'answer is not valid UTF-8', 'not_json');
  }
}

function tooLarge(status: number, what: string, cap: number): ApiError {
  return new ApiError('protocol', status, null, null, `answer (HTTP ${status}) ${what}, over the ${cap}-byte limit (api.maxResponseBytes)`, 'too_large');
}

/** Host only: the rest of a Location may carry tokens or personal data. */
function locationHost(location: string, base: string | undefined): string {
  if (!location) return 'nowhere (no Location header)';
  try {
    const url = new URL(location, base);
    const sameOrigin = base !== undefined && url.origin === new URL(base).origin;
    return `${url.host}${sameOrigin ? ' (same host)' : ' (another host)'}`;
  } catch {
    return 'an unparsable Location';
  }
}

function transportError(err: unknown): ApiError {
  const e = err as { code?: string; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code;
  const tls = describeTlsFailure(code);
  if (tls) return new ApiError('network', null, null, null, tls, 'tls');
  return new ApiError('network', null, null, null, code ?? e.message ?? 'network error');
}
