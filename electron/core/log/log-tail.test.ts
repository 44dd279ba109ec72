import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ports';
import { tailLogger } from './log-tail';

describe('tailLogger', () => {
  it('keeps the last 100 lines, redacted like the files, and still logs through', () => {
    const seen: string[] = [];
    const log = tailLogger({ ...silentLogger, info: (e) => void seen.push(e) }, { now: () => new Date('2026-11-27T07:00:00Z') });
    for (let i = 0; i < 130; i++) log.info('tick', { i });
    log.warn('identify 5000000000000001', { codToken: 'c0d-t0ken-9f8e', authorization: 'Bearer abc.def', pinHash: 'scrypt$15$x' });
    const lines = log.tail();
    expect(lines).toHaveLength(100);
    expect(lines[0]).toBe('2026-11-27T07:00:00.000Z INFO tick {"i":31}');
    expect(lines.at(-1)).toBe('2026-11-27T07:00:00.000Z WARN identify ••••0001 {}');
    expect(lines.join('\n')).not.toMatch(/c0d-t0ken|Bearer abc|scrypt|5000000000000001/);
    expect(seen).toHaveLength(130);
  });
});
