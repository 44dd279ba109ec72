// `npm run bench [-- --check]`: how fast the kiosk feels, in one run, everything on loopback
// (MIS simulator behind a counting proxy, core, browser host, virtual printer, Debian Chromium):
// - Welcome ready to touch against a blank page in the same Chromium (ratio of the p50s);
// - tap → next screen painted for every step of a booking, timed inside the page, p50/p95,
//   with the two-frame floor of that measurement;
// - MIS requests per booking, counted at the proxy;
// - heap after GC and RSS over 500 sessions through the core, in a process of its own;
// - slip encoding and printing.
// `--check` compares the figures with bench/budgets.json and exits 1 when one is over.
// Timings are noisy on a shared machine: this is not part of `npm test`.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createKioskCore } from '../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../electron/core/config/schema';
import { silentLogger } from '../electron/core/ports';
import { startBrowserHost, type RunningBrowserHost } from '../electron/host/browser-host';
import { encodeSlip, resolveProfile } from '../electron/printing';
import { sampleSlip } from '../electron/printing/sample-slips';
import { startVirtualPrinter } from '../electron/printing/virtual/server';
import { startFaultProxy } from '../simulator/fault-proxy';
import { startSimulator } from '../simulator/server';
import type { Browser } from '@playwright/test';
import { launchChromium, measureFirstScreen, measureTaps, type FlowDeps } from './bench/browser';
import { checkBudgets, formatCheck, loadBudgets } from './bench/budgets';
import { runMemoryChild } from './bench/memory';
import { fmt, slope, summarize } from './bench/stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 12);
// 20, so p95 is the 19th sample (stats.ts), not the slowest one.
const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 20);
const FLOOR_TAPS = 30;
/** `--samples`: every tap's samples and, for steps with bridge calls, their splits too. */
const SAMPLES = process.argv.includes('--samples');
const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
/** Steps whose screen change waits for an MIS answer; every other step must be a frame away. */
const MIS_STEPS = new Set(['identify → referrals', 'referrals → resources', 'referrals → clinics', 'clinics → resources', 'confirm → ticket']);
const MIS_PATH = /^\/(?!__sim\/)/;
/**
 * The health monitor's periodic MIS probe (every `health.intervalSeconds` while no patient
 * session is open) is not part of a booking: it is counted apart, and said, not hidden.
 */
const PROBE_PATH = /^\/api\/v2\/settings\/clientApplication\//;
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function bundle(dist: string): string {
  const assets = path.join(dist, 'assets');
  let js = 0, gz = 0, css = 0;
  for (const f of readdirSync(assets)) {
    const p = path.join(assets, f);
    if (f.endsWith('.js')) { js += statSync(p).size; gz += gzipSync(readFileSync(p)).length; }
    if (f.endsWith('.css')) css += statSync(p).size;
  }
  // What Welcome needs before it can paint: the scripts and styles index.html names.
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  let first = 0;
  for (const m of html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)) first += statSync(path.join(dist, m[1]!)).size;
  return `JS ${(js / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip), CSS ${(css / 1024).toFixed(1)} KiB; loaded before Welcome: ${(first / 1024).toFixed(1)} KiB`;
}

type Figures = Record<string, number>;

async function firstScreenPart(profileDir: string, host: RunningBrowserHost, figures: Figures): Promise<void> {
  const first = await measureFirstScreen(profileDir, host, ROUNDS);
  figures.welcomeVsBlank = first.welcome.p50 / first.blank.p50;
  console.log(`\nFirst screen, fresh page per navigation (goto → painted, as the test driver sees it), ${ROUNDS} each,`);
  console.log(`in a profile on disk as the kiosk's; the blank page is served with the host's headers:`);
  console.log(`  first load in the fresh profile (cold, not counted): blank ${first.coldBlank.toFixed(1)} ms, Welcome ${first.coldWelcome.toFixed(1)} ms`);
  console.log(`  blank page        ${fmt(first.blank)}`);
  console.log(`  Welcome           ${fmt(first.welcome)}   → ${figures.welcomeVsBlank.toFixed(2)}× blank (p50)`);
  console.log(`  in the page, from navigation start: blank ${fmt(first.blankInPage)}; Welcome ${fmt(first.welcomeInPage)}`);
  console.log(`  Welcome with its fonts loaded (in the page): ${fmt(first.welcomeFonts)}`);
  console.log(`  React's Welcome in place of the prerendered one (in the page): ${fmt(first.welcomeReact)}`);
}

async function tapsPart(browser: Browser, deps: FlowDeps, figures: Figures): Promise<void> {
  const taps = await measureTaps(browser, deps, BOOKINGS, FLOOR_TAPS);
  const floor = summarize(taps.floor);
  console.log(`\nTap → next screen painted (pointerdown → root in the DOM → two frames), ${BOOKINGS} bookings:`);
  console.log(`  two-frame floor         ${fmt(floor)}`);
  let worstFree = Number.NaN;
  for (const [step, ms] of Object.entries(taps.steps)) {
    const s = summarize(ms);
    const mis = MIS_STEPS.has(step);
    const over = s.p95 - floor.p95;
    if (!mis) worstFree = Number.isNaN(worstFree) ? over : Math.max(worstFree, over);
    console.log(`  ${step.padEnd(24)}${fmt(s)}${mis ? '   (MIS)' : `   floor +${over.toFixed(1)} ms`}`);
    if (SAMPLES) console.log(`  ${''.padEnd(24)}samples: ${[...ms].sort((a, b) => a - b).map((x) => x.toFixed(0)).join(' ')}`);
    const sp = taps.splits[step];
    if (SAMPLES && sp) console.log(`  ${''.padEnd(24)}splits: ${sp.map((x) => `${x.before.toFixed(0)}/${x.bridge.toFixed(0)}/${x.after.toFixed(0)}`).join(' ')}`);
    if (mis && sp?.length) {
      const p50 = (k: 'before' | 'bridge' | 'after') => summarize(sp.map((x) => x[k])).p50.toFixed(1);
      console.log(`  ${''.padEnd(24)}p50: tap → 1st bridge call ${p50('before')} ms, ${sp[0]!.calls} bridge call(s) ${p50('bridge')} ms, last answer → painted ${p50('after')} ms`);
    }
  }
  figures.misFreeStepOverFloorMs = worstFree;
  figures.identifyToReferralsP95Ms = summarize(taps.steps['identify → referrals'] ?? []).p95;
  figures.misCallsPerBooking = taps.misCallsPerBooking.length ? Math.max(...taps.misCallsPerBooking) : Number.NaN;
  console.log(`  MIS requests per booking (at the proxy): ${[...new Set(taps.misCallsPerBooking)].join(', ')}; health probes during the ${BOOKINGS} bookings, not counted in them: ${taps.probes}`);
}

