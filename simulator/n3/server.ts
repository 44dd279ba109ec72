// HTTP front of the N3 HubService simulator: `POST /HubService.svc` (SOAP 1.1, dispatch on
// SOAPAction with the body wrapper as fallback), `GET /HubService.svc?wsdl`, test hooks under
// /__sim/. Unknown actions get the WCF ActionNotSupported fault, crashes InternalServiceFault.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from '../clock';
import { buildXml, el, parseXml, type XEl } from '../../electron/core/mis/n3/xml-tree';
import { NS } from '../../electron/core/mis/n3/soap';
import { ERROR_TEXTS, HUB_GUID } from './seed';
import { HubFail, OPS, PARAMS, readParams } from './ops';
import { N3State } from './state';

export interface N3SimulatorOptions {
  port?: number;
  host?: string;
  now?: string;
  quiet?: boolean;
}

export interface RunningN3Simulator {
  url: string;
  /** The SOAP endpoint: url + /HubService.svc. */
  serviceUrl: string;
  port: number;
  close(): Promise<void>;
  reset(): void;
  state: N3State;
}

const ADDRESSING_NONE = 'http://schemas.microsoft.com/ws/2005/05/addressing/none';
const DISPATCHER = 'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher';
const MAX_BODY = 1 << 20;

interface Reply {
  status: number;
  type?: string;
  body?: string;
}

const xml = (status: number, body: string): Reply => ({ status, type: 'text/xml; charset=utf-8', body });

function envelope(content: XEl): string {
  return buildXml(el('s:Envelope', [el('s:Body', [content])], { 'xmlns:s': NS.soap }));
}

function fault(code: 'ActionNotSupported' | 'InternalServiceFault', ns: string, text: string): Reply {
  return xml(
    500,
    envelope(
      el('s:Fault', [
        el('faultcode', `a:${code}`, { 'xmlns:a': ns }),
        el('faultstring', text, { 'xml:lang': 'ru-RU' }),
      ]),
    ),
  );
}

function result(op: string, idHistory: string | null, derived: XEl[], errors: { id: number; text: string }[] | null, success: boolean): Reply {
  const errorList = errors === null ? el('a:ErrorList', null) : el('a:ErrorList', errors.map((e) => el('a:Error', [el('a:ErrorDescription', e.text), el('a:IdError', e.id)])));
  return xml(
    200,
    envelope(
      el(`${op}Response`, [
        el(`${op}Result`, [errorList, el('a:IdHistory', idHistory === null ? null : idHistory), el('a:Success', success), ...derived], {
          'xmlns:a': NS.a,
          'xmlns:i': NS.i,
        }),
      ], { xmlns: NS.tem }),
    ),
  );
}

/** Derived members a failed result still carries (WCF emits defaults). */
const FAILED_DEFAULTS: Record<string, XEl[]> = {
  CheckPatient: [el('a:IdPat', null)],
  SetAppointment: [el('a:Type', 'отсутстствует_неопределено')],
  InspectDoctorsReferral2: [el('a:IdLpu', 0), el('a:IdPat', null), el('a:ListSpeciality', null)],
  GetPatientHistory: [el('a:ListHistoryRefusal', null), el('a:ListHistoryVisit', null)],
  GetLPUInfo: [el('a:LpuCollection', null)],
  GetSpesialityList: [el('a:ListSpesiality', null), el('a:LpuChanges', null)],
  GetDoctorList: [el('a:Docs', null)],
  GetAvailableDates: [el('a:AvailableDateList', null)],
  GetAvaibleAppointments: [el('a:ListAppointments', null)],
  SetWaitingList: [el('a:GuidClaim', null)],
};

function wsdl(serviceUrl: string): Reply {
  const ops = Object.keys(PARAMS);
  return xml(
    200,
    buildXml(
      el(
        'wsdl:definitions',
        [
          el('wsdl:portType', ops.map((op) => el('wsdl:operation', [], { name: op })), { name: 'IHubService' }),
          el(
            'wsdl:binding',
            [
              el('soap:binding', [], { transport: 'http://schemas.xmlsoap.org/soap/http' }),
              ...ops.map((op) => el('wsdl:operation', [el('soap:operation', [], { soapAction: `http://tempuri.org/IHubService/${op}`, style: 'document' })], { name: op })),
            ],
            { name: 'BasicHttpBinding_IHubService', type: 'tns:IHubService' },
          ),
          el('wsdl:service', [el('wsdl:port', [el('soap:address', [], { location: serviceUrl })], { name: 'BasicHttpBinding_IHubService', binding: 'tns:BasicHttpBinding_IHubService' })], { name: 'HubService' }),
        ],
        {
          'xmlns:wsdl': 'http://schemas.xmlsoap.org/wsdl/',
          'xmlns:soap': 'http://schemas.xmlsoap.org/wsdl/soap/',
          'xmlns:tns': NS.tem,
          targetNamespace: NS.tem,
          name: 'HubService',
        },
      ),
    ),
  );
}

