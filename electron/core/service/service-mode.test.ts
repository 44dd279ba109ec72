import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { KioskConfigSchema, type KioskConfigInput } from '../config/schema';
import type { Logger, SlipData, SlipPrinter } from '../ports';
import { configSummary } from './config-summary';
import { t } from '../../common/i18n/locales';
import { countingSlipPrinter, createPaperCounter, memoryPaperCounter, slipsLeft } from './paper-counter';
import { hashPin } from './pin';
import { LOCK_STEPS_MS } from './pin-guard';
import { createServiceMode, type ServiceModeDeps } from './service-mode';
import { ServiceModeError } from './service-error';

const root = mkdtempSync(path.join(os.tmpdir(), 'infomat-service-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function recordingLogger() {
  const entries: Array<{ level: string; event: string; data?: Record<string, unknown> }> = [];
  const at = (level: string) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
  const log: Logger & { entries: typeof entries } = { entries, info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') };
  return log;
}

/** A printer that remembers what it was asked to print. */
function fakePrinter() {
  const slips: SlipData[] = [];
  const printer: SlipPrinter = {
    printSlip: async (slip) => {
      slips.push(slip);
      return { jobId: `job-${slips.length}`, state: 'printed', fault: null };
    },
    history: async () => ({ original: 'none', againAttempts: 0, lastFault: null, originalAt: null }),
    readiness: async () => 'near-end',
    journalFault: () => null,
  };
  return { printer, slips };
}

const PIN = '246810';
// A fake verify keeps these tests off scrypt's deliberate slowness; one test below uses the real hash.
const verifyPin = (pin: string) => pin === PIN;

function setup(over: Partial<ServiceModeDeps> = {}, configOver: KioskConfigInput = {}) {
  let now = new Date('2026-11-27T10:00:00Z').getTime();
  const timers: Array<{ fn: () => void; at: number; live: boolean }> = [];
  const log = recordingLogger();
  const ended: string[] = [];
  const lifecycle = { calls: [] as string[], restart: () => void lifecycle.calls.push('restart'), quit: () => void lifecycle.calls.push('quit') };
  const { printer, slips } = fakePrinter();
  const paper = memoryPaperCounter(() => new Date(now));
  const config = KioskConfigSchema.parse({ api: { baseUrl: 'https://mis.example.ru/api' }, service: { pinHash: 'scrypt$15$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' }, ...configOver });
  const mode = createServiceMode({
    config,
    mis: { capabilities: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false }, start: async () => ({ scheduleDays: 14, note: 'ok' }) },
    session: { end: (reason) => void ended.push(reason ?? 'patient') },
    // Counted the way the core counts every slip (kiosk-core wraps the real printer the same way).
    slipPrinter: countingSlipPrinter(printer, paper),
    log,
    logTail: () => ['line 1', 'line 2'],
    paper,
    lifecycle,
    probeMis: async () => 'ok',
    version: '9.9.9',
    now: () => new Date(now),
    clock: () => now,
    setTimer: (fn, ms) => {
      const t = { fn, at: now + ms, live: true };
      timers.push(t);
      return t;
    },
    clearTimer: (t) => void ((t as { live: boolean }).live = false),
    verifyPin,
    lifecycleDelayMs: 0,
    ...over,
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers) {
      if (!t.live || t.at > now) continue;
      t.live = false;
      t.fn();
    }
  };
  return { mode, log, ended, lifecycle, slips, advance, config };
}

describe('service mode: entry', () => {
  it('five wrong PINs lock entry for five minutes (fake clock), with the minutes left', () => {
    const { mode, advance } = setup();
    for (let left = 4; left >= 1; left--) expect(mode.enter('000000')).toEqual({ state: 'wrong', attemptsLeft: left });
    expect(mode.enter('000000')).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(mode.gate()).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(mode.enter(PIN)).toEqual({ state: 'locked', minutesLeft: 5 });
    advance(2 * 60_000 + 1_000);
    expect(mode.gate()).toEqual({ state: 'locked', minutesLeft: 3 });
    advance(LOCK_STEPS_MS[0] - 2 * 60_000 - 2_000);
    expect(mode.enter(PIN)).toEqual({ state: 'locked', minutesLeft: 1 });
    expect(mode.active()).toBe(false);
    advance(1_000);
    expect(mode.gate()).toEqual({ state: 'ready', minutesLeft: null });
    expect(mode.enter(PIN)).toEqual({ state: 'open', idleSeconds: 120 });
    expect(mode.active()).toBe(true);
  });

  it('the refusal and the keypad say the escalated lock: 15 minutes the second time, then 60', () => {
    const { mode, advance } = setup();
    const fiveWrong = () => {
      for (let i = 1; i < 5; i++) mode.enter('000000');
      return mode.enter('000000');
    };
    expect(fiveWrong()).toEqual({ state: 'locked', minutesLeft: 5 });
    advance(5 * 60_000);
    expect(fiveWrong()).toEqual({ state: 'locked', minutesLeft: 15 });
    expect(mode.gate()).toEqual({ state: 'locked', minutesLeft: 15 });
    advance(15 * 60_000);
    expect(fiveWrong()).toEqual({ state: 'locked', minutesLeft: 60 });
    advance(59 * 60_000 + 1);
    expect(mode.enter(PIN)).toEqual({ state: 'locked', minutesLeft: 1 });
  });

  it('the right PIN ends the patient session first; a wrong one leaves the patient alone', () => {
    const { mode, ended } = setup();
    mode.enter('111111');
    expect(ended).toEqual([]);
    mode.enter(PIN);
    expect(ended).toEqual(['patient']);
  });

  it('without a configured PIN hash nobody gets in, and the technician is told how to set one', () => {
    const { mode, log } = setup({}, { service: {} });
    expect(mode.gate()).toEqual({ state: 'not-configured', minutesLeft: null });
    expect(mode.enter(PIN)).toEqual({ state: 'not-configured' });
    expect(mode.active()).toBe(false);
    expect(log.entries.some((e) => e.event === 'service.not_configured' && /service\.pinHash/.test(String(e.data?.hint)))).toBe(true);
  });

  it('the real scrypt hash from the config opens it (the hash stays in the core)', () => {
    const pinHash = hashPin(PIN);
    const { mode } = setup({ verifyPin: undefined }, { service: { pinHash } });
    expect(mode.enter('135790')).toEqual({ state: 'wrong', attemptsLeft: 4 });
    expect(mode.enter(PIN)).toMatchObject({ state: 'open' });
  });

  it('audits every attempt and action, never the digits typed', async () => {
    const { mode, log } = setup();
    mode.enter('975312');
    mode.enter(PIN);
    await mode.status();
    await mode.printTest();
    mode.paperReplaced();
    await mode.misCheck();
    mode.logLines();
    mode.exit('technician');
    const audits = log.entries.filter((e) => e.level === 'audit').map((e) => e.event);
    expect(audits).toEqual([
      'service.wrong_pin', 'service.entered', 'service.test_print', 'service.paper_replaced', 'service.mis_check', 'service.log_viewed', 'service.exit',
    ]);
    expect(JSON.stringify(log.entries)).not.toMatch(/975312|246810|scrypt/);
  });
});

describe('service mode: a service session is required', () => {
  it('every privileged method refuses outside service mode, and nothing happens', async () => {
    const { mode, slips, lifecycle, log } = setup();
    await expect(mode.status()).rejects.toBeInstanceOf(ServiceModeError);
    await expect(mode.printTest()).rejects.toBeInstanceOf(ServiceModeError);
    await expect(mode.misCheck()).rejects.toBeInstanceOf(ServiceModeError);
    expect(() => mode.paperReplaced()).toThrow(ServiceModeError);
    expect(() => mode.logLines()).toThrow(ServiceModeError);
    expect(() => mode.restart()).toThrow(ServiceModeError);
    expect(() => mode.leaveToOs(PIN)).toThrow(ServiceModeError);
    await new Promise((r) => setTimeout(r, 5));
    expect(slips).toEqual([]);
    expect(lifecycle.calls).toEqual([]);
    expect(log.entries.filter((e) => e.event === 'service.refused')).toHaveLength(7);
  });

  it('two minutes without a tap close it; each call restarts the two minutes', async () => {
    const { mode, advance } = setup();
    mode.enter(PIN);
    advance(119_000);
    await mode.status();
    advance(119_000);
    expect(mode.active()).toBe(true);
    advance(1_000);
    expect(mode.active()).toBe(false);
    await expect(mode.status()).rejects.toBeInstanceOf(ServiceModeError);
  });

  it('«Вернуться», restart and leave each close it', () => {
    const { mode } = setup();
    mode.enter(PIN);
    mode.exit('technician');
    expect(mode.active()).toBe(false);
    mode.enter(PIN);
    mode.restart();
    expect(mode.active()).toBe(false);
  });
});

describe('service mode: actions', () => {
  it('the test slip goes through the slip printer marked as a test, never as a booking', async () => {
    const { mode, slips } = setup();
    mode.enter(PIN);
    expect(await mode.printTest()).toMatchObject({ state: 'printed', fault: null });
    expect(slips).toHaveLength(1);
    expect(slips[0]).toMatchObject({ test: true, reprint: false, kioskId: 'KIOSK-01' });
    const status = await mode.status();
    expect(status.printer).toMatchObject({ state: 'near-end', lastTest: { state: 'printed' } });
  });

  it('the MIS check reports reachability, latency and a client application the MIS refused', async () => {
    const refused = new ApiError('validation', 403, '4403', 'Клиентское приложение не найдено', 'HTTP 403');
    let clockNow = 0;
    const { mode } = setup({
      clock: () => clockNow,
      probeMis: async () => {
        clockNow += 42;
        return 'ok';
      },
      mis: { capabilities: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false }, start: () => Promise.reject(refused) },
    });
    mode.enter(PIN);
    expect(await mode.misCheck()).toMatchObject({ reachable: true, latencyMs: 42, clientApplication: 'refused', note: 'Клиентское приложение не найдено' });
  });

  it('an unreachable MIS: no latency, client application unknown', async () => {
    const { mode } = setup({ probeMis: async () => 'down' });
    mode.enter(PIN);
    expect(await mode.misCheck()).toMatchObject({ reachable: false, latencyMs: null, clientApplication: 'unknown' });
  });

  it('restart and leave reach the shell only through the lifecycle, leave only with the PIN again', async () => {
    const { mode, lifecycle } = setup();
    mode.enter(PIN);
    expect(mode.leaveToOs('000000')).toEqual({ state: 'wrong', attemptsLeft: 4 });
    expect(mode.active()).toBe(true);
    expect(mode.leaveToOs(PIN)).toEqual({ state: 'leaving' });
    await new Promise((r) => setTimeout(r, 5));
    expect(lifecycle.calls).toEqual(['quit']);
    mode.enter(PIN);
    expect(mode.restart()).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expect(lifecycle.calls).toEqual(['quit', 'restart']);
  });

  it('wrong PINs at «Выйти в систему» count toward the lock, and the lock closes service mode', () => {
    const { mode } = setup();
    mode.enter(PIN);
    for (let i = 0; i < 4; i++) mode.leaveToOs('000000');
    expect(mode.leaveToOs('000000')).toEqual({ state: 'locked', minutesLeft: 5 });
    expect(mode.active()).toBe(false);
    expect(mode.enter(PIN)).toMatchObject({ state: 'locked' });
  });
});

