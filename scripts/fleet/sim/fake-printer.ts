// A receipt printer as light as a network ESC/POS printer can be faked: one loopback TCP port per
// kiosk, real-time DLE EOT answers from a state the simulation sets, jobs swallowed and counted
// (the virtual printer's decoding and PNG slips would cost the simulation more than its 500
// kiosks). `jam`: the status after a job reports a cutter error, so the kiosk counts the print
// as failed, as it would with a real jammed cutter.
import net from 'node:net';
import { DLE, EOT, statusBytes } from '../../../electron/printing/status';

export type FakePrinterState = 'ok' | 'paper-end' | 'paper-near-end' | 'cover-open' | 'offline' | 'jam';

export interface FakePrinter {
  port: number;
  state: FakePrinterState;
  jobs: number;
  close(): Promise<void>;
}

function flags(s: FakePrinterState, jammed: boolean) {
  return { online: s !== 'offline', coverOpen: s === 'cover-open', paperEnd: s === 'paper-end', paperNearEnd: s === 'paper-near-end', error: jammed };
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const sockets = new Set<net.Socket>();
  let jammedAfterJob = false;
  const printer: FakePrinter = { port: 0, state: 'ok', jobs: 0, close: async () => {} };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let sawJob = false;
    socket.on('data', (chunk: Buffer) => {
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] === DLE && chunk[i + 1] === EOT && i + 2 < chunk.length) {
          const n = chunk[i + 2]!;
          socket.write(Buffer.from([statusBytes(flags(printer.state, jammedAfterJob))[n - 1] ?? 0x12]));
          i += 2;
        } else {
          sawJob = true;
        }
      }
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      sockets.delete(socket);
      if (!sawJob) return;
      printer.jobs += 1;
      // The status asked right after this job says the cutter jammed; the next job starts clean.
      jammedAfterJob = printer.state === 'jam';
      if (jammedAfterJob) setTimeout(() => (jammedAfterJob = false), 3000).unref();
    });
  });
  // The kiosk opens few connections at a time; no backlog is needed for 500 of these.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 16, resolve));
  printer.port = (server.address() as net.AddressInfo).port;
  printer.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return printer;
}
