// The lobby's jobs through the real kiosk service over a small in-memory MIS: which specialities
// a clinic offers, a reschedule as a transaction (new first, old only after; lost answers; a
// failed cancel; a stale second tap), the waiting list keeping no phone, and «all appointments»
// printed once then as a copy.
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../common/bridge-contract';
import { ApiError } from '../api/api-error';
import type { DirectionScheduleLpu, LpuWithStatus, TicketVisitWithLpu } from '../api/schemas';
import type { BridgeImpl } from '../bridge/dispatcher';
import { KioskConfigSchema } from '../config/schema';
import type { Mis, SelfBookingSpeciality, SlotBookingRequest, WaitingListRequest } from '../mis/port';
import type { Logger, PrintHistory, SlipData, SlipPrinter } from '../ports';
import { PatientSession } from '../session/patient-session';
import { createKioskService } from './kiosk-service';
import { BookingLedger } from './ledger';

const NOW = new Date('2026-12-07T09:00:00+03:00');
const LPU = 'a1b2c3d4-0000-4000-8000-000000000001';
const OTHER_LPU = 'a1b2c3d4-0000-4000-8000-000000000009';
const DOC = 'd0c00000-0000-4000-8000-000000000001';
const lpu: LpuWithStatus = { guid: LPU, name: 'Поликлиника № 1', fullName: 'ГБУЗ «Поликлиника № 1»', address: 'ул. Ленина, 1', phone: '8 (495) 000-00-00' };
const guidOf = (n: number) => `0000${String(n).padStart(4, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A clinic's MIS in memory: free cells of one doctor, the patient's visits, what was asked. */
function memoryMis(over: Partial<Mis> = {}) {
  const visits = new Map<string, TicketVisitWithLpu>();
  const asked = { cancel: [] as string[], bookSlot: [] as (SlotBookingRequest & { replaces?: unknown })[], waiting: [] as WaitingListRequest[], schedules: 0 };
  let next = 100;
  const visit = (date: string, time: string): TicketVisitWithLpu => {
    const g = guidOf(next++);
    return {
      lpu, num: `T-${next}`, room: '214', flat: 2, ticketGuid: g, timeTableGuid: '', docFio: 'Иванова Анна Петровна', docGuid: DOC, resType: 'Doctor',
      doctorRole: 'Терапевт участковый', speciality: 'Терапия', beginTime: `${date}T${time}:00+03:00`, endTime: `${date}T${time.slice(0, 3)}59:00+03:00`,
    };
  };
  const old = visit('2026-12-08', '10:00');
  visits.set(old.ticketGuid, old);
  const cells = ['09:00', '09:30', '11:00'];
  const schedule = (): DirectionScheduleLpu[] => [
    {
      lpu,
      resources: [
        {
          resourceGuid: DOC, resType: 'Doctor', docFio: 'Иванова Анна Петровна', doctorRole: 'Терапевт участковый', speciality: 'Терапия', room: '214', flat: 2,
          days: [{ date: '2026-12-09', slots: cells.map((t, i) => ({ time: t, beginTime: `2026-12-09T${t}:00+03:00`, endTime: `2026-12-09T${t}:00+03:00`, timeTableGuid: guidOf(900 + i), status: 'Available' })) }],
        },
      ],
    },
  ];
  const specialities: SelfBookingSpeciality[] = [
    { lpu, code: '27', name: 'Терапевт участковый' },
    { lpu, code: '49', name: 'Хирург', nearest: '2026-12-10T08:00:00+03:00' },
    { lpu, code: '51', name: 'Эндокринолог', nearest: null },
    { lpu, code: '77', name: 'Офтальмолог', nearest: '2027-03-01T08:00:00+03:00' },
    { lpu: { ...lpu, guid: OTHER_LPU }, code: '27', name: 'Терапевт участковый' },
  ];
  const mis: Mis = {
    kind: 'softrust',
    capabilities: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: false, selfBooking: true, reschedule: true, waitingList: true },
    rescheduleMovesOld: false,
    start: async () => ({ scheduleDays: 14, note: '' }),
    scheduleDays: () => 14,
    identify: async () => ({ token: 'token-1234567890', expiresIn: null }),
    referrals: async () => [],
    referralByNumber: async () => {
      throw new Error('no');
    },
    clinics: async () => [lpu],
    schedule: async () => schedule(),
    book: async () => {
      throw new Error('not in these tests');
    },
    visits: async () => [...visits.values()],
    cancel: async (_t, _l, ticketGuid) => {
      asked.cancel.push(ticketGuid);
      if (!visits.delete(ticketGuid)) throw new ApiError('validation', 400, '4040', 'not found', 'not found', null, { problem: 'bookingNotFound' });
    },
    selfBookingSpecialities: async () => specialities,
    specialitySchedule: async () => {
      asked.schedules++;
      return schedule();
    },
    resourceSchedule: async () => schedule(),
    bookSlot: async (_t, body) => {
      asked.bookSlot.push(body);
      const v = visit(body.date, body.time);
      visits.set(v.ticketGuid, v);
      return v;
    },
    joinWaitingList: async (_t, q) => {
      asked.waiting.push(q);
      return { reference: 'ЛО-42' };
    },
    ...over,
  };
  return { mis, visits, asked, old };
}

/** A printer that remembers what it printed, with the journal's print-once rule. */
function memoryPrinter() {
  const printed: SlipData[] = [];
  const history = new Map<string, PrintHistory>();
  const id = (s: SlipData) => (s.ticket ? s.ticket.ticketGuid : s.summary.id);
  const printer: SlipPrinter = {
    async printSlip(slip) {
      printed.push(slip);
      const h = history.get(id(slip)) ?? { original: 'none', againAttempts: 0, lastFault: null, originalAt: null };
      history.set(id(slip), slip.reprint ? { ...h, againAttempts: h.againAttempts + 1 } : { ...h, original: 'printed' });
      return { jobId: `${id(slip)}-${printed.length}`, state: 'printed', fault: null };
    },
    history: async (g) => history.get(g) ?? { original: 'none', againAttempts: 0, lastFault: null, originalAt: null },
    readiness: async () => 'ready',
    journalFault: () => null,
  };
  return { printer, printed };
}

function recordingLog() {
  const lines: string[] = [];
  const rec = (level: string) => (event: string, data?: Record<string, unknown>) => lines.push(`${level} ${event} ${JSON.stringify(data ?? {})}`);
  const log: Logger = { info: rec('info'), warn: rec('warn'), error: rec('error'), audit: rec('audit') };
  return { log, lines };
}

async function kiosk(opts: { mis?: Partial<Mis>; config?: Record<string, unknown> } = {}) {
  const m = memoryMis(opts.mis);
  const p = memoryPrinter();
  const l = recordingLog();
  const ledger = new BookingLedger();
  const session = new PatientSession({ getToken: (who) => m.mis.identify(who) }, { idleMs: 60_000, onEnd: () => ledger.clear() });
  const config = KioskConfigSchema.parse({ api: { baseUrl: 'https://mis.example.ru/api' }, booking: { reconcileIntervalMs: 100, ...opts.config }, timeZone: 'Europe/Moscow' });
  const service: BridgeImpl = createKioskService({ config, mis: m.mis, session, ledger, log: l.log, slipPrinter: p.printer, now: () => NOW, sleep: async () => {} });
  await service.identify({ policy: '5000000000000001', birthDate: '1980-01-15' });
  return { ...m, ...p, ...l, service, session, ledger };
}

const cell = (time = '09:30') => ({ lpuGuid: LPU, resourceGuid: DOC, date: '2026-12-09', time, timeTableGuid: guidOf(901) });

describe('self-booking: what the clinic offers', () => {
  it('lists what the MIS opens at served clinics, with the nearest free time from the MIS or the schedule', async () => {
    const k = await kiosk({ config: {} });
    const list = await k.service.listSpecialities({});
    expect(list.map((s) => [s.clinic.guid, s.code, s.nearest])).toEqual([
      [LPU, '27', '2026-12-09T09:00:00+03:00'], // read from the schedule (the MIS did not say)
      [LPU, '49', '2026-12-10T08:00:00+03:00'], // the MIS said
      [LPU, '51', null], // the MIS said: none
      [LPU, '77', null], // beyond the kiosk's 14 days: none the patient could pick
      [OTHER_LPU, '27', null], // its schedule lists cells of another clinic only: none here
    ]);
    k.session.end('shutdown');
  });

  it('filters by the configured list (code, or name regardless of case, ё and spaces) and by served clinics', async () => {
    const k = await kiosk({ config: { selfBookingSpecialities: ['49', 'терапевт  УЧАСТКОВЫЙ'] } });
    const off = await kiosk({ config: { selfBookingSpecialities: [] } });
    const list = await k.service.listSpecialities({});
    expect(list.map((s) => s.code)).toEqual(['27', '49', '27']);
    expect(await off.service.listSpecialities({})).toEqual([]);
    expect((await off.service.kioskInfo({})).mis.selfBooking).toBe(false);
    expect((await k.service.kioskInfo({})).mis.selfBooking).toBe(true);
    k.session.end('shutdown');
    off.session.end('shutdown');
  });

  it('books a cell through the booking transaction: a lost answer is found in the visit list, never booked twice', async () => {
    let lose = true;
    const k = await kiosk();
    const realBook = k.mis.bookSlot;
    k.mis.bookSlot = async (t, body) => {
      const v = await realBook(t, body);
      if (lose) {
        lose = false;
        throw new ApiError('network', null, null, null, 'socket hang up after the request went out', 'deadline');
      }
      return v;
    };
    const ticket = await k.service.bookSelf({ ...cell(), specialityCode: '27' });
    expect(ticket.beginTime).toBe('2026-12-09T09:30:00+03:00');
    expect(k.asked.bookSlot).toHaveLength(1);
    expect(k.lines.some((l) => l.startsWith('audit booking.reconciled') && l.includes('"kind":"self"'))).toBe(true);
    k.session.end('shutdown');
  });

  it('refuses a clinic this kiosk does not serve before the MIS', async () => {
    const k = await kiosk({ config: {} });
    const served = KioskConfigSchema.parse({ api: { baseUrl: 'https://x.ru' }, clinics: [LPU] });
    const only = createKioskService({ config: served, mis: k.mis, session: k.session, ledger: k.ledger, log: k.log, slipPrinter: null, now: () => NOW });
    await expect(only.bookSelf({ ...cell(), lpuGuid: OTHER_LPU, specialityCode: '27' })).rejects.toMatchObject({ problem: 'clinicNotFound' });
    expect(k.asked.bookSlot).toHaveLength(0);
    k.session.end('shutdown');
  });
});

describe('reschedule: the new time first, the old one only after', () => {
  async function listed(k: Awaited<ReturnType<typeof kiosk>>): Promise<Ticket> {
    const [t] = await k.service.listAppointments({});
    return t!;
  }

  it('books the new cell naming the old booking, then cancels the old one once', async () => {
    const k = await kiosk();
    const old = await listed(k);
    expect(old.resourceGuid).toBe(DOC);
    const r = await k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid });
    expect(r.old).toBe('cancelled');
    expect(k.asked.bookSlot[0]!.replaces).toEqual({ ticketGuid: old.ticketGuid, lpuGuid: LPU });
    expect(k.asked.cancel).toEqual([old.ticketGuid]);
    expect([...k.visits.values()].map((v) => v.beginTime)).toEqual(['2026-12-09T09:30:00+03:00']);
    // The moved booking is gone from this session: a stale second tap cannot cancel anything.
    await expect(k.service.reschedule({ ...cell('11:00'), previousTicketGuid: old.ticketGuid })).rejects.toMatchObject({ problem: 'bookingNotFound' });
    expect(k.asked.cancel).toHaveLength(1);
    expect(k.asked.bookSlot).toHaveLength(1);
    expect(k.lines.some((l) => l.startsWith('audit booking.created') && l.includes('"kind":"reschedule"'))).toBe(true);
    k.session.end('shutdown');
  });

  it('the new booking answer lost: reconciled from the visit list, the old one cancelled exactly once', async () => {
    const k = await kiosk();
    const old = await listed(k);
    const realBook = k.mis.bookSlot;
    k.mis.bookSlot = async (t, body) => {
      await realBook(t, body);
      throw new ApiError('server', 502, null, null, 'bad gateway after booking');
    };
    const r = await k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid });
    expect(r.ticket.beginTime).toBe('2026-12-09T09:30:00+03:00');
    expect(r.old).toBe('cancelled');
    expect(k.asked.bookSlot).toHaveLength(1);
    expect(k.asked.cancel).toEqual([old.ticketGuid]);
    k.session.end('shutdown');
  });

  it('the new booking not confirmed: the old one is left alone', async () => {
    const k = await kiosk();
    const old = await listed(k);
    k.mis.bookSlot = async () => {
      throw new ApiError('network', null, null, null, 'timeout after the request went out', 'deadline');
    };
    await expect(k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid })).rejects.toMatchObject({ name: 'BookingNotConfirmedError' });
    expect(k.asked.cancel).toEqual([]);
    expect(k.visits.has(old.ticketGuid)).toBe(true);
    k.session.end('shutdown');
  });

  it('a refused new time (taken meanwhile) cancels nothing', async () => {
    const k = await kiosk();
    const old = await listed(k);
    k.mis.bookSlot = async () => {
      throw new ApiError('validation', 400, '4009', 'Время занято', 'taken', null, { problem: 'slotTaken' });
    };
    await expect(k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid })).rejects.toMatchObject({ problem: 'slotTaken' });
    expect(k.asked.cancel).toEqual([]);
    k.session.end('shutdown');
  });

  it('the cancel fails: the new booking stands and the patient is told they hold both', async () => {
    const k = await kiosk();
    const old = await listed(k);
    k.mis.cancel = async (_t, _l, g) => {
      k.asked.cancel.push(g);
      throw new ApiError('validation', 400, '4042', 'Отмена невозможна', 'no', null, { problem: 'cancelNotAllowed' });
    };
    const r = await k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid });
    expect(r.old).toBe('kept');
    expect(r.previous.ticketGuid).toBe(old.ticketGuid);
    expect(k.visits.size).toBe(2);
    expect(k.lines.some((l) => l.startsWith('audit reschedule.cancel_failed'))).toBe(true);
    // Both are still this patient's, in «Мои записи», to print or cancel.
    expect((await k.service.listAppointments({})).map((t) => t.ticketGuid).sort()).toEqual([old.ticketGuid, r.ticket.ticketGuid].sort());
    k.session.end('shutdown');
  });

  it('the cancel answer lost: the visit list decides (gone → cancelled)', async () => {
    const k = await kiosk();
    const old = await listed(k);
    k.mis.cancel = async (_t, _l, g) => {
      k.asked.cancel.push(g);
      k.visits.delete(g);
      throw new ApiError('network', null, null, null, 'timeout after the request went out', 'deadline');
    };
    expect((await k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid })).old).toBe('cancelled');
    expect(k.asked.cancel).toHaveLength(1);
    k.session.end('shutdown');
  });

  it('an MIS that moves the booking itself is not asked to cancel', async () => {
    const k = await kiosk({ mis: { rescheduleMovesOld: true } });
    const old = await listed(k);
    expect((await k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid })).old).toBe('moved');
    expect(k.asked.cancel).toEqual([]);
    k.session.end('shutdown');
  });

  it('a double tap books once', async () => {
    const k = await kiosk();
    const old = await listed(k);
    const [a, b] = await Promise.all([
      k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid }),
      k.service.reschedule({ ...cell(), previousTicketGuid: old.ticketGuid }),
    ]);
    expect(a).toEqual(b);
    expect(k.asked.bookSlot).toHaveLength(1);
    expect(k.asked.cancel).toHaveLength(1);
    k.session.end('shutdown');
  });
});

describe('the waiting list', () => {
  it('passes the phone to the MIS once and keeps it nowhere: not in the log, not on the slip', async () => {
    const k = await kiosk();
    await k.service.listSpecialities({});
    const r = await k.service.joinWaitingList({ lpuGuid: LPU, specialityCode: '51', referralGuid: null, phone: '9161234567', reason: 'noSlots' });
    expect(r.reference).toBe('ЛО-42');
    expect(k.asked.waiting[0]).toMatchObject({ phone: '9161234567', specialityCode: '51', reason: 'noSlots' });
    const print = await k.service.printTicket({ ticketGuid: r.slipId, again: false, language: 'ru' });
    expect(print.state).toBe('printed');
    const slip = k.printed.at(-1)!;
    expect(slip.summary).toMatchObject({ kind: 'waitingList', what: 'Эндокринолог', phoneTail: '67', reference: 'ЛО-42' });
    expect(JSON.stringify(slip)).not.toContain('1234567');
    expect(k.lines.join('\n')).not.toMatch(/916|1234567/);
    expect(k.lines.some((l) => l.startsWith('audit waitlist.joined'))).toBe(true);
    k.session.end('shutdown');
    await expect(k.service.printTicket({ ticketGuid: r.slipId, again: true, language: 'ru' })).rejects.toBeTruthy();
  });
});

describe('«Распечатать все записи»', () => {
  it('prints what «Мои записи» listed on one slip, once; the same list again is a copy', async () => {
    const k = await kiosk();
    await expect(k.service.printAppointments({ language: 'ru' })).rejects.toMatchObject({ problem: 'bookingNotFound' });
    await k.service.bookSelf({ ...cell(), specialityCode: '27' });
    const listed = await k.service.listAppointments({});
    const first = await k.service.printAppointments({ language: 'ru' });
    expect(first.result.state).toBe('printed');
    expect(k.printed).toHaveLength(1);
    expect(k.printed[0]!.summary).toMatchObject({ kind: 'appointments', tickets: listed });
    const second = await k.service.printAppointments({ language: 'en' });
    expect(second.slipId).toBe(first.slipId);
    expect(k.printed).toHaveLength(1); // the original is not printed twice
    await k.service.printTicket({ ticketGuid: first.slipId, again: true, language: 'ru' });
    expect(k.printed).toHaveLength(2);
    expect(k.printed[1]!.reprint).toBe(true);
    k.session.end('shutdown');
  });
});
