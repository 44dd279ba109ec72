import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import net from 'node:net';
import iconv from 'iconv-lite';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createTcpTransport } from '../transport-tcp';
import { tempDir } from '../test-helpers';
import { decodeEscPos, decodedToText } from './escpos-decode';
import { startVirtualPrinter, type RunningVirtualPrinter, type VirtualStatus } from './server';

const running: RunningVirtualPrinter[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.close()));
});
async function start(status: VirtualStatus = 'ok', outDir?: string): Promise<RunningVirtualPrinter> {
  const p = await startVirtualPrinter({ outDir: outDir ?? (await tempDir('vp')), status, quiet: true });
  running.push(p);
  return p;
}

const bytes = (...parts: Array<number[] | string | Buffer>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : [...p])));

describe('decodeEscPos', () => {
  it('decodes code pages, alignment, emphasis, size, QR and cut', () => {
    const data = bytes(
      [0x1b, 0x40, 0x1b, 0x74, 17],
      [0x1b, 0x61, 1, 0x1b, 0x45, 1],
      iconv.encode('Талон', 'cp866'),
      [0x1b, 0x45, 0, 0x0a, 0x1b, 0x61, 2, 0x1d, 0x21, 0x11],
      '42',
      [0x1d, 0x21, 0, 0x0a, 0x1b, 0x61, 0, 0x1b, 0x74, 46],
      iconv.encode('Приём', 'win1251'),
      [0x0a, 0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x05],
      [0x1d, 0x28, 0x6b, 0x06, 0x00, 0x31, 0x50, 0x30],
      'abc',
      [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30, 0x0a, 0x1d, 0x56, 0x41, 0x03],
    );
    const slip = decodeEscPos(data);
    expect(slip.codepages).toEqual(['17=cp866', '46=win1251']);
    expect(slip.unknown).toEqual([]);
    expect(slip.lines[0]).toEqual({ kind: 'text', align: 'center', runs: [{ text: 'Талон', bold: true, w: 1, h: 1 }] });
    expect(slip.lines[1]).toEqual({ kind: 'text', align: 'right', runs: [{ text: '42', bold: false, w: 2, h: 2 }] });
    expect(slip.lines[3]).toEqual({ kind: 'qr', align: 'left', data: 'abc', moduleSize: 5 });
    expect(slip.lines.at(-1)).toEqual({ kind: 'cut', partial: false });
    expect(decodedToText(slip, 32)).toBe(
      // Centre: (32 - 5) / 2 = 13; right, double width: 32 - 2 × 2 = 28.
      [`${' '.repeat(13)}Талон`, `${' '.repeat(28)}42`, 'Приём', '[QR: abc]', '', '--- cut ---', ''].join('\n'),
    );
  });
});

describe('virtual printer', () => {
  it.each([
    ['ok', { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false }],
    ['paper-end', { online: false, paperEnd: true }],
    ['paper-near-end', { online: true, paperNearEnd: true }],
    ['cover-open', { online: false, coverOpen: true }],
    ['offline', { online: false, coverOpen: false, paperEnd: false }],
  ] as const)('answers DLE EOT as a printer in state %s', async (status, expected) => {
    const p = await start(status);
    const s = await createTcpTransport({ host: p.host, port: p.port, timeoutMs: 1000 }).queryStatus!();
    expect(s).toMatchObject(expected);
    expect(s.error).toBe(false);
  });

  it('ends a job 300 ms after a cut on a connection kept open, and answers DLE EOT split across packets', async () => {
    const p = await start();
    const socket = net.createConnection({ host: p.host, port: p.port });
    await new Promise((r) => socket.once('connect', r));
    const answers: number[] = [];
    socket.on('data', (d: Buffer) => answers.push(...d));
    socket.write(bytes([0x1b, 0x40], 'first', [0x0a, 0x10]));
    await new Promise((r) => setTimeout(r, 50));
    socket.write(bytes([0x04, 0x04, 0x1d, 0x56, 0x01]));
    const first = await p.waitForJob(2000);
    expect(first.text).toBe('first\n--- cut ---\n');
    expect(answers).toEqual([0x12]);
    socket.write(bytes('second', [0x0a]));
    socket.end();
    const second = await p.waitForJob(2000);
    expect(second.text).toBe('second\n');
    expect([first.id, second.id]).toEqual(['job-0001', 'job-0002']);
    // The status query is not part of the stored job.
    expect([...(await readFile(first.binPath))]).toEqual([...bytes([0x1b, 0x40], 'first', [0x0a, 0x1d, 0x56, 0x01])]);
  });

  it('continues job numbers in an existing folder and writes a PNG of the printable width', async () => {
    const dir = await tempDir('vp');
    const send = async (p: RunningVirtualPrinter) => {
      await createTcpTransport({ host: p.host, port: p.port }).send(bytes([0x1b, 0x40], 'x', [0x0a]));
      return p.waitForJob();
    };
    const a = await start('ok', dir);
    expect((await send(a)).id).toBe('job-0001');
    await a.close();
    const b = await start('ok', dir);
    const job = await send(b);
    expect(job.id).toBe('job-0002');
    const png = PNG.sync.read(await readFile(job.pngPath));
    expect(png.width).toBe(576);
  });

  it('writes slips 0600 in a private folder and deletes slips older than the retention period at start', async () => {
    const dir = path.join(await tempDir('vp'), 'slips');
    const p = await start('ok', dir);
    await createTcpTransport({ host: p.host, port: p.port }).send(bytes([0x1b, 0x40], 'x', [0x0a]));
    const job = await p.waitForJob();
    await p.close();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    for (const f of [job.binPath, job.textPath, job.pngPath]) expect((await stat(f)).mode & 0o777).toBe(0o600);
    const old = new Date(Date.now() - 40 * 86_400_000);
    for (const f of [job.binPath, job.textPath, job.pngPath]) await utimes(f, old, old);
    await writeFile(path.join(dir, 'notes.txt'), 'not a slip');
    await utimes(path.join(dir, 'notes.txt'), old, old);
    const q = await startVirtualPrinter({ outDir: dir, quiet: true, retentionDays: 30 });
    running.push(q);
    expect(await readdir(dir)).toEqual(['notes.txt']);
  });

  it('drops data while it cannot print, like a printer with no paper', async () => {
    const p = await start('paper-end');
    await createTcpTransport({ host: p.host, port: p.port }).send(bytes([0x1b, 0x40], 'x', [0x0a]));
    await expect(p.waitForJob(400)).rejects.toThrow(/no print job/);
    expect(p.jobs()).toEqual([]);
  });
});
