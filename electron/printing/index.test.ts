import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterConfigSchema } from '../core/config/schema';
import type { SlipData } from '../core/ports';
import { createSlipPrinter, type SlipTransport } from './index';
import { startVirtualPrinter, type RunningVirtualPrinter } from './virtual/server';
import { longTicket, sampleSlip, sampleTicket } from './sample-slips';
import { recordingLogger, tcpConfig, tempDir } from './test-helpers';

const printers: RunningVirtualPrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

async function virtualPrinter(opts: Partial<Parameters<typeof startVirtualPrinter>[0]> = {}): Promise<RunningVirtualPrinter> {
  const p = await startVirtualPrinter({ outDir: await tempDir('slips'), quiet: true, ...opts });
  printers.push(p);
  return p;
}

/** Waits until the printer has had time to store a job that should not exist. */
const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('createSlipPrinter with the virtual printer', () => {
  it('prints a slip end to end: number, room, floor, clinic time, doctor, QR, and a valid PNG', async () => {
    const printer = await virtualPrinter();
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: await tempDir('journal') });
    const outcome = await slips.printSlip(sampleSlip());
    expect(outcome).toEqual({ jobId: sampleTicket.ticketGuid, state: 'printed', fault: null });

    const job = await printer.waitForJob();
    expect(job.text).toContain('№ 037.91');
    expect(job.text).toContain('Кабинет 214, этаж 2');
    expect(job.text).toContain('09:15');
    expect(job.text).toContain('27.11.2026');
    expect(job.text).toContain('Врач: Иванов И. И.');
    expect(job.text).toContain('Талон на приём');
    expect(job.text).toContain(`[QR: ${sampleTicket.ticketGuid}]`);
    expect(job.text.trimEnd().endsWith('--- cut ---')).toBe(true);
    expect(await readFile(job.textPath, 'utf8')).toBe(job.text);
    expect((await readFile(job.binPath)).length).toBe(job.bytes);

    const png = PNG.sync.read(await readFile(job.pngPath));
    expect(png.width).toBe(576);
    expect(png.height).toBeGreaterThan(600);
    // Ink on paper: some black pixels, mostly white.
    let dark = 0;
    for (let i = 0; i < png.data.length; i += 4) if ((png.data[i] ?? 255) < 128) dark++;
    const ratio = dark / (png.width * png.height);
    expect(ratio).toBeGreaterThan(0.01);
    expect(ratio).toBeLessThan(0.3);
  });

  it('prints 58 mm slips on a 58 mm printer in WPC1251 when configured', async () => {
    const printer = await virtualPrinter({ widthMm: 58 });
    const config = tcpConfig(printer.port, { profile: 'generic-58', codepage: 'wpc1251' });
    const slips = createSlipPrinter(config, { journalDir: await tempDir('journal') });
    expect((await slips.printSlip(sampleSlip({ ticket: longTicket }))).state).toBe('printed');
    const job = await printer.waitForJob();
    expect(job.text).toContain('Константинопольская-Вишневецкая');
    // The room is double size: on 16 big columns it takes two lines, never a cut word.
    expect(job.text).toMatch(/Кабинет 1117,\s+этаж 11/);
    const textLines = job.text.split('\n').filter((l) => !l.startsWith('[QR'));
    for (const line of textLines) expect(line.length, line).toBeLessThanOrEqual(32);
    expect(PNG.sync.read(await readFile(job.pngPath)).width).toBe(384);
  });

  it('does not print at paper end and tells the patient', async () => {
    const printer = await virtualPrinter({ status: 'paper-end' });
    const log = recordingLogger();
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: await tempDir('journal'), log });
    const outcome = await slips.printSlip(sampleSlip());
    expect(outcome.state).toBe('failed');
    expect(outcome.fault).toBe('paperEnd');
    await settle();
    expect(printer.jobs()).toHaveLength(0);
    expect(log.entries.some((e) => e.event === 'print.failed')).toBe(true);
  });

  it.each([
    ['cover-open', 'coverOpen'],
    ['offline', 'offline'],
  ] as const)('does not print when the printer is %s', async (status, fault) => {
    const printer = await virtualPrinter({ status });
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: await tempDir('journal') });
    expect(await slips.printSlip(sampleSlip())).toMatchObject({ state: 'failed', fault });
    await settle();
    expect(printer.jobs()).toHaveLength(0);
  });

  it('prints at paper near end and logs a warning', async () => {
    const printer = await virtualPrinter({ status: 'paper-near-end' });
    const log = recordingLogger();
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: await tempDir('journal'), log });
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    await printer.waitForJob();
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'warn', event: 'printer.paper-near-end' }));
  });

  it('resends an original that never reached the printer under the same id once the paper is back', async () => {
    const printer = await virtualPrinter({ status: 'paper-end' });
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: await tempDir('journal') });
    const failed = await slips.printSlip(sampleSlip());
    expect(failed.state).toBe('failed');
    expect(await slips.history(sampleTicket.ticketGuid)).toMatchObject({ original: 'failed-unsent', againAttempts: 0 });
    printer.setStatus('ok');
    expect(await slips.printSlip(sampleSlip())).toEqual({ jobId: failed.jobId, state: 'printed', fault: null });
    expect(await slips.history(sampleTicket.ticketGuid)).toMatchObject({ original: 'printed', againAttempts: 1 });
    await printer.waitForJob();
    const [rec] = await slips.jobs();
    expect(rec).toMatchObject({ jobId: failed.jobId, state: 'done', attempts: 2 });
    // Printing the same ticket again after the retry is a no-op.
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    await settle();
    expect(printer.jobs()).toHaveLength(1);
  });
});

