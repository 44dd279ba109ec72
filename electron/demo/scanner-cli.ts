// `npm run scanner -- --patient P1` (or --enp, --text, --bytes-hex): one scan into the running
// demo kiosk's virtual serial scanner (see demo-scanner.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { userStateDir } from '../core/fs/private-dir';
import { demoScannerDir } from './demo-scanner';
import { scanPayload, type ScanRequest } from './scan-payload';

const USAGE = `npm run scanner -- --patient P1 [--expired | --enp-only]
                  --enp 6449020886006380
                  --text "https://example.ru/?enp=6449020886006380"
                  --bytes-hex "0200…"
  [--device PATH]   default: ${path.join(demoScannerDir(userStateDir()), 'in')}`;

const { values } = parseArgs({
  options: {
    patient: { type: 'string' },
    expired: { type: 'boolean', default: false },
    'enp-only': { type: 'boolean', default: false },
    enp: { type: 'string' },
    text: { type: 'string' },
    'bytes-hex': { type: 'string' },
    device: { type: 'string' },
  },
});

let req: ScanRequest | null = null;
if (values.patient) req = { patient: values.patient.toUpperCase(), expiresOn: values.expired ? '2020-12-31' : undefined, enpOnly: values['enp-only'] };
else if (values.enp) req = { enp: values.enp };
else if (values.text !== undefined) req = { text: values.text };
else if (values['bytes-hex']) req = { bytesHex: values['bytes-hex'] };
if (!req) {
  console.error(USAGE);
  process.exit(2);
}
const device = values.device ?? path.join(demoScannerDir(userStateDir()), 'in');
try {
  const bytes = scanPayload(req);
  writeFileSync(device, bytes);
  console.log(`sent ${bytes.length} bytes to ${device}`);
} catch (err) {
  const e = err as NodeJS.ErrnoException;
  console.error(e.code === 'ENOENT' ? `${device} not found: is the demo kiosk running (npm start) with socat installed?` : e.message);
  process.exit(1);
}
