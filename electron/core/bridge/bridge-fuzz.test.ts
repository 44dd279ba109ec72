// Property-based fuzzing of the whole bridge: every method of the contract, driven through the
// real dispatcher, the real kiosk service, the real patient session and the real MIS client,
// pointed at the real simulator behind a request-counting proxy. A patient is identified first,
// so «the MIS was not reached» means the bridge refused the input, not that a session check did.
// `FUZZ_TABLE=1` prints the table of concrete malformed inputs and their outcomes.
import fc from 'fast-check';
import { isLocale, LOCALE_IDS } from '../../common/i18n/locales';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIR, LPU2, RES } from '../../../simulator/seed-data';
import { startSimulator, type RunningSimulator } from '../../../simulator/server';
import { bridgeMethodNames } from '../../common/channels';
import type { BridgeMethod, Envelope } from '../../common/bridge-contract';
import { GUID_PATTERN, isHhmm, isYmd } from '../../common/calendar';
import { SPEECH_KINDS, SPEECH_TEXT_LIMIT, SPEECH_TEXT_PATTERN } from '../../common/speech';
import { MOBILE_PATTERN, POLICY_PATTERN, REFERRAL_NUMBER_PATTERN, SPECIALITY_CODE_PATTERN, SURNAME_PATTERN } from '../../common/rules';
import { startBrowserHost, type RunningBrowserHost } from '../../host/browser-host';
import { createMisClient } from '../api/mis-client';
import { createSoftrustAdapter } from '../mis/softrust-adapter';
import { createKioskService } from '../booking/kiosk-service';
import { BookingLedger } from '../booking/ledger';
import { KioskConfigSchema } from '../config/schema';
import { silentLogger } from '../ports';
import { PatientSession } from '../session/patient-session';
import { createDispatcher, type BridgeDispatcher } from './dispatcher';

const NOW = '2026-11-26T10:00:00+03:00';
const P1 = { policy: '5000000000000001', birthDate: '1980-01-15' };
const TICKET = 'c2d4e6f8-1a3b-4c5d-8e9f-a0b1c2d3e4f5';

/** A valid input for every method: the fuzzers break exactly one thing in it. */
const VALID: Record<BridgeMethod, Record<string, unknown>> = {
  kioskInfo: {},
  identify: P1,
  listReferrals: {},
  findReferral: { number: '4700000012345', surname: 'Петров' },
  listClinics: { referralGuid: DIR.D1 },
  listSchedule: { referralGuid: DIR.D1, lpuGuid: LPU2 },
  book: { referralGuid: DIR.D1, lpuGuid: LPU2, resourceGuid: RES.cardioPetrov, date: '2026-11-27', time: '09:15' },
  listAppointments: {},
  cancelAppointment: { lpuGuid: LPU2, ticketGuid: TICKET },
  listSpecialities: {},
  listSpecialitySchedule: { lpuGuid: LPU2, specialityCode: 'therapist' },
  listDoctorSchedule: { lpuGuid: LPU2, resourceGuid: RES.cardioPetrov },
  bookSelf: { lpuGuid: LPU2, resourceGuid: RES.cardioPetrov, date: '2026-11-27', time: '09:15', timeTableGuid: TICKET, specialityCode: 'therapist' },
  reschedule: { lpuGuid: LPU2, resourceGuid: RES.cardioPetrov, date: '2026-11-27', time: '09:15', timeTableGuid: TICKET, previousTicketGuid: TICKET },
  joinWaitingList: { lpuGuid: LPU2, specialityCode: 'therapist', referralGuid: null, phone: '9161234567', reason: 'noSlots' },
  printAppointments: { language: 'ru' },
  printTicket: { ticketGuid: TICKET, again: false, language: 'ru' },
  printStatus: { ticketGuid: TICKET },
  endSession: {},
  kioskHealth: {},
  patientInput: {},
  speak: { text: 'Выберите время. Можно выбрать: девять пятнадцать.', language: 'ru', kind: 'screen', interrupt: true },
  speechStop: {},
  scanStop: {},
  reportError: { message: 'TypeError: x is undefined', where: 'ticket: TicketScreen' },
  takeScan: {},
  identifyScanned: {},
  scanKeys: { digits: '5000000000000001' },
  serviceGate: {},
  serviceEnter: { pin: '246810' },
  serviceStatus: {},
  servicePrintTest: {},
  servicePaperReplaced: {},
  serviceMisCheck: {},
  serviceLog: {},
  serviceRestart: {},
  serviceLeaveToOs: { pin: '246810' },
  serviceExit: {},
};

type FieldKind =
  | 'guid' | 'date' | 'time' | 'policy' | 'birthDate' | 'flag' | 'text500' | 'text100' | 'digits' | 'referralNumber' | 'surname' | 'pin' | 'language'
  | 'speciality' | 'phone' | 'reason' | 'noGuid' | 'speech' | 'speechKind';
const FIELD_KIND: Record<string, FieldKind> = {
  referralGuid: 'guid', lpuGuid: 'guid', resourceGuid: 'guid', ticketGuid: 'guid',
  date: 'date', time: 'time', policy: 'policy', birthDate: 'birthDate', again: 'flag', message: 'text500', where: 'text100', digits: 'digits',
  number: 'referralNumber', surname: 'surname', pin: 'pin', language: 'language',
  timeTableGuid: 'guid', previousTicketGuid: 'guid', specialityCode: 'speciality', phone: 'phone', reason: 'reason',
  text: 'speech', kind: 'speechKind', interrupt: 'flag',
};
/** Fields whose kind differs per method: a waiting list is for a speciality, so its referral is null. */
const FIELD_KIND_OF: Partial<Record<BridgeMethod, Record<string, FieldKind>>> = {
  joinWaitingList: { referralGuid: 'noGuid' },
};
const kindOf = (method: BridgeMethod, field: string): FieldKind => FIELD_KIND_OF[method]?.[field] ?? FIELD_KIND[field]!;

