// The store's side of the lobby's other jobs: the self-booking flow (a single doctor passed by),
// a reschedule (its own steps, «Назад» to «Мои записи», the right bridge call), «Записаться ещё»
// without identifying again, «Другой пациент» ending the session, «Распечатать все записи» as
// an original then a copy, and the waiting list's number checked and forgotten.
import { describe, expect, it, vi } from 'vitest';
import { FLOWS, stepOf } from './flow';
import { doctor, fakeBridge, info, ok, ready, ticket } from './test-helpers';

const withLobby = { ...info, mis: { ...info.mis, selfBooking: true, reschedule: true, waitingList: true } };
const lobbyBridge = (over: Parameters<typeof fakeBridge>[0] = {}) => fakeBridge({ kioskInfo: vi.fn(() => ok(withLobby)), ...over });
const T1 = { ...ticket, resourceGuid: 'doc-1' };

describe('a doctor without a referral', () => {
  it('specialities → (a single doctor passed by) → day → time → confirm → bookSelf, printed once', async () => {
    const bridge = lobbyBridge();
    const store = await ready(bridge);
    const s = store.getState;
    s().endSession();
    s().start('self');
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await s().submitIdentify();
    expect(s().screen).toBe('specialities');
    expect(stepOf('specialities', FLOWS.self)).toEqual({ step: 2, total: 7, label: 'step.speciality' });
    await s().chooseSpeciality('lpu-1|27');
    // One doctor with free time: no choice to make, the days come next.
    expect(s().screen).toBe('days');
    expect(bridge.listSpecialitySchedule).toHaveBeenCalledWith({ lpuGuid: 'lpu-1', specialityCode: '27' });
    await s().chooseDay('2026-11-27');
    await s().chooseTime('09:15');
    expect(s().screen).toBe('confirm');
    await s().book();
    expect(bridge.bookSelf).toHaveBeenCalledWith({ lpuGuid: 'lpu-1', resourceGuid: 'doc-1', date: '2026-11-27', time: '09:15', timeTableGuid: '2026-11-27-09:15', specialityCode: '27' });
    expect(bridge.book).not.toHaveBeenCalled();
    expect(s().screen).toBe('ticket');
    expect(bridge.printTicket).toHaveBeenCalledTimes(1);
    // «Назад» from the doctor-less days goes to the specialities, not to a doctor screen never seen.
  });

  it('«Назад» from days passes the single doctor by, back to the specialities', async () => {
    const store = await ready(lobbyBridge());
    const s = store.getState;
    s().endSession();
    s().start('self');
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await s().submitIdentify();
    await s().chooseSpeciality('lpu-1|27');
    s().back();
    expect(s().screen).toBe('specialities');
  });
});

describe('«Перенести»', () => {
  async function fromAppointments() {
    const bridge = lobbyBridge({ listAppointments: vi.fn(() => ok([T1])) });
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().showAppointments();
    expect(s().screen).toBe('appointments');
    return { bridge, s };
  }

  it('the same doctor\'s days, its own four steps, and reschedule() with the old ticket', async () => {
    const { bridge, s } = await fromAppointments();
    await s().startReschedule('t-1');
    expect(s().screen).toBe('days');
    expect(s().intent).toBe('reschedule');
    expect(bridge.listDoctorSchedule).toHaveBeenCalledWith({ lpuGuid: 'lpu-1', resourceGuid: 'doc-1' });
    expect(stepOf('days', FLOWS.reschedule)).toMatchObject({ step: 1, total: 4 });
    await s().chooseDay('2026-11-27');
    await s().chooseTime('10:00');
    await s().book();
    expect(bridge.reschedule).toHaveBeenCalledWith(expect.objectContaining({ previousTicketGuid: 't-1', resourceGuid: 'doc-1', time: '10:00' }));
    expect(s().screen).toBe('ticket');
    expect(s().moved).toBe('cancelled');
    expect(s().ticket?.ticketGuid).toBe('t-2');
  });

  it('«Назад» from its first step returns to «Мои записи», read afresh', async () => {
    const { bridge, s } = await fromAppointments();
    await s().startReschedule('t-1');
    s().back();
    await vi.waitFor(() => expect(s().screen).toBe('appointments'));
    expect(s().intent).toBe('appointments');
    expect(bridge.listAppointments).toHaveBeenCalledTimes(2);
  });

  it('is not offered for an appointment whose doctor the MIS did not name', async () => {
    const bridge = lobbyBridge();
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().showAppointments();
    await s().startReschedule('t-1'); // the helpers' ticket has no resourceGuid
    expect(s().screen).toBe('appointments');
    expect(bridge.listDoctorSchedule).not.toHaveBeenCalled();
  });
});

