// What the virtual scanner sends: a seed patient's paper-policy payload, an ENP, any text, or
// raw bytes. Shared by `npm run scanner` and the e2e tests, so both send exactly the same.
import { seedPolicyNumber, seedPolicyPayload } from '../../simulator/policy-barcode';

export type ScanRequest =
  | { patient: string; expiresOn?: string; enpOnly?: boolean }
  | { enp: string }
  | { text: string }
  | { bytesHex: string };

export function scanPayload(req: ScanRequest): Buffer {
  if ('patient' in req) {
    if (req.enpOnly) return Buffer.from(`${seedPolicyNumber(req.patient)}\r\n`, 'latin1');
    return Buffer.from(seedPolicyPayload(req.patient, req.expiresOn ? { expiresOn: req.expiresOn } : {}));
  }
  if ('enp' in req) {
    if (!/^\d{16}$/.test(req.enp)) throw new RangeError('--enp: 16 digits');
    return Buffer.from(`${req.enp}\r\n`, 'latin1');
  }
  if ('text' in req) return Buffer.from(req.text, 'utf8');
  const hex = req.bytesHex.replace(/\s+/g, '');
  if (!/^(?:[0-9a-fA-F]{2})+$/.test(hex)) throw new RangeError('--bytes-hex: pairs of hex digits');
  return Buffer.from(hex, 'hex');
}
