import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../ports';
import { LOCK_STEPS_MS, MAX_WRONG, PinGuard } from './pin-guard';
import { filePinGuardStore, memoryPinGuardStore, type PinGuardStore } from './pin-guard-store';

const root = mkdtempSync(path.join(os.tmpdir(), 'infomat-pin-guard-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function recordingLogger() {
  const entries: Array<{ level: string; event: string; data?: Record<string, unknown> }> = [];
  const at = (level: string) => (event: string, data?: Record<string, unknown>) => void entries.push({ level, event, data });
  const log: Logger & { entries: typeof entries } = { entries, info: at('info'), warn: at('warn'), error: at('error'), audit: at('audit') };
  return log;
}

// A fake verify keeps these tests off scrypt's deliberate slowness.
const RIGHT = '246810';
const verify = (pin: string) => pin === RIGHT;
const MIN = 60_000;

/** A guard on a fake monotonic clock with fake timers; `restart` builds a new one on the same store. */
function setup(store: PinGuardStore = memoryPinGuardStore()) {
  let mono = 50_000;
  const timers: Array<{ fn: () => void; at: number; live: boolean }> = [];
  const log = recordingLogger();
  const make = () =>
    new PinGuard({
      pinHash: 'h',
      log,
      verify,
      clock: () => mono,
      store,
      setTimer: (fn, ms) => {
        const t = { fn, at: mono + ms, live: true };
        timers.push(t);
        return t;
      },
      clearTimer: (t) => void ((t as { live: boolean }).live = false),
    });
  const h = { guard: make(), log, store };
  return Object.assign(h, {
    /** Runs the timers in order, each at its own time, as the real clock would. */
    advance(ms: number) {
      const until = mono + ms;
      for (;;) {
        const next = timers.filter((t) => t.live && t.at <= until).sort((x, y) => x.at - y.at)[0];
        if (!next) break;
        mono = next.at;
        next.live = false;
        next.fn();
      }
      mono = until;
    },
    /** A new process: its monotonic clock starts elsewhere, the store is what was written. */
    restart(monoAtStart = 7) {
      for (const t of timers) t.live = false;
      mono = monoAtStart;
      h.guard = make();
      return h.guard;
    },
    wrong(n: number, purpose: 'entry' | 'leave' = 'entry') {
      let last = h.guard.attempt('000000', purpose);
      for (let i = 1; i < n; i++) last = h.guard.attempt('000000', purpose);
      return last;
    },
  });
}

describe('PIN guard: lock and escalation', () => {
  it('five wrong PINs lock the keypad for five minutes, even against the right PIN', () => {
    const s = setup();
    for (let left = MAX_WRONG - 1; left >= 1; left--) expect(s.guard.attempt('0000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: left });
    expect(s.guard.attempt('0000')).toEqual({ ok: false, reason: 'locked', msLeft: 5 * MIN });
    expect(s.guard.attempt(RIGHT)).toEqual({ ok: false, reason: 'locked', msLeft: 5 * MIN });
    s.advance(5 * MIN - 1000);
    expect(s.guard.gate()).toEqual({ state: 'locked', msLeft: 1000 });
    s.advance(1000);
    expect(s.guard.gate()).toEqual({ state: 'ready' });
    expect(s.guard.attempt(RIGHT)).toEqual({ ok: true });
  });

  it('each lock in a row is longer: 5, 15, 60, 60 minutes; the right PIN starts again at 5', () => {
    const s = setup();
    for (const minutes of [5, 15, 60, 60, 60]) {
      expect(s.wrong(MAX_WRONG)).toEqual({ ok: false, reason: 'locked', msLeft: minutes * MIN });
      s.advance(minutes * MIN);
    }
    expect(s.guard.attempt(RIGHT)).toEqual({ ok: true });
    expect(s.wrong(MAX_WRONG)).toEqual({ ok: false, reason: 'locked', msLeft: LOCK_STEPS_MS[0] });
    const locks = s.log.entries.filter((e) => e.event === 'service.locked').map((e) => e.data?.minutes);
    expect(locks).toEqual([5, 15, 60, 60, 60, 5]);
  });

  it('the right PIN between locks resets the count and the level', () => {
    const s = setup();
    s.wrong(2);
    expect(s.guard.attempt(RIGHT)).toEqual({ ok: true });
    expect(s.guard.attempt('0000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
  });

  it('wrong PINs at «Выйти в систему» count under the same lock', () => {
    const s = setup();
    s.wrong(3, 'entry');
    expect(s.wrong(2, 'leave')).toMatchObject({ reason: 'locked', msLeft: 5 * MIN });
  });

  it('audits every attempt, never the PIN typed', () => {
    const s = setup();
    s.guard.attempt('0000');
    s.guard.attempt(RIGHT);
    expect(s.log.entries.filter((e) => e.level === 'audit').map((e) => e.event)).toEqual(['service.wrong_pin', 'service.entered']);
    expect(JSON.stringify(s.log.entries)).not.toMatch(/0000|246810/);
  });

  it('no PIN configured: service mode cannot be entered at all', () => {
    const guard = new PinGuard({ pinHash: undefined, log: recordingLogger(), verify });
    expect(guard.attempt(RIGHT)).toEqual({ ok: false, reason: 'not-configured' });
    expect(guard.gate()).toEqual({ state: 'not-configured' });
  });
});

describe('PIN guard: a restart', () => {
  it('keeps the wrong PINs already typed', () => {
    const s = setup();
    s.wrong(4);
    s.restart();
    expect(s.guard.attempt('0000')).toMatchObject({ reason: 'locked', msLeft: 5 * MIN });
  });

  it('re-arms what was left of the lock on the new process\'s clock, escalation level included', () => {
    const s = setup();
    s.wrong(MAX_WRONG);
    s.advance(5 * MIN);
    s.wrong(MAX_WRONG); // the second lock: 15 minutes
    s.advance(4 * MIN + 30_000); // the minute refresh wrote 11 minutes left
    s.restart(123);
    expect(s.guard.gate()).toEqual({ state: 'locked', msLeft: 11 * MIN });
    expect(s.log.entries.filter((e) => e.event === 'service.lock_resumed').map((e) => e.data)).toEqual([{ minutes: 11, level: 2 }]);
    s.advance(11 * MIN);
    expect(s.guard.gate()).toEqual({ state: 'ready' });
    expect(s.wrong(MAX_WRONG)).toMatchObject({ msLeft: 60 * MIN });
  });

  it('after a clean stop re-arms exactly what was left', () => {
    const s = setup();
    s.wrong(MAX_WRONG);
    s.advance(2 * MIN + 15_000);
    s.guard.dispose();
    s.restart();
    expect(s.guard.gate()).toEqual({ state: 'locked', msLeft: 2 * MIN + 45_000 });
  });

  it('after a lock that ran out is no lock, even if nobody touched the keypad', () => {
    const s = setup();
    s.wrong(MAX_WRONG);
    s.advance(5 * MIN); // the refresh timer sees the end and clears the store
    expect(s.store.load()).toEqual({ wrong: 0, level: 1, lockMsLeft: 0 });
    s.restart();
    expect(s.guard.gate()).toEqual({ state: 'ready' });
  });

  it('does not trust a stored value it could never have written', () => {
    const s = setup(memoryPinGuardStore({ wrong: 99, level: 99, lockMsLeft: 10 ** 12 }));
    expect(s.guard.gate()).toEqual({ state: 'locked', msLeft: 60 * MIN });
    s.advance(60 * MIN);
    expect(s.guard.attempt('0000')).toMatchObject({ reason: 'locked', msLeft: 60 * MIN }); // 4 stored + 1
  });
});

describe('PIN guard: the file in the private data folder', () => {
  it('survives a restart, 0700 folder and 0600 file, and holds no PIN', () => {
    const dir = path.join(root, 'data', 'service');
    const log = recordingLogger();
    const s = setup(filePinGuardStore({ dir, log, now: () => new Date('2026-11-27T10:00:00Z') }));
    s.wrong(MAX_WRONG);
    const text = readFileSync(path.join(dir, 'pin-guard.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ wrong: 0, level: 1, lockMsLeft: 5 * MIN, savedAt: '2026-11-27T10:00:00.000Z' });
    expect(text).not.toContain('000000');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'pin-guard.json')).mode & 0o777).toBe(0o600);
    // Another store on the same folder is what the next process reads.
    const next = setup(filePinGuardStore({ dir, log }));
    expect(next.guard.gate()).toEqual({ state: 'locked', msLeft: 5 * MIN });
  });

  it('a damaged file starts counting again and says so', () => {
    const dir = mkdtempSync(path.join(root, 'broken-'));
    writeFileSync(path.join(dir, 'pin-guard.json'), '{"wrong": 4,');
    const log = recordingLogger();
    const s = setup(filePinGuardStore({ dir, log }));
    expect(s.guard.attempt('0000')).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 4 });
    expect(log.entries.some((e) => e.event === 'service.pin_guard_damaged')).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('a folder it may not use: the guard still locks, in memory', () => {
    const parent = mkdtempSync(path.join(root, 'shared-'));
    const dir = path.join(parent, 'service');
    const s0 = setup(filePinGuardStore({ dir, log: recordingLogger() }));
    s0.guard.attempt('0000');
    chmodSync(dir, 0o777); // writable by others: refused as a private folder
    const log = recordingLogger();
    const s = setup(filePinGuardStore({ dir, log }));
    expect(log.entries.some((e) => e.event === 'service.pin_guard_unavailable')).toBe(true);
    expect(s.wrong(MAX_WRONG)).toMatchObject({ reason: 'locked', msLeft: 5 * MIN });
    chmodSync(dir, 0o700);
  });
});
