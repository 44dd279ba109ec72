// `npm run printer -- --port 9100 --out /tmp/slips [--status paper-end] [--width 58]`
// A virtual receipt printer for working on the kiosk without hardware.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startVirtualPrinter, type VirtualStatus } from './server';

const STATUSES: VirtualStatus[] = ['ok', 'paper-end', 'paper-near-end', 'cover-open', 'offline'];

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '9100' },
    host: { type: 'string', default: '127.0.0.1' },
    out: { type: 'string', default: path.join(process.cwd(), 'artifacts', 'slips') },
    status: { type: 'string', default: 'ok' },
    width: { type: 'string', default: '80' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`usage: npm run printer -- [--port 9100] [--host 127.0.0.1] [--out DIR] [--status ${STATUSES.join('|')}] [--width 58|80]`);
  process.exit(0);
}
const status = values.status as VirtualStatus;
if (!STATUSES.includes(status)) {
  console.error(`--status must be one of ${STATUSES.join(', ')}`);
  process.exit(2);
}
const port = Number(values.port);
const width = Number(values.width);
if (!Number.isInteger(port) || port < 0 || port > 65535 || (width !== 58 && width !== 80)) {
  console.error('--port must be 0..65535 and --width 58 or 80');
  process.exit(2);
}

// No top-level await: the repo's .ts files run as CommonJS under tsx.
startVirtualPrinter({ port, host: values.host, outDir: path.resolve(values.out), status, widthMm: width }).then(
  (printer) => {
    const stop = (): void => {
      void printer.close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (err: unknown) => {
    console.error(`cannot start the virtual printer: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