let sim: RunningSimulator;
let proxy: http.Server;
let proxyUrl = '';
let misRequests = 0;
let session: PatientSession;
let dispatch: BridgeDispatcher;

/** Counts every request that reaches the MIS (the simulator), then forwards it unchanged. */
function startCountingProxy(target: URL): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    misRequests++;
    const fwd = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    fwd.on('error', () => res.destroy());
    req.pipe(fwd);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW, quiet: true });
  proxy = await startCountingProxy(new URL(sim.url));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  const config = KioskConfigSchema.parse({ api: { baseUrl: proxyUrl, retries: 0, timeoutMs: 5000 }, printer: { enabled: false } });
  const client = createMisClient({ baseUrl: proxyUrl, clientApplication: config.api.clientApplication, timeoutMs: 5000, retries: 0 });
  const ledger = new BookingLedger();
  const mis = createSoftrustAdapter({ client, clientApplication: config.api.clientApplication, endpoints: config.api.endpoints, checkClientApplication: false });
  session = new PatientSession({ getToken: (who) => mis.identify(who) }, { idleMs: 3_600_000, onEnd: () => ledger.clear() });
  const service = createKioskService({ config, mis, session, ledger, log: silentLogger, slipPrinter: null, now: () => new Date(NOW) });
  dispatch = createDispatcher(service, silentLogger);
  expect(await dispatch('identify', P1)).toMatchObject({ ok: true });
  expect(session.active).toBe(true);
});

afterAll(async () => {
  session?.end('shutdown');
  await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
  await sim?.close();
});

// ---------- malformed values ----------

const guidArb = fc
  .tuple(fc.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/), fc.boolean())
  .map(([g, upper]) => (upper ? g.toUpperCase() : g));
const nonString = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
);
const dangerous = ['/', '\\', '.', '..', '%', '%2e', '%2F', '\0', ' ', '?', '#', '\n', '\u202e'];
const huge = fc.integer({ min: 65, max: 200_000 }).map((n) => 'a'.repeat(n));
const ymdOf = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const dayAfterNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const badGuid = fc
  .oneof(
    fc.constantFrom('', '.', '..', 'lpu/../../x', '../' + LPU2, LPU2 + '/..', '%2e%2e', LPU2 + '\0', `{${LPU2}}`, LPU2.replace(/-/g, '')),
    fc.tuple(guidArb, fc.constantFrom(...dangerous), fc.nat(36)).map(([g, bad, at]) => g.slice(0, at) + bad + g.slice(at)),
    fc.tuple(guidArb, fc.nat(35)).map(([g, at]) => g.slice(0, at) + g.slice(at + 1)),
    fc.tuple(guidArb, fc.nat(35)).map(([g, at]) => g.slice(0, at) + 'g' + g.slice(at + 1)),
    fc.string({ maxLength: 80 }),
    huge,
    nonString,
  )
  .filter((v) => !(typeof v === 'string' && GUID_PATTERN.test(v)));
const badDate = fc
  .oneof(
    fc.constantFrom('9999-99-99', '2026-02-30', '2026-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-01',
      '1899-12-31', '2101-01-01', '27.11.2026', '2026-11-27T00:00:00', '2026-1-7', ' 2026-11-27'),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => ymdOf(y, m, d)),
    fc.string({ maxLength: 20 }),
    huge,
    nonString,
  )
  .filter((v) => !isYmd(v));
const badTime = fc
  .oneof(
    fc.constantFrom('24:00', '99:99', '9:15', '09:60', '09:15:00', '0915', ''),
    fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    fc.string({ maxLength: 10 }),
    nonString,
  )
  .filter((v) => !isHhmm(v));
const badPolicy = fc
  .oneof(
    fc.integer({ min: 0, max: 40 }).filter((n) => n !== 16).map((n) => '5'.repeat(n)),
    fc.tuple(fc.nat(15), fc.constantFrom('a', ' ', '.', '/', '%', '\0', '５', '٣', '-', '+')).map(([at, c]) => P1.policy.slice(0, at) + c + P1.policy.slice(at + 1)),
    fc.string({ maxLength: 40 }),
    huge,
    nonString,
    fc.constant(5000000000000001),
  )
  .filter((v) => !(typeof v === 'string' && POLICY_PATTERN.test(v)));
