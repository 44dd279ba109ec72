import { describe, expect, it } from 'vitest';
import { encodePolicyPayload, seedPolicyPayload } from '../../../simulator/policy-barcode';
import type { Logger } from '../ports';
import type { PatientSession } from '../session/patient-session';
import { SessionError } from '../session/session-error';
import { ScanInbox } from './scan-inbox';
import { createScanMethods } from './scan-methods';

const NOW = new Date('2026-11-26T10:00:00+03:00');

function setup(opts: { keyboardWedge?: boolean; paused?: () => boolean } = {}) {
  let t = NOW.getTime();
  const lines: string[] = [];
  const rec = (level: string) => (event: string, data?: Record<string, unknown>) => void lines.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
  const log: Logger = { info: rec('info'), warn: rec('warn'), error: rec('error'), audit: rec('audit') };
  const identified: Array<{ policy: string; birthDate: string }> = [];
  const session = { identify: async (id: { policy: string; birthDate: string }) => void identified.push(id) } as unknown as PatientSession;
  const inbox = new ScanInbox({ log, now: () => t, listenWindowMs: 1500, holdMs: 60_000 });
  const m = createScanMethods({ inbox, session, log, timeZone: 'Europe/Moscow', keyboardWedge: opts.keyboardWedge ?? false, patientsPaused: opts.paused, now: () => new Date(t) });
  return { m, inbox, lines, identified, advance: (ms: number) => (t += ms) };
}

describe('identification by scan (core side)', () => {

  it('a policy scanned while a technician has the screen is dropped: nobody is identified with it, then or later', async () => {
    let paused = true;
    const k = setup({ paused: () => paused });
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    expect(await k.m.takeScan()).toBeNull();
    expect(k.lines.some((l) => l.includes('scan.dropped') && l.includes('service-mode'))).toBe(true);
    paused = false;
    expect(await k.m.takeScan()).toBeNull();
    await expect(k.m.identifyScanned()).rejects.toBeInstanceOf(SessionError);
    expect(k.identified).toEqual([]);
  });

  it('a scan held before the technician came cannot identify while service mode is open', async () => {
    let paused = false;
    const k = setup({ paused: () => paused });
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    expect(await k.m.takeScan()).toMatchObject({ kind: 'policy' });
    paused = true;
    await expect(k.m.identifyScanned()).rejects.toBeInstanceOf(SessionError);
    expect(k.identified).toEqual([]);
  });
  it('a paper policy: the screen gets the masked number only; the core identifies with the ENP and birth date it kept', async () => {
    const k = setup();
    expect(await k.m.takeScan()).toBeNull();
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    const event = await k.m.takeScan();
    expect(event).toEqual({ kind: 'policy', policyMasked: '••••0001', expiresOn: null });
    expect(JSON.stringify(event)).not.toMatch(/5000000000000001|СМИРНОВ|АНДРЕЙ/);
    expect(await k.m.identifyScanned()).toEqual({ policyMasked: '••••0001' });
    expect(k.identified).toEqual([{ policy: '5000000000000001', birthDate: '1980-01-15' }]);
    // Once: a second identify needs a second scan.
    await expect(k.m.identifyScanned()).rejects.toBeInstanceOf(SessionError);
    expect(await k.m.takeScan()).toBeNull();
  });

  it('a scan while the screen is not polling (another patient past Identify) is dropped, not saved for later', async () => {
    const k = setup();
    await k.m.takeScan();
    k.advance(5_000);
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    expect(await k.m.takeScan()).toBeNull();
    expect(k.lines.some((l) => l.includes('scan.ignored'))).toBe(true);
  });

  it('a scan that slipped in just after the last poll is dropped when the next poll comes after a gap', async () => {
    const k = setup();
    await k.m.takeScan();
    k.advance(1_000);
    k.inbox.push(seedPolicyPayload('P2'), 'serial');
    k.advance(20_000); // the screen was on Referrals meanwhile, then back on Identify
    expect(await k.m.takeScan()).toBeNull();
  });

  it('a scan after the screen stopped listening is for nobody, even if the patient is back within the window', async () => {
    const k = setup();
    await k.m.takeScan();
    await k.m.scanStop(); // the patient went on to the referrals
    k.advance(200);
    k.inbox.push(seedPolicyPayload('P2'), 'serial');
    k.advance(500); // …and straight back to Identify
    expect(await k.m.takeScan()).toBeNull();
    expect(await k.m.takeScan()).toBeNull();
    expect(k.lines.some((l) => l.includes('scan.ignored'))).toBe(true);
  });

  it('an expired policy is shown as expired and cannot be used to identify', async () => {
    const k = setup();
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1', { expiresOn: '2026-11-25' }), 'serial');
    expect(await k.m.takeScan()).toEqual({ kind: 'expired', policyMasked: '••••0001', expiredOn: '2026-11-25' });
    await expect(k.m.identifyScanned()).rejects.toBeInstanceOf(SessionError);
    expect(k.identified).toEqual([]);
  });

  it('a policy valid until today is still valid (the clinic’s date, not UTC)', async () => {
    const k = setup();
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1', { expiresOn: '2026-11-26' }), 'serial');
    expect(await k.m.takeScan()).toEqual({ kind: 'policy', policyMasked: '••••0001', expiresOn: '2026-11-26' });
  });

  it('a kept policy expires when the screen never asks for it', async () => {
    const k = setup();
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    await k.m.takeScan();
    k.advance(61_000);
    await expect(k.m.identifyScanned()).rejects.toBeInstanceOf(SessionError);
  });

  it('a payload with a birth date in the future is not a usable policy', async () => {
    const k = setup();
    await k.m.takeScan();
    k.inbox.push(encodePolicyPayload({ version: 2, enp: '5000000000000001', surname: 'А', name: 'Б', patronymic: 'В', sex: 'М', birthDate: '2030-01-01', expiresOn: null }), 'serial');
    expect(await k.m.takeScan()).toEqual({ kind: 'unrecognised' });
  });

  it('ENP-only and garbage scans; keyboard digits count only with a keyboard wedge configured', async () => {
    const k = setup({ keyboardWedge: true });
    await k.m.takeScan();
    await k.m.scanKeys({ digits: '5000000000000005' });
    expect(await k.m.takeScan()).toEqual({ kind: 'enp', policy: '5000000000000005' });
    await k.m.scanKeys({ digits: '4607001234567' });
    expect(await k.m.takeScan()).toEqual({ kind: 'unrecognised' });
    const off = setup({ keyboardWedge: false });
    await off.m.takeScan();
    await off.m.scanKeys({ digits: '5000000000000005' });
    expect(await off.m.takeScan()).toBeNull();
  });

  it('logs say what kind of scan came, never the number or the name', async () => {
    const k = setup({ keyboardWedge: true });
    await k.m.takeScan();
    k.inbox.push(seedPolicyPayload('P1'), 'serial');
    await k.m.takeScan();
    await k.m.identifyScanned();
    await k.m.scanKeys({ digits: '5000000000000005' });
    expect(k.lines.length).toBeGreaterThan(2);
    expect(k.lines.join('\n')).not.toMatch(/500000000000000|СМИРНОВ|Смирнов|1980-01-15/i);
  });
});
