// One soak run: the lobby (MIS simulator behind the fault proxy, the virtual receipt printer)
// in this process, the kiosk (core, browser host, its own Debian Chromium) in a process of its
// own under a supervisor, the plan's sessions one after another through the screens or the
// bridge, its faults injected where they were drawn, the ledger written after every session
// and the resources sampled every `sampleEvery` sessions.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { KioskConfigSchema } from '../../electron/core/config/schema';
import { startFaultProxy, type FaultProxy, type FaultRule } from '../../simulator/fault-proxy';
import { startSimulator, type RunningSimulator } from '../../simulator/server';
import { startVirtualPrinter, type RunningVirtualPrinter, type VirtualStatus } from '../../electron/printing/virtual/server';
import { runBridgeSession, call } from './bridge-sessions';
import { MIN_OFFSET_MS, stampVirtualMtimes } from './disk-clock';
import { planFaults, windowsAt, type FaultPoint, type FaultRates, type FaultWindow, type PlannedFault } from './faults';
import { KioskProcess, sleep, type ColdStart } from './kiosk-process';
import { printedSlips, diffMis, type Ledger, type MisTicket, type SessionRecord, type ShownTicket } from './ledger';
import { LogScanner } from './log-scan';
import type { PageGlobal } from './page-types';
import { createRng } from './prng';
import { writeHeapSnapshot } from './heap-snapshot';
import { takeSample } from './sampler';
import { PATIENTS, readTicketDateTime, runScreenSession, type ScreenTimings } from './screens';
import type { Sample } from './stats';
import { Interrupted, pageTime } from './taps';
import { books, planTraffic } from './traffic';
import { installLongTimers, type LongTimers } from './virtual-clock';

export interface SoakOptions {
  sessions: number;
  seed: string;
  screensShare: number;
  perDay: number;
  rates: FaultRates;
  sampleEvery: number;
  retentionDays: number;
  /** The kiosk process's and its Chromium's zone (one with daylight saving time). */
  tz: string;
  /** Virtual date of the first day (YYYY-MM-DD); each day starts at 08:00 clinic time. */
  start: string;
  restartDelayMs: number;
  /** Where the kiosk's state lives during the run (a fresh private temp folder by default). */
  workDir?: string;
  keepWorkDir: boolean;
  viewport: { width: number; height: number };
  /** Sessions after which the renderer's heap snapshot is written into `heapDir` (a leak's names). */
  heapAt?: number[];
  heapDir?: string;
  progress: (line: string) => void;
}

export interface SoakEvent {
  session: number;
  kind: string;
  detail?: string;
}

export interface Recovery {
  kind: 'cold-start' | 'host-restart' | 'renderer-crash' | 'renderer-reload';
  session: number;
  /** To the prerendered Welcome painted (ready to touch). */
  welcomeMs: number;
  /** To React's own Welcome (as the driver saw it). */
  reactMs: number;
  /** Came back by itself (not with the soak's help after the bound). */
  byItself: boolean;
}

export interface SoakResult {
  options: Omit<SoakOptions, 'progress'>;
  planned: { screens: number; bridge: number; kinds: Record<string, number> };
  ledger: Ledger;
  samples: Sample[];
  recoveries: Recovery[];
  faults: Record<string, number>;
  windows: FaultWindow[];
  events: SoakEvent[];
  days: number;
  dst: Array<{ session: number; day: number; from: number; to: number }>;
  wallMs: number;
  config: Record<string, unknown>;
}

const DAY_MS = 86_400_000;
/**
 * The kiosk's idle times and tremor guards in the soak: the shipped ones (config defaults). A
 * walk-away is fast-forwarded on the page's clock and the patient's pace between keys too, so
 * the product's 90 s / 120 s cost no wall time.
 */
export const SOAK_IDLE = KioskConfigSchema.shape.idle.parse({});
export const SOAK_TOUCH = KioskConfigSchema.shape.touch.parse({});

