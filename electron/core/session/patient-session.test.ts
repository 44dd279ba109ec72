import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import { softrustError } from '../mis/softrust-codes';
import type { MisClient } from '../api/mis-client';
import { PatientSession } from './patient-session';
import { SessionError } from './session-error';

const expired = () => softrustError(new ApiError('auth', 403, '5007', 'Время действия токена истекло', 'HTTP 403 5007'));

function fakeClient(tokens: string[]) {
  const getToken = vi.fn(async () => ({ token: tokens.shift() ?? 'none', expiresIn: 1800 }));
  return { client: { getToken } as unknown as MisClient, getToken };
}

describe('PatientSession', () => {
  it('gives the token to calls and refuses calls without a session', async () => {
    const { client } = fakeClient(['tok-1']);
    const s = new PatientSession(client, { idleMs: 60_000 });
    await expect(s.withToken(async (t) => t)).rejects.toBeInstanceOf(SessionError);
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    expect(await s.withToken(async (t) => t)).toBe('tok-1');
  });

  it('end() wipes the token and the identity, and tells the booking ledger', async () => {
    const { client, getToken } = fakeClient(['tok-1', 'tok-2']);
    const onEnd = vi.fn();
    const s = new PatientSession(client, { idleMs: 60_000, onEnd });
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    const before = s.generation;
    s.end();
    expect(s.active).toBe(false);
    expect(onEnd).toHaveBeenCalled();
    expect(s.generation).not.toBe(before);
    await expect(s.withToken(async (t) => t)).rejects.toBeInstanceOf(SessionError);
    // No renewal is possible after end: the identity is gone too.
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(s)).not.toContain('tok-1');
  });

  it('wipes itself after the idle time without calls', async () => {
    vi.useFakeTimers();
    try {
      const { client } = fakeClient(['tok-1']);
      const s = new PatientSession(client, { idleMs: 1000 });
      await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
      vi.advanceTimersByTime(900);
      await s.withToken(async (t) => t); // a call is activity
      vi.advanceTimersByTime(900);
      expect(s.active).toBe(true);
      vi.advanceTimersByTime(200);
      expect(s.active).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an MIS call under way (a booking) is not idleness: the wipe waits for its answer', async () => {
    vi.useFakeTimers();
    try {
      const { client } = fakeClient(['tok-1']);
      const s = new PatientSession(client, { idleMs: 1000 });
      await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
      let answer!: (v: string) => void;
      const booking = s.withToken(() => new Promise<string>((r) => (answer = r)));
      vi.advanceTimersByTime(2500);
      expect(s.active).toBe(true);
      answer('ticket');
      await expect(booking).resolves.toBe('ticket');
      vi.advanceTimersByTime(1100);
      expect(s.active).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('on 5007 re-identifies with the data already given and repeats the call once', async () => {
    const { client, getToken } = fakeClient(['tok-1', 'tok-2']);
    const s = new PatientSession(client, { idleMs: 60_000 });
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    const used: string[] = [];
    const r = await s.withToken(async (t) => {
      used.push(t);
      if (t === 'tok-1') throw expired();
      return 'booked';
    });
    expect(r).toBe('booked');
    expect(used).toEqual(['tok-1', 'tok-2']);
    expect(getToken).toHaveBeenLastCalledWith({ policy: '5000000000000001', birthDate: '1980-01-15' });
  });

  it('parallel calls hitting 5007 share one renewal', async () => {
    const { client, getToken } = fakeClient(['tok-1', 'tok-2', 'tok-3']);
    const s = new PatientSession(client, { idleMs: 60_000 });
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    const call = () => s.withToken(async (t) => {
      if (t === 'tok-1') throw expired();
      return t;
    });
    expect(await Promise.all([call(), call(), call()])).toEqual(['tok-2', 'tok-2', 'tok-2']);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('a second 5007 in a row is not healed forever', async () => {
    const { client } = fakeClient(['tok-1', 'tok-2']);
    const s = new PatientSession(client, { idleMs: 60_000 });
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    await expect(s.withToken(async () => { throw expired(); })).rejects.toMatchObject({ code: '5007' });
  });

  it('other errors pass through untouched', async () => {
    const { client, getToken } = fakeClient(['tok-1']);
    const s = new PatientSession(client, { idleMs: 60_000 });
    await s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    const taken = new ApiError('validation', 400, '4009', 'Это время уже занято. Выберите другое свободное время приема.', 'x');
    await expect(s.withToken(async () => { throw taken; })).rejects.toBe(taken);
    expect(getToken).toHaveBeenCalledTimes(1);
  });

  it('ending the session while a token request is in flight does not revive it', async () => {
    let release: (v: { token: string; expiresIn: number }) => void = () => {};
    const client = { getToken: () => new Promise((r) => (release = r)) } as unknown as MisClient;
    const s = new PatientSession(client, { idleMs: 60_000 });
    const pending = s.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
    s.end();
    release({ token: 'late', expiresIn: 1 });
    await expect(pending).rejects.toBeInstanceOf(SessionError);
    expect(s.active).toBe(false);
  });
});
