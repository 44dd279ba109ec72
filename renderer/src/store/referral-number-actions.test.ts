// The flow on an MIS that finds a referral by number and surname (capabilities.referralByNumber):
// no referral list is asked for, typed text survives every refusal and «Назад», and the found
// referral goes on through the same clinic → doctor steps.
import { describe, expect, it, vi } from 'vitest';
import type { BridgeError, Clinic, Envelope, KioskBridge, KioskInfo, Referral } from '../../../electron/common/bridge-contract';
import type { KioskProblem } from '../../../electron/common/problems';
import { createFlowStore } from './flow-store';

const ok = <T,>(value: T): Promise<Envelope<T>> => Promise.resolve({ ok: true, value });
const refuse = (kind: BridgeError['kind'], problem: KioskProblem) =>
  Promise.resolve({ ok: false as const, error: { kind, problem, shown: null, httpStatus: null } });

const info: KioskInfo = {
  kioskId: 'k1', demo: false, timeZone: 'Europe/Moscow', idleSeconds: 60, typingIdleSeconds: 120, countdownSeconds: 20, ticketSeconds: 30, ticketUnprintedSeconds: 90, repeatGuardMs: 150, pickerGuardMs: 400, spillGuardMs: 300, orientation: 'auto', reach: { offered: true, pictureHeightM: 0.71, bottomEdgeM: 0.8, maxReachM: 1.2 }, language: 'ru',
  printerEnabled: true, reprintLimit: 1, bookingWaitSeconds: 60, scanner: 'none', clinicPhone: '', misRetryMinutes: 5, scannerPlace: 'below',
  voice: { enabled: false, engine: 'auto', rate: 90, volume: 100, kioskEngine: false },
  mis: { listReferrals: false, referralByNumber: true, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false },
};
const clinic: Clinic = { guid: 'lpu-102', name: 'КДЦ №85', fullName: 'КДЦ №85', address: 'Ленинский пр., 168', phone: '', online: true, statusText: null };
const found = (bookable = true): Referral => ({
  guid: 'ref-1', number: '4700000012345', type: 'Consultation', title: 'Кардиология', issuedBy: 'КДЦ №85',
  senderDoctor: null, issuedAt: null, validUntil: null, status: bookable ? 'Active' : 'Expired', bookable, ticket: null,
});

function bridge(over: Partial<KioskBridge> = {}): KioskBridge {
  const never = vi.fn(() => refuse('internal', 'internal'));
  return {
    kioskInfo: vi.fn(() => ok(info)),
    identify: vi.fn(() => ok({ policyMasked: '••••0001' })),
    listReferrals: vi.fn(() => refuse('validation', 'unsupported')),
    findReferral: vi.fn(() => ok(found())),
    listClinics: vi.fn(() => ok([clinic])),
    listSchedule: vi.fn(() => ok([])),
    book: never, listAppointments: vi.fn(() => ok([])), cancelAppointment: never, printTicket: never, printStatus: never,
    endSession: vi.fn(() => ok(null)), reportError: vi.fn(() => ok(null)), takeScan: vi.fn(() => ok(null)), identifyScanned: never, scanKeys: never,
    kioskHealth: vi.fn(() => ok({ printer: 'ready' as const, mis: 'ok' as const, checkedAt: null })),
    patientInput: vi.fn(() => ok(null)),
    scanStop: vi.fn(() => ok(null)),
    ...over,
  } as KioskBridge;
}

async function identified(b: KioskBridge) {
  const store = createFlowStore(b, { now: () => Date.parse('2026-11-26T10:00:00+03:00') });
  await store.getState().boot();
  store.getState().start();
  store.getState().setDraft({ policy: '7800000000000001', day: '12', month: '04', year: '1979' });
  await store.getState().submitIdentify();
  return store;
}