describe('config summary', () => {
  it('shows what a technician checks and none of the secrets', () => {
    const secrets = {
      pinHash: hashPin('482913'),
      bearer: 'metrics-bearer-token-0123456789',
      n3guid: '0f1e2d3c-4b5a-6978-8a9b-acbdcedfe0f1',
      clientApplication: '11111111-2222-4333-8444-555555555555',
      userinfo: 'admin:s3cr3tpass',
      query: 'apikey=q-secret-77',
    };
    const config = KioskConfigSchema.parse({
      kioskId: 'K-7',
      api: {
        kind: 'n3',
        baseUrl: `https://${secrets.userinfo}@mis.example.ru/hub?${secrets.query}`,
        clientApplication: secrets.clientApplication,
        n3: { guid: secrets.n3guid, idLpu: 101 },
      },
      telemetry: { metricsPort: 9464, bearerToken: secrets.bearer },
      updates: { url: `https://updates.example.ru/infomat?${secrets.query}` },
      service: { pinHash: secrets.pinHash },
    });
    const items = configSummary(config, '1.2.3');
    const text = JSON.stringify(items);
    for (const s of Object.values(secrets)) expect(text).not.toContain(s);
    expect(text).not.toMatch(/scrypt|s3cr3t|q-secret/);
    const ru = t('ru');
    const byLabel = Object.fromEntries(items.map((i) => [ru.msg(i.label), typeof i.value === 'string' ? i.value : ru.msg(i.value)]));
    expect(byLabel).toMatchObject({
      'Номер инфомата': 'K-7',
      'Версия программы': '1.2.3',
      'Адрес МИС': 'https://mis.example.ru/hub',
      'PIN служебного режима': 'задан',
      'Метрики Prometheus': '127.0.0.1:9464, токен задан',
      'N3: токен системы': 'задан',
      'Клиентское приложение': 'задан',
    });
  });

  it('service status carries the summary, so the bridge answer has no secrets either', async () => {
    const { mode, config } = setup();
    mode.enter(PIN);
    const status = JSON.stringify(await mode.status());
    expect(status).not.toContain(config.service.pinHash!);
    expect(status).not.toContain(config.api.clientApplication);
    expect(status).toContain('9.9.9');
  });
});

