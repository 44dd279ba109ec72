import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import type { PrinterReadiness } from '../ports';
import { misAnswered, probeOnce, startProbe } from './probe';

function recorder() {
  const seen: { printer: string[]; mis: boolean[] } = { printer: [], mis: [] };
  return { seen, metrics: { printerReadiness: (s: string) => seen.printer.push(s), misUp: (u: boolean) => seen.mis.push(u) } };
}

describe('MIS up', () => {
  it.each([
    ['no answer', new ApiError('network', null, null, null, 'ECONNREFUSED'), false],
    ['5xx', new ApiError('server', 503, null, null, 'HTTP 503'), false],
    ['a proxy error page', new ApiError('protocol', 502, null, null, 'not JSON'), false],
    ['the MIS does not know this kiosk (4442)', new ApiError('validation', 400, '4442', 'не найдено', 'HTTP 400'), true],
    ['a bug (not an API error)', new TypeError('x'), false],
  ])('%s → up=%s', (_n, err, up) => {
    expect(misAnswered(err)).toBe(up);
  });
});

describe('probeOnce', () => {
  it('reports the printer readiness and MIS reachability', async () => {
    const r = recorder();
    const out = await probeOnce({ printer: { readiness: async (): Promise<PrinterReadiness> => 'paper-end' }, misCheck: async () => [], metrics: r.metrics });
    expect(out).toEqual({ printer: 'paper-end', misUp: true });
    expect(r.seen).toEqual({ printer: ['paper-end'], mis: [true] });
  });

  it('a printer that throws counts as error; no printer as disabled; a MIS that refuses to answer as down', async () => {
    const r = recorder();
    await probeOnce({ printer: { readiness: () => Promise.reject(new Error('boom')) }, misCheck: () => Promise.reject(new ApiError('network', null, null, null, 'x')), metrics: r.metrics });
    await probeOnce({ printer: null, misCheck: async () => [], metrics: r.metrics });
    expect(r.seen).toEqual({ printer: ['error', 'disabled'], mis: [false, true] });
  });
});

describe('startProbe', () => {
  it('probes at once, then on its timer, and stops cleanly', async () => {
    const r = recorder();
    const timers: Array<() => void> = [];
    let cleared = 0;
    const probe = startProbe({
      printer: { readiness: async (): Promise<PrinterReadiness> => 'ready' },
      misCheck: async () => [],
      metrics: r.metrics,
      intervalMs: 30_000,
      setTimer: (fn) => timers.push(fn),
      clearTimer: () => cleared++,
    });
    await probe.now();
    expect(r.seen.printer).toEqual(['ready']);
    timers.at(-1)!();
    await probe.now();
    expect(r.seen.printer.length).toBeGreaterThanOrEqual(2);
    const before = timers.length;
    await probe.stop();
    expect(cleared).toBeGreaterThan(0);
    expect(timers.length).toBe(before);
  });
});
