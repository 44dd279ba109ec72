// One SOAP 1.1 call to the N3 HubService under the same transport guards as the REST client
// (bounded-exchange.ts: one deadline, size cap, no redirects, https unless loopback/allowed).
// Business failures (HTTP 200, Success=false) and SOAP faults become typed ApiErrors: IdError
// is the code and the hub's ErrorDescription the MIS text; the adapter (n3-codes.ts) puts both
// into the kiosk's vocabulary.
import axios from 'axios';
import { ApiError } from '../../api/api-error';
import { boundedExchange, type Exchange } from '../../api/bounded-exchange';
import type { ExchangeNote } from '../../api/mis-client';
import { misHttpsAgent } from '../../api/tls';
import { checkMisBaseUrl } from '../../api/loopback';
import { silentLogger, type Logger } from '../../ports';
import { methodResult, readEnvelope, requestEnvelope, soapAction, type XEl, type XNode } from './soap';
import { XmlError, XmlLimitError } from './xml-tree';

export interface HubClientOptions {
  baseUrl: string;
  servicePath: string;
  timeoutMs: number;
  retries: number;
  maxResponseBytes: number;
  ca?: readonly string[];
  allowInsecureHttp?: boolean;
  log?: Logger;
  onExchange?: (e: ExchangeNote) => void;
}

export type HubCall = (op: string, params: XEl[], opts?: { write?: boolean }) => Promise<XNode>;

const XML_TYPE = /^(?:text\/xml|application\/(?:soap\+)?xml)\s*(?:;|$)/i;

export function createHubClient(o: HubClientOptions): HubCall {
  const log = o.log ?? silentLogger;
  checkMisBaseUrl(o.baseUrl, o.allowInsecureHttp, log);
  const http = axios.create({
    baseURL: o.baseUrl.replace(/\/+$/, '') + '/',
    allowAbsoluteUrls: false,
    validateStatus: () => true,
    httpsAgent: misHttpsAgent(o.ca),
    transformRequest: [(d: unknown) => d],
  });
  const path = o.servicePath.replace(/^\/+/, '');
  const limits = { timeoutMs: o.timeoutMs, maxResponseBytes: o.maxResponseBytes, accept: XML_TYPE };

  async function once(op: string, body: string): Promise<Exchange> {
    const t0 = Date.now();
    let status: number | null = null;
    try {
      const res = await boundedExchange(
        http,
        {
          method: 'POST',
          url: path,
          data: body,
          headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: soapAction(op), Accept: 'text/xml' },
        },
        limits,
      );
      status = res.status;
      return res;
    } catch (err) {
      status = err instanceof ApiError ? err.httpStatus : null;
      throw err;
    } finally {
      o.onExchange?.({ method: 'SOAP', endpoint: op, status, ms: Date.now() - t0 });
    }
  }

  return async (op, params, opts = {}) => {
    const body = requestEnvelope(op, params);
    // Reads are retried on a dropped connection; a booking or cancel never is (it may have landed).
    const attempts = opts.write ? 1 : o.retries + 1;
    let res: Exchange | null = null;
    for (let i = 0; i < attempts; i++) {
      try {
        res = await once(op, body);
        if (res.status >= 500 && res.text === null && i < attempts - 1) continue;
        break;
      } catch (err) {
        if (!(err instanceof ApiError) || err.kind !== 'network' || i === attempts - 1) throw err;
        log.warn('n3.retry', { op, attempt: i + 1, reason: err.reason });
      }
    }
    if (!res) throw new ApiError('network', null, null, null, 'no attempt made');
    if (res.text === null) {
      const kind = res.status >= 500 ? 'server' : 'protocol';
      throw new ApiError(kind, res.status, null, null, `HTTP ${res.status} with a ${res.contentType || 'untyped'} body (not read)`, 'not_json');
    }
    let parsed;
    try {
      parsed = readEnvelope(res.text, op);
    } catch (e) {
      // Over the reader's limits is the answer's own fault, whatever the status said.
      if (e instanceof XmlLimitError) throw new ApiError('protocol', res.status, null, null, `${op}: ${e.message}`, 'xml_limits');
      if (e instanceof XmlError) throw new ApiError(res.status >= 500 ? 'server' : 'protocol', res.status, null, null, `${op}: ${e.message}`);
      throw e;
    }
    if (parsed.kind === 'fault') {
      log.warn('n3.fault', { op, code: parsed.code });
      throw new ApiError('server', res.status, parsed.code || 'Fault', null, `${op}: SOAP fault ${parsed.code}: ${parsed.text.slice(0, 200)}`);
    }
    if (res.status !== 200) throw new ApiError('protocol', res.status, null, null, `${op}: HTTP ${res.status} with a result`);
    const { success, errors } = methodResult(parsed.result);
    if (!success) {
      const first = errors[0];
      const code = first && Number.isFinite(first.id) ? String(first.id) : 'n3';
      throw new ApiError('validation', 200, code, first?.description || null, `${op}: Success=false, IdError ${code}`);
    }
    return parsed.result;
  };
}