async function corePart(simUrl: string, printerPort: number, figures: Figures): Promise<void> {
  let mem;
  try {
    // 500 sessions take about a minute on an idle 2-core machine; the cap is for a loaded one.
    mem = await runMemoryChild({ simUrl, printerPort, sessions: SESSIONS }, 540_000);
  } catch (err) {
    // The other figures still get printed and checked; this one shows as not measured.
    console.log(`\nCore sessions: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  const heap = mem.checkpoints.map((c) => [c.sessions, c.heapMB] as const);
  const rss = mem.checkpoints.map((c) => [c.sessions, c.rssMB] as const);
  figures.heapGrowthPer100SessionsMB = slope(heap) * 100;
  console.log(`\nCore alone, ${SESSIONS} sessions (identify → referrals → schedule → book → print → end), own process:`);
  console.log(`  heap after GC, MB: ${heap.map(([n, v]) => `${n}: ${v.toFixed(2)}`).join(', ')}  → ${figures.heapGrowthPer100SessionsMB.toFixed(3)} MB per 100 sessions`);
  console.log(`  RSS, MB:           ${rss.map(([n, v]) => `${n}: ${v.toFixed(1)}`).join(', ')}  → ${(slope(rss) * 100).toFixed(2)} MB per 100 sessions`);
  console.log(`  whole session     ${fmt(summarize(mem.session))}`);
  console.log(`  printTicket (encode + TCP to the virtual printer + its status) ${fmt(summarize(mem.print))}`);
}

function slipPart(): void {
  for (const profile of ['epson-tm-t20', 'generic-58'] as const) {
    const p = resolveProfile({ profile });
    const slip = sampleSlip();
    const enc: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      bytes = encodeSlip(slip, p).length;
      enc.push(performance.now() - t0);
    }
    console.log(`ESC/POS encode, ${profile}: ${bytes} bytes per slip, ${fmt(summarize(enc.slice(20)))}`);
  }
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  // `--only=first,taps,core,slip`: one part, for a before/after of one change.
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const run = (part: string) => !only || only.includes(part);
  const started = performance.now();
  const budgets = loadBudgets(path.resolve('bench/budgets.json'));
  const dist = path.resolve('dist/renderer');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.error('bench: the renderer is not built; run `npm run build` first.');
    return 2;
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.error('bench: /usr/bin/chromium is missing (scripts/setup.sh installs it).');
    return 2;
  }
  const figures: Figures = {};
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-bench-'));
  const sim = await startSimulator({ port: 0, quiet: true });
  const proxy = await startFaultProxy(sim.url);
  const printer = await startVirtualPrinter({ port: 0, outDir: path.join(tmp, 'slips'), quiet: true });
  const config = KioskConfigSchema.parse({
    kioskId: 'BENCH-01',
    api: { baseUrl: proxy.url, timeoutMs: 5000, retries: 1 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printer.port, timeoutMs: 3000 } },
    // The driver taps the same key faster than a hand can: the tremor guards would take a
    // policy's «0000» for bounces (e2e/support/stack.ts turns them off the same way).
    touch: { repeatGuardMs: 0, pickerGuardMs: 0, spillGuardMs: 0 },
  });
  const core = await createKioskCore(config, { log: silentLogger, userDataDir: path.join(tmp, 'core') });
  const host = await startBrowserHost({ dispatcher: core.dispatcher, rendererDir: dist, onNewRenderer: () => core.endSession() });
  const resetMis = async () => {
    const r = await fetch(`${sim.url}/__sim/reset`, { method: 'POST', body: '{}' });
    await r.text();
  };
  const browser = await launchChromium();
  try {
    console.log(`Renderer bundle: ${bundle(dist)}`);

    if (run('first')) await firstScreenPart(path.join(tmp, 'profile'), host, figures);
    if (run('taps')) await tapsPart(browser, { host, resetMis, misCalls: () => HTTP_METHODS.reduce((n, m) => n + proxy.count(m, MIS_PATH), 0) - proxy.count('GET', PROBE_PATH), probes: () => proxy.count('GET', PROBE_PATH) }, figures);
  } finally {
    await browser.close();
    await host.close();
    await core.close();
  }

  try {
    if (run('core')) await corePart(sim.url, printer.port, figures);
  } finally {
    await printer.close();
    await proxy.close();
    await sim.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  if (run('slip')) slipPart();
  console.log(`\n[${((performance.now() - started) / 1000).toFixed(0)} s in all]`);

  const lines = checkBudgets(figures, budgets);
  console.log(`\nBudgets (bench/budgets.json):\n${formatCheck(lines)}`);
  if (check && lines.some((l) => !l.ok)) {
    console.log('\nbench --check: over budget.');
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(2);
  },
);
