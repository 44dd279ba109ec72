// Run by scripts/bench/memory.ts as `node --expose-gc --import tsx`: the kiosk core alone in
// its own process (the simulator and printer live in the parent, so their state is not counted),
// `SESSIONS` patients through identify → referrals → schedule → book → print → end, with the
// heap after a full GC and the RSS every 100 sessions. One JSON line on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKioskCore } from '../../electron/compose/kiosk-core';
import { KioskConfigSchema } from '../../electron/core/config/schema';
import { silentLogger } from '../../electron/core/ports';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 500);
const WARMUP = 20;
const EVERY = 100;
const LPU2 = '3c1e7b2a-0000-4000-8000-000000000002';

type Env = { ok: true; value: unknown } | { ok: false; error: { kind: string; message: string } };

async function fullGc(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Twice, with a turn of the event loop between: finalizers and weak callbacks run in between.
  gc();
  await new Promise((r) => setImmediate(r));
  gc();
}

async function main(): Promise<void> {
  const simUrl = process.env.BENCH_SIM_URL!;
  const printerPort = Number(process.env.BENCH_PRINTER_PORT);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'infomat-bench-mem-'));
  const config = KioskConfigSchema.parse({
    kioskId: 'BENCH-MEM',
    api: { baseUrl: simUrl, timeoutMs: 5000, retries: 1 },
    printer: { transport: { type: 'tcp', host: '127.0.0.1', port: printerPort, timeoutMs: 3000 } },
  });
  const core = await createKioskCore(config, { log: silentLogger, userDataDir: tmp });
  const d = core.dispatcher;
  const call = async (method: string, input: object): Promise<unknown> => {
    const r = (await d(method, input)) as Env;
    if (!r.ok) throw new Error(`${method}: ${r.error.kind} ${r.error.message}`);
    return r.value;
  };
  const print: number[] = [];
  const session: number[] = [];
  const checkpoints: Array<{ sessions: number; heapMB: number; rssMB: number }> = [];
  try {
    for (let i = 0; i < WARMUP + SESSIONS; i++) {
      const measured = i - WARMUP;
      if (measured >= 0 && measured % EVERY === 0) {
        await fullGc();
        const m = process.memoryUsage();
        checkpoints.push({ sessions: measured, heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 });
      }
      const reset = await fetch(`${simUrl}/__sim/reset`, { method: 'POST', body: '{}' });
      await reset.text();
      const t0 = performance.now();
      await call('identify', { policy: '5000000000000001', birthDate: '1980-01-15' });
      const refs = (await call('listReferrals', {})) as Array<{ guid: string }>;
      const ref = refs.find((r) => r.guid.endsWith('101'))!;
      const sch = (await call('listSchedule', { referralGuid: ref.guid, lpuGuid: LPU2 })) as Array<{
        resourceGuid: string;
        days: Array<{ date: string; slots: Array<{ time: string }> }>;
      }>;
      const res = sch.find((r) => r.days.length > 0)!;
      const day = res.days[0]!;
      const ticket = (await call('book', { referralGuid: ref.guid, lpuGuid: LPU2, resourceGuid: res.resourceGuid, date: day.date, time: day.slots[0]!.time })) as { ticketGuid: string };
      const tp = performance.now();
      const printed = (await call('printTicket', { ticketGuid: ticket.ticketGuid, again: false, language: 'ru' })) as { state: string };
      if (printed.state !== 'printed') throw new Error(`print: ${printed.state}`);
      print.push(performance.now() - tp);
      await call('endSession', {});
      session.push(performance.now() - t0);
    }
    await fullGc();
    const m = process.memoryUsage();
    checkpoints.push({ sessions: SESSIONS, heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20 });
  } finally {
    await core.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ checkpoints, print: print.slice(WARMUP), session: session.slice(WARMUP) })}\n`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