const badBirthDate = fc.oneof(
  badDate,
  fc.integer({ min: 2, max: 365 * 70 }).map(dayAfterNow).filter(isYmd), // the future
  fc.tuple(fc.integer({ min: 1000, max: 1899 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => ymdOf(y, m, d)),
);
const badFlag = fc.oneof(fc.constantFrom('true', 'false', 0, 1, null, 'да'), fc.string(), fc.integer(), fc.array(fc.boolean()));

const BAD_VALUE: Record<FieldKind, fc.Arbitrary<unknown>> = {
  guid: badGuid, date: badDate, time: badTime, policy: badPolicy, birthDate: badBirthDate, flag: badFlag,
  text500: fc.oneof(fc.string({ minLength: 501, maxLength: 2000 }), fc.integer(), fc.constant(null), fc.array(fc.string())),
  text100: fc.oneof(fc.string({ minLength: 101, maxLength: 500 }), fc.integer(), fc.constant(null), fc.array(fc.string())),
  digits: fc.oneof(fc.constantFrom('', '5'.repeat(65), '12a4', '١٢٣', '12 34', '１２'), fc.string({ maxLength: 80 }).filter((v) => !/^\d{1,64}$/.test(v)), fc.integer(), nonString),
  referralNumber: fc
    .oneof(fc.constantFrom('', ' ', '../x', '47%00', '47\n00', '47<x/>', '1'.repeat(41)), fc.string({ maxLength: 60 }), nonString)
    .filter((v) => !(typeof v === 'string' && REFERRAL_NUMBER_PATTERN.test(v.trim()))),
  surname: fc
    .oneof(fc.constantFrom('', 'Petrov', 'Петров1', '-Петров', 'Пет<ров>', 'Петров\u0000', 'П'.repeat(61)), fc.string({ maxLength: 80 }), nonString)
    .filter((v) => !(typeof v === 'string' && SURNAME_PATTERN.test(v.trim()))),
  pin: fc
    .oneof(fc.constantFrom('', '123', '123456789', '12a4', '１２３４', '١٢٣٤', ' 1234', '1234\n', '../1234'), fc.string({ maxLength: 20 }), fc.integer(), nonString)
    .filter((v) => !(typeof v === 'string' && /^\d{4,8}$/.test(v))),
  language: fc
    .oneof(fc.constantFrom('', 'RU', 'ru-RU', 'de', '__proto__', 'constructor', 'toString', 'en '), fc.string({ maxLength: 10 }), nonString)
    .filter((v) => !isLocale(v)),
  speciality: fc
    .oneof(fc.constantFrom('', '../x', 'a/b', 'тер', 'a b', 'x'.repeat(41), '%2e%2e', 'a\0'), fc.string({ maxLength: 60 }), nonString)
    .filter((v) => !(typeof v === 'string' && SPECIALITY_CODE_PATTERN.test(v))),
  phone: fc
    .oneof(
      fc.constantFrom('', '89161234567', '+79161234567', '79161234567', '4951234567', '916123456', '916 123 45 67', '９１６１２３４５６７', '9'.repeat(11)),
      fc.string({ maxLength: 20 }),
      fc.integer(),
      nonString,
    )
    .filter((v) => !(typeof v === 'string' && MOBILE_PATTERN.test(v))),
  reason: fc.oneof(fc.constantFrom('', 'NoSlots', 'noslots', 'other', '__proto__'), fc.string({ maxLength: 20 }), nonString).filter((v) => v !== 'noSlots' && v !== 'noConvenientTime'),
  // A referral beside the speciality (both set) is refused as much as a malformed GUID.
  noGuid: fc.oneof(guidArb, badGuid.filter((v) => v !== null)),
  speech: fc.oneof(
    fc.constantFrom('', ' ', '\t', 'a\0b', 'line\nbreak', '\u001b[31m', 'x'.repeat(SPEECH_TEXT_LIMIT + 1)),
    fc.string({ minLength: SPEECH_TEXT_LIMIT + 1, maxLength: 5000 }),
    nonString,
  ).filter((v) => !(typeof v === 'string' && v.length <= SPEECH_TEXT_LIMIT && SPEECH_TEXT_PATTERN.test(v))),
  speechKind: fc.oneof(fc.constantFrom('', 'Screen', 'policy', '__proto__', 'toString'), fc.string({ maxLength: 12 }), nonString).filter(
    (v) => !(SPEECH_KINDS as readonly unknown[]).includes(v),
  ),
};

/** An object with `key` as an OWN property (so `__proto__` is a field, the way JSON.parse makes it). */
function withOwn(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
  return out;
}

/** Malformed inputs for one method: wrong shape, one bad field, a missing field, an extra field. */
function malformed(method: BridgeMethod): fc.Arbitrary<unknown> {
  const base = VALID[method];
  const fields = Object.keys(base);
  const wholeWrong = fc.oneof(
    fc.constant(null), fc.integer(), fc.string(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }),
    fc.constant([base]), fc.constant(Object.create(base) as unknown), fc.constant(new Date() as unknown),
  );
  const extraKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'token', 'policy '), fc.string({ minLength: 1, maxLength: 12 }))
    .filter((k) => !fields.includes(k));
  const extra = fc.tuple(extraKey, fc.anything()).map(([k, v]) => withOwn(base, k, v));
  if (fields.length === 0) return fc.oneof(wholeWrong, extra);
  const badField = fc.constantFrom(...fields).chain((f) => BAD_VALUE[kindOf(method, f)].map((v) => ({ ...base, [f]: v })));
  const missing = fc.constantFrom(...fields).map((f) => {
    const copy = { ...base };
    delete copy[f];
    return copy;
  });
  return fc.oneof({ arbitrary: badField, weight: 4 }, wholeWrong, missing, extra);
}

// ---------- valid values ----------

const validDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const validTime = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const VALID_VALUE: Record<FieldKind, fc.Arbitrary<unknown>> = {
  guid: guidArb,
  date: validDate,
  time: validTime,
  policy: fc.stringMatching(/^\d{16}$/),
  birthDate: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date(), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  flag: fc.boolean(),
  text500: fc.string({ maxLength: 500 }),
  text100: fc.string({ maxLength: 100 }),
  digits: fc.stringMatching(/^\d{1,64}$/),
  referralNumber: fc.stringMatching(/^[0-9A-Za-z]{1,40}$/),
  surname: fc.stringMatching(/^[А-Я][а-я]{1,20}$/),
  pin: fc.stringMatching(/^\d{4,8}$/),
  language: fc.constantFrom(...LOCALE_IDS),
  speciality: fc.stringMatching(/^[0-9A-Za-z._-]{1,40}$/),
  phone: fc.stringMatching(/^9\d{9}$/),
  reason: fc.constantFrom('noSlots', 'noConvenientTime'),
  noGuid: fc.constant(null),
  speech: fc.string({ minLength: 1, maxLength: 300 }).filter((v) => SPEECH_TEXT_PATTERN.test(v)),
  speechKind: fc.constantFrom(...SPEECH_KINDS),
};
function valid(method: BridgeMethod): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of Object.keys(VALID[method])) shape[f] = VALID_VALUE[kindOf(method, f)];
  return fc.record(shape);
}

// ---------- outcomes ----------

type Outcome = 'input error' | 'other error' | 'accepted' | 'crash' | 'hang' | 'reached the MIS';

async function outcomeOf(method: string, input: unknown): Promise<{ outcome: Outcome; detail: string }> {
  const before = misRequests;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const hang = new Promise<'hang'>((r) => (timer = setTimeout(() => r('hang'), 10_000)));
    const r = await Promise.race([dispatch(method, input), hang]);
    if (r === 'hang') return { outcome: 'hang', detail: '' };
    if (misRequests !== before) return { outcome: 'reached the MIS', detail: JSON.stringify(r).slice(0, 120) };
    const env = r as Envelope<unknown>;
    if (env.ok) return { outcome: 'accepted', detail: '' };
    return { outcome: env.error.kind === 'input' ? 'input error' : 'other error', detail: `${env.error.kind}: ${env.error.problem}` };
  } catch (err) {
    return { outcome: 'crash', detail: String(err) };
  } finally {
    clearTimeout(timer);
  }
}

