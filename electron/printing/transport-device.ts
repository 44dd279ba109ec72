// A printer exposed as a device file (/dev/usb/lp0, a serial port, \\.\COM3). Write-only:
// usblp answers status reads on some models only, so we do not rely on it.
import { constants, promises as fs } from 'node:fs';
import { PrinterError, errnoCode, type SlipTransport } from './transport';

export interface DeviceTransportOptions {
  path: string;
  timeoutMs?: number;
}

export function createDeviceTransport(options: DeviceTransportOptions): SlipTransport {
  const timeoutMs = options.timeoutMs ?? 10000;
  const description = `device ${options.path}`;

  async function write(bytes: Uint8Array): Promise<void> {
    // No O_CREAT: a missing device must fail, not quietly become a regular file in /dev.
    // O_APPEND is meaningless for a character device and keeps a test file's earlier jobs.
    const handle = await fs.open(options.path, constants.O_WRONLY | constants.O_APPEND);
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    } finally {
      await handle.close();
    }
  }

  return {
    description,
    async send(bytes) {
      let timer: NodeJS.Timeout | undefined;
      // A write to usblp blocks while the printer is offline. It cannot be cancelled, so we
      // stop waiting for it and let the patient know; the write ends when the driver gives up.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PrinterError('timeout', `${description}: write did not finish in ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([write(bytes), timeout]);
      } catch (err) {
        if (err instanceof PrinterError) throw err;
        const code = errnoCode(err);
        const msg = `${description}: ${err instanceof Error ? err.message : String(err)}`;
        if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') throw new PrinterError('unreachable', msg, err);
        if (code === 'EIO' || code === 'EPIPE') throw new PrinterError('disconnected', msg, err);
        throw new PrinterError('device', msg, err);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
