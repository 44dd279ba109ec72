import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { encodeSlip } from './escpos-encode';
import { resolveProfile } from './profiles';
import { longTicket, sampleSlip, sampleTicket } from './sample-slips';

const TALON_866 = [0x92, 0xa0, 0xab, 0xae, 0xad];
const TALON_1251 = [0xd2, 0xe0, 0xeb, 0xee, 0xed];

function indexOf(hay: Uint8Array, needle: number[], from = 0): number {
  outer: for (let i = from; i <= hay.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Every `ESC t n` in the stream. */
function codepageCommands(bytes: Uint8Array): number[] {
  const found: number[] = [];
  for (let i = 0; (i = indexOf(bytes, [0x1b, 0x74], i)) >= 0; i += 3) found.push(bytes[i + 2] ?? -1);
  return found;
}

const firstHighByte = (bytes: Uint8Array): number => bytes.findIndex((b) => b >= 0x80);

describe('encodeSlip', () => {
  it('starts with ESC @ and selects CP866 with ESC t 17 on Epson before any Cyrillic byte', () => {
    const bytes = encodeSlip(sampleSlip(), resolveProfile({ profile: 'epson-tm-t20' }));
    expect([...bytes.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect(codepageCommands(bytes)).toEqual([17]);
    expect(indexOf(bytes, [0x1b, 0x74, 17])).toBeLessThan(firstHighByte(bytes));
    expect(indexOf(bytes, TALON_866)).toBeGreaterThan(0);
    expect(indexOf(bytes, TALON_1251)).toBe(-1);
    // «№» is 0xFC in CP866.
    expect(indexOf(bytes, [0xfc, 0x20, ...Buffer.from('037.91')])).toBeGreaterThan(0);
  });

  it('uses WPC1251 with ESC t 46 when the config asks for it', () => {
    const bytes = encodeSlip(sampleSlip(), resolveProfile({ profile: 'epson-tm-t88', codepage: 'wpc1251' }));
    expect(codepageCommands(bytes)).toEqual([46]);
    expect(indexOf(bytes, TALON_1251)).toBeGreaterThan(0);
    expect(indexOf(bytes, TALON_866)).toBe(-1);
  });

  it('takes the profile default and the configured number override', () => {
    expect(codepageCommands(encodeSlip(sampleSlip(), resolveProfile({ profile: 'generic-58', codepage: 'wpc1251' })))).toEqual([23]);
    expect(codepageCommands(encodeSlip(sampleSlip(), resolveProfile({ profile: 'custom-vkp80' })))).toEqual([17]);
    const custom = encodeSlip(sampleSlip(), resolveProfile({ profile: 'custom-vkp80', codepageNumber: 7 }));
    expect(codepageCommands(custom)).toEqual([7]);
    expect(indexOf(custom, TALON_866)).toBeGreaterThan(0);
    const custom1251 = encodeSlip(sampleSlip(), resolveProfile({ profile: 'custom-vkp80', codepage: 'wpc1251', codepageNumber: 73 }));
    expect(codepageCommands(custom1251)).toEqual([73]);
    expect(indexOf(custom1251, TALON_1251)).toBeGreaterThan(0);
  });

  it('encodes every Cyrillic letter of the slip in the selected page, with no «?» substitutes', () => {
    const slip = sampleSlip({ ticket: longTicket, reprint: true });
    for (const [codepage, iconvName] of [['cp866', 'cp866'], ['wpc1251', 'win1251']] as const) {
      const bytes = encodeSlip(slip, resolveProfile({ profile: 'epson-tm-t20', codepage }));
      const decoded = iconv.decode(Buffer.from(bytes), iconvName);
      expect(decoded).toContain('Константинопольская-Вишневецкая');
      expect(decoded).toContain('ПОВТОРНАЯ ПЕЧАТЬ');
      expect(decoded).not.toContain('?');
    }
  });

  it('prints the ticket guid as a native QR code (GS ( k store + print)', () => {
    const bytes = encodeSlip(sampleSlip(), resolveProfile({ profile: 'epson-tm-t20' }));
    const guid = [...Buffer.from(sampleTicket.ticketGuid, 'latin1')];
    const len = guid.length + 3;
    const store = indexOf(bytes, [0x1d, 0x28, 0x6b, len & 0xff, len >> 8, 0x31, 0x50, 0x30, ...guid]);
    expect(store).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], store)).toBeGreaterThan(store);
    // Model 2, module 6 dots on 80 mm.
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00])).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 6])).toBeGreaterThan(0);
  });

  it('ends with the cut after a feed', () => {
    const bytes = encodeSlip(sampleSlip(), resolveProfile({ profile: 'epson-tm-t20' }));
    expect([...bytes.subarray(-3)]).toEqual([0x1d, 0x56, 0x01]);
    expect([...bytes.subarray(-7, -3)]).toEqual([0x0a, 0x0a, 0x0a, 0x0a]);
    expect(indexOf(bytes, [0x1d, 0x56])).toBe(bytes.length - 3);
  });

  it('selects double size for the number and resets it', () => {
    const bytes = encodeSlip(sampleSlip(), resolveProfile({ profile: 'generic-58' }));
    const big = indexOf(bytes, [0x1d, 0x21, 0x11]);
    expect(big).toBeGreaterThan(0);
    expect(indexOf(bytes, [0x1d, 0x21, 0x00], big)).toBeGreaterThan(big);
    expect(bytes.includes(0x0d)).toBe(false);
  });

  // Speed is measured by `npm run bench`, not asserted here; the size is deterministic.
  it('fits a slip in a few hundred bytes', () => {
    const size = encodeSlip(sampleSlip(), resolveProfile({ profile: 'epson-tm-t20' })).length;
    expect(size).toBeGreaterThan(300);
    expect(size).toBeLessThan(4096);
  });
});
