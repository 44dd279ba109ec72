// `npm run bench`: performance numbers, printed, not asserted. Everything runs on loopback:
// the simulator, the core behind the browser host's HTTP bridge, the ESC/POS encoder and the
// virtual printer's decoder and PNG renderer.
import { readdirSync, statSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createKioskCore } from '../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../electron/core/config/schema';
import { startDemoBackends } from '../electron/demo/demo-backends';
import { silentLogger } from '../electron/core/ports';
import { startBrowserHost } from '../electron/host/browser-host';
import { encodeSlip, resolveProfile } from '../electron/printing';
import { sampleSlip } from '../electron/printing/sample-slips';
import { CHROMIUM_FLAGS } from '../electron/host/chromium-flags';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const ITER = Number(process.env.BENCH_ITER ?? 40);

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!.toFixed(2);
  return `p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${s.at(-1)!.toFixed(2)} ms (n=${s.length})`;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-bench-'));
  const demo = await startDemoBackends(KioskConfigSchema.parse({ demo: true }), path.join(tmp, 'slips'));
  const core = await createKioskCore(demo.config, { log: silentLogger, userDataDir: tmp });
  const d = core.dispatcher;
  const rows: Record<string, number[]> = { identify: [], listReferrals: [], listSchedule: [], book: [], printTicket: [], flow: [] };
  const reset = () => fetch(`${demo.simulatorUrl}/__sim/reset`, { method: 'POST', body: '{}' });

  for (let i = 0; i < ITER; i++) {
    await reset();
    const t0 = performance.now();
    const [a] = await time(() => d('identify', { policy: '5000000000000001', birthDate: '1980-01-15' }));
    const [b, refs] = await time(() => d('listReferrals', {}));
    const ref = (refs as { value: Array<{ guid: string; bookable: boolean }> }).value.find((r) => r.guid.endsWith('101'))!;
    const lpu = '3c1e7b2a-0000-4000-8000-000000000002';
    const [c, sch] = await time(() => d('listSchedule', { referralGuid: ref.guid, lpuGuid: lpu }));
    const res = (sch as { value: Array<{ resourceGuid: string; days: Array<{ date: string; slots: Array<{ time: string }> }> }> }).value.find((r) => r.days.length)!;
    const [e, t] = await time(() =>
      d('book', { referralGuid: ref.guid, lpuGuid: lpu, resourceGuid: res.resourceGuid, date: res.days[0]!.date, time: res.days[0]!.slots[0]!.time }),
    );
    const ticketGuid = (t as { value: { ticketGuid: string } }).value.ticketGuid;
    const [f] = await time(() => d('printTicket', { ticketGuid, reprint: false }));
    rows.identify!.push(a); rows.listReferrals!.push(b); rows.listSchedule!.push(c); rows.book!.push(e); rows.printTicket!.push(f);
    rows.flow!.push(performance.now() - t0);
    await d('endSession', {});
  }
  console.log(`Core through the dispatcher against the simulator (loopback), ${ITER} patients:`);
  for (const [k, v] of Object.entries(rows)) console.log(`  ${k.padEnd(14)} ${stats(v)}`);

  const dist = path.resolve('dist/renderer');
  try {
    const host = await startBrowserHost({ dispatcher: d, rendererDir: dist });
    const callUrl = `${host.origin}/__kiosk/call/kioskInfo`;
    // Redeem a one-time launch code for the renderer cookie, the way the kiosk's browser does.
    const launched = await fetch(host.issueLaunchUrl(), { redirect: 'manual' });
    const cookie = (launched.headers.get('set-cookie') ?? '').split(';')[0]!;
    const hostMs: number[] = [];
    for (let i = 0; i < 300; i++) {
      const [ms] = await time(() => fetch(callUrl, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Kiosk-Bridge': '1', Cookie: cookie }, body: '{}' }).then((r) => r.text()));
      hostMs.push(ms);
    }
    console.log(`Browser host HTTP bridge round trip (kioskInfo): ${stats(hostMs)}`);
    if (existsSync('/usr/bin/chromium')) {
      // What a patient waits for after the kiosk restarts: the Welcome screen, ready to touch.
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] });
      const firstScreen: number[] = [];
      for (let i = 0; i < 10; i++) {
        const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
        const [ms] = await time(async () => {
          await page.goto(host.issueLaunchUrl());
          await page.getByTestId('screen-welcome').waitFor();
        });
        firstScreen.push(ms);
        await page.close();
      }
      await browser.close();
      console.log(`Renderer load to the Welcome screen (Chromium, fresh page): ${stats(firstScreen)}`);
    }
    await host.close();
    let js = 0, gz = 0, css = 0;
    for (const f of readdirSync(path.join(dist, 'assets'))) {
      const p = path.join(dist, 'assets', f);
      if (f.endsWith('.js')) { js += statSync(p).size; gz += gzipSync(readFileSync(p)).length; }
      if (f.endsWith('.css')) css += statSync(p).size;
    }
    console.log(`Renderer bundle: JS ${(js / 1024).toFixed(1)} KiB (${(gz / 1024).toFixed(1)} KiB gzip), CSS ${(css / 1024).toFixed(1)} KiB`);
  } catch {
    console.log('Renderer not built (npm run build): host and bundle numbers skipped.');
  }

  for (const profile of ['epson-tm-t20', 'generic-58'] as const) {
    const p = resolveProfile({ profile });
    const slip = sampleSlip();
    const enc: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 500; i++) {
      const [ms, b] = await time(async () => encodeSlip(slip, p));
      enc.push(ms);
      bytes = b.length;
    }
    console.log(`ESC/POS encode, ${profile}: ${bytes} bytes per slip, ${stats(enc)}`);
  }
  await core.close();
  await demo.close();
  rmSync(tmp, { recursive: true, force: true });
}

void main();
