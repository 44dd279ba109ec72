import type { Logger } from '../ports';

/** This machine: an MIS here (the demo simulator, a local proxy) is reached without a network. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/**
 * https is required for every MIS transport (REST and SOAP) unless the technician allowed http
 * on purpose (api.allowInsecureHttp, logged), or the MIS is on this machine, where nothing
 * crosses a network.
 */
export function checkMisBaseUrl(baseUrl: string, allowInsecureHttp: boolean | undefined, log: Logger): void {
  const url = new URL(baseUrl);
  if (url.protocol === 'https:') return;
  if (url.protocol !== 'http:') throw new Error(`api.baseUrl: unsupported scheme ${url.protocol} (https:// expected)`);
  if (isLoopbackHost(url.hostname)) return;
  if (!allowInsecureHttp) {
    throw new Error("api.baseUrl: http:// sends patients' tokens in clear text; use https:// or set api.allowInsecureHttp");
  }
  log.warn('api.insecure_http', { host: url.host });
}