export async function startN3Simulator(opts: N3SimulatorOptions = {}): Promise<RunningN3Simulator> {
  const clock = new Clock(opts.now);
  const state = new N3State(clock);
  const host = opts.host ?? '127.0.0.1';
  let serviceUrl = '';

  function soap(req: IncomingMessage, raw: string): Reply {
    if (!/^text\/xml/i.test(req.headers['content-type'] ?? '')) return { status: 415 };
    let env;
    try {
      env = parseXml(raw);
    } catch {
      return { status: 400 };
    }
    const body = env.ns === NS.soap && env.name === 'Envelope' ? env.children.find((c) => c.ns === NS.soap && c.name === 'Body') : undefined;
    const wrapper = body?.children[0];
    const action = String(req.headers.soapaction ?? '').replace(/^"|"$/g, '');
    const m = /^http:\/\/tempuri\.org\/IHubService\/(\w+)$/.exec(action);
    const op = m ? m[1]! : (wrapper?.ns === NS.tem ? wrapper.name : '');
    const handler = Object.prototype.hasOwnProperty.call(OPS, op) ? OPS[op] : undefined;
    if (!handler || !wrapper || wrapper.ns !== NS.tem || wrapper.name !== op) {
      return fault(
        'ActionNotSupported',
        ADDRESSING_NONE,
        `The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the EndpointDispatcher.`,
      );
    }
    const params = readParams(wrapper, PARAMS[op]!);
    const idHistory = params.get('idHistory')?.text || null;
    const forced = String(req.headers['x-sim-fail'] ?? '').trim() || null;
    const rule = forced ? { idError: forced === 'fault' ? ('fault' as const) : Number(forced) } : state.takeRule(op);
    if (rule?.idError === 'fault') return fault('InternalServiceFault', DISPATCHER, 'The server was unable to process the request due to an internal error.');
    const failWith = (id: number, text?: string) =>
      result(op, idHistory, FAILED_DEFAULTS[op] ?? [], [{ id, text: text ?? ERROR_TEXTS[id] ?? ERROR_TEXTS[99]! }], false);
    if (rule && Number.isFinite(rule.idError)) return failWith(rule.idError as number);
    if (op === 'GetErrorList') {
      return result(op, idHistory, [], Object.entries(ERROR_TEXTS).map(([id, text]) => ({ id: Number(id), text })), true);
    }
    // The hub's answer to an unknown guid is undocumented; this simulator says 99.
    if ((params.get('guid')?.text ?? '').toLowerCase() !== HUB_GUID) return failWith(99, 'Возникла техническая ошибка: неизвестный guid');
    try {
      return result(op, idHistory, handler(params, state), null, true);
    } catch (e) {
      if (e instanceof HubFail) return failWith(e.idError, e.message);
      if (!opts.quiet) console.error('n3 simulator: internal error', e);
      return fault('InternalServiceFault', DISPATCHER, 'The server was unable to process the request due to an internal error.');
    }
  }

  function hook(name: string, raw: string): Reply {
    let b: Record<string, unknown>;
    try {
      b = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return { status: 400 };
    }
    const json = (v: unknown): Reply => ({ status: 200, type: 'application/json; charset=utf-8', body: JSON.stringify(v) });
    switch (name) {
      case 'reset':
        if (typeof b.now === 'string') clock.set(b.now);
        else clock.restart();
        state.reset();
        return json({ ok: true });
      case 'now':
        if (typeof b.now !== 'string') return { status: 400 };
        clock.set(b.now);
        return json({ ok: true });
      case 'fail': {
        const idError = b.fault === true ? ('fault' as const) : Number(b.idError);
        if (idError !== 'fault' && !Number.isInteger(idError)) return { status: 400 };
        state.failRules.push({ op: typeof b.op === 'string' ? b.op : null, idError, times: Number(b.times ?? 1) || 1 });
        return json({ ok: true });
      }
      case 'take': {
        const slot = typeof b.idAppointment === 'string' ? state.findSlot(b.idAppointment) : null;
        if (!slot) return { status: 404 };
        state.taken.set(slot.idAppointment, 'registry');
        return json({ ok: true });
      }
      case 'claims':
        // What the MIS holds of the waiting list, for the tests that put a patient on it.
        return json(
          state.claims.map((c) => ({ guidClaim: c.guidClaim, patient: c.patient.key, idLpu: c.idLpu, idSpesiality: c.speciality.idSpeciality, idDoc: c.idDoc, claim: c.claim, start: c.start, end: c.end, phone: c.phone })),
        );
      case 'clear-hooks':
        state.failRules = [];
        return json({ ok: true });
      default:
        return { status: 404 };
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req as AsyncIterable<Buffer>) {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    }
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname.replace(/\/+$/, '').toLowerCase();
    let reply: Reply;
    if (size > MAX_BODY) reply = { status: 413 };
    else if (path.startsWith('/__sim/') && req.method === 'POST') reply = hook(path.slice(7), raw);
    else if (path === '/hubservice.svc' && req.method === 'GET' && url.searchParams.has('wsdl')) reply = wsdl(serviceUrl);
    else if (path === '/hubservice.svc' && req.method === 'POST') reply = soap(req, raw);
    else reply = { status: 404, type: 'text/html', body: '<html><body>404</body></html>' };
    res.writeHead(reply.status, reply.type ? { 'Content-Type': reply.type } : {});
    res.end(reply.body);
    if (!opts.quiet) console.log(`${req.method} ${url.pathname} ${String(req.headers.soapaction ?? '')} → ${reply.status}`);
  }

  const server = http.createServer((req, res) => {
    onRequest(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  serviceUrl = `${url}/HubService.svc`;
  return {
    url,
    serviceUrl,
    port,
    state,
    reset: () => {
      clock.restart();
      state.reset();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