/** The kiosk config of the soak: short MIS deadlines, so a fault costs seconds. */
function kioskConfig(proxyUrl: string, printerPort: number, retentionDays: number): Record<string, unknown> {
  return {
    kioskId: 'SOAK-01',
    api: { baseUrl: proxyUrl, timeoutMs: 3000, retries: 1 },
    booking: { reconcilePolls: 5, reconcileIntervalMs: 1000 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printerPort, timeoutMs: 3000 } },
    idle: { ...SOAK_IDLE },
    touch: { ...SOAK_TOUCH },
    health: { intervalSeconds: 3 },
    retentionDays,
  };
}

const MIS_READ = /^\/(auth\/cod\/token|api\/v2\/directions|api\/v2\/visit|visit|api\/v2\/selfbooking\/specialities|api\/v2\/directions\/[^/]+\/(lpu|schedule)|lpu\/.+\/schedule\/.+)$/;
const MIS_BOOK = /^\/api\/v2\/(directions\/)?visit\/[^/]+$/;
const MIS_ANY = /^\/(?!__sim\/)/;
const GATEWAY_HTML = '<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>';

function misRule(f: PlannedFault, timeoutMs: number): Omit<FaultRule, 'times'> | null {
  const path = f.target === 'book' ? MIS_BOOK : MIS_READ;
  const method = f.target === 'book' ? 'POST' : 'GET';
  switch (f.kind) {
    case 'mis-5xx':
      return f.target === 'book' && f.when === 'before'
        ? { method, path, mode: { kind: 'refuse', status: 503, body: GATEWAY_HTML } }
        : { method, path, mode: { kind: 'replace', status: 502, body: GATEWAY_HTML.replaceAll('503 Service Temporarily Unavailable', '502 Bad Gateway'), contentType: 'text/html' } };
    case 'mis-timeout':
      return { method, path, mode: { kind: 'delay-answer', ms: timeoutMs + 2000 } };
    case 'mis-cut':
      return { method, path, mode: { kind: 'reset-after-send' } };
    case 'lost-answer':
      return { method: 'POST', path: MIS_BOOK, mode: { kind: 'drop-answer' } };
    default:
      return null;
  }
}

const iso = (ms: number): string => {
  // The simulator speaks clinic time (+03:00); any ISO instant is fine for its clock.
  return new Date(ms).toISOString();
};

