// What a scan is, from its raw bytes: a paper-policy payload, an ENP, or nothing the kiosk
// can use. The rule for an ENP follows the research notes (§3): a scan that is exactly 16
// digits is taken as typed (the registry checks it, like a typed number); 16 digits inside
// other text (a URL, an extract's QR) count only with a valid check digit.
import { findEnp } from './enp';
import { decodePolicyBarcode, POLICY_BARCODE_LENGTH, type PaperPolicy } from './policy-barcode';

export type ScanResult =
  | { kind: 'policy'; policy: PaperPolicy }
  | { kind: 'enp'; enp: string }
  | { kind: 'unrecognised' };

/** rt.srz warns of 1–2 stray bytes around the payload in COM mode (and a CR/LF suffix is common). */
const MAX_STRAY_BYTES = 2;
/** Longer scans are not any document the kiosk knows; nothing is searched in them. */
export const MAX_SCAN_BYTES = 4096;

const UNRECOGNISED: ScanResult = { kind: 'unrecognised' };

export function classifyScan(frame: Uint8Array): ScanResult {
  if (frame.length === 0 || frame.length > MAX_SCAN_BYTES) return UNRECOGNISED;
  const policy = findPolicyPayload(frame);
  if (policy) return { kind: 'policy', policy };
  // latin1 keeps one character per byte, so a binary scan cannot turn into digits by decoding.
  const text = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength).toString('latin1');
  const bare = text.replace(/^[\s\0]+|[\s\0]+$/g, '');
  if (/^\d{16}$/.test(bare)) return { kind: 'enp', enp: bare };
  const enp = findEnp(text);
  return enp ? { kind: 'enp', enp } : UNRECOGNISED;
}

function findPolicyPayload(frame: Uint8Array): PaperPolicy | null {
  const spare = frame.length - POLICY_BARCODE_LENGTH;
  if (spare < 0 || spare > MAX_STRAY_BYTES) return null;
  for (let at = 0; at <= spare; at++) {
    const p = decodePolicyBarcode(frame.subarray(at, at + POLICY_BARCODE_LENGTH));
    if (p) return p;
  }
  return null;
}
