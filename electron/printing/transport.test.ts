import { readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PrinterError } from './transport';
import { createDeviceTransport } from './transport-device';
import { createTcpTransport } from './transport-tcp';
import { tempDir } from './test-helpers';

const servers: net.Server[] = [];
const peers: net.Socket[] = [];
afterEach(async () => {
  for (const p of peers.splice(0)) p.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function listen(onConnection: (s: net.Socket) => void, opts: net.ServerOpts = {}): Promise<number> {
  const server = net.createServer(opts, (s) => {
    peers.push(s);
    onConnection(s);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

async function rejection(p: Promise<unknown>): Promise<PrinterError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrinterError);
  return err as PrinterError;
}

describe('tcp transport', () => {
  it('reports a refused connection as unreachable', async () => {
    const t = createTcpTransport({ host: '127.0.0.1', port: await freePort(), timeoutMs: 500 });
    expect((await rejection(t.send(Uint8Array.of(1)))).code).toBe('unreachable');
    expect((await rejection(t.queryStatus!())).code).toBe('unreachable');
  });

  it('times out on a printer that accepts but never answers a status query', async () => {
    const port = await listen(() => undefined, { allowHalfOpen: true });
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 500 });
    const started = Date.now();
    const err = await rejection(t.queryStatus!());
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/no answer to DLE EOT/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the printer stops reading mid-job', async () => {
    // Paused sockets never read: the kernel buffers fill and our write stalls.
    const port = await listen((s) => s.pause(), { allowHalfOpen: true, pauseOnConnect: true });
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 500 });
    const err = await rejection(t.send(new Uint8Array(32 * 1024 * 1024)));
    expect(err.code).toBe('timeout');
  });

  it('reports a printer that resets the connection mid-job as disconnected', async () => {
    const port = await listen((s) => s.once('data', () => s.resetAndDestroy()));
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 1000 });
    const err = await rejection(t.send(new Uint8Array(4 * 1024 * 1024)));
    expect(err.code).toBe('disconnected');
  });

  it('reports a printer that closes after part of a status answer as disconnected', async () => {
    const port = await listen((s) => s.once('data', () => s.end(Buffer.from([0x12, 0x12]))));
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 1000 });
    expect((await rejection(t.queryStatus!())).code).toBe('disconnected');
  });

  it('reports garbage in answer to DLE EOT as a protocol error', async () => {
    const port = await listen((s) => s.once('data', () => s.write('HTTP/1.1')));
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 1000 });
    expect((await rejection(t.queryStatus!())).code).toBe('protocol');
  });

  it('delivers every byte and resolves when the printer closes', async () => {
    let received = Buffer.alloc(0);
    const port = await listen((s) => s.on('data', (c: Buffer) => (received = Buffer.concat([received, c]))));
    const t = createTcpTransport({ host: '127.0.0.1', port, timeoutMs: 1000 });
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i & 0xff);
    await t.send(bytes);
    expect(Buffer.compare(received, Buffer.from(bytes))).toBe(0);
  });

  it('has no status query when the config says the link is one-way', () => {
    expect(createTcpTransport({ host: 'x', statusQuery: false }).queryStatus).toBeUndefined();
  });
});

describe('device transport', () => {
  it('writes to an existing device file', async () => {
    const dir = await tempDir('lp');
    const dev = path.join(dir, 'lp0');
    await writeFile(dev, '');
    await createDeviceTransport({ path: dev }).send(Uint8Array.of(0x1b, 0x40, 0x41));
    expect([...(await readFile(dev))]).toEqual([0x1b, 0x40, 0x41]);
  });

  it('fails, without creating a file, when the device is missing', async () => {
    const dir = await tempDir('lp');
    const dev = path.join(dir, 'lp0');
    expect((await rejection(createDeviceTransport({ path: dev }).send(Uint8Array.of(1)))).code).toBe('unreachable');
    await expect(readFile(dev)).rejects.toThrow(/ENOENT/);
  });
});