describe('after the ticket', () => {
  async function booked() {
    const bridge = lobbyBridge();
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().chooseReferral('r1');
    await s().chooseClinic('lpu-1');
    await s().chooseResource('doc-1');
    await s().chooseDay('2026-11-27');
    await s().chooseTime('09:15');
    await s().book();
    expect(s().screen).toBe('ticket');
    return { bridge, s };
  }

  it('«Записаться ещё»: the referrals again for the same patient, nothing typed again', async () => {
    const { bridge, s } = await booked();
    await s().bookAnother();
    expect(s().screen).toBe('referrals');
    expect(s().patient).not.toBeNull();
    expect(bridge.identify).toHaveBeenCalledTimes(1);
    expect(bridge.endSession).not.toHaveBeenCalled();
    expect(s().ticket).toBeNull();
  });

  it('«Другой пациент»: this session ends, the next identification starts empty', async () => {
    const { bridge, s } = await booked();
    s().otherPatient();
    expect(bridge.endSession).toHaveBeenCalledTimes(1);
    expect(s().screen).toBe('identify');
    expect(s().patient).toBeNull();
    expect(s().draft.policy).toBe('');
  });
});

describe('«Распечатать все записи»', () => {
  it('prints the list once, and a second tap asks for that slip again (a copy)', async () => {
    const bridge = lobbyBridge();
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().showAppointments();
    await s().printAll();
    expect(bridge.printAppointments).toHaveBeenCalledWith({ language: 'ru' });
    expect(s().allPrint).toMatchObject({ slipId: 's-1', phase: 'printed' });
    await s().printAll();
    expect(bridge.printAppointments).toHaveBeenCalledTimes(1);
    expect(bridge.printTicket).toHaveBeenLastCalledWith({ ticketGuid: 's-1', again: true, language: 'ru' });
  });
});

describe('the waiting list', () => {
  async function offered() {
    const bridge = lobbyBridge({ listSchedule: vi.fn(() => ok([doctor([])])) });
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().chooseReferral('r1');
    await s().chooseClinic('lpu-1');
    expect(s().screen).toBe('resources');
    s().offerWaitlist('noSlots');
    expect(s().screen).toBe('waitlist');
    return { bridge, s };
  }

  it('takes a mobile number (a typed 8 dropped), refuses a landline, sends it once and forgets it', async () => {
    const { bridge, s } = await offered();
    s().setWaitlistPhone('4951234567');
    s().reviewWaitlist();
    expect(s().waitlist?.problem).toEqual({ id: 'waitlist.phoneNotMobile' });
    s().setWaitlistPhone('89161234567');
    expect(s().waitlist?.phone).toBe('9161234567');
    s().reviewWaitlist();
    expect(s().waitlist?.confirming).toBe(true);
    await s().submitWaitlist();
    expect(bridge.joinWaitingList).toHaveBeenCalledWith({ lpuGuid: 'lpu-1', specialityCode: null, referralGuid: 'r1', phone: '9161234567', reason: 'noSlots' });
    expect(s().screen).toBe('waitlistDone');
    expect(s().waitlist?.phone).toBe('');
    expect(s().waitlist?.phoneTail).toBe('67');
    expect(bridge.printTicket).toHaveBeenCalledWith({ ticketGuid: 'w-1', again: false, language: 'ru' });
  });

  it('a short number is named as such; «Назад» forgets what was typed', async () => {
    const { s } = await offered();
    s().setWaitlistPhone('916123');
    s().reviewWaitlist();
    expect(s().waitlist?.problem).toEqual({ id: 'waitlist.phoneShort' });
    s().back();
    expect(s().screen).not.toBe('waitlist');
    await vi.waitFor(() => expect(s().screen).toBe('resources'));
    expect(s().waitlist).toBeNull();
  });

  it('is not offered where the MIS keeps no waiting list', async () => {
    const bridge = fakeBridge({ listSchedule: vi.fn(() => ok([doctor([])])) });
    const store = await ready(bridge);
    const s = store.getState;
    await s().submitIdentify();
    await s().chooseReferral('r1');
    await s().chooseClinic('lpu-1');
    s().offerWaitlist('noSlots');
    expect(s().screen).toBe('resources');
  });
});
