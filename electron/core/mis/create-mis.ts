// `api.kind` picks the adapter. Both share the transport guards of the REST client (https,
// bounded answers, CA bundle); the N3 adapter brings its own SOAP exchange.
import { createMisClient, type ExchangeNote } from '../api/mis-client';
import type { KioskConfig } from '../config/schema';
import type { Logger } from '../ports';
import { createN3Adapter } from './n3/n3-adapter';
import type { Mis } from './port';
import { createSoftrustAdapter } from './softrust-adapter';

export interface CreateMisOptions {
  log: Logger;
  /** Trusted roots (api.caFile) for https. */
  ca?: readonly string[];
  /** mis:check hears every exchange through this. */
  onExchange?: (e: ExchangeNote) => void;
}

export function createMis(config: KioskConfig, opts: CreateMisOptions): Mis {
  const api = config.api;
  if (!api.baseUrl) throw new Error('api.baseUrl is not set');
  const transport = {
    baseUrl: api.baseUrl,
    timeoutMs: api.timeoutMs,
    retries: api.retries,
    maxResponseBytes: api.maxResponseBytes,
    ca: opts.ca,
    allowInsecureHttp: config.demo || api.allowInsecureHttp,
    log: opts.log,
    onExchange: opts.onExchange,
  };
  if (api.kind === 'n3') {
    if (!api.n3) throw new Error('api.n3 is not set (guid, idLpu)');
    return createN3Adapter({ ...transport, ...api.n3, timeZone: config.timeZone });
  }
  const client = createMisClient({
    ...transport,
    clientApplication: api.clientApplication,
    paths: Object.fromEntries(Object.entries(api.endpoints).filter(([, v]) => v !== null)),
  });
  return createSoftrustAdapter({
    client,
    clientApplication: api.clientApplication,
    endpoints: api.endpoints,
    checkClientApplication: api.checkClientApplication,
    log: opts.log,
  });
}
