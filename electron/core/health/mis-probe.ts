// Is the MIS there? One cheap read that needs no patient token, kept in this one function so the
// request can be switched when the MIS's documented settings method is known to behave (another
// read, a HEAD) without touching the monitor. It runs under the same limits as every MIS call
// (bounded-exchange.ts) and never retries: the monitor asks again on its next cycle.
import axios from 'axios';
import { ApiError } from '../api/api-error';
import { boundedExchange } from '../api/bounded-exchange';
import { misPath } from '../api/path-segment';
import { misHttpsAgent } from '../api/tls';
import { createN3Probe } from './n3-probe';

export type MisReach = 'ok' | 'down';

export interface MisProbeOptions {
  baseUrl: string;
  clientApplication: string;
  /** Deadline of the whole probe; a MIS that answers slower than this is "down" for a patient. */
  timeoutMs: number;
  ca?: readonly string[];
  /** api.kind = "n3": the hub is probed instead (n3-probe.ts), at this service path. */
  n3?: { servicePath: string; allowInsecureHttp?: boolean };
}

/** Small: the settings answer is a short list; anything bigger is not worth reading for a ping. */
const PROBE_MAX_BYTES = 256 * 1024;

export function createMisProbe(opts: MisProbeOptions): () => Promise<MisReach> {
  if (opts.n3) return createN3Probe({ baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs, ca: opts.ca, ...opts.n3 });
  const http = axios.create({
    baseURL: opts.baseUrl.replace(/\/+$/, '') + '/',
    allowAbsoluteUrls: false,
    validateStatus: () => true,
    httpsAgent: misHttpsAgent(opts.ca),
    headers: { Accept: 'application/json', ClientApplication: opts.clientApplication },
  });
  // GET /api/v2/settings/clientApplication/{guid}: documented, token-free, answered by the
  // simulator. Any answer below 500 means the MIS is up and talking (a 4xx about the GUID is
  // the administrator's problem, not the patient's); 5xx, no answer or a dropped line is down.
  const path = misPath`/api/v2/settings/clientApplication/${opts.clientApplication}`.replace(/^\/+/, '');
  return async () => {
    try {
      const res = await boundedExchange(http, { method: 'GET', url: path }, { timeoutMs: opts.timeoutMs, maxResponseBytes: PROBE_MAX_BYTES });
      return res.status < 500 ? 'ok' : 'down';
    } catch (err) {
      // An oversized or non-JSON answer still came from a live server.
      if (err instanceof ApiError && err.kind === 'protocol') return 'ok';
      return 'down';
    }
  };
}
