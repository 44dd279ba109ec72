// Say it before the last tap: which upcoming appointment a referral's or a speciality's card
// names, and what it costs the MIS. The clinic is in Moscow (+03:00); vitest runs under
// America/New_York (vitest.config.mts), so a day boundary that only holds in one zone shows.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/bridge-contract';
import { ApiError } from '../api/api-error';
import type { Direction, LpuWithStatus, TicketVisitWithLpu } from '../api/schemas';
import { KioskConfigSchema } from '../config/schema';
import type { Mis, SelfBookingSpeciality } from '../mis/port';
import { silentLogger } from '../ports';
import { PatientSession } from '../session/patient-session';
import { cancelledVisit, upcomingTo, upcomingVisits } from './foresight';
import { createKioskService } from './kiosk-service';
import { BookingLedger } from './ledger';
import { createViewModels } from './view-models';

const TZ = 'Europe/Moscow';
// 23:30 in Moscow is 15:30 the same day in New York: «today» differs between the two at midnight.
const NOW = new Date('2026-12-07T23:30:00+03:00');
const LPU = 'a1b2c3d4-0000-4000-8000-000000000001';
const DOC = 'd0c00000-0000-4000-8000-000000000001';
const lpu: LpuWithStatus = { guid: LPU, name: 'Поликлиника № 1', fullName: '', address: '', phone: '' };
const vm = createViewModels({ timeZone: TZ });

let n = 0;
function visit(beginTime: string, speciality = 'Кардиология', extra: Partial<TicketVisitWithLpu> = {}): TicketVisitWithLpu {
  n++;
  return {
    lpu, num: `T-${n}`, room: '214', flat: 2, ticketGuid: `0000${String(n).padStart(4, '0')}-0000-4000-8000-000000000000`, timeTableGuid: '',
    docFio: 'Иванова Анна Петровна', docGuid: DOC, resType: 'Doctor', doctorRole: 'Врач-кардиолог', speciality, beginTime, endTime: beginTime, ...extra,
  };
}
const cancelled = (v: TicketVisitWithLpu): TicketVisitWithLpu => ({
  ...v,
  history: [
    { element: 'Status', newValue: 'Active' },
    { element: 'Status', oldValue: 'Active', newValue: 'Cancelled' },
  ],
});

describe('which visits count', () => {
  it('only those still ahead in the clinic, whatever the zone the kiosk process runs in', () => {
    const past = visit('2026-12-07T23:00:00+03:00'); // an hour ago; still 12-07 in both zones
    const afterMidnight = visit('2026-12-08T00:10:00+03:00'); // tomorrow in Moscow, still 12-07 in New York
    const wallClock = visit('2026-12-08T09:00:00'); // no offset: the clinic's wall clock
    const list = upcomingVisits([wallClock, past, afterMidnight], NOW.getTime(), vm);
    expect(list.map((t) => t.beginTime)).toEqual(['2026-12-08T00:10:00+03:00', '2026-12-08T09:00:00+03:00']);
  });

  it('a visit the MIS lists as cancelled does not count; one cancelled and booked again does', () => {
    const gone = cancelled(visit('2026-12-09T10:00:00+03:00'));
    const again = { ...visit('2026-12-09T11:00:00+03:00'), history: [{ element: 'Status', newValue: 'Cancelled' }, { element: 'Status', newValue: 'Active' }] };
    expect(cancelledVisit(gone)).toBe(true);
    expect(cancelledVisit(again)).toBe(false);
    expect(upcomingVisits([gone, again], NOW.getTime(), vm).map((t) => t.ticketGuid)).toEqual([again.ticketGuid]);
  });

  it('an unreadable visit costs only itself', () => {
    expect(upcomingVisits([visit('когда-нибудь'), visit('2026-12-09T10:00:00+03:00')], NOW.getTime(), vm)).toHaveLength(1);
  });
});