/** The zone's UTC offset (minutes) at an instant. */
export function zoneOffsetMinutes(tz: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const began = Date.now();
  const rng = createRng(opts.seed);
  const plan = planTraffic({ sessions: opts.sessions, screensShare: opts.screensShare, perDay: opts.perDay }, rng.fork('traffic'));
  const windows = planFaults(plan, opts.rates, opts.perDay, rng.fork('faults'));
  const work = opts.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'infomat-soak-'));
  const xdg = path.join(work, 'xdg');
  const stateDir = path.join(xdg, 'infomat');
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const timings: ScreenTimings = {
    idleSeconds: SOAK_IDLE.seconds,
    typingIdleSeconds: SOAK_IDLE.typingSeconds,
    countdownSeconds: SOAK_IDLE.countdownSeconds,
    ticketSeconds: SOAK_IDLE.ticketSeconds,
    ticketUnprintedSeconds: SOAK_IDLE.ticketUnprintedSeconds,
    ...SOAK_TOUCH,
    bookingWaitMs: 45_000,
    healthMs: 3000 + 4000,
  };

  // ---- the clocks ----
  const virtualStart = Date.parse(`${opts.start}T08:00:00+03:00`);
  if (!Number.isFinite(virtualStart)) throw new Error(`--start ${opts.start}: not a date`);
  let offset = virtualStart - Date.now();
  const runDays = Math.ceil(opts.sessions / opts.perDay);
  if (!(offset >= MIN_OFFSET_MS || offset <= -(MIN_OFFSET_MS + runDays * DAY_MS))) {
    throw new Error(`--start ${opts.start}: the virtual calendar must stay a week or more away from today's date for the whole run (file times tell the two apart)`);
  }
  let skew = 0;
  const virtualNow = (): number => Date.now() + offset;
  // The printer's daily purge judges slips by their file times: stamped first (disk-clock.ts).
  const timers: LongTimers = installLongTimers(virtualNow, { beforeRun: () => stampVirtualMtimes([path.join(stateDir, 'demo-slips')], offset + skew) });

  let sim: RunningSimulator | null = null;
  let proxy: FaultProxy | null = null;
  let printer: RunningVirtualPrinter | null = null;
  let kiosk: KioskProcess | null = null;
  const ledger: Ledger = { sessions: [], prints: [], tokensInLogs: 0, rendererErrorsInLogs: 0, reprintLimit: 1 };
  const samples: Sample[] = [];
  const recoveries: Recovery[] = [];
  const faults: Record<string, number> = {};
  const events: SoakEvent[] = [];
  const dst: SoakResult['dst'] = [];
  const count = (kind: string, session: number, detail?: string) => {
    faults[kind] = (faults[kind] ?? 0) + 1;
    events.push({ session, kind, detail });
  };
  const used: { config: Record<string, unknown> } = { config: {} };
  // A new screen's tap guard runs out on the page's clock (Playwright's, installed below).
  pageTime.forward = (p, ms) => p.clock.fastForward(ms);
  try {
    sim = await startSimulator({ port: 0, quiet: true });
    proxy = await startFaultProxy(sim.url);
    printer = await startVirtualPrinter({ port: 0, outDir: path.join(stateDir, 'demo-slips'), quiet: true, retentionDays: opts.retentionDays, now: () => new Date(virtualNow()) });
    const config = kioskConfig(proxy.url, printer.port, opts.retentionDays);
    used.config = config;
    const configPath = path.join(work, 'config.json');
    writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 });
    const simUrl = sim.url;
    const simPost = async (p: string, body: object = {}) => {
      const r = await fetch(simUrl + p, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`simulator ${p}: HTTP ${r.status}`);
      await r.text();
    };
    const misTickets = async (): Promise<MisTicket[]> => {
      const r = await fetch(`${simUrl}/__sim/tickets`);
      return ((await r.json()) as MisTicket[]).map((t) => ({ ...t, ticketGuid: t.ticketGuid.toLowerCase() }));
    };
    await simPost('/__sim/reset', { now: iso(virtualNow()) });

    kiosk = new KioskProcess({
      xdgStateHome: xdg,
      configPath,
      tz: opts.tz,
      consoleLog: path.join(work, 'kiosk-console.log'),
      clockOffsetMs: () => offset + skew,
      restartDelayMs: opts.restartDelayMs,
      viewport: opts.viewport,
    });
    const k = kiosk;
    const logsDir = path.join(stateDir, 'logs');
    const slipsDir = path.join(stateDir, 'demo-slips');
    const logs = new LogScanner([path.join(stateDir, 'logs')], [path.join(work, 'kiosk-console.log')]);
    const tokens = new Set<string>();

    // Bridge answers the screens got (book, bookSelf, reschedule): the tickets handed to the screen.
    const handed: Array<{ ticketGuid: string; number: string; beginTime: string }> = [];
    const watch = (page: Page) => {
      page.on('response', (res) => {
        const m = /\/__kiosk\/call\/(book|bookSelf|reschedule)$/.exec(new URL(res.url()).pathname);
        if (!m) return;
        void res
          .json()
          .then((body: { ok: boolean; value?: { ticketGuid?: string; number?: string; beginTime?: string; ticket?: { ticketGuid: string; number: string; beginTime: string } } }) => {
            const t = body.ok ? (body.value?.ticket ?? body.value) : null;
            if (t?.ticketGuid) handed.push({ ticketGuid: t.ticketGuid.toLowerCase(), number: String(t.number), beginTime: String(t.beginTime) });
          })
          .catch(() => undefined);
      });
    };
    /** After a (re)attach: the page's clock on the virtual calendar, timers faked, page reloaded once. */
    const preparePage = async (): Promise<void> => {
      const page = k.attached!.page;
      watch(page);
      await page.clock.install({ time: virtualNow() + skew });
      await page.reload();
      await page.locator('.app:not([data-prerendered]) [data-testid="screen-welcome"]').waitFor({ timeout: 30_000 });
    };
    const page = (): Page => {
      if (!k.attached) throw new Interrupted('no kiosk page');
      return k.attached.page;
    };

    const cold = await k.start();
    recoveries.push({ kind: 'cold-start', session: 0, welcomeMs: cold.welcomeMs, reactMs: cold.reactMs, byItself: true });
    await preparePage();
    opts.progress(`kiosk up: Welcome ready ${cold.welcomeMs.toFixed(0)} ms after the process started (React's ${cold.reactMs} ms)`);

    const restartHost = async (session: number, why: string): Promise<ColdStart> => {
      const killedAt = Date.now();
      // What the dead process wrote since its clock last moved gets its virtual stamp first.
      let c: ColdStart | null = null;
      for (let attempt = 1; !c; attempt++) {
        try {
          c = await k.restart(() => stampVirtualMtimes([logsDir], offset + skew));
        } catch (err) {
          // The supervisor tries again (systemd would, up to its start limit); each failure is on record.
          events.push({ session, kind: 'stuck', detail: `kiosk process did not come back (attempt ${attempt}): ${err instanceof Error ? err.message : String(err)}` });
          if (attempt >= 3) throw new Error(`soak: the kiosk process did not come back after 3 restarts: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
      }
      // The new process was spawned `reactMs` before now: crash → spawn is the supervisor's part.
      const spawnedAfter = Date.now() - killedAt - c.reactMs;
      recoveries.push({ kind: 'host-restart', session, welcomeMs: spawnedAfter + c.welcomeMs, reactMs: spawnedAfter + c.reactMs, byItself: true });
      recoveries.push({ kind: 'cold-start', session, welcomeMs: c.welcomeMs, reactMs: c.reactMs, byItself: true });
      await preparePage();
      events.push({ session, kind: 'restart', detail: why });
      return c;
    };

    /** A renderer crash: does the kiosk bring Welcome back by itself within the bound? */
    const crashRenderer = async (session: number): Promise<boolean> => {
      const p = page();
      const crashedAt = Date.now();
      const cdp = await p.context().newCDPSession(p);
      void cdp.send('Page.crash').catch(() => undefined);
      const BOUND = 30_000;
      let back = false;
      while (Date.now() - crashedAt < BOUND) {
        await sleep(250);
        // A kiosk that relaunches its browser leaves a new profile with a DevTools port.
        const fresh = k.newestProfile(crashedAt + 1000);
        if (fresh && fresh !== k.attached?.profileDir) {
          try {
            await k.reattach(crashedAt + 1000);
            await k.attached!.page.locator('.app:not([data-prerendered]) [data-testid="screen-welcome"]').waitFor({ timeout: BOUND });
            back = true;
          } catch {
            /* not yet */
          }
          if (back) break;
        }
        const ok = await p.evaluate(() => Boolean((globalThis as unknown as PageGlobal).document.querySelector('.app:not([data-prerendered]) [data-testid="screen-welcome"]'))).catch(() => false);
        if (ok) {
          back = true;
          break;
        }
      }
      const ms = Date.now() - crashedAt;
      if (back) {
        recoveries.push({ kind: 'renderer-crash', session, welcomeMs: ms, reactMs: ms, byItself: true });
        if (k.attached?.page !== p) await preparePage();
        return true;
      }
      // Nothing brought it back: the screen stays blank. The soak (a person at the kiosk)
      // reloads the tab, and the session counts as stuck.
      recoveries.push({ kind: 'renderer-crash', session, welcomeMs: Number.NaN, reactMs: Number.NaN, byItself: false });
      events.push({ session, kind: 'stuck', detail: 'renderer crash not recovered by the kiosk' });
      await p.reload().catch(() => undefined);
      const ok = await p.locator('.app:not([data-prerendered]) [data-testid="screen-welcome"]').waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (!ok) await restartHost(session, 'renderer crash: the tab did not come back');
      return false;
    };

    // Every job the printer took, read once: a slip that lands after its session's end (the
    // first one of a run can) is counted with the next session's, never skipped.
    const slipsPrinter = printer;
    const readJobs = printedSlips(() => slipsPrinter.jobs(), ledger.prints);

    let day = -1;
    let mtimeStamped = 0;
    for (const s of plan) {
      // ---- a new virtual day: every clock to 08:00 of it ----
      if (s.day !== day) {
        day = s.day;
        const dayStart = virtualStart + day * DAY_MS;
        const before = offset;
        stampVirtualMtimes([slipsDir], offset + skew);
        offset = dayStart - Date.now();
        skew = 0;
        await fetch(`${simUrl}/__sim/now`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: iso(dayStart) }) }).then((r) => r.text());
        await k.setClock(offset);
        await page().clock.setSystemTime(dayStart).catch(() => undefined);
        timers.advance();
        if (day > 0) {
          const a = zoneOffsetMinutes(opts.tz, virtualStart + (day - 1) * DAY_MS);
          const b = zoneOffsetMinutes(opts.tz, dayStart);
          if (a !== b) {
            dst.push({ session: s.index, day, from: a, to: b });
            events.push({ session: s.index, kind: 'dst', detail: `${opts.tz} UTC${a >= 0 ? '+' : ''}${a / 60} → UTC${b >= 0 ? '+' : ''}${b / 60}` });
          }
        }
        events.push({ session: s.index, kind: 'day', detail: `day ${day + 1}` });
        void before;
      }

      // ---- windows: the printer's state and the MIS down ----
      const open = windowsAt(windows, s.index);
      const printerWindow = open.find((w) => w.kind !== 'mis-down');
      const misDown = open.some((w) => w.kind === 'mis-down');
      const status: VirtualStatus = printerWindow ? (printerWindow.kind === 'printer-offline' ? 'offline' : (printerWindow.kind as VirtualStatus)) : 'ok';
      printer.setStatus(status);
      for (const w of windows) if (w.from === s.index) count(w.kind, s.index);

      // ---- the MIS: seed state at the session's virtual time, before a booking ----
      if (books(s) || s.kind === 'error') await simPost('/__sim/reset', { now: iso(virtualNow()) });
      proxy.clear();
      if (misDown) proxy.fault({ path: MIS_ANY, mode: { kind: 'refuse', status: 503, body: GATEWAY_HTML }, times: 1e9 });
      const rules: Array<{ f: PlannedFault; rule: FaultRule }> = [];
      for (const f of s.faults) {
        const r = misRule(f, 3000);
        if (r) rules.push({ f, rule: proxy.fault({ ...r, times: 1 }) });
      }
      const before = await misTickets();
      const handedBefore = handed.length;
      const struck: string[] = [];
      /** Set when the screen stayed blank until the soak itself stepped in. */
      let stuckBy: string | null = null;

      // ---- faults at points of the flow ----
      const pointFaults = s.faults.filter((f) => f.at);
      const at = async (point: FaultPoint): Promise<void> => {
        for (const f of pointFaults.filter((x) => x.at === point)) {
          if (point === 'booking') await sleep(50 + ((s.index * 97) % 400));
          struck.push(f.kind);
          count(f.kind, s.index, point);
          switch (f.kind) {
            case 'clock-ntp': {
              skew += (f.sign ?? 1) * 5 * 60_000;
              await k.setClock(offset + skew);
              await page().clock.setSystemTime(virtualNow() + skew).catch(() => undefined);
              break;
            }
            case 'renderer-reload': {
              const reloadedAt = Date.now();
              await page().reload();
              await page().locator('.app:not([data-prerendered]) [data-testid="screen-welcome"]').waitFor({ timeout: 30_000 });
              const ms = Date.now() - reloadedAt;
              recoveries.push({ kind: 'renderer-reload', session: s.index, welcomeMs: ms, reactMs: ms, byItself: true });
              throw new Interrupted('renderer reloaded');
            }
            case 'renderer-crash':
              if (!(await crashRenderer(s.index))) stuckBy = 'a crashed renderer the kiosk never replaced';
              throw new Interrupted('renderer crashed');
            case 'host-restart':
              await restartHost(s.index, `crash at ${point}`);
              throw new Interrupted('host restarted');
          }
        }
      };

      // A kiosk that is not there (a restart that failed) is brought back before the patient comes.
      if (!k.attached) {
        await restartHost(s.index, 'kiosk down at the start of a session');
        stuckBy = 'the kiosk was down when the patient came';
      }
      const t0 = Date.now();
      const rec: SessionRecord = {
        index: s.index,
        day: s.day,
        via: s.via,
        kind: s.kind,
        patient: s.patient,
        faults: struck,
        windows: open.map((w) => w.kind),
        outcome: 'unknown',
        intents: 0,
        misCreated: [],
        misCancelled: [],
        shown: [],
        listedLater: {},
        unshownReason: null,
        returnedToWelcome: true,
        welcomeMs: null,
        boundMs: 0,
        errorBoundary: 0,
        printerOk: !printerWindow || printerWindow.kind === 'paper-near-end',
        durationMs: 0,
        notes: [],
      };
      if (s.via === 'screens') {
        const r = await runScreenSession(page(), s, timings, {
          at,
          fastForward: (ms) => page().clock.fastForward(ms),
          page,
        });
        rec.outcome = r.outcome;
        rec.intents = r.intents;
        rec.returnedToWelcome = r.returnedToWelcome && stuckBy === null;
        rec.welcomeMs = r.welcomeMs;
        rec.boundMs = r.boundMs;
        if (stuckBy) {
          rec.notes.push(stuckBy);
          rec.boundMs = 30_000;
        }
        rec.errorBoundary = r.errorBoundary;
        rec.notes.push(...r.notes);
        if (r.interrupted) rec.notes.push(`interrupted: ${r.interrupted}`);
        // Give late answers a moment to land in the watcher.
        await sleep(50);
        const got = handed.slice(handedBefore);
        for (const scr of r.screens) {
          const norm = (x: string) => x.replace(/[^0-9A-Za-zА-Яа-я.]/g, '');
          const t = got.find((g) => norm(scr.number).includes(norm(g.number)));
          if (!t) {
            rec.notes.push(`ticket screen ${scr.number} matches no booking answer`);
            continue;
          }
          const dt = readTicketDateTime(scr.datetime);
          const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(t.beginTime);
          const shown: ShownTicket = {
            ticketGuid: t.ticketGuid,
            time: dt?.time ?? null,
            date: dt && m ? `${m[1]}-${String(dt.month).padStart(2, '0')}-${String(dt.day).padStart(2, '0')}` : null,
          };
          rec.shown.push(shown);
        }
        if (!r.returnedToWelcome) {
          events.push({ session: s.index, kind: 'stuck', detail: r.outcome });
          // Whatever is on the screen, the next patient needs Welcome: the tab is reloaded.
          await page().reload().catch(() => undefined);
          await page().locator('.app:not([data-prerendered]) [data-testid="screen-welcome"]').waitFor({ timeout: 30_000 }).catch(() => restartHost(s.index, 'stuck screen'));
        }
      } else {
        const r = await runBridgeSession(page, s, { at });
        rec.outcome = r.outcome;
        rec.intents = r.intents;
        rec.shown = r.shown;
        rec.notes.push(...r.notes);
        if (r.interrupted && k.attached) await call(page(), 'endSession').catch(() => undefined);
      }
      rec.durationMs = Date.now() - t0;
      for (const { f, rule } of rules) {
        if (rule.times === 0) {
          struck.push(f.kind);
          count(f.kind, s.index, f.target);
        }
      }
      proxy.clear();
      if (misDown) proxy.fault({ path: MIS_ANY, mode: { kind: 'refuse', status: 503, body: GATEWAY_HTML }, times: 1e9 });

      // ---- what the MIS holds now ----
      const after = await misTickets();
      const diff = diffMis(before, after);
      rec.misCreated = diff.created;
      rec.misCancelled = diff.cancelled;
      const unshown = diff.created.filter((v) => v.status === 'Active' && !rec.shown.some((t) => t.ticketGuid === v.ticketGuid));
      if (unshown.length) {
        rec.unshownReason = [...new Set(struck)].join('+') || rec.outcome;
        // The patient comes back (the MIS up again) and opens «Мои записи».
        proxy.clear();
        const p = PATIENTS[s.patient];
        try {
          await call(page(), 'endSession');
          const id = await call(page(), 'identify', { policy: p.policy, birthDate: `${p.year}-${p.month}-${p.day}` });
          const list = id.ok ? await call<Array<{ ticketGuid: string }>>(page(), 'listAppointments') : null;
          const listed = new Set(list?.ok ? list.value.map((t) => t.ticketGuid.toLowerCase()) : []);
          for (const v of unshown) rec.listedLater[v.ticketGuid] = listed.has(v.ticketGuid);
          await call(page(), 'endSession');
        } catch (err) {
          rec.notes.push(`follow-up: ${err instanceof Error ? err.message : String(err)}`);
          for (const v of unshown) rec.listedLater[v.ticketGuid] = false;
        }
        if (misDown) proxy.fault({ path: MIS_ANY, mode: { kind: 'refuse', status: 503, body: GATEWAY_HTML }, times: 1e9 });
      }

      // ---- what the printer printed ----
      readJobs(s.index);
      rec.printerOk = rec.printerOk && !struck.some((f) => f === 'host-restart' || f === 'renderer-crash' || f === 'renderer-reload');
      ledger.sessions.push(rec);

      // ---- logs: render errors and tokens ----
      for (const t of proxy.tokens.splice(0)) tokens.add(t);
      const scan = logs.scan(tokens);
      ledger.rendererErrorsInLogs += scan.rendererErrors;
      ledger.tokensInLogs += scan.tokensFound;
      mtimeStamped += stampVirtualMtimes([slipsDir], offset + skew);

      // ---- resources ----
      const done = s.index + 1;
      if (done % opts.sampleEvery === 0 || done === 1 || done === plan.length) {
        samples.push(await takeSample(k, k.attached?.page ?? null, { session: done, t: (Date.now() - began) / 1000, day: s.day }));
      }
      if (opts.heapAt?.includes(done) && opts.heapDir && k.attached) {
        mkdirSync(opts.heapDir, { recursive: true });
        const file = path.join(opts.heapDir, `renderer-${done}.heapsnapshot`);
        await writeHeapSnapshot(k.attached.page, file).then(
          () => opts.progress(`heap snapshot: ${file}`),
          (err: unknown) => opts.progress(`heap snapshot at ${done} failed: ${err instanceof Error ? err.message : String(err)}`),
        );
      }
      const breaches = ledgerBreachesSoFar(ledger);
      const elapsed = Date.now() - began;
      const eta = (elapsed / done) * (plan.length - done);
      opts.progress(
        `${done}/${plan.length} sessions (day ${s.day + 1}), faults ${Object.values(faults).reduce((a, b) => a + b, 0)}, breaches ${breaches}, ` +
          `elapsed ${fmtMin(elapsed)}, ETA ${fmtMin(eta)} — #${s.index} ${s.via}/${s.kind}${s.patient !== 'P1' ? `/${s.patient}` : ''}: ${rec.outcome}${struck.length ? ` [${struck.join(',')}]` : ''}`,
      );
    }
    void mtimeStamped;
    // The last session's late slips.
    await sleep(1000);
    readJobs(plan.length - 1);
  } finally {
    pageTime.forward = null;
    await kiosk?.stop().catch(() => undefined);
    await printer?.close().catch(() => undefined);
    await proxy?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    timers.uninstall();
    if (!opts.keepWorkDir) rmSync(work, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
  }
  const kinds: Record<string, number> = {};
  for (const s of plan) kinds[`${s.via}/${s.kind}`] = (kinds[`${s.via}/${s.kind}`] ?? 0) + 1;
  const { progress: _progress, ...options } = opts;
  void _progress;
  return {
    options,
    planned: { screens: plan.filter((s) => s.via === 'screens').length, bridge: plan.filter((s) => s.via === 'bridge').length, kinds },
    ledger,
    samples,
    recoveries,
    faults,
    windows,
    events,
    days: Math.ceil(plan.length / opts.perDay),
    dst,
    wallMs: Date.now() - began,
    config: used.config,
  };
}

function fmtMin(ms: number): string {
  const total = Math.round(ms / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/** A cheap running count for the progress line (the full check runs at the end). */
function ledgerBreachesSoFar(l: Ledger): number {
  let n = 0;
  for (const s of l.sessions) {
    if (s.via === 'screens' && !s.returnedToWelcome) n++;
    if (s.errorBoundary > 0) n++;
    for (const v of s.misCreated) if (v.status === 'Active' && !s.shown.some((t) => t.ticketGuid === v.ticketGuid) && !s.listedLater[v.ticketGuid]) n++;
    if (s.misCreated.filter((v) => v.status !== 'Cancelled').length > s.intents) n++;
  }
  return n + (l.tokensInLogs > 0 ? 1 : 0);
}
