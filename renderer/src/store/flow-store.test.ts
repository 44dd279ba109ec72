// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { Clinic, Envelope, Ticket } from '../../../electron/common/bridge-contract';
import { createFlowStore } from './flow-store';
import { NOW, clinic, doctor, fail, fakeBridge, ok, ready, referral, slot, ticket, toConfirm } from './test-helpers';

describe('flow store', () => {
  it('boots with kiosk info and waits on Welcome', async () => {
    const store = createFlowStore(fakeBridge());
    await store.getState().boot();
    expect(store.getState().startup).toEqual({ phase: 'ready' });
    expect(store.getState().info?.timeZone).toBe('Europe/Moscow');
    expect(store.getState().screen).toBe('welcome');
  });

  it('reports a failed boot instead of a blank screen', async () => {
    const store = createFlowStore(fakeBridge({ kioskInfo: () => fail('kioskLink', 'network') }));
    await store.getState().boot();
    expect(store.getState().startup).toEqual({ phase: 'failed', problem: 'kioskLink' });
  });

  it('checks input before calling the bridge', async () => {
    const bridge = fakeBridge();
    const store = await ready(bridge);
    store.getState().setDraft({ policy: '5000', day: '05', month: '03', year: '1956' });
    await store.getState().submitIdentify();
    expect(store.getState().identifyProblem?.field).toBe('policy');
    store.getState().setDraft({ policy: '5000000000000001', day: '31', month: '02', year: '1956' });
    await store.getState().submitIdentify();
    expect(store.getState().identifyProblem?.field).toBe('day');
    expect(bridge.identify).not.toHaveBeenCalled();
  });

  it("judges 'future' by the clinic's calendar, not the OS zone", async () => {
    const bridge = fakeBridge();
    const store = await ready(bridge);
    store.getState().setDraft({ policy: '5000000000000001', day: '27', month: '11', year: '2026' });
    await store.getState().submitIdentify();
    expect(store.getState().identifyProblem).toBeNull();
    expect(bridge.identify).toHaveBeenCalledWith({ policy: '5000000000000001', birthDate: '2026-11-27' });
  });

  it('identifies and lists referrals', async () => {
    const bridge = fakeBridge();
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    expect(bridge.identify).toHaveBeenCalledWith({ policy: '5000000000000001', birthDate: '1956-03-05' });
    expect(store.getState().screen).toBe('referrals');
    expect(store.getState().patient).toEqual({ policyMasked: '••••0001' });
    expect(store.getState().referrals).toHaveLength(2);
    expect(store.getState().busy).toBe(false);
  });

  it('identify → referrals is one change for the screen: nothing in between the two answers', async () => {
    const bridge = fakeBridge();
    const store = await ready(bridge);
    const seen: Array<{ screen: string; patient: boolean; busy: boolean }> = [];
    const stop = store.subscribe((st) => seen.push({ screen: st.screen, patient: st.patient !== null, busy: st.busy }));
    await store.getState().submitIdentify();
    stop();
    // Busy on, then the referrals with the patient in one update; never the identify screen
    // re-rendered with a patient and no wait (the render that used to sit between the calls).
    expect(seen).toEqual([
      { screen: 'identify', patient: false, busy: true },
      { screen: 'identify', patient: false, busy: false },
      { screen: 'referrals', patient: true, busy: false },
    ]);
  });

  it('ignores a referral that cannot be booked', async () => {
    const bridge = fakeBridge();
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    await store.getState().chooseReferral('r2');
    expect(bridge.listClinics).not.toHaveBeenCalled();
    expect(store.getState().screen).toBe('referrals');
  });

  it('shows the clinic choice only when there is one to make', async () => {
    const many = await ready(fakeBridge());
    await many.getState().submitIdentify();
    await many.getState().chooseReferral('r1');
    expect(many.getState().screen).toBe('clinics');
    await many.getState().chooseClinic('lpu-2');
    expect(many.getState().screen).toBe('clinics');

    const bridge = fakeBridge({ listClinics: () => ok([clinic('lpu-1')]) });
    const one = await ready(bridge);
    await one.getState().submitIdentify();
    await one.getState().chooseReferral('r1');
    expect(one.getState().screen).toBe('resources');
    expect(bridge.listSchedule).toHaveBeenCalledWith({ referralGuid: 'r1', lpuGuid: 'lpu-1' });
    one.getState().back();
    expect(one.getState().screen).toBe('referrals');
  });

  it('walks to Confirm, books, and prints exactly once', async () => {
    const bridge = fakeBridge();
    const store = await toConfirm(bridge);
    expect(store.getState().screen).toBe('confirm');
    await store.getState().book();
    expect(bridge.book).toHaveBeenCalledWith({
      referralGuid: 'r1',
      lpuGuid: 'lpu-1',
      resourceGuid: 'doc-1',
      date: '2026-11-27',
      time: '09:15',
    });
    expect(store.getState().screen).toBe('ticket');
    expect(store.getState().ticket?.number).toBe('037.91');
    expect(bridge.printTicket).toHaveBeenCalledTimes(1);
    expect(bridge.printTicket).toHaveBeenCalledWith({ ticketGuid: 't-1', again: false, language: 'ru' });
    expect(store.getState().print).toEqual({ phase: 'printed', reprintsLeft: 2, canPrintAgain: true });
  });

  it('asks for a large-print slip when the patient has large print on', async () => {
    const bridge = fakeBridge();
    const store = await toConfirm(bridge);
    store.getState().toggleDisplay();
    await store.getState().book();
    expect(bridge.printTicket).toHaveBeenCalledWith({ ticketGuid: 't-1', again: false, language: 'ru', largePrint: true });
  });

  it('reprints while reprints are left, then stops', async () => {
    let left = 1;
    const bridge = fakeBridge({
      printTicket: vi.fn((i: { again: boolean }) => {
        if (i.again) left -= 1;
        return ok({ jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: left, canPrintAgain: left > 0 });
      }),
    });
    const store = await toConfirm(bridge);
    await store.getState().book();
    await store.getState().reprint();
    await store.getState().reprint();
    expect(bridge.printTicket).toHaveBeenCalledTimes(2);
    expect(bridge.printTicket).toHaveBeenLastCalledWith({ ticketGuid: 't-1', again: true, language: 'ru' });
  });

  it('keeps the ticket and says why when printing fails', async () => {
    const bridge = fakeBridge({
      printTicket: () => ok({ jobId: null, state: 'failed' as const, fault: 'paperEnd' as const, reprintsLeft: 1, canPrintAgain: true }),
    });
    const store = await toConfirm(bridge);
    await store.getState().book();
    expect(store.getState().screen).toBe('ticket');
    expect(store.getState().print).toEqual({ phase: 'failed', fault: 'paperEnd', reprintsLeft: 1, canPrintAgain: true });
  });

  it('an unconfirmed print without a fault of its own asks the patient to look', async () => {
    const bridge = fakeBridge({
      printTicket: () => ok({ jobId: 'j', state: 'uncertain' as const, fault: null, reprintsLeft: 2, canPrintAgain: true }),
    });
    const store = await toConfirm(bridge);
    await store.getState().book();
    expect(store.getState().print).toEqual({ phase: 'uncertain', fault: 'uncertain', reprintsLeft: 2, canPrintAgain: true });
  });

  it('offers «ещё раз» only when the core allows it, and asks the core to print again', async () => {
    const printTicket = vi
      .fn()
      .mockImplementationOnce(() => ok({ jobId: 'j', state: 'failed' as const, fault: 'paperEnd' as const, reprintsLeft: 1, canPrintAgain: false }))
      .mockImplementation(() => ok({ jobId: 'j', state: 'printed' as const, fault: null, reprintsLeft: 1, canPrintAgain: true }));
    const store = await toConfirm(fakeBridge({ printTicket }));
    await store.getState().book();
    await store.getState().reprint();
    expect(printTicket).toHaveBeenCalledTimes(1);
  });

  it('cancels an appointment only after confirmation and says it is cancelled', async () => {
    const appt = { ...ticket, ticketGuid: 'a-1' };
    const listAppointments = vi.fn().mockImplementationOnce(() => ok([appt])).mockImplementation(() => ok([]));
    const cancelAppointment = vi.fn(() => ok(null));
    const store = createFlowStore(fakeBridge({ listAppointments, cancelAppointment }));
    await store.getState().showAppointments();
    store.getState().askCancel('a-1');
    expect(store.getState().cancelling?.ticketGuid).toBe('a-1');
    store.getState().dismissCancel();
    expect(cancelAppointment).not.toHaveBeenCalled();
    store.getState().askCancel('a-1');
    await store.getState().confirmCancel();
    expect(cancelAppointment).toHaveBeenCalledWith({ lpuGuid: appt.clinic.guid, ticketGuid: 'a-1' });
    expect(store.getState().appointments).toEqual([]);
    expect(store.getState().notice).toEqual({ id: 'appointments.cancelled' });
  });

  it('4009: back to Time with fresh cells, the taken one gone', async () => {
    const listSchedule = vi
      .fn()
      .mockImplementationOnce(() => ok([doctor(['09:00', '09:15'])]))
      .mockImplementationOnce(() => ok([doctor(['09:00'])]));
    const bridge = fakeBridge({
      listSchedule,
      book: () => fail('slotTaken'),
    });
    const store = await toConfirm(bridge);
    await store.getState().book();
    const err = store.getState().error;
    expect(err?.step).toBe('pickTime');
    expect(err?.message).toEqual({ id: 'problem.slotTaken' });
    await store.getState().resolveError('pickTime');
    expect(listSchedule).toHaveBeenCalledTimes(2);
    expect(store.getState().screen).toBe('times');
    expect(store.getState().error).toBeNull();
    const times = store.getState().resource?.days[0]?.slots.map((s) => s.time);
    expect(times).toEqual(['09:00']);
  });

  it('4009 on the last cell of a day goes back to Days', async () => {
    const listSchedule = vi
      .fn()
      .mockImplementationOnce(() => ok([doctor(['09:15'])]))
      .mockImplementationOnce(() => ok([{ ...doctor([]), days: [{ date: '2026-11-30', slots: [slot('2026-11-30', '10:00')] }] }]));
    const bridge = fakeBridge({ listSchedule, book: () => fail('slotTaken') });
    const store = await toConfirm(bridge);
    await store.getState().book();
    await store.getState().resolveError('pickTime');
    expect(store.getState().screen).toBe('days');
  });

  it('4008: shows the existing bookings on request', async () => {
    const bridge = fakeBridge({ book: () => fail('alreadyBooked', 'validation', 'Вы уже записаны Петров П. П. на 27.11.2026 09:00.') });
    const store = await toConfirm(bridge);
    await store.getState().book();
    expect(store.getState().error).toMatchObject({ step: 'showExisting', shown: 'Вы уже записаны Петров П. П. на 27.11.2026 09:00.' });
    await store.getState().resolveError('appointments');
    expect(store.getState().screen).toBe('appointments');
    expect(store.getState().appointments).toEqual([ticket]);
  });

  it('a doctor who does not take this patient: back to the doctors, the referral and clinic kept', async () => {
    const bridge = fakeBridge({ book: () => fail('ageOrSexRestricted') });
    const store = await toConfirm(bridge);
    await store.getState().book();
    expect(store.getState().error?.step).toBe('pickDoctor');
    await store.getState().resolveError('pickDoctor');
    expect(store.getState().screen).toBe('resources');
    expect(store.getState().referral?.guid).toBe('r1');
    expect(store.getState().clinic?.guid).toBe('lpu-1');
  });

  it('registry codes end the session on «Завершить»', async () => {
    const bridge = fakeBridge({ identify: () => fail('noCard') });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    expect(store.getState().error?.step).toBe('registry');
    await store.getState().resolveError('finish');
    expect(bridge.endSession).toHaveBeenCalled();
    expect(store.getState().screen).toBe('welcome');
    expect(store.getState().draft.policy).toBe('');
  });

  it('retry re-runs the failed action', async () => {
    const listReferrals = vi
      .fn()
      .mockImplementationOnce(() => fail('cardsUnavailable', 'server'))
      .mockImplementationOnce(() => ok([referral('r1')]));
    const bridge = fakeBridge({ listReferrals });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    expect(store.getState().error?.step).toBe('retry');
    await store.getState().resolveError('retry');
    expect(store.getState().error).toBeNull();
    expect(store.getState().screen).toBe('referrals');
    // The patient stays identified: the retry asks for the list only.
    expect(bridge.identify).toHaveBeenCalledTimes(1);
    expect(listReferrals).toHaveBeenCalledTimes(2);
  });

  it('referral codes reload the list', async () => {
    const bridge = fakeBridge({ listClinics: () => fail('referralExpired') });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    await store.getState().chooseReferral('r1');
    expect(store.getState().error?.step).toBe('referrals');
    await store.getState().resolveError('referrals');
    expect(bridge.listReferrals).toHaveBeenCalledTimes(2);
    expect(store.getState().screen).toBe('referrals');
  });

  it('identify errors go back to Identify with the data kept', async () => {
    const bridge = fakeBridge({ identify: () => fail('patientNotFound') });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    expect(store.getState().error?.step).toBe('identify');
    await store.getState().resolveError('identify');
    expect(store.getState().screen).toBe('identify');
    expect(store.getState().draft.policy).toBe('5000000000000001');
  });

  it('a lost session starts over', async () => {
    const bridge = fakeBridge({ listClinics: () => fail('sessionEnded', 'session') });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    await store.getState().chooseReferral('r1');
    expect(store.getState().error?.step).toBe('startOver');
  });

  it('drops an answer that arrives after the session ended', async () => {
    let release!: () => void;
    const bridge = fakeBridge({
      listReferrals: () =>
        new Promise((resolve) => {
          release = () => resolve({ ok: true, value: [referral('r1')] });
        }),
    });
    const store = await ready(bridge);
    const pending = store.getState().submitIdentify();
    await Promise.resolve();
    await Promise.resolve();
    expect(store.getState().busy).toBe(true);
    store.getState().endSession();
    release();
    await pending;
    expect(store.getState().screen).toBe('welcome');
    expect(store.getState().referrals).toEqual([]);
    expect(store.getState().patient).toBeNull();
    expect(store.getState().busy).toBe(false);
  });

  it('a render crash is reported and wipes the session', async () => {
    const bridge = fakeBridge();
    const store = await toConfirm(bridge);
    store.getState().reportCrash('RangeError: ' + 'x'.repeat(600), 'ticket: TicketScreen');
    expect(bridge.reportError).toHaveBeenCalledWith({ message: 'RangeError: ' + 'x'.repeat(488), where: 'ticket: TicketScreen' });
    expect(bridge.endSession).toHaveBeenCalled();
    expect(store.getState().screen).toBe('welcome');
    expect(store.getState().patient).toBeNull();
  });

  it('Back walks the steps in reverse', async () => {
    const store = await toConfirm(fakeBridge());
    const s = store.getState;
    const trail: string[] = [];
    for (let i = 0; i < 6; i++) {
      s().back();
      trail.push(s().screen);
    }
    expect(trail).toEqual(['times', 'days', 'resources', 'clinics', 'referrals', 'identify']);
    expect(s().draft.policy).toBe('5000000000000001');
    s().back();
    expect(s().screen).toBe('welcome');
    expect(s().draft.policy).toBe('');
  });

  it('«Мои записи» from Welcome: identify, then the list, not the referrals', async () => {
    const bridge = fakeBridge();
    const store = createFlowStore(bridge, { now: () => NOW });
    await store.getState().boot();
    store.getState().start('appointments');
    store.getState().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await store.getState().submitIdentify();
    expect(store.getState().screen).toBe('appointments');
    expect(bridge.listReferrals).not.toHaveBeenCalled();
    await store.getState().printAppointment(ticket.ticketGuid);
    expect(bridge.printTicket).toHaveBeenCalledWith({ ticketGuid: ticket.ticketGuid, again: true, language: 'ru' });
    expect(store.getState().appointmentPrint).toEqual({ ticketGuid: ticket.ticketGuid, phase: 'printed', fault: null, problem: null });
  });

  it('MIS down on the last health check: «Начать» does nothing', async () => {
    const bridge = fakeBridge({ kioskHealth: vi.fn(() => ok({ printer: 'ready' as const, mis: 'down' as const, checkedAt: null })) });
    const store = createFlowStore(bridge, { now: () => NOW });
    await store.getState().boot();
    await store.getState().refreshHealth();
    store.getState().start();
    expect(store.getState().screen).toBe('welcome');
  });

  it('«Отменить» on a long wait drops its answer and leaves the patient where they were; a booking cannot be abandoned', async () => {
    let release: () => void = () => undefined;
    const bridge = fakeBridge({
      listClinics: vi.fn(() => new Promise<Envelope<Clinic[]>>((r) => (release = () => r({ ok: true, value: [clinic('lpu-1'), clinic('lpu-2')] })))),
    });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    const choosing = store.getState().chooseReferral('r1');
    expect(store.getState().waitCancellable).toBe(true);
    store.getState().cancelWait();
    expect(store.getState().busy).toBe(false);
    release();
    await choosing;
    expect(store.getState().screen).toBe('referrals');

    let finish: () => void = () => undefined;
    const booking = fakeBridge({ book: vi.fn(() => new Promise<Envelope<Ticket>>((r) => (finish = () => r({ ok: true, value: ticket })))) });
    const s2 = await toConfirm(booking);
    const p = s2.getState().book();
    expect(s2.getState().busy).toBe(true);
    expect(s2.getState().waitCancellable).toBe(false);
    s2.getState().cancelWait();
    expect(s2.getState().busy).toBe(true);
    finish();
    await p;
    expect(s2.getState().screen).toBe('ticket');
  });

  it('a booking under way is never abandoned: «Начать заново» and the idle end wait for the ticket', async () => {
    let finish: () => void = () => undefined;
    const bridge = fakeBridge({ book: vi.fn(() => new Promise<Envelope<Ticket>>((r) => (finish = () => r({ ok: true, value: ticket })))) });
    const store = await toConfirm(bridge);
    const booking = store.getState().book();
    expect(store.getState().bookingUnderWay).toBe(true);
    store.getState().endSession();
    expect(store.getState().screen).toBe('confirm');
    expect(bridge.endSession).not.toHaveBeenCalled();
    finish();
    await booking;
    expect(store.getState().screen).toBe('ticket');
    expect(store.getState().bookingUnderWay).toBe(false);
    store.getState().endSession();
    expect(store.getState().screen).toBe('welcome');
  });

  it('past its bound a booking no longer holds the patient', async () => {
    vi.useFakeTimers();
    try {
      const bridge = fakeBridge({ book: vi.fn(() => new Promise<Envelope<Ticket>>(() => undefined)) });
      const store = await toConfirm(bridge);
      void store.getState().book();
      expect(store.getState().bookingUnderWay).toBe(true);
      vi.advanceTimersByTime(60_000 + 1);
      expect(store.getState().bookingUnderWay).toBe(false);
      store.getState().endSession();
      expect(store.getState().screen).toBe('welcome');
    } finally {
      vi.useRealTimers();
    }
  });

  it('a blocked printer: the status poll brings «Печать ещё раз» back once the core allows it', async () => {
    const bridge = fakeBridge({
      printTicket: vi.fn(() => ok({ jobId: 'j', state: 'failed' as const, fault: 'paperEnd' as const, reprintsLeft: 1, canPrintAgain: false })),
      printStatus: vi.fn(() => ok({ jobId: null, state: 'failed' as const, fault: 'paperEnd' as const, reprintsLeft: 1, canPrintAgain: true })),
    });
    const store = await toConfirm(bridge);
    await store.getState().book();
    expect(store.getState().print).toMatchObject({ phase: 'failed', canPrintAgain: false });
    await store.getState().refreshPrintStatus();
    expect(bridge.printStatus).toHaveBeenCalledWith({ ticketGuid: ticket.ticketGuid });
    expect(store.getState().print).toMatchObject({ phase: 'failed', canPrintAgain: true });
  });

  it('while a bridge call is pending, other actions that call the bridge are ignored', async () => {
    let release: () => void = () => undefined;
    const bridge = fakeBridge({
      listClinics: vi.fn(() => new Promise<Envelope<Clinic[]>>((r) => (release = () => r({ ok: true, value: [clinic('lpu-1'), clinic('lpu-2')] })))),
    });
    const store = await ready(bridge);
    await store.getState().submitIdentify();
    const first = store.getState().chooseReferral('r1');
    void store.getState().chooseReferral('r1');
    void store.getState().showAppointments();
    store.getState().back();
    expect(bridge.listClinics).toHaveBeenCalledTimes(1);
    expect(bridge.listAppointments).not.toHaveBeenCalled();
    expect(store.getState().screen).toBe('referrals');
    release();
    await first;
    expect(store.getState().screen).toBe('clinics');
  });
});
