// What a config file turns into, pinned as text: the defaults are stated once per field in the
// schema, and a refactor of how they are stated must not change one byte of any parsed config
// (key order and values alike) nor any message a technician reads about a wrong one.
import { describe, expect, it } from 'vitest';
import { KioskConfigSchema } from './schema';
import { parseKioskConfigText } from './load';
import { configJsonSchema } from './technician-messages';

/** JSON with key order kept and `undefined` shown (plain JSON.stringify would drop the key). */
const text = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x === undefined ? '«undefined»' : x), 2);

/** The parsed config, or the technician's messages when the file is wrong. */
function outcome(input: unknown): string {
  const parsed = KioskConfigSchema.safeParse(input);
  if (parsed.success) return text(parsed.data);
  const r = parseKioskConfigText(JSON.stringify(input), 'config.json');
  return text(r.ok ? { unexpected: 'schema failed but the loader accepted' } : { problems: r.problems });
}

const guid = '0f0e0d0c-0b0a-4908-8706-050403020100';
const baseUrl = 'https://mis.example.ru/api';

const valid: Record<string, unknown> = {
  'demo only (the missing-file demo)': { demo: true },
  'docs/configuration.md minimal example': {
    kioskId: 'KIOSK-01',
    api: { baseUrl },
    printer: { transport: { type: 'tcp', host: '192.168.1.50', port: 9100 } },
  },
  'only printer.enabled = false': { demo: true, printer: { enabled: false } },
  // Its clientApplication is the schema's own default, a GUID with version digit 0 that an
  // RFC 4122 check refused; the kiosk takes any 8-4-4-4-12 hex GUID, as the bridge does.
  'README minimal example': {
    kioskId: 'KIOSK-01',
    api: { baseUrl, clientApplication: '7d3c1e52-0000-0000-0000-00000000ab01' },
    printer: { profile: 'epson-tm-t20', transport: { type: 'tcp', host: '192.168.1.50', port: 9100 } },
  },
  'metrics on the clinic network with a token': {
    demo: true,
    telemetry: { metricsPort: 9464, metricsHost: '10.20.30.41', bearerToken: 'a-long-random-token-0123456789' },
  },
  'only an N3 api': { api: { baseUrl, kind: 'n3', n3: { guid, idLpu: 42 } } },
  'empty sections': {
    demo: true,
    api: {},
    booking: {},
    idle: {},
    health: {},
    printer: {},
    screen: {},
    scanner: {},
    telemetry: {},
    updates: {},
    service: {},
    fleet: {},
  },
  'empty nested sections': {
    demo: true,
    api: { endpoints: {} },
    printer: { transport: { type: 'tcp', host: 'p1' } },
    updates: { maintenanceWindow: {} },
  },
  'partial values in every section': {
    demo: true,
    api: { retries: 0, endpoints: { cancel: null, visits: '/v2/visit' } },
    booking: { reconcilePolls: 3 },
    idle: { seconds: 90 },
    health: { intervalSeconds: 10 },
    printer: { profile: 'generic-58', transport: { type: 'os', deviceName: '' } },
    screen: { hideCursor: true },
    scanner: { type: 'keyboard' },
    telemetry: { metricsPort: 9464 },
    updates: { url: 'https://updates.example.ru/infomat', maintenanceWindow: { end: '04:30' } },
    service: { rollLengthM: 50 },
    timeZone: 'Asia/Yekaterinburg',
  },
  'a kiosk on the central configuration': {
    kioskId: 'KIOSK-42-01',
    api: { baseUrl },
    fleet: { url: 'https://updates.example.ru/infomat/config', clinic: 'C42' },
  },
  'device printer and serial scanner': {
    demo: true,
    printer: { transport: { type: 'device', path: '/dev/usb/lp0' } },
    scanner: { type: 'serial', path: '/dev/ttyACM0' },
  },
};

const invalid: Record<string, unknown> = {
  'empty file': {},
  'a clientApplication that is no GUID': { demo: true, api: { clientApplication: '7d3c1e52-0000-0000-0000-00000000ab0' } },
  'metrics on the clinic network without a token': { demo: true, telemetry: { metricsPort: 9464, metricsHost: '10.20.30.41' } },
  'only an N3 api (no baseUrl)': { api: { kind: 'n3', n3: { guid, idLpu: 42 } } },
  'n3 without its section': { api: { baseUrl, kind: 'n3' } },
  'unknown MIS kind': { demo: true, api: { kind: 'medialog' } },
  'bad N3 service path': { api: { baseUrl, kind: 'n3', n3: { guid, idLpu: 1, servicePath: 'HubService.svc' } } },
  'null sections': { demo: true, booking: null, printer: null, updates: null },
  'empty transport': { demo: true, printer: { transport: {} } },
  'tcp transport without host': { demo: true, printer: { transport: { type: 'tcp' } } },
  'empty maintenance window': { demo: true, updates: { maintenanceWindow: { start: '05:00' } } },
  'serial scanner without a port': { demo: true, scanner: { type: 'serial' } },
  'unknown time zone': { demo: true, timeZone: 'Europe/Atlantis' },
  'bad endpoint placeholder': { demo: true, api: { endpoints: { referral: '/referrals/{id}' } } },
  'unknown key in a strict section': { demo: true, service: { pin: '1234' } },
  'central configuration over http': { demo: true, fleet: { url: 'http://cfg.example.ru/infomat/config' } },
  'central configuration with a kiosk id a document name cannot carry': { demo: true, kioskId: 'Инфомат 1', fleet: { url: 'https://cfg.example.ru/c' } },
  'a clinic code with a slash': { demo: true, fleet: { url: 'https://cfg.example.ru/c', clinic: '../fleet' } },
};

describe('KioskConfigSchema: parsed configs', () => {
  for (const [name, input] of Object.entries(valid)) {
    it(name, () => {
      expect(KioskConfigSchema.safeParse(input).success).toBe(true);
      expect(outcome(input)).toMatchSnapshot();
    });
  }
  it('a section left out is the same as the section written as {}', () => {
    const sections = ['api', 'booking', 'idle', 'health', 'printer', 'screen', 'scanner', 'telemetry', 'updates', 'service', 'fleet'];
    const bare = outcome({ demo: true });
    for (const section of sections) expect(outcome({ demo: true, [section]: {} }), section).toBe(bare);
  });
});

describe('KioskConfigSchema: what a technician reads about a wrong file', () => {
  for (const [name, input] of Object.entries(invalid)) {
    it(name, () => {
      expect(KioskConfigSchema.safeParse(input).success).toBe(false);
      expect(outcome(input)).toMatchSnapshot();
    });
  }
});

describe('the JSON schema behind docs/configuration.md and the messages', () => {
  it('still shows every default', () => {
    const s = configJsonSchema();
    const api = s.properties!.api!;
    expect(api.properties!.kind!.default).toBe('softrust');
    expect(api.properties!.n3!.properties!.servicePath!.default).toBe('/HubService.svc');
    expect(s.properties!.timeZone!.default).toBe('Europe/Moscow');
    expect(s.properties!.booking!.properties!.reconcilePolls!.default).toBe(5);
  });
});
