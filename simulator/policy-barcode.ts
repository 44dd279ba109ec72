// Builds paper-policy barcode payloads (the inverse of electron/core/scan/policy-barcode.ts)
// for the seed patients, the virtual scanner and the tests. The signature bytes are filler:
// the kiosk does not verify them, and no public key exists to sign with.
import { PERSONS } from './seed-data';

const LENGTH = 130;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
const ALPHABET = ' .-‘0123456789АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЬЪЫЭЮЯ';

export interface PolicyPayloadInput {
  version: 1 | 2;
  enp: string;
  surname: string;
  name: string;
  patronymic: string;
  sex: 'М' | 'Ж';
  birthDate: string;
  /** null: no end date. */
  expiresOn: string | null;
  ogrn?: string;
  okato?: string;
}

function days(ymd: string): number {
  return Math.round((Date.parse(`${ymd}T00:00:00Z`) - EPOCH_1900) / 86_400_000);
}

function packSixBit(text: string, bytes: number, lsbFirst: boolean): Uint8Array {
  const out = new Uint8Array(bytes);
  const chars = Math.floor((bytes * 8) / 6);
  const padded = text.padEnd(chars, ' ');
  if (padded.length > chars) throw new RangeError(`FIO longer than ${chars} characters`);
  let bit = 0;
  for (const ch of padded) {
    const code = ch === '|' ? 63 : ALPHABET.indexOf(ch);
    if (code < 0) throw new RangeError(`no six-bit code for «${ch}»`);
    for (let k = 0; k < 6; k++, bit++) {
      const value = lsbFirst ? (code >> k) & 1 : (code >> (5 - k)) & 1;
      if (value) out[bit >> 3]! |= lsbFirst ? 1 << (bit & 7) : 1 << (7 - (bit & 7));
    }
  }
  return out;
}

export function encodePolicyPayload(p: PolicyPayloadInput): Uint8Array {
  const out = new Uint8Array(LENGTH);
  const view = new DataView(out.buffer);
  out[0] = p.version;
  view.setBigUint64(1, BigInt(p.enp));
  const v1 = p.version === 1;
  const fio = v1 ? `${p.name}|${p.surname}|${p.patronymic}` : `${p.surname}|${p.name}|${p.patronymic}`;
  const fioEnd = v1 ? 51 : 60;
  out.set(packSixBit(fio, fioEnd - 9, v1), 9);
  out[fioEnd] = p.sex === 'М' ? 1 : 2;
  view.setUint16(fioEnd + 1, days(p.birthDate));
  view.setUint16(fioEnd + 3, p.expiresOn ? days(p.expiresOn) : 0);
  if (v1) {
    const ogrn = BigInt(p.ogrn ?? '0');
    for (let i = 0; i < 6; i++) out[56 + i] = Number((ogrn >> BigInt(8 * (5 - i))) & 0xffn);
    const okato = Number(p.okato ?? '0');
    out[62] = (okato >> 16) & 0xff;
    out[63] = (okato >> 8) & 0xff;
    out[64] = okato & 0xff;
  }
  // Filler in place of the 65-byte signature: recognisable, and never all zeros.
  for (let i = 65; i < LENGTH; i++) out[i] = (i * 37 + 11) & 0xff;
  return out;
}

/**
 * The paper-policy payload of a seed patient (P1–P7), from the seed itself: ENP = the seed's
 * policy number (the payload carries it as an integer, so the seed numbers, which have no valid
 * ENP check digit, still encode), FIO and birth date from the seed, v2, no end date.
 */
export function seedPolicyPayload(key: string, over: Partial<PolicyPayloadInput> = {}): Uint8Array {
  const person = seedPerson(key);
  return encodePolicyPayload({
    version: 2,
    enp: person.nPol,
    surname: person.lastName.toUpperCase(),
    name: person.firstName.toUpperCase(),
    patronymic: person.middleName.toUpperCase(),
    sex: person.sex === 'M' ? 'М' : 'Ж',
    birthDate: person.birthday,
    expiresOn: null,
    ...over,
  });
}

/** The seed patient's policy number (what an ENP-only scan of their policy carries). */
export function seedPolicyNumber(key: string): string {
  return seedPerson(key).nPol;
}

function seedPerson(key: string): (typeof PERSONS)[number] {
  const person = PERSONS.find((p) => p.key === key);
  if (!person) throw new RangeError(`no seed patient ${key} (P1–P7)`);
  return person;
}
