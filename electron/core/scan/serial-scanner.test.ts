// The serial scanner over @serialport/binding-mock: the same code path as a USB CDC scanner,
// with the bytes injected where the OS driver would deliver them.
import { SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { seedPolicyPayload } from '../../../simulator/policy-barcode';
import type { Logger } from '../ports';
import { decodePolicyBarcode } from './policy-barcode';
import { startSerialScanner, type SerialAccess, type SerialScanner } from './serial-scanner';

// The binding-mock instance `serialport` itself loaded (importing the package here could give a
// second copy, ESM beside CJS, whose ports the stream would never see).
const MockBinding = SerialPortMock.binding;
type MockPortBinding = NonNullable<SerialPortMock['port']>;
const access: SerialAccess = {
  list: () => SerialPortMock.list(),
  create: (path, baudRate) => new SerialPortMock({ path, baudRate, autoOpen: false }),
};

let scanner: SerialScanner | null = null;
afterEach(async () => {
  await scanner?.close();
  scanner = null;
  MockBinding.reset();
});

/** Starts a scanner and resolves with its open port's mock binding once the port is open. */
function start(cfg: { path?: string; vendorId?: string; productId?: string }, frames: Uint8Array[], lines: string[] = []) {
  let opened!: (port: MockPortBinding) => void;
  const ready = new Promise<MockPortBinding>((r) => (opened = r));
  const created: SerialPortMock[] = [];
  const spy: SerialAccess = {
    list: access.list,
    create: (path, baud) => {
      const p = access.create(path, baud) as SerialPortMock;
      created.push(p);
      return p;
    },
  };
  const note = (level: string) => (event: string, data?: Record<string, unknown>) => {
    lines.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
    if (event === 'scanner.ready') opened(created.at(-1)!.port as MockPortBinding);
  };
  const log: Logger = { info: note('info'), warn: note('warn'), error: note('error'), audit: note('audit') };
  scanner = startSerialScanner({ ...cfg, baudRate: 9600, frameGapMs: 30 }, { access: spy, log, onFrame: (f) => frames.push(f), retryMs: [20] });
  return ready;
}

const nextFrame = (frames: Uint8Array[], n: number) => expect.poll(() => frames.length, { timeout: 2000 }).toBe(n);

describe('serial scanner', () => {
  it('a paper-policy payload split over chunks arrives as one 130-byte frame that decodes', async () => {
    MockBinding.createPort('/dev/ttyACM0', { echo: false, record: false });
    const frames: Uint8Array[] = [];
    const port = await start({ path: '/dev/ttyACM0' }, frames);
    const payload = Buffer.from(seedPolicyPayload('P1'));
    port.emitData(payload.subarray(0, 64));
    port.emitData(payload.subarray(64));
    await nextFrame(frames, 1);
    expect(frames[0]!.length).toBe(130);
    expect(decodePolicyBarcode(frames[0]!)).toMatchObject({ enp: '5000000000000001', birthDate: '1980-01-15' });
  });

  it('finds the port by USB vendor/product id (any case) and separates two scans by the quiet gap', async () => {
    MockBinding.createPort('/dev/ttyACM7', { echo: false, record: false, vendorId: '0C2E', productId: '0b61' });
    MockBinding.createPort('/dev/ttyUSB0', { echo: false, record: false, vendorId: '1a86', productId: '7523' });
    const frames: Uint8Array[] = [];
    const port = await start({ vendorId: '0c2e', productId: '0B61' }, frames);
    port.emitData('5000000000000005\r\n');
    await nextFrame(frames, 1);
    port.emitData('garbage');
    await nextFrame(frames, 2);
    expect(frames.map((f) => Buffer.from(f).toString('latin1'))).toEqual(['5000000000000005\r\n', 'garbage']);
  });

  it('keeps retrying until the scanner is plugged in, logging the first failure only', async () => {
    const frames: Uint8Array[] = [];
    const lines: string[] = [];
    const ready = start({ vendorId: '05e0', productId: '1900' }, frames, lines);
    await expect.poll(() => lines.filter((l) => l.startsWith('warn scanner.unavailable')).length).toBe(1);
    MockBinding.createPort('/dev/ttyACM1', { echo: false, record: false, vendorId: '05e0', productId: '1900' });
    const port = await ready;
    port.emitData('6449020886006380');
    await nextFrame(frames, 1);
    expect(lines.filter((l) => l.startsWith('warn scanner.unavailable'))).toHaveLength(1);
  });
});
