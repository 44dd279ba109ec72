import { describe, expect, it } from 'vitest';
import { classifyScan } from './classify-scan';
import { enpCheckDigit, findEnp, isValidEnp } from './enp';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
// The ENP of the public v1 vector: a real-looking number whose check digit holds.
const REAL = '6449020886006380';

describe('ENP check digit', () => {
  it('holds on the public v1 ENP and catches every single-digit change', () => {
    expect(enpCheckDigit(REAL.slice(0, 15))).toBe(0);
    expect(isValidEnp(REAL)).toBe(true);
    for (let i = 0; i < 16; i++) {
      const changed = REAL.slice(0, i) + String((Number(REAL[i]) + 1) % 10) + REAL.slice(i + 1);
      expect(isValidEnp(changed), changed).toBe(false);
    }
  });

  it('the seed policies (5000000000000001…7) do not pass it', () => {
    for (let n = 1; n <= 7; n++) expect(isValidEnp(`500000000000000${n}`)).toBe(false);
  });
});

describe('scan classification', () => {
  it('a valid ENP anywhere in a URL or text', () => {
    expect(findEnp(`https://example.ru/policy?enp=${REAL}&x=1`)).toBe(REAL);
    expect(classifyScan(bytes(`ОМС:${REAL};`))).toEqual({ kind: 'enp', enp: REAL });
  });

  it('exactly 16 digits (with a scanner CR/LF) is an ENP as typed, check digit or not', () => {
    expect(classifyScan(bytes('5000000000000005\r\n'))).toEqual({ kind: 'enp', enp: '5000000000000005' });
  });

  it('16 digits without a valid check inside other text, longer digit runs, and junk are not recognised', () => {
    for (const s of ['id=5000000000000005', `${REAL}1`, `9${REAL}`, 'hello', '123456789012345', 'x'.repeat(5000)]) {
      expect(classifyScan(bytes(s)), s).toEqual({ kind: 'unrecognised' });
    }
    expect(classifyScan(new Uint8Array(0))).toEqual({ kind: 'unrecognised' });
  });
});
