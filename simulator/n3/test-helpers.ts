// SOAP requests for the N3 simulator's own tests, built with the same XML builder (no strings).
import { NS } from '../../electron/core/mis/n3/soap';
import { buildXml, el, kid, kidText, kids, parseXml, type XEl, type XNode } from '../../electron/core/mis/n3/xml-tree';
import { HUB_GUID } from './seed';
import type { RunningN3Simulator } from './server';

export const N3_NOW = '2026-11-26T10:00:00+03:00';

export function envelopeOf(op: string, params: XEl[]): string {
  return buildXml(el('soapenv:Envelope', [el('soapenv:Body', [el(`tem:${op}`, params)])], { 'xmlns:soapenv': NS.soap, 'xmlns:tem': NS.tem, 'xmlns:a': NS.a }));
}

export interface SoapReply {
  status: number;
  result: XNode | null;
  success: boolean;
  idError: number | null;
  fault: string | null;
  raw: string;
}

export async function soap(sim: RunningN3Simulator, op: string, params: XEl[], opts: { guid?: boolean; action?: string; headers?: Record<string, string> } = {}): Promise<SoapReply> {
  const all = opts.guid === false ? params : [...params, el('tem:guid', HUB_GUID)];
  const res = await fetch(sim.serviceUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${opts.action ?? `http://tempuri.org/IHubService/${op}`}"`, ...opts.headers },
    body: envelopeOf(op, all),
  });
  const raw = await res.text();
  if (!raw) return { status: res.status, result: null, success: false, idError: null, fault: null, raw };
  const env = parseXml(raw);
  const body = kid(env, NS.soap, 'Body');
  const fault = kid(body, NS.soap, 'Fault');
  if (fault) return { status: res.status, result: null, success: false, idError: null, fault: kidText(fault, '', 'faultcode'), raw };
  const result = kid(kid(body, NS.tem, `${op}Response`), NS.tem, `${op}Result`) ?? null;
  const err = kids(kid(result ?? undefined, NS.a, 'ErrorList'), NS.a, 'Error')[0];
  return {
    status: res.status,
    result,
    success: kidText(result ?? undefined, NS.a, 'Success') === 'true',
    idError: err ? Number(kidText(err, NS.a, 'IdError')) : null,
    fault: null,
    raw,
  };
}

export { el, kid, kidText, kids, NS };
