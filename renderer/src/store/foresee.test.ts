// The store's side of «say it before the last tap»: a card naming an upcoming appointment
// starts the existing reschedule flow for exactly that appointment, and by number a found
// referral with one is held on the surname screen (said, also aloud) instead of going on.
import { describe, expect, it, vi } from 'vitest';
import { t as translatorFor } from '../../../electron/common/i18n/locales';
import { screenPhrase } from '../voice/phrases';
import { heldReferral } from './foresee';
import { fakeBridge, info, ok, ready, referral, speciality, ticket } from './test-helpers';

const UPCOMING = { ...ticket, ticketGuid: 't-cardio', resourceGuid: 'doc-7', doctorName: 'Константинопольская А. В.' };
const withMoves = { ...info, mis: { ...info.mis, selfBooking: true, reschedule: true } };
const byNumber = { ...withMoves, mis: { ...withMoves.mis, listReferrals: false, referralByNumber: true } };

describe('«Перенести» on a card', () => {
  it('from a referral: the reschedule flow for the appointment the card names, its doctor\'s days first', async () => {
    const bridge = fakeBridge({ kioskInfo: vi.fn(() => ok(withMoves)), listReferrals: vi.fn(() => ok([{ ...referral('r1'), upcoming: UPCOMING }])) });
    const s = (await ready(bridge)).getState;
    await s().submitIdentify();
    expect(s().screen).toBe('referrals');
    await s().startReschedule('t-cardio');
    expect(s().intent).toBe('reschedule');
    expect(s().moving?.ticketGuid).toBe('t-cardio');
    expect(s().screen).toBe('days');
    expect(bridge.listDoctorSchedule).toHaveBeenCalledWith({ lpuGuid: UPCOMING.clinic.guid, resourceGuid: 'doc-7' });
  });

  it('from a speciality card, the same', async () => {
    const bridge = fakeBridge({
      kioskInfo: vi.fn(() => ok(withMoves)),
      listSpecialities: vi.fn(() => ok([{ ...speciality('109', 'Кардиология', null), upcoming: UPCOMING }])),
    });
    const store = await ready(bridge);
    const s = store.getState;
    s().endSession();
    s().start('self');
    s().setDraft({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    await s().submitIdentify();
    expect(s().screen).toBe('specialities');
    await s().startReschedule('t-cardio');
    expect(s().moving?.ticketGuid).toBe('t-cardio');
    expect(s().screen).toBe('days');
  });

  it('the voice says it with the list', async () => {
    const bridge = fakeBridge({ kioskInfo: vi.fn(() => ok(withMoves)), listReferrals: vi.fn(() => ok([{ ...referral('r1'), upcoming: UPCOMING }, referral('r2')])) });
    const s = (await ready(bridge)).getState;
    await s().submitIdentify();
    const phrase = screenPhrase(s(), translatorFor('ru'))!.text;
    expect(phrase).toContain('Кардиология: у\u00a0вас уже есть запись');
    expect(phrase).toContain('«Перенести»');
    // Once: the second cardiology referral has nothing to say.
    expect(phrase.match(/уже есть запись/g)).toHaveLength(1);
  });

  it('where the MIS cannot move it, neither the card nor the voice offers «Перенести»', async () => {
    const noMoves = { ...withMoves, mis: { ...withMoves.mis, reschedule: false } };
    const bridge = fakeBridge({ kioskInfo: vi.fn(() => ok(noMoves)), listReferrals: vi.fn(() => ok([{ ...referral('r1'), upcoming: UPCOMING }])) });
    const s = (await ready(bridge)).getState;
    await s().submitIdentify();
    const phrase = screenPhrase(s(), translatorFor('ru'))!.text;
    expect(phrase).toContain('уже есть запись');
    expect(phrase).not.toContain('Перенести');
    await s().startReschedule('t-cardio');
    expect(s().screen).toBe('referrals');
  });
});

describe('by number: a found referral with an upcoming appointment is held', () => {
  async function found(upcoming: typeof UPCOMING | null) {
    const r = { ...referral('r1'), number: '4700000052345', upcoming };
    const bridge = fakeBridge({ kioskInfo: vi.fn(() => ok(byNumber)), findReferral: vi.fn(() => ok(r)) });
    const s = (await ready(bridge)).getState;
    await s().submitIdentify();
    expect(s().screen).toBe('referralNumber');
    s().setReferralNumber('4700000052345');
    s().submitReferralNumber();
    s().setSurname('ЗАЙЦЕВА');
    await s().findReferral();
    return { bridge, s };
  }

  it('stays on the surname screen with it (and says it), until the patient taps it', async () => {
    const { bridge, s } = await found(UPCOMING);
    expect(s().screen).toBe('referralSurname');
    expect(heldReferral(s())?.guid).toBe('r1');
    expect(bridge.listClinics).not.toHaveBeenCalled();
    expect(screenPhrase(s(), translatorFor('ru'))!.text).toContain('уже есть запись');
    await s().chooseReferral('r1');
    expect(bridge.listClinics).toHaveBeenCalledWith({ referralGuid: 'r1' });
    expect(s().screen).not.toBe('referralSurname');
  });

  it('another surname typed lets it go: it was the last lookup\'s', async () => {
    const { s } = await found(UPCOMING);
    s().setSurname('ЗАЙЦЕВ');
    expect(heldReferral(s())).toBeNull();
  });

  it('without one, the referral goes straight on, as before', async () => {
    const { bridge, s } = await found(null);
    expect(heldReferral(s())).toBeNull();
    expect(bridge.listClinics).toHaveBeenCalled();
  });
});