describe('print journal through the facade', () => {
  it('never prints the same ticket twice unless a reprint is asked for, even after a restart', async () => {
    const printer = await virtualPrinter();
    const journalDir = await tempDir('journal');
    const first = createSlipPrinter(tcpConfig(printer.port), { journalDir });
    const a = await first.printSlip(sampleSlip());
    const [b, c] = await Promise.all([first.printSlip(sampleSlip()), first.printSlip(sampleSlip())]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);

    // A new printer object over the same folder: the kiosk restarted.
    const second = createSlipPrinter(tcpConfig(printer.port), { journalDir });
    expect(await second.printSlip(sampleSlip())).toEqual(a);
    await settle();
    expect(printer.jobs()).toHaveLength(1);

    const reprint = await second.printSlip(sampleSlip({ reprint: true }));
    expect(reprint.state).toBe('printed');
    expect(reprint.jobId).not.toBe(a.jobId);
    const again = await second.printSlip(sampleSlip({ reprint: true }));
    expect(again.jobId).not.toBe(reprint.jobId);
    await settle();
    const jobs = printer.jobs();
    expect(jobs).toHaveLength(3);
    expect(jobs[1]?.text).toContain('ПОВТОРНАЯ ПЕЧАТЬ');
    expect(jobs[0]?.text).not.toContain('ПОВТОРНАЯ ПЕЧАТЬ');

    const files = (await readdir(journalDir)).sort();
    expect(files).toHaveLength(3);
    expect(files.every((f) => f.startsWith('job-') && f.endsWith('.json'))).toBe(true);
    const rec = JSON.parse(await readFile(path.join(journalDir, files[0] ?? ''), 'utf8')) as Record<string, unknown>;
    expect(rec).toMatchObject({ state: 'done', ticketGuid: sampleTicket.ticketGuid });
    expect(JSON.stringify(rec)).not.toMatch(/policy|patient/i);
  });

  it('prints a ticket whose earlier attempt failed, and ignores a corrupt or half-written record', async () => {
    const printer = await virtualPrinter({ status: 'cover-open' });
    const journalDir = await tempDir('journal');
    const log = recordingLogger();
    expect((await createSlipPrinter(tcpConfig(printer.port), { journalDir }).printSlip(sampleSlip())).state).toBe('failed');
    await writeFile(path.join(journalDir, 'job-broken.json'), '{"jobId": ');
    await writeFile(path.join(journalDir, 'job-x.json.tmp-1-abcd'), 'partial');
    printer.setStatus('ok');
    const restarted = createSlipPrinter(tcpConfig(printer.port), { journalDir, log });
    expect((await restarted.printSlip(sampleSlip())).state).toBe('printed');
    await printer.waitForJob();
    expect(log.entries.some((e) => e.event === 'print.journal-corrupt')).toBe(true);
    expect((await readdir(journalDir)).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('still prints, once, when the journal folder cannot be created: the guard holds in memory', async () => {
    const printer = await virtualPrinter();
    const blocker = path.join(await tempDir('journal'), 'file');
    await writeFile(blocker, '');
    const log = recordingLogger();
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir: path.join(blocker, 'sub'), log });
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    await printer.waitForJob();
    await settle();
    expect(printer.jobs()).toHaveLength(1);
    expect(log.entries.some((e) => e.event === 'print.journal-unavailable')).toBe(true);
    expect(slips.journalFault()).toMatch(/unusable/);
  });

  it('keeps the guard in memory when the journal folder turns unwritable after start', async () => {
    const printer = await virtualPrinter();
    const journalDir = await tempDir('journal');
    const log = recordingLogger();
    const slips = createSlipPrinter(tcpConfig(printer.port), { journalDir, log });
    await slips.jobs(); // opened while writable
    await chmod(journalDir, 0o500);
    try {
      for (let i = 0; i < 3; i++) expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
      await settle();
      expect(printer.jobs()).toHaveLength(1);
      // root ignores directory permissions, so the write may still succeed there.
      if (process.getuid?.() !== 0) expect(slips.journalFault()).toMatch(/write failed/);
    } finally {
      await chmod(journalDir, 0o700);
    }
  });

  it('counts a job whose bytes all went out as delivered when the printer goes silent after it', async () => {
    // Answers the status query before the job, then never again: the slip most likely came out.
    let statusAnswers = 0;
    const received: Buffer[] = [];
    const s = net.createServer({ allowHalfOpen: true }, (c) => {
      c.on('data', (d: Buffer) => {
        if (d[0] === 0x10 && d.length <= 12) {
          if (statusAnswers++ === 0) c.end(Buffer.from([0x12, 0x12, 0x12, 0x12]));
        } else received.push(d);
      });
      c.on('end', () => c.end());
    });
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const config = PrinterConfigSchema.parse({ transport: { type: 'tcp', host: '127.0.0.1', port: (s.address() as net.AddressInfo).port, timeoutMs: 500 } });
    const slips = createSlipPrinter(config, { journalDir: await tempDir('journal') });
    const first = await slips.printSlip(sampleSlip());
    expect(first).toMatchObject({ state: 'uncertain', fault: 'uncertain' });
    const jobsSent = received.length;
    expect(jobsSent).toBeGreaterThan(0);
    // A second automatic print of the same ticket sends nothing.
    expect(await slips.printSlip(sampleSlip())).toMatchObject({ state: 'uncertain' });
    expect(received.length).toBe(jobsSent);
    expect(await slips.history(sampleTicket.ticketGuid)).toMatchObject({ original: 'uncertain', againAttempts: 0 });
    s.close();
  });
});

describe('printer faults never throw', () => {
  it('connection refused', async () => {
    const s = net.createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const port = (s.address() as net.AddressInfo).port;
    await new Promise((r) => s.close(r));
    const slips = createSlipPrinter(tcpConfig(port), { journalDir: await tempDir('journal') });
    expect(await slips.printSlip(sampleSlip())).toEqual({ jobId: sampleTicket.ticketGuid, state: 'failed', fault: 'unreachable' });
  });

  it('a printer that never answers', async () => {
    const sockets: net.Socket[] = [];
    const s = net.createServer({ allowHalfOpen: true }, (c) => sockets.push(c));
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const config = PrinterConfigSchema.parse({ transport: { type: 'tcp', host: '127.0.0.1', port: (s.address() as net.AddressInfo).port, timeoutMs: 500 } });
    const slips = createSlipPrinter(config, { journalDir: await tempDir('journal') });
    const outcome = await slips.printSlip(sampleSlip());
    expect(outcome).toMatchObject({ state: 'failed', fault: 'unreachable' });
    for (const c of sockets) c.destroy();
    await new Promise((r) => s.close(r));
  });

  it('a printer that drops the connection mid-job', async () => {
    // Answers the status query as ready, then resets the job connection on its first bytes.
    const s = net.createServer((c) =>
      c.once('data', (d: Buffer) => {
        if (d[0] === 0x10) c.end(Buffer.from([0x12, 0x12, 0x12, 0x12]));
        else c.resetAndDestroy();
      }),
    );
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
    const slips = createSlipPrinter(tcpConfig((s.address() as net.AddressInfo).port), { journalDir: await tempDir('journal') });
    const outcome = await slips.printSlip(sampleSlip());
    expect(outcome.state).toBe('failed');
    expect(outcome.fault).toBe('interrupted');
    const [rec] = await slips.jobs();
    expect(rec).toMatchObject({ state: 'failed', sent: true });
    // Part of the slip may be in the tray: the original is never sent again unmarked.
    expect(await slips.printSlip(sampleSlip())).toMatchObject({ state: 'failed' });
    expect(await slips.history(sampleTicket.ticketGuid)).toMatchObject({ original: 'failed-sent', againAttempts: 0 });
    await new Promise((r) => s.close(r));
  });

  it('an injected transport that throws anything', async () => {
    const transport: SlipTransport = {
      description: 'broken',
      send: () => Promise.reject(new TypeError('boom')),
    };
    const log = recordingLogger();
    const slips = createSlipPrinter(tcpConfig(9), { journalDir: await tempDir('journal'), transport, log });
    expect(await slips.printSlip(sampleSlip())).toMatchObject({ state: 'failed', fault: 'internal' });
    expect(log.entries).toContainEqual(expect.objectContaining({ level: 'error', event: 'print.failed' }));
  });

  it('an os printer without the shell transport', async () => {
    const os = PrinterConfigSchema.parse({ transport: { type: 'os', deviceName: '' } });
    expect(await createSlipPrinter(os, { journalDir: await tempDir('journal') }).printSlip(sampleSlip())).toMatchObject({
      state: 'failed',
      fault: 'notConfigured',
    });
  });

  it('a bad device path', async () => {
    const config = PrinterConfigSchema.parse({ transport: { type: 'device', path: '/nonexistent/usb/lp9' } });
    const outcome = await createSlipPrinter(config, { journalDir: await tempDir('journal') }).printSlip(sampleSlip());
    expect(outcome).toMatchObject({ state: 'failed', fault: 'unreachable' });
  });
});

describe('injected transports', () => {
  it('hands the slip itself to a transport that renders it (the OS printer)', async () => {
    const printed: SlipData[] = [];
    const transport: SlipTransport = {
      description: 'os test',
      send: () => Promise.reject(new Error('must not be called')),
      printSlip: async (slip) => void printed.push(slip),
    };
    const os = PrinterConfigSchema.parse({ transport: { type: 'os', deviceName: 'VKP80' } });
    const slips = createSlipPrinter(os, { journalDir: await tempDir('journal'), transport });
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    expect(printed).toHaveLength(1);
  });

  it('sends ESC/POS bytes to a one-way transport without asking for status', async () => {
    const sent: Uint8Array[] = [];
    const transport: SlipTransport = { description: 'raw', send: async (b) => void sent.push(b) };
    const slips = createSlipPrinter(tcpConfig(9), { journalDir: await tempDir('journal'), transport });
    expect((await slips.printSlip(sampleSlip())).state).toBe('printed');
    expect(sent[0]?.[0]).toBe(0x1b);
  });
});