describe('bridge fuzz: malformed input never reaches the MIS', () => {
  it('the method list is the contract', () => {
    expect([...bridgeMethodNames].sort()).toEqual(Object.keys(VALID).sort());
  });

  for (const method of bridgeMethodNames) {
    it(`${method}: every malformed input is refused as kind 'input' before anything runs`, async () => {
      await fc.assert(
        fc.asyncProperty(malformed(method), async (input) => {
          const r = await outcomeOf(method, input);
          expect(r.outcome, r.detail).toBe('input error');
        }),
        { numRuns: 150 },
      );
      expect(session.active).toBe(true); // a refused endSession or identify did not end the session
    });
  }

  it('unknown and hostile method names are refused as kind input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'identify ', 'IDENTIFY', '../identify', 'kiosk:identify', ''),
          fc.string().filter((m) => !(bridgeMethodNames as readonly string[]).includes(m))),
        async (m) => {
          expect((await outcomeOf(m, {})).outcome).toBe('input error');
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('bridge fuzz: valid inputs pass the contract (so the test above is not vacuous)', () => {
  const reachesMis: BridgeMethod[] = ['listReferrals', 'listClinics', 'listSchedule', 'book', 'listAppointments', 'cancelAppointment'];
  for (const method of bridgeMethodNames.filter((m) => m !== 'identify' && m !== 'endSession')) {
    it(`${method}: a valid input is never refused as input${reachesMis.includes(method) ? ' and does reach the MIS' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(valid(method), async (input) => {
          const before = misRequests;
          const r = await dispatch(method, input);
          if (!r.ok) expect(r.error.kind, r.error.problem).not.toBe('input');
          if (reachesMis.includes(method)) expect(misRequests).toBeGreaterThan(before);
        }),
        { numRuns: reachesMis.includes(method) ? 12 : 40 },
      );
    });
  }

  it('the seeded happy path passes the strict output contract end to end (normalised times)', async () => {
    const refs = await dispatch('listReferrals', {});
    expect(refs).toMatchObject({ ok: true });
    const clinics = await dispatch('listClinics', { referralGuid: DIR.D1 });
    expect(clinics).toMatchObject({ ok: true });
    const sched = await dispatch('listSchedule', { referralGuid: DIR.D1, lpuGuid: LPU2 });
    if (!sched.ok) throw new Error(JSON.stringify(sched.error));
    const resources = sched.value as Array<{ resourceGuid: string; days: Array<{ date: string; slots: Array<{ time: string; beginTime: string }> }> }>;
    const res = resources.find((r) => r.days.length > 0)!;
    const day = res.days[0]!;
    expect(day.slots[0]!.beginTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/);
    const booked = await dispatch('book', { referralGuid: DIR.D1, lpuGuid: LPU2, resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time });
    expect(booked).toMatchObject({ ok: true, value: { beginTime: day.slots[0]!.beginTime } });
    expect(await dispatch('listAppointments', {})).toMatchObject({ ok: true });
    sim.reset();
  });

  it('identify and endSession (last: they end the seeded session)', async () => {
    await fc.assert(
      fc.asyncProperty(valid('identify'), async (input) => {
        const before = misRequests;
        const r = await dispatch('identify', input);
        if (!r.ok) expect(r.error.kind, r.error.problem).not.toBe('input');
        expect(misRequests).toBeGreaterThan(before);
      }),
      { numRuns: 10 },
    );
    expect(await dispatch('endSession', {})).toEqual({ ok: true, value: null });
    expect(await dispatch('endSession', undefined)).toEqual({ ok: true, value: null });
  });
});

// ---------- the concrete table for the closing note ----------

const G = '3c1e7b2a-0000-4000-8000-000000000002';
const ID = (m: BridgeMethod, over: Record<string, unknown>) => ({ ...VALID[m], ...over });
const TABLE: Array<[BridgeMethod | string, string, unknown]> = [
  ['kioskInfo', 'null', null], ['kioskInfo', 'array', []], ['kioskInfo', 'number', 1], ['kioskInfo', 'string', 'x'],
  ['kioskInfo', 'extra field', { a: 1 }], ['kioskInfo', '__proto__ own key', JSON.parse('{"__proto__":{"isAdmin":true}}')],
  ['kioskInfo', 'constructor key', { constructor: { prototype: {} } }],
  ['identify', 'null', null], ['identify', 'empty object', {}], ['identify', 'policy missing', { birthDate: P1.birthDate }],
  ['identify', 'birthDate missing', { policy: P1.policy }], ['identify', 'policy 15 digits', ID('identify', { policy: '500000000000000' })],
  ['identify', 'policy 17 digits', ID('identify', { policy: '50000000000000011' })], ['identify', 'policy with letter', ID('identify', { policy: '500000000000000a' })],
  ['identify', 'policy fullwidth digit', ID('identify', { policy: '５000000000000001' })], ['identify', 'policy as number', ID('identify', { policy: 5000000000000001 })],
  ['identify', 'policy with NUL', ID('identify', { policy: '500000000000000\0' })], ['identify', 'policy 1 MB', ID('identify', { policy: '5'.repeat(1 << 20) })],
  ['identify', 'birth 9999-99-99', ID('identify', { birthDate: '9999-99-99' })], ['identify', 'birth 1980-02-30', ID('identify', { birthDate: '1980-02-30' })],
  ['identify', 'birth 1981-02-29 (not leap)', ID('identify', { birthDate: '1981-02-29' })], ['identify', 'birth in 2 days', ID('identify', { birthDate: dayAfterNow(2) })],
  ['identify', 'birth 2099-01-01', ID('identify', { birthDate: '2099-01-01' })], ['identify', 'birth 1899-12-31', ID('identify', { birthDate: '1899-12-31' })],
  ['identify', 'birth 0001-01-01', ID('identify', { birthDate: '0001-01-01' })], ['identify', 'birth dd.MM.yyyy', ID('identify', { birthDate: '15.01.1980' })],
  ['identify', 'birth as number', ID('identify', { birthDate: 19800115 })], ['identify', 'extra token field', ID('identify', { token: 'x' })],
  ['identify', '__proto__ own key', withOwn(VALID.identify, '__proto__', { policy: '1' })], ['identify', 'inherited fields only', Object.create(P1)],
  ['listReferrals', 'null', null], ['listReferrals', 'array', [{}]], ['listReferrals', 'extra status filter', { status: ['Used'] }],
  ['listReferrals', '__proto__ own key', JSON.parse('{"__proto__":{"x":1}}')],
  ['findReferral', 'empty object', {}], ['findReferral', 'number missing', { surname: 'Петров' }],
  ['findReferral', 'surname in Latin', ID('findReferral', { surname: 'Petrov' })], ['findReferral', 'surname with markup', ID('findReferral', { surname: 'Пет<ров>' })],
  ['findReferral', 'number with path', ID('findReferral', { number: '../../x' })], ['findReferral', 'number with XML', ID('findReferral', { number: '<a:x/>' })],
  ['findReferral', 'number 1 MB', ID('findReferral', { number: '4'.repeat(1 << 20) })], ['findReferral', 'number as number', ID('findReferral', { number: 4700000012345 })],
  ['listClinics', 'empty object', {}], ['listClinics', 'guid "."', { referralGuid: '.' }], ['listClinics', 'guid ".."', { referralGuid: '..' }],
  ['listClinics', 'guid lpu/../../x', { referralGuid: 'lpu/../../x' }], ['listClinics', 'guid %2e%2e', { referralGuid: '%2e%2e' }],
  ['listClinics', 'guid ..\\..\\x', { referralGuid: '..\\..\\x' }], ['listClinics', 'guid + NUL', { referralGuid: `${DIR.D1}\0` }],
  ['listClinics', 'guid + /..', { referralGuid: `${DIR.D1}/..` }], ['listClinics', 'guid + ?q', { referralGuid: `${DIR.D1}?status=Used` }],
  ['listClinics', 'guid 1 MB', { referralGuid: 'a'.repeat(1 << 20) }], ['listClinics', 'guid as number', { referralGuid: 101 }],
  ['listClinics', 'guid as array', { referralGuid: [DIR.D1] }], ['listClinics', 'guid without dashes', { referralGuid: DIR.D1.replace(/-/g, '') }],
  ['listClinics', 'guid in braces', { referralGuid: `{${DIR.D1}}` }], ['listClinics', 'guid non-hex', { referralGuid: DIR.D1.replace('b', 'z') }],
  ['listSchedule', 'lpuGuid missing', { referralGuid: DIR.D1 }], ['listSchedule', 'lpuGuid ".."', { referralGuid: DIR.D1, lpuGuid: '..' }],
  ['listSchedule', 'lpuGuid null', { referralGuid: DIR.D1, lpuGuid: null }], ['listSchedule', 'lpuGuid object', { referralGuid: DIR.D1, lpuGuid: { toString: 'x' } }],
  ['listSchedule', 'extra dateTo', { ...VALID.listSchedule, dateTo: '2030-01-01' }], ['listSchedule', 'lpuGuid RTL override', { referralGuid: DIR.D1, lpuGuid: `${G}\u202e` }],
  ['book', 'null', null], ['book', 'empty object', {}], ['book', 'date 9999-99-99', ID('book', { date: '9999-99-99' })],
  ['book', 'date 2026-02-30', ID('book', { date: '2026-02-30' })], ['book', 'date 2026-02-29', ID('book', { date: '2026-02-29' })],
  ['book', 'date 2026-13-01', ID('book', { date: '2026-13-01' })], ['book', 'date 2101-01-01', ID('book', { date: '2101-01-01' })],
  ['book', 'date dd.MM.yyyy', ID('book', { date: '27.11.2026' })], ['book', 'date with time', ID('book', { date: '2026-11-27T09:15:00+03:00' })],
  ['book', 'time 99:99', ID('book', { time: '99:99' })], ['book', 'time 24:00', ID('book', { time: '24:00' })], ['book', 'time 9:15', ID('book', { time: '9:15' })],
  ['book', 'time 09:15:00', ID('book', { time: '09:15:00' })], ['book', 'time number', ID('book', { time: 915 })],
  ['book', 'lpuGuid path', ID('book', { lpuGuid: `${G}/../../visit` })], ['book', 'resourceGuid %00', ID('book', { resourceGuid: `${RES.cardioPetrov}%00` })],
  ['book', 'extra directionGuid', ID('book', { directionGuid: DIR.D2 })], ['book', 'constructor key', withOwn(VALID.book, 'constructor', 'x')],
  ['book', '__proto__ own key', withOwn(VALID.book, '__proto__', { time: '10:00' })], ['book', 'array of valid', [VALID.book]],
  ['listAppointments', 'null', null], ['listAppointments', 'extra dateFrom', { dateFrom: '2000-01-01' }], ['listAppointments', 'string', '{}'],
  ['cancelAppointment', 'empty object', {}], ['cancelAppointment', 'ticketGuid ".."', { lpuGuid: G, ticketGuid: '..' }],
  ['cancelAppointment', 'lpuGuid "."', { lpuGuid: '.', ticketGuid: TICKET }], ['cancelAppointment', 'ticketGuid with /', { lpuGuid: G, ticketGuid: `x/${TICKET}` }],
  ['cancelAppointment', 'ticketGuid %2F', { lpuGuid: G, ticketGuid: `${TICKET}%2F..` }], ['cancelAppointment', 'extra reason', { lpuGuid: G, ticketGuid: TICKET, reason: 'x' }],
  ['listSpecialities', 'extra lpuGuid', { lpuGuid: G }], ['listSpecialities', 'null', null],
  ['listSpecialitySchedule', 'code with /', { lpuGuid: G, specialityCode: '../visit' }], ['listSpecialitySchedule', 'code Cyrillic', { lpuGuid: G, specialityCode: 'терапевт' }],
  ['listSpecialitySchedule', 'code 41 long', { lpuGuid: G, specialityCode: 'x'.repeat(41) }], ['listSpecialitySchedule', 'code missing', { lpuGuid: G }],
  ['listDoctorSchedule', 'resourceGuid ..', { lpuGuid: G, resourceGuid: '..' }], ['listDoctorSchedule', 'extra referralGuid', { lpuGuid: G, resourceGuid: G, referralGuid: G }],
  ['bookSelf', 'timeTableGuid missing', { ...VALID.bookSelf, timeTableGuid: undefined }], ['bookSelf', 'date 2026-02-30', { ...VALID.bookSelf, date: '2026-02-30' }],
  ['bookSelf', 'extra referralGuid', { ...VALID.bookSelf, referralGuid: G }], ['bookSelf', 'code %2e%2e', { ...VALID.bookSelf, specialityCode: '%2e%2e' }],
  ['reschedule', 'previousTicketGuid missing', { ...VALID.reschedule, previousTicketGuid: undefined }], ['reschedule', 'previousTicketGuid /x', { ...VALID.reschedule, previousTicketGuid: `${TICKET}/x` }],
  ['reschedule', 'extra cancelOld', { ...VALID.reschedule, cancelOld: false }],
  ['joinWaitingList', 'phone with 8', { ...VALID.joinWaitingList, phone: '89161234567' }], ['joinWaitingList', 'phone +7', { ...VALID.joinWaitingList, phone: '+79161234567' }],
  ['joinWaitingList', 'landline', { ...VALID.joinWaitingList, phone: '4951234567' }], ['joinWaitingList', 'phone as number', { ...VALID.joinWaitingList, phone: 9161234567 }],
  ['joinWaitingList', 'both speciality and referral', { ...VALID.joinWaitingList, referralGuid: G }],
  ['joinWaitingList', 'neither speciality nor referral', { ...VALID.joinWaitingList, specialityCode: null }],
  ['joinWaitingList', 'reason other', { ...VALID.joinWaitingList, reason: 'other' }], ['joinWaitingList', 'extra name', { ...VALID.joinWaitingList, name: 'Иванов' }],
  ['printAppointments', 'language missing', {}], ['printAppointments', 'language de', { language: 'de' }], ['printAppointments', 'extra ticketGuid', { language: 'ru', ticketGuid: TICKET }],
  ['printTicket', 'again missing', { ticketGuid: TICKET }], ['printTicket', 'again "true"', { ticketGuid: TICKET, again: 'true' }],
  ['printTicket', 'again 1', { ticketGuid: TICKET, again: 1 }], ['printTicket', 'ticketGuid ..', { ticketGuid: '..', again: false }],
  ['printTicket', 'ticketGuid 1 MB', { ticketGuid: 'f'.repeat(1 << 20), again: false }], ['printTicket', 'extra copies', { ticketGuid: TICKET, again: false, language: 'ru', copies: 100 }],
  ['printTicket', 'language missing', { ticketGuid: TICKET, again: false }], ['printTicket', 'language xx', { ticketGuid: TICKET, again: false, language: 'xx' }],
  ['printTicket', 'language __proto__', { ticketGuid: TICKET, again: false, language: '__proto__' }],
  ['scanKeys', 'digits with a letter', { digits: '500000000000000a' }], ['scanKeys', 'digits 65 long', { digits: '5'.repeat(65) }],
  ['scanKeys', 'digits empty', { digits: '' }], ['scanKeys', 'digits as number', { digits: 5000000000000001 }], ['scanKeys', 'Arabic-Indic digits', { digits: '١٢٣' }],
  ['takeScan', 'extra field', { screen: 'identify' }], ['identifyScanned', 'extra policy', { policy: P1.policy }],
  ['reportError', 'message 1 MB', { message: 'x'.repeat(1 << 20), where: 'w' }], ['reportError', 'where missing', { message: 'm' }],
  ['reportError', 'message number', { message: 5, where: 'w' }], ['reportError', 'extra token', { message: 'm', where: 'w', token: 'x' }],
  ['printStatus', 'ticketGuid missing', {}], ['printStatus', 'ticketGuid ../x', { ticketGuid: '../x' }],
  ['printStatus', 'ticketGuid %2e%2e', { ticketGuid: '%2e%2e' }], ['printStatus', 'extra again', { ticketGuid: TICKET, again: true }],
  ['endSession', 'null', null], ['endSession', 'extra reason', { reason: 'idle' }], ['endSession', 'array', []], ['endSession', 'number', 0],
  ['kioskHealth', 'null', null], ['kioskHealth', 'extra fresh flag', { fresh: true }], ['kioskHealth', 'array', []],
  ['kioskHealth', '__proto__ own key', JSON.parse('{"__proto__":{"mis":"ok"}}')],
  ['patientInput', 'null', null], ['patientInput', 'a count', { taps: 5 }], ['patientInput', 'array', []],
  ['speak', 'text empty', { ...VALID.speak, text: '' }], ['speak', 'text blank', { ...VALID.speak, text: '   ' }],
  ['speak', 'text 1001 long', { ...VALID.speak, text: 'а'.repeat(1001) }], ['speak', 'text with NUL', { ...VALID.speak, text: 'пять\0' }],
  ['speak', 'text with an escape sequence', { ...VALID.speak, text: '\u001b]0;x\u0007' }], ['speak', 'kind policy', { ...VALID.speak, kind: 'policy' }],
  ['speak', 'language de', { ...VALID.speak, language: 'de' }], ['speak', 'interrupt "yes"', { ...VALID.speak, interrupt: 'yes' }],
  ['speak', 'extra voice', { ...VALID.speak, voice: '-w /etc/passwd' }], ['speechStop', 'extra all', { all: true }],
  ['scanStop', 'null', null], ['scanStop', 'a reason', { why: 'left' }],
  ['serviceGate', 'extra pin', { pin: '1234' }], ['serviceGate', 'null', null],
  ['serviceEnter', 'pin missing', {}], ['serviceEnter', 'pin 3 digits', { pin: '123' }], ['serviceEnter', 'pin 9 digits', { pin: '123456789' }],
  ['serviceEnter', 'pin as number', { pin: 246810 }], ['serviceEnter', 'pin with letter', { pin: '24681a' }],
  ['serviceEnter', 'pin fullwidth digits', { pin: '２４６８' }], ['serviceEnter', 'pin 1 MB', { pin: '2'.repeat(1 << 20) }],
  ['serviceEnter', 'extra pinHash', { pin: '246810', pinHash: 'scrypt$15$8$1$x$y' }], ['serviceEnter', '__proto__ own key', withOwn(VALID.serviceEnter, '__proto__', { pin: '1' })],
  ['serviceStatus', 'extra secrets flag', { secrets: true }], ['serviceStatus', 'array', []],
  ['servicePrintTest', 'extra copies', { copies: 100 }], ['servicePrintTest', 'string', 'x'],
  ['servicePaperReplaced', 'extra printed', { printed: 0 }], ['servicePaperReplaced', 'null', null],
  ['serviceMisCheck', 'extra baseUrl', { baseUrl: 'http://evil.example' }], ['serviceMisCheck', 'number', 1],
  ['serviceLog', 'extra lines', { lines: 100000 }], ['serviceLog', '__proto__ own key', JSON.parse('{"__proto__":{"lines":1}}')],
  ['serviceRestart', 'extra force', { force: true }], ['serviceRestart', 'array', [{}]],
  ['serviceLeaveToOs', 'pin missing', {}], ['serviceLeaveToOs', 'pin as array', { pin: ['246810'] }], ['serviceLeaveToOs', 'pin with NUL', { pin: '2468\0' }],
  ['serviceExit', 'extra reason', { reason: 'idle' }], ['serviceExit', 'null', null],
  ['__proto__', 'method __proto__', {}], ['constructor', 'method constructor', {}], ['toString', 'method toString', {}],
  ['hasOwnProperty', 'method hasOwnProperty', {}], ['identify\0', 'method with NUL', P1], ['', 'empty method', {}],
];

/** Raw bodies and method names POSTed to the browser host's HTTP bridge (host code untouched). */
const HOST_TABLE: Array<[string, string, string, Record<string, string>?]> = [
  ['identify', 'body not JSON', '{'], ['identify', 'body "null"', 'null'], ['identify', 'body array', '[]'],
  ['identify', 'body string', '"x"'], ['identify', 'body number', '5000000000000001'], ['identify', 'body empty', ''],
  ['identify', '__proto__ in JSON', '{"__proto__":{"policy":"5000000000000001","birthDate":"1980-01-15"}}'],
  ['identify', 'duplicate keys, last bad', `{"policy":"${P1.policy}","birthDate":"1980-01-15","birthDate":"1980-02-30"}`],
  ['listClinics', 'escaped NUL in guid', `{"referralGuid":"${DIR.D1}\\u0000"}`],
  ['listClinics', 'dot segments', '{"referralGuid":"../../visit"}'],
  ['kioskInfo', 'body not JSON', 'nul'], ['endSession', 'body array', '[]'],
  ['__proto__', 'method __proto__', '{}'], ['constructor', 'method constructor', '{}'],
  ['..%2Fidentify', 'method with encoded slash', JSON.stringify(P1)], ['identify%00', 'method with encoded NUL', JSON.stringify(P1)],
  ['listReferrals', 'wrong content type', '{}', { 'Content-Type': 'text/plain' }],
  ['listReferrals', 'no bridge header', '{}', { 'X-Kiosk-Bridge': '' }],
  ['identify', 'body over 64 KB', JSON.stringify({ ...P1, pad: 'x'.repeat(70_000) })],
];

describe('bridge fuzz: the concrete malformed-input table', () => {
  let host: RunningBrowserHost;
  let rendererDir = '';
  let rendererCookie = '';

  beforeAll(async () => {
    // The table needs a patient again (the valid-input block ended the session).
    expect(await dispatch('identify', P1)).toMatchObject({ ok: true });
    rendererDir = mkdtempSync(path.join(os.tmpdir(), 'bridge-fuzz-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    host = await startBrowserHost({ dispatcher: (m, i) => dispatch(m, i), rendererDir });
    // Become the host's one renderer, the way Chromium does: redeem a launch code for the cookie.
    const launched = await fetch(host.issueLaunchUrl(), { redirect: 'manual' });
    rendererCookie = String(launched.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  });
  afterAll(async () => {
    await host?.close();
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true });
  });

  function post(method: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string } | { error: string }> {
    const url = new URL(host.origin + '/');
    return new Promise((resolve) => {
      const req = http.request(
        {
          host: url.hostname, port: url.port, method: 'POST', path: `${url.pathname}__kiosk/call/${method}`,
          headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1', Cookie: rendererCookie, ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          res.on('error', (e) => resolve({ error: String(e) }));
        },
      );
      req.on('error', (e) => resolve({ error: String(e) }));
      req.end(body);
    });
  }

  it('every row is refused before the MIS, and the host adds no way around the dispatcher', async () => {
    const rows: Array<{ layer: string; method: string; label: string; outcome: string; detail: string }> = [];
    for (const [method, label, input] of TABLE) {
      const r = await outcomeOf(method, input);
      rows.push({ layer: 'dispatcher', method, label, ...r });
    }
    for (const [method, label, body, headers] of HOST_TABLE) {
      const before = misRequests;
      const r = await post(method, body, headers);
      let outcome: string;
      let detail: string;
      if ('error' in r) {
        outcome = 'host refused (connection closed)';
        detail = r.error;
      } else if (r.status !== 200) {
        outcome = r.status >= 500 ? 'host 5xx' : 'host refused (4xx)';
        detail = `${r.status} ${r.body.slice(0, 60)}`;
      } else {
        const env = JSON.parse(r.body) as Envelope<unknown>;
        outcome = env.ok ? 'accepted' : env.error.kind === 'input' ? 'input error' : 'other error';
        detail = env.ok ? '' : `${env.error.kind}: ${env.error.problem}`;
      }
      if (misRequests !== before) outcome = 'reached the MIS';
      rows.push({ layer: 'browser host', method, label, outcome, detail });
    }

    const counts = new Map<string, number>();
    for (const r of rows) counts.set(`${r.layer}: ${r.outcome}`, (counts.get(`${r.layer}: ${r.outcome}`) ?? 0) + 1);
    if (process.env.FUZZ_TABLE) {
      console.log(['| layer | method | input | outcome | detail |', '|---|---|---|---|---|',
        ...rows.map((r) => `| ${r.layer} | ${JSON.stringify(r.method)} | ${r.label} | ${r.outcome} | ${r.detail.replace(/\|/g, '/').slice(0, 90)} |`)].join('\n'));
      console.log(Object.fromEntries(counts));
    }

    expect(rows.filter((r) => r.layer === 'dispatcher').length).toBeGreaterThanOrEqual(80);
    const methodsCovered = new Set(rows.map((r) => r.method));
    for (const m of bridgeMethodNames) expect(methodsCovered.has(m)).toBe(true);
    const bad = rows.filter((r) => !(r.outcome === 'input error' || r.outcome.startsWith('host refused')));
    expect(bad).toEqual([]);
    expect(session.active).toBe(true);
  });
});