describe('which card names it', () => {
  const known = upcomingVisits(
    [visit('2026-12-10T10:00:00+03:00', 'Неврология'), visit('2026-12-09T10:00:00+03:00', ' КАРДИОЛОГИЯ '), visit('2026-12-11T10:00:00+03:00', 'Кардиология')],
    NOW.getTime(),
    vm,
  );

  it('the earliest appointment to the same speciality, by name regardless of case, spaces and ё', () => {
    expect(upcomingTo('Кардиология', known, NOW.getTime())?.beginTime).toBe('2026-12-09T10:00:00+03:00');
    expect(upcomingTo('неврология', known, NOW.getTime())?.speciality).toBe('Неврология');
    expect(upcomingTo('Неврoлогия  ', known, NOW.getTime())).toBeNull(); // a Latin «o»: another name
  });

  it('nothing for another speciality, for a card without a name, or when the visits are unknown', () => {
    expect(upcomingTo('Хирургия', known, NOW.getTime())).toBeNull();
    expect(upcomingTo(null, known, NOW.getTime())).toBeNull();
    expect(upcomingTo('', known, NOW.getTime())).toBeNull();
    expect(upcomingTo('Кардиология', null, NOW.getTime())).toBeNull();
  });

  it('a visit without a speciality matches nothing', () => {
    const blank = upcomingVisits([visit('2026-12-09T10:00:00+03:00', '')], NOW.getTime(), vm);
    expect(upcomingTo('', blank, NOW.getTime())).toBeNull();
  });
});

// ---------- through the kiosk service: the cards, and the one request per session ----------

const CARDIO_REF = '5b0c8f0e-0000-4000-8000-000000000601';
const BOOKED_REF = '5b0c8f0e-0000-4000-8000-000000000602';
const NEURO_REF = '5b0c8f0e-0000-4000-8000-000000000603';

function fakeMis(opts: { visits?: () => Promise<TicketVisitWithLpu[]>; kind?: 'softrust' | 'n3' } = {}) {
  const cardio = visit('2026-12-09T09:15:00+03:00');
  const list: TicketVisitWithLpu[] = [cardio, cancelled(visit('2026-12-10T09:15:00+03:00', 'Неврология'))];
  const asked: { visits: { lpuGuid?: string }[] } = { visits: [] };
  const direction = (guid: string, speciality: string, extra: Partial<Direction> = {}): Direction => ({
    guid, number: guid.slice(-6), type: 'Consultation', status: 'Active', speciality: { code: '1', name: speciality }, lpuTo: [{ lpuGuid: LPU, name: '', mcod: '' }], ...extra,
  });
  const specialities: SelfBookingSpeciality[] = [
    { lpu, code: '109', name: 'Кардиология', nearest: '2026-12-10T08:00:00+03:00' },
    { lpu, code: '53', name: 'Неврология', nearest: '2026-12-10T08:00:00+03:00' },
  ];
  const mis: Mis = {
    kind: opts.kind ?? 'softrust',
    capabilities: { listReferrals: true, referralByNumber: true, visits: true, cancel: true, clientApplicationCheck: false, selfBooking: true, reschedule: true, waitingList: false },
    rescheduleMovesOld: false,
    start: async () => ({ scheduleDays: 14, note: '' }),
    scheduleDays: () => 14,
    identify: async () => ({ token: 'token-1234567890', expiresIn: null }),
    referrals: async () => [
      direction(CARDIO_REF, 'Кардиология'),
      // Booked: it shows its own ticket, not a warning about another.
      direction(BOOKED_REF, 'Кардиология', { status: 'Booked', ticket: cardio }),
      direction(NEURO_REF, 'Неврология'),
    ],
    referralByNumber: async () => direction(CARDIO_REF, 'Кардиология'),
    clinics: async () => [lpu],
    schedule: async () => [],
    book: async () => {
      throw new Error('not here');
    },
    visits: async (_t, q) => {
      asked.visits.push({ ...(q?.lpuGuid ? { lpuGuid: q.lpuGuid } : {}) });
      return opts.visits ? opts.visits() : [...list];
    },
    cancel: async (_t, _l, guid) => {
      const i = list.findIndex((v) => v.ticketGuid === guid);
      if (i >= 0) list.splice(i, 1);
    },
    selfBookingSpecialities: async () => specialities,
    specialitySchedule: async () => [],
    resourceSchedule: async () => [],
    bookSlot: async (_t, body) => {
      const v = visit(`${body.date}T${body.time}:00+03:00`, 'Неврология');
      list.push(v);
      return v;
    },
    joinWaitingList: async () => ({ reference: null }),
  };
  return { mis, asked, cardio };
}

async function kiosk(opts: Parameters<typeof fakeMis>[0] = {}) {
  const m = fakeMis(opts);
  const ledger = new BookingLedger();
  const session = new PatientSession({ getToken: (who) => m.mis.identify(who) }, { idleMs: 60_000, onEnd: () => ledger.clear() });
  const config = KioskConfigSchema.parse({ api: { baseUrl: 'https://mis.example.ru/api' }, timeZone: TZ });
  const service = createKioskService({ config, mis: m.mis, session, ledger, log: silentLogger, slipPrinter: null, now: () => NOW, sleep: async () => {} });
  await service.identify({ policy: '5000000000000006', birthDate: '1970-12-12' });
  return { ...m, service, session, ledger };
}

