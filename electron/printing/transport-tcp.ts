// Raw TCP to a network printer (port 9100, «JetDirect»). One connection per operation:
// several printers serve a single connection at a time, so holding one open would lock out
// the service technician's tools.
import net from 'node:net';
import { PrinterError, errnoCode, type SlipTransport } from './transport';
import { STATUS_QUERY, StatusParseError, parseStatus, type PrinterStatus } from './status';

export interface TcpTransportOptions {
  host: string;
  port?: number;
  /** Connect timeout and idle timeout of reads and writes. */
  timeoutMs?: number;
  /** False for print servers without a back channel: no `DLE EOT` is sent. */
  statusQuery?: boolean;
}

function mapSocketError(err: unknown, where: string): PrinterError {
  if (err instanceof PrinterError) return err;
  const code = errnoCode(err);
  const msg = `${where}: ${err instanceof Error ? err.message : String(err)}`;
  switch (code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EADDRNOTAVAIL':
      return new PrinterError('unreachable', msg, err);
    case 'ETIMEDOUT':
      return new PrinterError('timeout', msg, err);
    default:
      return new PrinterError('disconnected', msg, err);
  }
}

type Session<T> = (socket: net.Socket, done: (value: T) => void, fail: (err: PrinterError) => void, state: { finished: boolean }) => void;

function withConnection<T>(opts: Required<Omit<TcpTransportOptions, 'statusQuery'>>, what: string, session: Session<T>, onIdle: (state: { finished: boolean }) => T | PrinterError): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const socket = net.createConnection({ host: opts.host, port: opts.port });
    const state = { finished: false };
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      socket.removeAllListeners('timeout');
      socket.destroy();
      fn();
    };
    const done = (v: T): void => settle(() => resolve(v));
    const fail = (e: PrinterError): void => settle(() => reject(e));
    const where = `${what} ${opts.host}:${opts.port}`;
    // net has no connect timeout of its own; an unplugged printer would hang the SYN for minutes.
    const connectTimer = setTimeout(() => fail(new PrinterError('timeout', `${where}: connect timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
    socket.once('error', (err) => fail(mapSocketError(err, where)));
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      socket.setNoDelay(true);
      socket.setTimeout(opts.timeoutMs);
      socket.on('timeout', () => {
        const r = onIdle(state);
        if (r instanceof PrinterError) fail(r);
        else done(r);
      });
      session(socket, done, fail, state);
    });
  });
}

export function createTcpTransport(options: TcpTransportOptions): SlipTransport {
  const opts = { host: options.host, port: options.port ?? 9100, timeoutMs: options.timeoutMs ?? 5000 };
  const description = `tcp ${opts.host}:${opts.port}`;

  const send = (bytes: Uint8Array): Promise<void> =>
    withConnection<void>(
      opts,
      'send',
      (socket, done, fail, state) => {
        socket.on('data', () => {
          /* ASB or stray status bytes: not ours to interpret here */
        });
        socket.once('close', (hadError) => {
          if (!hadError) done();
        });
        socket.once('end', () => {
          // The printer hung up before we finished writing: the job is cut short.
          if (!state.finished) fail(new PrinterError('disconnected', `send ${opts.host}:${opts.port}: printer closed the connection mid-job`));
        });
        socket.write(bytes);
        socket.end(() => {
          state.finished = true;
        });
      },
      // Some printers keep the socket open after our FIN. Once every byte was handed over,
      // silence is not a failure; the facade's status check after the job confirms the printer.
      (state) => (state.finished ? undefined : new PrinterError('timeout', `send ${opts.host}:${opts.port}: printer stopped reading (${opts.timeoutMs} ms)`)),
    );

  const queryStatus = (): Promise<PrinterStatus> =>
    withConnection<PrinterStatus>(
      opts,
      'status',
      (socket, done, fail) => {
        let got = Buffer.alloc(0);
        socket.on('data', (chunk: Buffer) => {
          got = Buffer.concat([got, chunk]);
          if (got.length < 4) return;
          try {
            done(parseStatus(got.subarray(0, 4)));
          } catch (err) {
            fail(new PrinterError('protocol', `status ${opts.host}:${opts.port}: ${(err as StatusParseError).message}`, err));
          }
        });
        socket.once('end', () => fail(new PrinterError('disconnected', `status ${opts.host}:${opts.port}: closed after ${got.length} of 4 bytes`)));
        socket.write(STATUS_QUERY);
      },
      () => new PrinterError('timeout', `status ${opts.host}:${opts.port}: no answer to DLE EOT in ${opts.timeoutMs} ms`),
    );

  return options.statusQuery === false ? { description, send } : { description, send, queryStatus };
}
