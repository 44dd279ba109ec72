// Hostile and broken N3 hub answers, shared by the unit tests (hostile-hub.test.ts) and the table
// script (scripts/hostile-n3-table.ts), so the table's numbers come from exactly the cases the
// tests assert. Each answer goes through the real hub client (HTTP, size cap, SOAP, XML reader)
// from a server on 127.0.0.1:0 that is closed after the case. The bodies are written by hand on
// purpose: most of them are XML no builder would make. Every body fits the client's 2 MiB cap,
// so the size guard never fires and the reader gets the whole of it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, type ApiErrorKind, type ApiErrorReason } from '../../../api/api-error';
import { createHubClient, type HubClientOptions } from '../hub-client';
import { NS, el } from '../soap';

export const CLIENT_DEFAULTS = {
  servicePath: '/HubService.svc',
  timeoutMs: 15000,
  retries: 0,
  maxResponseBytes: 2 * 1024 * 1024,
} as const satisfies Partial<HubClientOptions>;

const MIB2 = CLIENT_DEFAULTS.maxResponseBytes;
/** Room left for the envelope around a filler. */
const HEAD = 1024;

export interface HostileHubCase {
  name: string;
  /** The answer's body, made before the clock starts. */
  body: () => string;
  status?: number;
  /** How the client must end: a parsed result, or a typed failure of this kind (and reason). */
  expect: 'parses' | { kind: ApiErrorKind; reason?: ApiErrorReason | null };
}

export interface HostileHubOutcome {
  error: ApiError | null;
  /** Any other throwable (a RangeError, a TypeError): never acceptable. */
  unexpected: unknown;
  parsed: boolean;
  bodyBytes: number;
  elapsedMs: number;
  /**
   * Highest RSS during the call minus RSS before it. Parsing is synchronous, so a timer cannot
   * sample it: the process's lifetime peak (getrusage maxrss) is read too, and counts when the
   * call raised it.
   */
  peakRssDeltaBytes: number;
  heapDeltaBytes: number;
}

/** A GetPatientHistory answer whose Result carries `members` (and `decl` on the Result). */
function historyAnswer(members: string, decl = ''): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${NS.soap}"><s:Body>` +
    `<GetPatientHistoryResponse xmlns="${NS.tem}"><GetPatientHistoryResult xmlns:a="${NS.a}" xmlns:i="${NS.i}"${decl}>` +
    `<a:ErrorList/><a:IdHistory i:nil="true"/><a:Success>true</a:Success>${members}` +
    `</GetPatientHistoryResult></GetPatientHistoryResponse></s:Body></s:Envelope>`
  );
}

/** `unit(i)` repeated while the total stays under `bytes` (ASCII units: length = bytes). */
function fill(bytes: number, unit: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; ; i++) {
    const u = unit(i);
    if (n + u.length > bytes) break;
    parts.push(u);
    n += u.length;
  }
  return parts.join('');
}

/** `count` xmlns:pN declarations (no filler tricks: exactly `count`). */
function declarations(count: number, from = 0): string {
  let s = '';
  for (let i = 0; i < count; i++) s += ` xmlns:p${from + i}="urn:p${from + i}"`;
  return s;
}

/** The N3 ops' realistic shape: a history visit as the reference MIS sends it. */
function historyVisit(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return (
    `<a:HistoryVisit><a:DateCreatedAppointment>2026-11-20T10:00:00</a:DateCreatedAppointment><a:DoctorBringReferal i:nil="true"/>` +
    `<a:DoctorRendingConsultation><a:AriaNumber i:nil="true"/><a:Comment i:nil="true"/><a:CountFreeParticipantIE>0</a:CountFreeParticipantIE>` +
    `<a:CountFreeTicket>0</a:CountFreeTicket><a:IdDoc>55${i % 100}</a:IdDoc><a:LastDate i:nil="true"/><a:Name>(1 k.214) Ivanova Maria Petrovna</a:Name>` +
    `<a:NearestDate i:nil="true"/><a:Snils i:nil="true"/></a:DoctorRendingConsultation><a:IdAppointment>7${String(i).padStart(6, '0')}</a:IdAppointment>` +
    `<a:SpecialityBringReferal i:nil="true"/><a:SpecialityRendingConsultation><a:NameSpesiality>Cardiology</a:NameSpesiality></a:SpecialityRendingConsultation>` +
    `<a:UserCreatedAppointment i:nil="true"/><a:VisitStart>2026-12-${day}T09:${String(i % 60).padStart(2, '0')}:00</a:VisitStart></a:HistoryVisit>`
  );
}

