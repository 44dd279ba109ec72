// SOAP 1.1 for the N3 HubService, exactly as /work/shared/api/n3-hubservice.md §1: document/
// literal wrapped, the operation wrapper and its parameters in `http://tempuri.org/`, data
// contract members in the HubService2 namespace, `SOAPAction: "http://tempuri.org/IHubService/Op"`
// (quoted), nulls as `i:nil="true"`. Shared by the adapter and the N3 simulator only through
// these names and shapes; each side builds its own messages.
import { buildXml, el, kid, kidText, kids, parseXml, XmlError, XSI, type XEl, type XNode } from './xml-tree';

export const NS = {
  soap: 'http://schemas.xmlsoap.org/soap/envelope/',
  tem: 'http://tempuri.org/',
  a: 'http://schemas.datacontract.org/2004/07/HubService2',
  dto: 'http://schemas.datacontract.org/2004/07/HubService2.Dto',
  b: 'http://schemas.microsoft.com/2003/10/Serialization/Arrays',
  i: XSI,
} as const;

/** Where the hub's SOAP endpoint usually is under the MIS address; config api.n3.servicePath overrides it. */
export const DEFAULT_HUB_SERVICE_PATH = '/HubService.svc';

export const soapAction = (op: string): string => `"http://tempuri.org/IHubService/${op}"`;

/** The request envelope: `soapenv`, `tem`, `a` and `i` declared on the envelope, empty Header. */
export function requestEnvelope(op: string, params: XEl[]): string {
  return buildXml(
    el(
      'soapenv:Envelope',
      [el('soapenv:Header', []), el('soapenv:Body', [el(`tem:${op}`, params)])],
      { 'xmlns:soapenv': NS.soap, 'xmlns:tem': NS.tem, 'xmlns:a': NS.a, 'xmlns:i': NS.i },
    ),
  );
}

export type SoapBody =
  | { kind: 'result'; result: XNode }
  | { kind: 'fault'; code: string; text: string };

/** Reads a reply envelope: the `{tem}<op>Result` element, or the SOAP 1.1 fault. */
export function readEnvelope(xml: string, op: string): SoapBody {
  const env = parseXml(xml);
  if (env.ns !== NS.soap || env.name !== 'Envelope') throw new XmlError(`not a SOAP 1.1 envelope (<${env.name}> in ${env.ns || 'no namespace'})`);
  const body = kid(env, NS.soap, 'Body');
  if (!body) throw new XmlError('SOAP envelope without a Body');
  const fault = kid(body, NS.soap, 'Fault');
  if (fault) {
    // faultcode/faultstring are unqualified in SOAP 1.1.
    const code = kidText(fault, '', 'faultcode') ?? '';
    return { kind: 'fault', code: code.includes(':') ? code.slice(code.indexOf(':') + 1) : code, text: kidText(fault, '', 'faultstring') ?? '' };
  }
  const response = kid(body, NS.tem, `${op}Response`);
  const result = kid(response, NS.tem, `${op}Result`);
  if (!result) throw new XmlError(`no ${op}Response/${op}Result in the reply`);
  return { kind: 'result', result };
}

export interface HubError {
  id: number;
  description: string;
}

/** The MethodResult base: Success and the ErrorList (empty or nil on success). */
export function methodResult(result: XNode): { success: boolean; errors: HubError[] } {
  const errors = kids(kid(result, NS.a, 'ErrorList'), NS.a, 'Error').map((e) => ({
    id: Number(kidText(e, NS.a, 'IdError') ?? NaN),
    description: kidText(e, NS.a, 'ErrorDescription') ?? '',
  }));
  return { success: kidText(result, NS.a, 'Success') === 'true', errors };
}

export { el, kid, kidText, kids, type XEl, type XNode };
