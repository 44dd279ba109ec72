// The paper OMS policy's barcode (unified form, 2011–2022): 130 bytes of binary data, layout in
// ../shared/design/identification-scanners.md §1. Byte 0 is the version; the ENP is a big-endian
// uint64; the FIO is packed six bits a character; dates are days since 1900-01-01. v2 packs the
// FIO most-significant bit first as «ФАМИЛИЯ|ИМЯ|ОТЧЕСТВО»; v1 packs it least-significant bit
// first as «ИМЯ|ФАМИЛИЯ|ОТЧЕСТВО» and adds the insurer's OGRN and OKATO. The last 65 bytes are
// the issuer's signature, which is NOT verified: no public description of its key exists.
import { sixBitChar } from './six-bit';

export const POLICY_BARCODE_LENGTH = 130;
export const SIGNATURE_LENGTH = 65;

export interface PaperPolicy {
  version: 1 | 2;
  /** 16 digits, zero-padded. */
  enp: string;
  surname: string;
  name: string;
  patronymic: string;
  sex: 'М' | 'Ж' | null; // i18n-ok: the policy's own letters (never shown, never logged)
  /** YYYY-MM-DD. */
  birthDate: string;
  /** YYYY-MM-DD; null when the policy has no end date (бессрочный). */
  expiresOn: string | null;
  /** v1 only: the insurer (СМО). */
  ogrn: string | null;
  okato: string | null;
  /** Kept for a future check; never verified here. */
  signature: Uint8Array;
}

interface Layout {
  fioStart: number;
  fioEnd: number;
  lsbFirst: boolean;
  order: readonly ['surname' | 'name' | 'patronymic', 'surname' | 'name' | 'patronymic', 'surname' | 'name' | 'patronymic'];
}

const LAYOUTS: Record<1 | 2, Layout> = {
  1: { fioStart: 9, fioEnd: 51, lsbFirst: true, order: ['name', 'surname', 'patronymic'] },
  2: { fioStart: 9, fioEnd: 60, lsbFirst: false, order: ['surname', 'name', 'patronymic'] },
};

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
const MAX_ENP = 9_999_999_999_999_999n;

/** Days since 1900-01-01 as YYYY-MM-DD. */
export function ymdFromDays(days: number): string {
  return new Date(EPOCH_1900 + days * DAY_MS).toISOString().slice(0, 10);
}

/** The six-bit codes packed in `bytes`, in either bit order. */
export function unpackSixBit(bytes: Uint8Array, lsbFirst: boolean): number[] {
  const codes: number[] = [];
  const bits = bytes.length * 8;
  for (let start = 0; start + 6 <= bits; start += 6) {
    let code = 0;
    for (let k = 0; k < 6; k++) {
      const bit = start + k;
      const byte = bytes[bit >> 3]!;
      if (lsbFirst) code |= ((byte >> (bit & 7)) & 1) << k;
      else code = (code << 1) | ((byte >> (7 - (bit & 7))) & 1);
    }
    codes.push(code);
  }
  return codes;
}

/**
 * Reads a paper-policy payload, or null when `bytes` is not one: wrong length or version, an
 * ENP over 16 digits, no birth date. Callers strip a scanner's prefix/suffix first.
 */
export function decodePolicyBarcode(bytes: Uint8Array): PaperPolicy | null {
  if (bytes.length !== POLICY_BARCODE_LENGTH) return null;
  const version = bytes[0];
  if (version !== 1 && version !== 2) return null;
  const layout = LAYOUTS[version];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const enpNumber = view.getBigUint64(1);
  if (enpNumber > MAX_ENP) return null;
  const text = unpackSixBit(bytes.subarray(layout.fioStart, layout.fioEnd), layout.lsbFirst)
    .map((c) => sixBitChar(c) ?? '')
    .join('');
  const parts = text.split('|').map((p) => p.trim());
  const fio = { surname: '', name: '', patronymic: '' };
  layout.order.forEach((field, i) => (fio[field] = parts[i] ?? ''));
  const at = layout.fioEnd;
  const sexByte = bytes[at];
  const birthDays = view.getUint16(at + 1);
  const expiryDays = view.getUint16(at + 3);
  if (birthDays === 0) return null;
  return {
    version,
    enp: enpNumber.toString().padStart(16, '0'),
    ...fio,
    sex: sexByte === 1 ? 'М' : sexByte === 2 ? 'Ж' : null, // i18n-ok: as the policy writes them
    birthDate: ymdFromDays(birthDays),
    expiresOn: expiryDays === 0 ? null : ymdFromDays(expiryDays),
    ogrn: version === 1 ? readUintBE(bytes, 56, 6).toString() : null,
    okato: version === 1 ? readUintBE(bytes, 62, 3).toString() : null,
    signature: bytes.slice(POLICY_BARCODE_LENGTH - SIGNATURE_LENGTH),
  };
}

function readUintBE(bytes: Uint8Array, at: number, length: number): number {
  let n = 0;
  for (let i = 0; i < length; i++) n = n * 256 + bytes[at + i]!;
  return n;
}