describe('referral by number and surname', () => {
  it('asks for the number after identification instead of a referral list, then the surname', async () => {
    const b = bridge();
    const store = await identified(b);
    expect(store.getState().screen).toBe('referralNumber');
    expect(b.listReferrals).not.toHaveBeenCalled();
    store.getState().submitReferralNumber();
    expect(store.getState().referralProblem).toEqual({ on: 'referralNumber', message: { id: 'referralNumber.empty' } });
    expect(store.getState().screen).toBe('referralNumber');
    store.getState().setReferralNumber('4700000012345');
    store.getState().submitReferralNumber();
    expect(store.getState().screen).toBe('referralSurname');
  });

  it('«Найти» sends the number and the surname, and the referral goes on like a chosen one', async () => {
    const b = bridge();
    const store = await identified(b);
    store.getState().setReferralNumber('4700000012345');
    store.getState().submitReferralNumber();
    store.getState().setSurname('Петров-');
    await store.getState().findReferral();
    expect(b.findReferral).toHaveBeenCalledWith({ number: '4700000012345', surname: 'Петров' });
    expect(b.listClinics).toHaveBeenCalledWith({ referralGuid: 'ref-1' });
    // One clinic that takes bookings: straight to the doctors, as on any MIS.
    expect(store.getState().screen).toBe('resources');
    // «Назад» from the doctors: the surname screen, with what was typed.
    store.getState().back();
    expect(store.getState().screen).toBe('referralSurname');
    expect(store.getState().referralQuery).toEqual({ number: '4700000012345', surname: 'Петров-' });
    store.getState().back();
    expect(store.getState().screen).toBe('referralNumber');
  });

  it.each([
    ['not found', refuse('validation', 'referralNotFound'), { id: 'referralNumber.notFound' }],
    ['the MIS down', refuse('network', 'misUnreachable'), { id: 'problem.misUnreachable' }],
  ])('%s: a calm line on the surname screen, no error panel, the text kept', async (_, answer, said) => {
    const store = await identified(bridge({ findReferral: vi.fn(() => answer) }));
    store.getState().setReferralNumber('4700000012345');
    store.getState().submitReferralNumber();
    store.getState().setSurname('Сидоров');
    await store.getState().findReferral();
    const s = store.getState();
    expect(s.screen).toBe('referralSurname');
    expect(s.error).toBeNull();
    expect(s.referralProblem?.on).toBe('referralSurname');
    expect(s.referralProblem?.message).toEqual(said);
    expect(s.referralQuery).toEqual({ number: '4700000012345', surname: 'Сидоров' });
    // Typing again clears the line.
    s.setSurname('Сидорова');
    expect(store.getState().referralProblem).toBeNull();
  });

  it('a referral that cannot be booked says why and goes nowhere', async () => {
    const b = bridge({ findReferral: vi.fn(() => ok(found(false))) });
    const store = await identified(b);
    store.getState().setReferralNumber('4700000012345');
    store.getState().setSurname('Петров');
    await store.getState().findReferral();
    expect(store.getState().referralProblem?.message).toEqual({ id: 'referral.status.Expired' });
    expect(b.listClinics).not.toHaveBeenCalled();
  });

  it('a lost session is the error panel: nothing typed can help there', async () => {
    const store = await identified(bridge({ findReferral: vi.fn(() => refuse('session', 'sessionEnded')) }));
    store.getState().setReferralNumber('4700000012345');
    store.getState().setSurname('Петров');
    await store.getState().findReferral();
    expect(store.getState().error?.step).toBe('startOver');
  });

  it('«Мои записи» leads back to the number screen, and a new patient starts with nothing typed', async () => {
    const store = await identified(bridge());
    store.getState().setReferralNumber('4700000012345');
    await store.getState().showAppointments();
    expect(store.getState().screen).toBe('appointments');
    store.getState().back();
    expect(store.getState().screen).toBe('referralNumber');
    expect(store.getState().referralQuery.number).toBe('4700000012345');
    store.getState().endSession();
    expect(store.getState().referralQuery).toEqual({ number: '', surname: '' });
  });
});
