// The renderer in Debian's Chromium: Welcome against a blank page, and a patient tapping
// through a booking, timed inside the page by PAGE_PROBE.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS } from '../../electron/host/chromium-flags';
import type { RunningBrowserHost } from '../../electron/host/browser-host';
import { PLAIN_TEXT, mimeFor, responseHeaders } from '../../electron/core/serving';
import { PAGE_PROBE } from './page-probe';
import { summarize, within, type Summary } from './stats';

const VIEWPORT = { width: 1080, height: 1920 };
const WAIT_MS = 10_000;

/** Debian's Chromium with the kiosk's flags, for both the throwaway and the on-disk profile. */
const CHROMIUM = { executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] };

export async function launchChromium(): Promise<Browser> {
  return chromium.launch(CHROMIUM);
}

/**
 * A blank page with a root the probe recognises, behind the same kind of 303 the launch URL
 * makes and with the same response headers as the kiosk's host (its
 * Cross-Origin-Opener-Policy alone puts each navigation in a new renderer process, ~190 ms
 * here), so both navigations differ only in what the kiosk's page does.
 */
async function startBlankServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    if (req.url === '/go') {
      res.writeHead(303, { ...responseHeaders(PLAIN_TEXT), Location: '/' });
      return void res.end();
    }
    res.writeHead(200, responseHeaders(mimeFor('index.html')));
    res.end('<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>blank</title></head><body><section data-testid="screen-blank">Запись к врачу</section></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/go`,
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

export interface FirstScreen {
  welcome: Summary;
  blank: Summary;
  welcomeInPage: Summary;
  blankInPage: Summary;
  welcomeFonts: Summary;
  /** Welcome with React's own Welcome in place of the prerendered one. */
  welcomeReact: Summary;
  /** The very first Welcome in the fresh profile: nothing cached, no V8 code cache yet. */
  coldWelcome: number;
  coldBlank: number;
}

/**
 * One fresh page per navigation, Welcome and blank alternating so load hits both alike. The
 * profile is on disk (`profileDir`, new and empty), as the kiosk's is under both hosts
 * (Electron's session, the browser host's --user-data-dir), not Playwright's default
 * off-the-record context: Chromium keeps no V8 code cache off the record, so every load there
 * would compile the bundle afresh, which no kiosk does after its first start. The first,
 * cold load of each page is reported apart.
 */
export async function measureFirstScreen(profileDir: string, host: RunningBrowserHost, rounds: number): Promise<FirstScreen> {
  const blankServer = await startBlankServer();
  const context = await chromium.launchPersistentContext(profileDir, { ...CHROMIUM, viewport: VIEWPORT });
  await context.addInitScript({ content: PAGE_PROBE });
  const wall = { welcome: [] as number[], blank: [] as number[] };
  const inPage = { welcome: [] as number[], blank: [] as number[] };
  const cold = { welcome: Number.NaN, blank: Number.NaN };
  const fonts: number[] = [];
  const react: number[] = [];
  try {
    // Round 0 is the cold start (and warms Chromium's renderer processes): reported, not counted.
    for (let i = 0; i <= rounds; i++) {
      for (const kind of i % 2 ? (['blank', 'welcome'] as const) : (['welcome', 'blank'] as const)) {
        const page = await context.newPage();
        const url = kind === 'welcome' ? host.issueLaunchUrl() : blankServer.url;
        const t0 = performance.now();
        await page.goto(url, { waitUntil: 'commit', timeout: WAIT_MS });
        const ready = await within(WAIT_MS, page.evaluate('window.__bench.ready') as Promise<number>, `${kind} ready`);
        const t1 = performance.now();
        if (i === 0) cold[kind] = t1 - t0;
        else {
          wall[kind].push(t1 - t0);
          inPage[kind].push(ready);
          if (kind === 'welcome') {
            fonts.push(await within(WAIT_MS, page.evaluate('window.__bench.fonts') as Promise<number>, 'fonts'));
            react.push(await within(WAIT_MS, page.evaluate('window.__bench.react') as Promise<number>, 'React'));
          }
        }
        await page.close();
      }
    }
  } finally {
    await context.close();
    await blankServer.close();
  }
  return {
    welcome: summarize(wall.welcome),
    blank: summarize(wall.blank),
    welcomeInPage: summarize(inPage.welcome),
    blankInPage: summarize(inPage.blank),
    welcomeFonts: summarize(fonts),
    welcomeReact: summarize(react),
    coldWelcome: cold.welcome,
    coldBlank: cold.blank,
  };
}

export interface FlowDeps {
  host: RunningBrowserHost;
  /** Puts the MIS back to its seed (the booking used referral 101 and its first cell). */
  resetMis(): Promise<void>;
  /** MIS requests seen so far at the counting proxy. */
  misCalls(): number;
  /** The health monitor's own MIS probes so far (not part of any booking). */
  probes(): number;
}

export interface Split {
  before: number;
  bridge: number;
  after: number;
  calls: number;
}

export interface TapResult {
  steps: Record<string, number[]>;
  splits: Record<string, Split[]>;
  floor: number[];
  misCallsPerBooking: number[];
  /** Health probes seen while the counted bookings ran. */
  probes: number;
}

const PATIENT = { policy: '5000000000000001', day: '15', month: '01', year: '1980' };
const REFERRAL = 'referral-5b0c8f0e-0000-4000-8000-000000000101';
const CARDIOLOGIST = 'resource-a1f0c6d2-0000-4000-8000-0000000000d1';

async function tap(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().click({ timeout: WAIT_MS });
}
const byId = (id: string) => `[data-testid="${id}"]`;
async function screen(page: Page, name: string): Promise<void> {
  await page.locator(byId(`screen-${name}`)).waitFor({ timeout: WAIT_MS });
}

/** `bookings` patients book the cardiologist by referral 101 on one kiosk page, as in the lobby. */
export async function measureTaps(browser: Browser, deps: FlowDeps, bookings: number, floorTaps: number): Promise<TapResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: PAGE_PROBE });
  const page = await context.newPage();
  const steps: Record<string, number[]> = {};
  const splits: Record<string, Split[]> = {};
  const misCallsPerBooking: number[] = [];
  let probes = 0;
  try {
    await page.goto(deps.host.issueLaunchUrl(), { timeout: WAIT_MS });
    await screen(page, 'welcome');
    for (let i = 0; i <= bookings; i++) {
      await deps.resetMis();
      const before = deps.misCalls();
      const probesBefore = deps.probes();
      await tap(page, byId('start'));
      await screen(page, 'identify');
      await tap(page, byId('field-policy'));
      for (const d of PATIENT.policy) await tap(page, byId(`key-${d}`));
      // Day and year on the keypad; the month is picked by name, as a patient does.
      await tap(page, byId('field-birth-day'));
      for (const d of PATIENT.day) await tap(page, byId(`key-${d}`));
      await tap(page, byId('field-birth-month'));
      await tap(page, byId(`month-${PATIENT.month}`));
      await tap(page, byId('field-birth-year'));
      for (const d of PATIENT.year) await tap(page, byId(`key-${d}`));
      await tap(page, byId('identify-submit'));
      await screen(page, 'referrals');
      await tap(page, byId(REFERRAL));
      await screen(page, 'resources');
      await tap(page, byId(CARDIOLOGIST));
      await screen(page, 'days');
      await tap(page, '[data-testid^="day-"]:not([disabled])');
      await screen(page, 'times');
      await tap(page, '[data-testid^="time-"]:not([disabled])');
      await screen(page, 'confirm');
      await tap(page, byId('confirm-book'));
      await screen(page, 'ticket');
      await page.locator(byId('print-status')).filter({ hasText: /возьмите талон/i }).waitFor({ timeout: WAIT_MS });
      const calls = deps.misCalls() - before;
      await tap(page, byId('done'));
      await screen(page, 'welcome');
      const taps = await within(WAIT_MS, page.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => {
        const t = window.__bench.taps.splice(0);
        r(t);
      })))`) as Promise<Array<{ from: string; to: string; ms: number; split: Split | null }>>, 'tap records');
      // The first patient warms the JIT and the lazy chunks; not counted.
      if (i === 0) continue;
      misCallsPerBooking.push(calls);
      probes += deps.probes() - probesBefore;
      for (const t of taps) {
        (steps[`${t.from} → ${t.to}`] ??= []).push(t.ms);
        if (t.split) (splits[`${t.from} → ${t.to}`] ??= []).push(t.split);
      }
    }
    await page.evaluate('window.__bench.floorMode = true');
    for (let i = 0; i < floorTaps; i++) await tap(page, '.welcome-title');
    const floor = await within(WAIT_MS, page.evaluate(`new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r(window.__bench.floor)))))`) as Promise<number[]>, 'floor');
    return { steps, splits, floor, misCallsPerBooking, probes };
  } finally {
    await context.close();
  }
}
