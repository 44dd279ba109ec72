// A 2D imager in USB virtual-COM (CDC) mode, or on a real RS-232 port. The scanner sends a code's
// bytes with no framing a binary payload could not contain, so a scan ends when the line goes
// quiet for `frameGapMs`. The port is found by path or by USB vendor/product id (the COM number
// or ttyACM index changes when the scanner moves to another USB socket), and reopened with
// back-off when it disappears.
import type { EventEmitter } from 'node:events';
import type { Logger } from '../ports';
import { MAX_SCAN_BYTES } from './classify-scan';

/** The part of a `serialport` stream this file uses. */
export interface ScannerPort extends EventEmitter {
  open(cb: (err: Error | null) => void): void;
  close(cb?: (err: Error | null) => void): void;
  readonly isOpen: boolean;
}

export interface SerialAccess {
  list(): Promise<Array<{ path: string; vendorId?: string; productId?: string }>>;
  create(path: string, baudRate: number): ScannerPort;
}

export interface SerialScannerConfig {
  path?: string;
  vendorId?: string;
  productId?: string;
  baudRate: number;
  frameGapMs: number;
}

export interface SerialScanner {
  close(): Promise<void>;
}

const RETRY_MS = [1000, 2000, 5000, 10000, 30000];

export function startSerialScanner(
  cfg: SerialScannerConfig,
  deps: { access: SerialAccess; log: Logger; onFrame: (frame: Uint8Array) => void; retryMs?: readonly number[] },
): SerialScanner {
  const { access, log } = deps;
  const retryMs = deps.retryMs ?? RETRY_MS;
  let port: ScannerPort | null = null;
  let closed = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let gapTimer: NodeJS.Timeout | undefined;
  let chunks: Buffer[] = [];
  let size = 0;

  const flush = () => {
    gapTimer = undefined;
    const frame = Buffer.concat(chunks);
    chunks = [];
    size = 0;
    if (frame.length > 0) deps.onFrame(new Uint8Array(frame));
  };

  const onData = (chunk: Buffer) => {
    // Past the cap the scan is junk anyway; keep one byte more so the classifier sees "too long".
    if (size <= MAX_SCAN_BYTES) {
      const room = MAX_SCAN_BYTES + 1 - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
    }
    clearTimeout(gapTimer);
    gapTimer = setTimeout(flush, cfg.frameGapMs);
  };

  const retry = (reason: string) => {
    if (closed) return;
    const wait = retryMs[Math.min(failures, retryMs.length - 1)]!;
    // The first failure is worth a line; a scanner left unplugged must not flood the log.
    if (failures === 0) log.warn('scanner.unavailable', { reason, retryMs: wait });
    failures++;
    retryTimer = setTimeout(() => void connect(), wait);
  };

  async function findPath(): Promise<string | null> {
    if (cfg.path) return cfg.path;
    const want = (s: string | undefined) => (s ?? '').toLowerCase();
    const ports = await access.list();
    const hit = ports.find((p) => want(p.vendorId) === want(cfg.vendorId) && want(p.productId) === want(cfg.productId));
    return hit?.path ?? null;
  }

  async function connect(): Promise<void> {
    if (closed) return;
    let path: string | null;
    try {
      path = await findPath();
    } catch (err) {
      return retry(`port list failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!path) return retry(`no port with USB id ${cfg.vendorId}:${cfg.productId}`);
    if (closed) return;
    const p = access.create(path, cfg.baudRate);
    p.on('data', onData);
    p.on('error', (err: Error) => log.warn('scanner.error', { reason: err.message }));
    p.open((err) => {
      if (err) {
        p.removeAllListeners();
        return retry(`open ${path}: ${err.message}`);
      }
      if (closed) return p.close();
      port = p;
      log.info('scanner.ready', { path, baudRate: cfg.baudRate });
      failures = 0;
      p.once('close', () => {
        port = null;
        p.removeAllListeners();
        retry('port closed');
      });
    });
  }

  void connect();

  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(gapTimer);
      const p = port;
      port = null;
      if (!p || !p.isOpen) return Promise.resolve();
      p.removeAllListeners('close');
      return new Promise<void>((resolve) => p.close(() => resolve()));
    },
  };
}