const flagOf = (x: { upcoming?: Ticket | null }) => x.upcoming?.ticketGuid ?? null;

describe('the cards say it, for one MIS request per session', () => {
  it('the cardiology referral names the cardiology appointment; a booked one and another speciality do not', async () => {
    const k = await kiosk();
    const referrals = await k.service.listReferrals({});
    const by = new Map(referrals.map((r) => [r.guid, r]));
    expect(flagOf(by.get(CARDIO_REF)!)).toBe(k.cardio.ticketGuid);
    expect(flagOf(by.get(BOOKED_REF)!)).toBeNull();
    // The neurology visit was cancelled: nothing to say on the neurology referral.
    expect(flagOf(by.get(NEURO_REF)!)).toBeNull();
    // Named on the card, so «Перенести» can move it.
    expect(k.ledger.ticket(k.cardio.ticketGuid)).toBeDefined();
  });

  it('referrals, specialities and a referral by number share one visits request; the next patient has their own', async () => {
    const k = await kiosk();
    await k.service.listReferrals({});
    const specialities = await k.service.listSpecialities({});
    expect(specialities.map((s) => [s.code, flagOf(s)])).toEqual([['109', k.cardio.ticketGuid], ['53', null]]);
    expect(flagOf(await k.service.findReferral({ number: '000601', surname: 'Сидоров' }))).toBe(k.cardio.ticketGuid);
    expect(k.asked.visits).toHaveLength(1);
    await k.service.endSession({});
    expect(k.ledger.ticket(k.cardio.ticketGuid)).toBeUndefined();
    await k.service.identify({ policy: '5000000000000006', birthDate: '1970-12-12' });
    await k.service.listReferrals({});
    expect(k.asked.visits).toHaveLength(2);
  });

  it('by number, the referral\'s own clinic is the one asked (an MIS with a history per clinic reads one)', async () => {
    const k = await kiosk({ kind: 'n3' });
    await k.service.findReferral({ number: '000601', surname: 'Сидоров' });
    expect(k.asked.visits).toEqual([{ lpuGuid: LPU }]);
  });

  it('«Мои записи» refreshes what the cards know; a cancellation there takes the flag away without asking again', async () => {
    const k = await kiosk();
    await k.service.listReferrals({});
    await k.service.listAppointments({});
    await k.service.cancelAppointment({ lpuGuid: LPU, ticketGuid: k.cardio.ticketGuid });
    const asked = k.asked.visits.length;
    const referrals = await k.service.listReferrals({});
    expect(flagOf(referrals.find((r) => r.guid === CARDIO_REF)!)).toBeNull();
    expect(k.asked.visits).toHaveLength(asked);
  });

  it('what the session books is said on the next card of that speciality, without asking the MIS', async () => {
    const k = await kiosk();
    expect(flagOf((await k.service.listSpecialities({})).find((s) => s.code === '53')!)).toBeNull();
    const ticket = await k.service.bookSelf({ specialityCode: '53', lpuGuid: LPU, resourceGuid: DOC, date: '2026-12-11', time: '10:00', timeTableGuid: 'c1' });
    const again = await k.service.listSpecialities({});
    expect(flagOf(again.find((s) => s.code === '53')!)).toBe(ticket.ticketGuid);
    expect(k.asked.visits).toHaveLength(1);
  });

  it('the appointment a card names can be moved («Перенести»): the old one is given up once the new one stands', async () => {
    const k = await kiosk();
    const [cardio] = await k.service.listReferrals({});
    const moved = await k.service.reschedule({ previousTicketGuid: cardio!.upcoming!.ticketGuid, lpuGuid: LPU, resourceGuid: DOC, date: '2026-12-12', time: '10:00', timeTableGuid: 'c2' });
    expect(moved.old).toBe('cancelled');
    expect(flagOf((await k.service.listReferrals({})).find((r) => r.guid === CARDIO_REF)!)).toBeNull();
  });

  it('visits the MIS cannot give cost the flag only: the list comes, and the MIS is not asked again', async () => {
    const k = await kiosk({ visits: async () => Promise.reject(new ApiError('network', null, null, null, 'down', null)) });
    const referrals = await k.service.listReferrals({});
    expect(referrals).toHaveLength(3);
    expect(referrals.every((r) => flagOf(r) === null)).toBe(true);
    await k.service.listSpecialities({});
    expect(k.asked.visits).toHaveLength(1);
  });
});
