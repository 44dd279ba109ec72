import { describe, expect, it } from 'vitest';
import { PERSONS } from '../../../simulator/seed-data';
import { encodePolicyPayload, seedPolicyPayload } from '../../../simulator/policy-barcode';
import { classifyScan } from './classify-scan';
import { decodePolicyBarcode } from './policy-barcode';

// Public test vectors: li0ard/oms-barcode tests.py (the v1 one also in chipcom/KVD decode.prg).
const V1_HEX =
  '010016E959AF0F3A6C53E684D37771CEEF39DF38711DE4FCD27685DF35419C03000000000000000000000000000000000000000271D3000000EF4A04BDB800F618017DDE3F6B9C4B4592FB28EB75EF1E0D2274BD0F57377284F02469698A8CAC4A912FE74D773AF6FC0C8D71515CB88176EC04A414B179AD00AC548295033972DC82';
const V2_HEX =
  '0200000000363D804E9DB3A17503BF84E869B9C3BF39C3A175AA5341C3800000000000000000000000000000000000000000000000000000000000000283EB0000015CEA680D9CDDEF0209E9F91FFEA628328CD157144B634204BAC30F573FF2E1021BDC2A28B2DD50A2761E4CF75FFCDBFBA71EAFC548AD07D38DC82A7D674BD09A';
const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
const plain = (p: ReturnType<typeof decodePolicyBarcode>) => p && { ...p, signature: Buffer.from(p.signature).toString('hex').toUpperCase() };

describe('paper-policy barcode: public vectors', () => {
  it('v1 (2011): every field, FIO in v1 bit and field order', () => {
    expect(plain(decodePolicyBarcode(hex(V1_HEX)))).toEqual({
      version: 1,
      enp: '6449020886006380',
      surname: 'ПАРФЕНОВА',
      name: 'ЕКАТЕРИНА',
      patronymic: 'ДМИТРИЕВНА',
      sex: 'Ж',
      birthDate: '1979-10-13',
      expiresOn: null,
      ogrn: '1027739008440',
      okato: '63000',
      signature: V1_HEX.slice(130),
    });
  });

  it('v2: every field; an ENP with leading zeros stays 16 digits', () => {
    expect(plain(decodePolicyBarcode(hex(V2_HEX)))).toEqual({
      version: 2,
      enp: '0000000910000206',
      surname: 'ШМАТОВА',
      name: 'ТАТЬЯНА',
      patronymic: 'АНАТОЛЬЕВНА',
      sex: 'Ж',
      birthDate: '1992-06-18',
      expiresOn: null,
      ogrn: null,
      okato: null,
      signature: V2_HEX.slice(130),
    });
  });

  it('the v2 test ENP fails its check digit, and the paper policy is still read (the payload is structured, not a guess)', () => {
    expect(classifyScan(hex(V2_HEX))).toMatchObject({ kind: 'policy', policy: { enp: '0000000910000206' } });
  });

  it('a scanner CR/LF suffix or one stray leading byte does not hide the payload', () => {
    const withSuffix = new Uint8Array([...hex(V1_HEX), 0x0d, 0x0a]);
    const withPrefix = new Uint8Array([0x00, ...hex(V2_HEX)]);
    expect(classifyScan(withSuffix)).toMatchObject({ kind: 'policy', policy: { enp: '6449020886006380' } });
    expect(classifyScan(withPrefix)).toMatchObject({ kind: 'policy', policy: { enp: '0000000910000206' } });
  });

  it('refuses what is not a payload: wrong version, truncated, an ENP beyond 16 digits, no birth date', () => {
    const wrongVersion = hex(V2_HEX);
    wrongVersion[0] = 3;
    expect(decodePolicyBarcode(wrongVersion)).toBeNull();
    expect(decodePolicyBarcode(hex(V2_HEX).subarray(0, 129))).toBeNull();
    const huge = hex(V2_HEX);
    huge.fill(0xff, 1, 9);
    expect(decodePolicyBarcode(huge)).toBeNull();
    const noBirth = hex(V2_HEX);
    noBirth[61] = 0;
    noBirth[62] = 0;
    expect(decodePolicyBarcode(noBirth)).toBeNull();
    expect(classifyScan(wrongVersion)).toEqual({ kind: 'unrecognised' });
  });
});

describe('paper-policy barcode: payloads built for the seed patients', () => {
  for (const person of PERSONS) {
    it(`${person.key}: the decoder reads back the seed's policy, FIO, sex and birth date`, () => {
      const p = decodePolicyBarcode(seedPolicyPayload(person.key))!;
      expect(p).toMatchObject({
        version: 2,
        enp: person.nPol,
        surname: person.lastName.toUpperCase(),
        name: person.firstName.toUpperCase(),
        patronymic: person.middleName.toUpperCase(),
        sex: person.sex === 'M' ? 'М' : 'Ж',
        birthDate: person.birthday,
        expiresOn: null,
      });
    });
  }

  it('v1 built by the encoder round-trips, with an end date, OGRN and OKATO', () => {
    const bytes = encodePolicyPayload({
      version: 1, enp: '6449020886006380', surname: 'ЁЛКИНА-ЩУКИНА', name: 'ЮЛИЯ', patronymic: 'ЭДУАРДОВНА',
      sex: 'Ж', birthDate: '2001-02-28', expiresOn: '2020-12-31', ogrn: '1027739008440', okato: '45000',
    });
    expect(decodePolicyBarcode(bytes)).toMatchObject({
      version: 1, surname: 'ЁЛКИНА-ЩУКИНА', name: 'ЮЛИЯ', patronymic: 'ЭДУАРДОВНА', birthDate: '2001-02-28',
      expiresOn: '2020-12-31', ogrn: '1027739008440', okato: '45000', sex: 'Ж',
    });
  });

  it('the encoder matches the public v2 vector byte for byte outside the signature', () => {
    const built = encodePolicyPayload({
      version: 2, enp: '0000000910000206', surname: 'ШМАТОВА', name: 'ТАТЬЯНА', patronymic: 'АНАТОЛЬЕВНА',
      sex: 'Ж', birthDate: '1992-06-18', expiresOn: null,
    });
    expect(Buffer.from(built.subarray(0, 65)).toString('hex').toUpperCase()).toBe(V2_HEX.slice(0, 130));
  });
});