describe('paper counter', () => {
  it('survives a restart in the private data folder, and «Бумага заменена» starts it again', () => {
    const dir = path.join(root, 'data', 'service');
    let now = new Date('2026-11-27T08:00:00Z');
    const a = createPaperCounter({ dir, log: recordingLogger(), now: () => now });
    a.add();
    a.add(2);
    const b = createPaperCounter({ dir, log: recordingLogger(), now: () => now });
    expect(b.state()).toEqual({ printed: 3, resetAt: null });
    now = new Date('2026-11-28T09:30:00Z');
    expect(b.reset()).toEqual({ printed: 0, resetAt: '2026-11-28T09:30:00.000Z' });
    b.add();
    expect(createPaperCounter({ dir, log: recordingLogger() }).state()).toEqual({ printed: 1, resetAt: '2026-11-28T09:30:00.000Z' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'paper-counter.json')).mode & 0o777).toBe(0o600);
  });

  it('a damaged counter file starts from zero instead of stopping the kiosk', () => {
    const dir = mkdtempSync(path.join(root, 'broken-'));
    const log = recordingLogger();
    const c = createPaperCounter({ dir, log });
    c.add();
    writeFileSync(path.join(dir, 'paper-counter.json'), '{"printed": "lots"');
    expect(createPaperCounter({ dir, log }).state()).toEqual({ printed: 0, resetAt: null });
  });

  it('estimates slips left for the configured roll', () => {
    expect(slipsLeft(0, 80, 160)).toBe(500);
    expect(slipsLeft(120, 80, 160)).toBe(380);
    expect(slipsLeft(900, 80, 160)).toBe(0);
    expect(slipsLeft(0, 50, 150)).toBe(333);
  });

  it('counts every slip that came out, once, and never a failed one', async () => {
    const counter = memoryPaperCounter();
    let n = 0;
    const outcomes = [
      { jobId: 'a', state: 'printed' as const, fault: null },
      { jobId: 'a', state: 'printed' as const, fault: null }, // the print-once guard's earlier answer
      { jobId: 'b', state: 'failed' as const, fault: 'paperEnd' as const },
      { jobId: 'c', state: 'uncertain' as const, fault: 'uncertain' as const },
    ];
    const printer = countingSlipPrinter({ ...fakePrinter().printer, printSlip: async (_slip: SlipData) => outcomes[n++]! }, counter);
    for (let i = 0; i < outcomes.length; i++) await printer.printSlip({} as SlipData);
    expect(counter.state().printed).toBe(2);
  });

  it('the service screen shows the estimate and «Бумага заменена» resets it', async () => {
    const { mode } = setup({}, { service: { pinHash: 'scrypt$15$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=', rollLengthM: 50, slipLengthMm: 200 } });
    mode.enter(PIN);
    expect((await mode.status()).paper).toMatchObject({ printed: 0, slipsLeft: 250, rollLengthM: 50, slipLengthMm: 200, resetAt: null });
    await mode.printTest();
    await mode.printTest();
    expect((await mode.status()).paper).toMatchObject({ printed: 2, slipsLeft: 248 });
    expect(mode.paperReplaced()).toMatchObject({ printed: 0, slipsLeft: 250, resetAt: '2026-11-27T10:00:00.000Z' });
  });
});
