import { describe, expect, it } from 'vitest';
import { blockingFault, isStatusByte, parseStatus, statusBytes } from './status';

const OK = [0x12, 0x12, 0x12, 0x12];
const withByte = (index: number, value: number): number[] => OK.map((b, i) => (i === index ? b | value : b));

describe('parseStatus', () => {
  it('reads an idle printer as ready', () => {
    expect(parseStatus(OK)).toEqual({ online: true, coverOpen: false, paperEnd: false, paperNearEnd: false, error: false, raw: OK });
    expect(blockingFault(parseStatus(OK))).toBeNull();
  });

  it.each([
    ['n=1 bit 3 offline', 0, 0x08, { online: false }],
    ['n=2 bit 2 cover open', 1, 0x04, { coverOpen: true }],
    ['n=2 bit 5 stopped by paper end', 1, 0x20, { paperEnd: true }],
    ['n=2 bit 6 error', 1, 0x40, { error: true }],
    ['n=3 bit 2 mechanical error', 2, 0x04, { error: true }],
    ['n=3 bit 3 autocutter error', 2, 0x08, { error: true }],
    ['n=3 bit 5 unrecoverable error', 2, 0x20, { error: true }],
    ['n=3 bit 6 auto-recoverable error', 2, 0x40, { error: true }],
    ['n=4 bits 2-3 paper near end', 3, 0x0c, { paperNearEnd: true }],
    ['n=4 bits 5-6 paper end', 3, 0x60, { paperEnd: true }],
  ])('%s', (_name, index, bit, expected) => {
    const s = parseStatus(withByte(index, bit));
    const base = { online: true, coverOpen: false, paperEnd: false, paperNearEnd: false, error: false };
    expect({ ...s, raw: undefined }).toEqual({ ...base, ...expected, raw: undefined });
  });

  it('reports paper end, not near end, when both sensors fire', () => {
    const s = parseStatus(withByte(3, 0x6c));
    expect(s.paperEnd).toBe(true);
    expect(s.paperNearEnd).toBe(false);
  });

  it('refuses bytes that are not DLE EOT answers', () => {
    expect(() => parseStatus([0x12, 0x12, 0x12])).toThrow(/4 status bytes/);
    expect(() => parseStatus([0x12, 0x12, 0x41, 0x12])).toThrow(/not a DLE EOT answer/);
    expect(isStatusByte(0x16)).toBe(true);
    expect(isStatusByte(0x92)).toBe(false);
  });

  it('gives the patient a reason for every blocking state and lets near end print', () => {
    const msg = (bytes: number[]) => blockingFault(parseStatus(bytes));
    expect(msg(withByte(3, 0x60))).toBe('paperEnd');
    expect(msg(withByte(1, 0x04))).toBe('coverOpen');
    expect(msg(withByte(0, 0x08))).toBe('offline');
    expect(msg(withByte(2, 0x20))).toBe('error');
    expect(msg(withByte(3, 0x0c))).toBeNull();
  });

  it('round-trips the bytes the virtual printer sends', () => {
    for (const flags of [
      { online: true, coverOpen: false, paperEnd: true, paperNearEnd: false, error: false },
      { online: true, coverOpen: true, paperEnd: false, paperNearEnd: false, error: false },
      { online: true, coverOpen: false, paperEnd: false, paperNearEnd: true, error: false },
      { online: false, coverOpen: false, paperEnd: false, paperNearEnd: false, error: false },
    ]) {
      const { raw: _raw, ...parsed } = parseStatus(statusBytes(flags));
      // A real printer also reports itself offline while the paper is out or the cover open.
      expect(parsed).toEqual({ ...flags, online: flags.online && !flags.paperEnd && !flags.coverOpen });
    }
  });
});
