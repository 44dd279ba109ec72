// The kiosk process of a soak, as its supervisor starts it: the browser host's own `runHost`
// (config from INFOMAT_CONFIG, state under XDG_STATE_HOME, file logs, print journal, the
// loopback host and its own Debian Chromium), with three differences, all from outside:
// - Chromium runs headless (no display here) with a DevTools port, which the soak driver
//   attaches to in order to tap like a patient and to read the renderer's heap;
// - the wall clock is the lobby's virtual clock, moved by the driver over IPC
//   (virtual-clock.ts), and timers of an hour or more run on it;
// - on request it reports its heap after a full GC (it runs with --expose-gc).
// Started by scripts/soak/kiosk-process.ts; never by the kiosk itself.
import path from 'node:path';
import { stampVirtualMtimes } from './disk-clock';
import { installLongTimers, installVirtualDate } from './virtual-clock';

type Message = { type: 'clock'; offsetMs: number } | { type: 'mem' };

/** The real clock, kept before Date becomes the virtual one: file times are real. */
const realNow = Date.now.bind(Date);
let offset = Number(process.env.SOAK_CLOCK_OFFSET_MS ?? 0);
/** The kiosk's logs: run-host's default, `<XDG_STATE_HOME>/infomat/logs` (the soak sets no logDir). */
const logDir = path.join(process.env.XDG_STATE_HOME ?? '', 'infomat', 'logs');
installVirtualDate(() => offset);
// A daily sweep judges the logs by their file times: whatever was written since the last stamp
// gets its virtual one first (disk-clock.ts).
const timers = installLongTimers(() => Date.now(), { beforeRun: () => stampVirtualMtimes([logDir], offset, realNow()) });

async function gcTwice(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((r) => setImmediate(r));
  gc();
}

process.on('message', (raw: unknown) => {
  const m = raw as Message;
  if (m?.type === 'clock') {
    // What was written on the clock that is ending gets its stamp before any sweep can judge it.
    const stamped = stampVirtualMtimes([logDir], offset, realNow());
    if (process.env.SOAK_TRACE) console.log(`[soak] clock ${offset} → ${m.offsetMs}; ${stamped} log file(s) stamped`);
    offset = m.offsetMs;
    timers.advance();
    process.send?.({ type: 'clock', offsetMs: offset });
  } else if (m?.type === 'mem') {
    void gcTwice().then(() => {
      const u = process.memoryUsage();
      process.send?.({ type: 'mem', heapUsed: u.heapUsed, rss: u.rss, external: u.external, arrayBuffers: u.arrayBuffers });
    });
  }
});
// The driver went away without stopping us: stop as a supervisor's SIGTERM would.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

async function main(): Promise<void> {
  // Imported only now, so every module of the kiosk reads the virtual Date from its first line.
  const { runHost } = await import('../../electron/host/run-host');
  const extraArgs = (process.env.SOAK_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
  await runHost({
    args: ['--open', '--port', '0'],
    browser: { headless: true, extraArgs: ['--remote-debugging-port=0', ...extraArgs] },
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
