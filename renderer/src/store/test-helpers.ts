// The fake bridge and the seed of the store's tests (flow-store.test.ts, flow.test.ts). Tests only.
import { vi } from 'vitest';
import type {
  BridgeError,
  Clinic,
  Envelope,
  KioskBridge,
  KioskInfo,
  Referral,
  Resource,
  Speciality,
  Ticket,
} from '../../../electron/common/bridge-contract';
import type { KioskProblem } from '../../../electron/common/problems';
import { refusingServiceBridge } from '../service/service-bridge-stub';
import { createFlowStore, type FlowStoreOptions } from './flow-store';

export const ok = <T,>(value: T): Promise<Envelope<T>> => Promise.resolve({ ok: true, value });
export const fail = (problem: KioskProblem, kind: BridgeError['kind'] = 'validation', shown: string | null = null) =>
  Promise.resolve({ ok: false as const, error: { kind, problem, shown, httpStatus: 400 } });

export const info: KioskInfo = {
  kioskId: 'k1',
  demo: false,
  timeZone: 'Europe/Moscow',
  idleSeconds: 60,
  typingIdleSeconds: 120,
  countdownSeconds: 20,
  ticketSeconds: 30,
  ticketUnprintedSeconds: 90,
  repeatGuardMs: 150,
  pickerGuardMs: 400,
  spillGuardMs: 300,
  orientation: 'auto',
  reach: { offered: true, pictureHeightM: 0.71, bottomEdgeM: 0.8, maxReachM: 1.2 },
  language: 'ru',
  printerEnabled: true,
  reprintLimit: 2,
  bookingWaitSeconds: 60,
  scanner: 'none',
  clinicPhone: '8-495-123-45-67',
  misRetryMinutes: 5,
  scannerPlace: 'below',
  voice: { enabled: true, engine: 'espeak-ng', rate: 90, volume: 100, kioskEngine: true },
  mis: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false },
};

export const clinicRef = { guid: 'lpu-1', name: 'Поликлиника №1', fullName: 'ГБУЗ «Поликлиника №1»', address: 'ул. Ленина, 1', phone: '1' };
export const clinic = (guid: string, online = true): Clinic => ({ ...clinicRef, guid, online, statusText: online ? null : 'нет связи' });

export const referral = (guid: string, bookable = true): Referral => ({
  guid,
  number: 'N-' + guid,
  type: 'Consultation',
  title: 'Кардиология',
  issuedBy: 'Поликлиника №1',
  senderDoctor: null,
  issuedAt: null,
  validUntil: '2026-12-12T00:00:00+03:00',
  status: bookable ? 'Active' : 'Expired',
  bookable,
  ticket: null,
});

export const slot = (date: string, time: string) => ({
  time,
  beginTime: `${date}T${time}:00+03:00`,
  endTime: `${date}T${time}:00+03:00`,
  timeTableGuid: `${date}-${time}`,
});

export const doctor = (times: string[]): Resource => ({
  resourceGuid: 'doc-1',
  resType: 'Doctor',
  name: 'Петров П. П.',
  role: 'Врач-кардиолог',
  speciality: 'Кардиология',
  room: '214',
  floor: 2,
  days: times.length ? [{ date: '2026-11-27', slots: times.map((t) => slot('2026-11-27', t)) }] : [],
});

export const ticket: Ticket = {
  ticketGuid: 't-1',
  number: '037.91',
  room: '214',
  floor: 2,
  beginTime: '2026-11-27T09:15:00+03:00',
  endTime: '2026-11-27T09:30:00+03:00',
  doctorName: 'Петров П. П.',
  doctorRole: 'Врач-кардиолог',
  speciality: 'Кардиология',
  resType: 'Doctor',
  clinic: clinicRef,
  bookedAt: null,
};

export const speciality = (code: string, name: string, nearest: string | null): Speciality => ({ code, name, clinic: clinicRef, nearest });

export function fakeBridge(over: Partial<KioskBridge> = {}): KioskBridge {
  return {
    kioskInfo: vi.fn(() => ok(info)),
    identify: vi.fn(() => ok({ policyMasked: '••••0001' })),
    listReferrals: vi.fn(() => ok([referral('r1'), referral('r2', false)])),
    findReferral: vi.fn(() => ok(referral('r1'))),
    listClinics: vi.fn(() => ok([clinic('lpu-1'), clinic('lpu-2', false)])),
    listSchedule: vi.fn(() => ok([doctor(['09:00', '09:15'])])),
    book: vi.fn(() => ok(ticket)),
    listAppointments: vi.fn(() => ok([ticket])),
    cancelAppointment: vi.fn(() => ok(null)),
    printTicket: vi.fn(() => ok({ jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: 2, canPrintAgain: true })),
    printStatus: vi.fn(() => ok({ jobId: null, state: 'printed' as const, fault: null, reprintsLeft: 2, canPrintAgain: true })),
    endSession: vi.fn(() => ok(null)),
    reportError: vi.fn(() => ok(null)),
    takeScan: vi.fn(() => ok(null)),
    identifyScanned: vi.fn(() => ok({ policyMasked: '••••0001' })),
    scanKeys: vi.fn(() => ok(null)),
    kioskHealth: vi.fn(() => ok({ printer: 'ready' as const, mis: 'ok' as const, checkedAt: null })),
    patientInput: vi.fn(() => ok(null)),
    speak: vi.fn(() => ok({ accepted: true })),
    speechStop: vi.fn(() => ok(null)),
    scanStop: vi.fn(() => ok(null)),
    listSpecialities: vi.fn(() => ok([speciality('27', 'Терапевт', '2026-11-27T09:00:00+03:00'), speciality('51', 'Эндокринолог', null)])),
    listSpecialitySchedule: vi.fn(() => ok([doctor(['09:00', '09:15'])])),
    listDoctorSchedule: vi.fn(() => ok([doctor(['10:00', '10:15'])])),
    bookSelf: vi.fn(() => ok(ticket)),
    reschedule: vi.fn(() => ok({ ticket: { ...ticket, ticketGuid: 't-2', beginTime: '2026-11-27T10:00:00+03:00' }, previous: ticket, old: 'cancelled' as const })),
    joinWaitingList: vi.fn(() => ok({ slipId: 'w-1', reference: 'W-1' })),
    printAppointments: vi.fn(() => ok({ slipId: 's-1', result: { jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: 2, canPrintAgain: true } })),
    ...refusingServiceBridge(),
    ...over,
  };
}

// 2026-11-27 01:00 in Moscow is still 26 November in New York, where the tests run.
export const NOW = Date.parse('2026-11-27T01:00:00+03:00');

export async function ready(bridge: KioskBridge, opts: FlowStoreOptions = {}) {
  const store = createFlowStore(bridge, { now: () => NOW, ...opts });
  await store.getState().boot();
  store.getState().start();
  store.getState().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
  return store;
}

export async function toConfirm(bridge: KioskBridge) {
  const store = await ready(bridge);
  const s = store.getState;
  await s().submitIdentify();
  await s().chooseReferral('r1');
  await s().chooseClinic('lpu-1');
  await s().chooseResource('doc-1');
  await s().chooseDay('2026-11-27');
  await s().chooseTime('09:15');
  return store;
}
