import { describe, expect, it } from 'vitest';
import type { PrinterReadiness, SlipPrinter } from '../ports';
import { silentLogger } from '../ports';
import { createHealthMonitor } from './health-monitor';
import type { MisReach } from './mis-probe';

function fakePrinter(r: { value: PrinterReadiness }): SlipPrinter {
  return {
    printSlip: () => Promise.reject(new Error('not in this test')),
    history: () => Promise.reject(new Error('not in this test')),
    readiness: async () => r.value,
    journalFault: () => null,
  };
}

/** Timers under the test's hand: `fire()` runs the one pending tick. */
function manualTimers() {
  let pending: (() => void) | null = null;
  return {
    setTimer: (fn: () => void) => {
      pending = fn;
      return 1;
    },
    clearTimer: () => {
      pending = null;
    },
    get armed() {
      return pending !== null;
    },
    fire() {
      const fn = pending;
      pending = null;
      fn?.();
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('health monitor', () => {
  it('checks at start, then on every idle tick; paper end and a MIS outage show, and recover', async () => {
    const paper = { value: 'ready' as PrinterReadiness };
    let mis: MisReach = 'ok';
    let probes = 0;
    const timers = manualTimers();
    const h = createHealthMonitor({
      printer: fakePrinter(paper),
      probeMis: async () => {
        probes++;
        return mis;
      },
      intervalMs: 30_000,
      idle: () => true,
      log: silentLogger,
      ...timers,
    });
    expect(h.last()).toMatchObject({ printer: 'unknown', mis: 'unknown', checkedAt: null });
    h.start();
    await settle();
    expect(h.last()).toMatchObject({ printer: 'ready', mis: 'ok' });
    expect(h.last().checkedAt).not.toBeNull();
    paper.value = 'paper-end';
    mis = 'down';
    timers.fire();
    await settle();
    expect(h.last()).toMatchObject({ printer: 'paper-end', mis: 'down' });
    paper.value = 'ready';
    mis = 'ok';
    timers.fire();
    await settle();
    expect(h.last()).toMatchObject({ printer: 'ready', mis: 'ok' });
    expect(probes).toBe(3);
    h.stop();
    expect(timers.armed).toBe(false);
  });

  it('leaves the MIS alone while a patient is at the screen', async () => {
    let probes = 0;
    let idle = true;
    const timers = manualTimers();
    const h = createHealthMonitor({
      printer: null,
      probeMis: async () => {
        probes++;
        return 'ok';
      },
      intervalMs: 1000,
      idle: () => idle,
      log: silentLogger,
      ...timers,
    });
    h.start();
    await settle();
    expect(probes).toBe(1);
    idle = false;
    timers.fire();
    await settle();
    timers.fire();
    await settle();
    expect(probes).toBe(1);
    // The timer keeps running, so checks resume when the patient leaves.
    expect(timers.armed).toBe(true);
    idle = true;
    timers.fire();
    await settle();
    expect(probes).toBe(2);
    h.stop();
  });

  it('a kiosk without a printer says «disabled»; a probe that throws counts as down; parallel checks share one', async () => {
    let probes = 0;
    const h = createHealthMonitor({
      printer: null,
      probeMis: async () => {
        probes++;
        throw new Error('boom');
      },
      intervalMs: 1000,
      idle: () => true,
      log: silentLogger,
      ...manualTimers(),
    });
    expect(h.last().printer).toBe('disabled');
    const [a, b] = await Promise.all([h.check(), h.check()]);
    expect(a).toBe(b);
    expect(probes).toBe(1);
    expect(a).toMatchObject({ printer: 'disabled', mis: 'down' });
  });

  it('as a patient starts only the printer is looked at: no MIS probe, the last MIS state kept', async () => {
    let probes = 0;
    const paper: { value: PrinterReadiness } = { value: 'ready' };
    const printer = fakePrinter(paper);
    const h = createHealthMonitor({
      printer,
      probeMis: async () => {
        probes++;
        return 'down';
      },
      intervalMs: 1000,
      idle: () => true,
      log: silentLogger,
      ...manualTimers(),
    });
    await h.check();
    expect(probes).toBe(1);
    paper.value = 'paper-end';
    const after = await h.checkPrinter();
    expect(probes).toBe(1);
    expect(after).toMatchObject({ printer: 'paper-end', mis: 'down' });
    expect(h.last()).toBe(after);
  });
});