const limits = { kind: 'protocol', reason: 'xml_limits' } as const;
const garbled = { kind: 'protocol', reason: null } as const;

export const HOSTILE_HUB_CASES: HostileHubCase[] = [
  {
    // The issue's measurement: 8.6 s on the copy-per-element resolver.
    name: 'namespace bomb, 220 KiB: 3000 xmlns:pN on the Result over empty elements',
    body: () => {
      const decl = declarations(3000);
      return historyAnswer(fill(220 * 1024 - HEAD - decl.length, () => '<a:X/>'), decl);
    },
    expect: limits,
  },
  {
    name: 'namespace bomb, 2 MiB: 5000 xmlns:pN on the Result over empty elements',
    body: () => {
      const decl = declarations(5000);
      return historyAnswer(fill(MIB2 - HEAD - decl.length, () => '<a:X/>'), decl);
    },
    expect: limits,
  },
  {
    // Within every limit, so only the resolver's own cost shows: 1792 prefixes in scope
    // (32 on each of 56 nested elements) over 2 MiB of elements with text.
    name: 'namespace scope under the limits: 32 xmlns × 56 levels over 2 MiB of elements',
    body: () => {
      let open = '';
      let close = '';
      for (let d = 0; d < 56; d++) {
        open += `<a:L${declarations(32, d * 32)}>`;
        close = `</a:L>` + close;
      }
      return historyAnswer(open + fill(MIB2 - HEAD - open.length - close.length, () => '<a:X>0123456789abcdef</a:X>') + close);
    },
    expect: 'parses',
  },
  {
    name: 'namespace declarations spread: a new prefix on every element, 2 MiB',
    body: () => historyAnswer(fill(MIB2 - HEAD, (i) => `<a:X xmlns:q${i}="urn:q"/>`)),
    expect: limits,
  },
  {
    name: 'wide tree: 2 MiB of empty siblings',
    body: () => historyAnswer(fill(MIB2 - HEAD, () => '<a:X/>')),
    expect: limits,
  },
  {
    name: 'deep tree: 2 MiB of nesting',
    body: () => {
      const n = Math.floor((MIB2 - HEAD) / 13);
      return historyAnswer('<a:X>'.repeat(n) + '</a:X>'.repeat(n));
    },
    expect: limits,
  },
  {
    name: 'unclosed tags: 2 MiB of <a:X>',
    body: () => historyAnswer(fill(MIB2 - HEAD, () => '<a:X>')),
    expect: limits,
  },
  {
    name: 'huge text node: 2 MiB in one element',
    body: () => historyAnswer(`<a:Note>${'x'.repeat(MIB2 - HEAD)}</a:Note>`),
    expect: 'parses',
  },
  {
    name: 'huge CDATA section: 2 MiB',
    body: () => historyAnswer(`<a:Note><![CDATA[${'x'.repeat(MIB2 - HEAD)}]]></a:Note>`),
    expect: 'parses',
  },
  {
    name: 'many attributes: 2 MiB of them on one element',
    body: () => historyAnswer(`<a:X${fill(MIB2 - HEAD, (i) => ` b${i}="1"`)}/>`),
    expect: limits,
  },
  {
    name: 'attributes on every element: 3 each, 2 MiB',
    body: () => historyAnswer(fill(MIB2 - HEAD, () => '<a:X i:nil="true" b="1" c="2"/>')),
    expect: 'parses',
  },
  {
    name: 'attribute junk without "=": 2 MiB in one start tag',
    body: () => historyAnswer(`<a:X ${fill(MIB2 - HEAD, () => 'b ')}/>`),
    expect: garbled,
  },
  {
    name: 'stray "<" in text: 2 MiB of "< "',
    body: () => historyAnswer(`<a:Note>${fill(MIB2 - HEAD, () => '< ')}</a:Note>`),
    expect: garbled,
  },
  {
    name: 'comments: 2 MiB of <!--x-->',
    body: () => historyAnswer(fill(MIB2 - HEAD, () => '<!--x-->')),
    expect: 'parses',
  },
  {
    name: 'mismatched end tag',
    body: () => historyAnswer('<a:ListHistoryVisit><a:HistoryVisit></a:ListHistoryVisit></a:HistoryVisit>'),
    expect: garbled,
  },
  {
    name: 'entities: DTD with a billion laughs',
    body: () => {
      let dtd = '<!DOCTYPE s:Envelope [<!ENTITY l0 "ha">';
      for (let i = 1; i <= 10; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`;
      return historyAnswer(`<a:Note>&l10;</a:Note>`).replace('<s:Envelope', `${dtd}]><s:Envelope`);
    },
    expect: garbled,
  },
  {
    name: 'entities: DTD with an external entity (file:///etc/passwd)',
    body: () => historyAnswer('<a:Note>&xxe;</a:Note>').replace('<s:Envelope', '<!doctype s:Envelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><s:Envelope'),
    expect: garbled,
  },
  {
    name: 'entities: an undeclared entity without a DTD',
    body: () => historyAnswer('<a:Note>&xxe;</a:Note>'),
    expect: garbled,
  },
  {
    name: 'entities: 2 MiB of predefined and character references',
    body: () => historyAnswer(`<a:Note>${fill(MIB2 - HEAD, (i) => (i % 2 ? '&amp;' : '&#x436;'))}</a:Note>`),
    expect: 'parses',
  },
  {
    name: 'SOAP fault with a 2 MiB faultstring (HTTP 500)',
    status: 500,
    body: () =>
      `<s:Envelope xmlns:s="${NS.soap}"><s:Body><s:Fault><faultcode xmlns:a="urn:a">a:InternalServiceFault</faultcode>` +
      `<faultstring>${'x'.repeat(MIB2 - HEAD)}</faultstring></s:Fault></s:Body></s:Envelope>`,
    expect: { kind: 'server', reason: null },
  },
  {
    name: 'valid-looking envelope: 2 MiB of history visits',
    body: () => historyAnswer(`<a:ListHistoryRefusal/><a:ListHistoryVisit>${fill(MIB2 - HEAD - 60, historyVisit)}</a:ListHistoryVisit>`),
    expect: 'parses',
  },
];

async function listen(body: string, status: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
const maxRssBytes = () => process.resourceUsage().maxRSS * 1024;

export async function runHostileHubCase(c: HostileHubCase): Promise<HostileHubOutcome> {
  const body = c.body();
  const bodyBytes = Buffer.byteLength(body);
  if (bodyBytes > CLIENT_DEFAULTS.maxResponseBytes) throw new Error(`${c.name}: the body (${bodyBytes} bytes) is over the client's cap`);
  const hub = await listen(body, c.status ?? 200);
  try {
    const call = createHubClient({ ...CLIENT_DEFAULTS, baseUrl: hub.url });
    gc?.();
    const before = process.memoryUsage();
    const lifetimePeakBefore = maxRssBytes();
    let peakRss = before.rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 5);
    const started = performance.now();
    let error: ApiError | null = null;
    let unexpected: unknown = null;
    let parsed = false;
    try {
      await call('GetPatientHistory', [el('tem:idLpu', 101), el('tem:idPat', '574213'), el('tem:guid', '11111111-2222-3333-4444-555555555555')]);
      parsed = true;
    } catch (err) {
      if (err instanceof ApiError) error = err;
      else unexpected = err;
    }
    const elapsedMs = performance.now() - started;
    clearInterval(sampler);
    const after = process.memoryUsage();
    const lifetimePeakAfter = maxRssBytes();
    peakRss = Math.max(peakRss, after.rss, lifetimePeakAfter > lifetimePeakBefore ? lifetimePeakAfter : 0);
    return {
      error,
      unexpected,
      parsed,
      bodyBytes,
      elapsedMs,
      peakRssDeltaBytes: peakRss - before.rss,
      heapDeltaBytes: after.heapUsed - before.heapUsed,
    };
  } finally {
    await hub.close();
  }
}

/** Whether an outcome is what the case expects. */
export function asExpected(c: HostileHubCase, o: HostileHubOutcome): boolean {
  if (o.unexpected) return false;
  if (c.expect === 'parses') return o.parsed;
  if (!o.error || o.error.kind !== c.expect.kind) return false;
  return c.expect.reason === undefined || o.error.reason === c.expect.reason;
}
