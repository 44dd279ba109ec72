// Is the N3 hub there? `GetErrorList`: the hub's error catalogue, no parameters, no patient and
// nothing written (n3-hubservice.md §3.15) — a real SOAP round trip through the service, which
// the WSDL GET would not prove. Same limits as every hub call, no retries: the monitor asks
// again on its next cycle.
import { ApiError } from '../api/api-error';
import { createHubClient } from '../mis/n3/hub-client';
import { silentLogger } from '../ports';
import type { MisReach } from './mis-probe';

export interface N3ProbeOptions {
  baseUrl: string;
  servicePath: string;
  timeoutMs: number;
  ca?: readonly string[];
  allowInsecureHttp?: boolean;
}

const PROBE_MAX_BYTES = 256 * 1024;

export function createN3Probe(opts: N3ProbeOptions): () => Promise<MisReach> {
  // Silent: the adapter's own client already told the technician about plain http.
  const hub = createHubClient({ ...opts, retries: 0, maxResponseBytes: PROBE_MAX_BYTES, log: silentLogger });
  return async () => {
    try {
      await hub('GetErrorList', []);
      return 'ok';
    } catch (err) {
      // Success=false is the hub answering; so is any other answer below 500 (as for SoftRust).
      // A SOAP fault (the service broke), a 5xx, no answer or a dropped line is down.
      if (err instanceof ApiError && (err.kind === 'validation' || err.kind === 'protocol')) return 'ok';
      return 'down';
    }
  };
}
