// The lobby's other jobs, beside booking by referral: a doctor without a referral (the
// specialities the clinic opens to self-booking), a new time for an existing booking, the
// waiting list when there is no time, and one slip of every upcoming appointment. Each goes
// through the same booking transaction and print journal as a referral's ticket.
import { createHash, randomUUID } from 'node:crypto';
import type { BridgeOutput, PrintResult, RescheduleResult, Speciality, Ticket } from '../../common/bridge-contract';
import type { Locale } from '../../common/i18n/locales';
import { GUID_PATTERN } from '../../common/calendar';
import { addDays } from '../../common/rules';
import { ApiError } from '../api/api-error';
import type { BridgeImpl } from '../bridge/dispatcher';
import type { KioskConfig } from '../config/schema';
import { misText } from '../mis/mis-text';
import type { Mis, SelfBookingSpeciality } from '../mis/port';
import type { Logger } from '../ports';
import type { PatientSession } from '../session/patient-session';
import type { BookingTransaction } from './booking-transaction';
import type { VisitMemory } from './foresight';
import type { BookingLedger } from './ledger';
import { outcomeUnknown } from './reconcile';
import type { ViewModels } from './view-models';

export interface LobbyDeps {
  config: KioskConfig;
  mis: Mis;
  session: PatientSession;
  ledger: BookingLedger;
  log: Logger;
  vm: ViewModels;
  transact: BookingTransaction;
  /** Prints a slip the ledger knows (a ticket or a summary) as `printTicket` does. */
  print: (slipId: string, again: boolean, language: Locale, largePrint?: boolean) => Promise<PrintResult>;
  served: (lpuGuid: string) => boolean;
  /** The clinic's today, YYYY-MM-DD. */
  today: () => string;
  now: () => Date;
  /** The patient's upcoming appointments as the session knows them (foresight.ts). */
  visits: VisitMemory;
  /** The upcoming appointment a card for that speciality names (remembered for «Перенести»), or null. */
  flag: (speciality: string, known: Ticket[] | null) => Ticket | null;
}

type LobbyMethods = Pick<
  BridgeImpl,
  'listSpecialities' | 'listSpecialitySchedule' | 'listDoctorSchedule' | 'bookSelf' | 'reschedule' | 'joinWaitingList' | 'printAppointments'
>;

/** How many speciality schedules are read at once when the MIS does not say the nearest time itself. */
const NEAREST_CONCURRENCY = 3;

/** «Терапевт участковый» and «терапевт  участковый», «ёлка» and «елка» are one name to a clinic. */
const normalName = (s: string) => s.trim().toLocaleLowerCase('ru-RU').replaceAll('ё', 'е').replace(/\s+/g, ' '); // i18n-ok: a spelling rule of MIS names, not words

const notFound = (what: string) =>
  new ApiError('validation', null, 'not_found', null, what, null, { problem: 'bookingNotFound' });

export function createLobbyMethods(deps: LobbyDeps): LobbyMethods {
  const { config, mis, session, ledger, log, vm, transact } = deps;
  const kioskId = config.kioskId;
  const allowList = config.booking.selfBookingSpecialities;
  const allowed = (s: SelfBookingSpeciality): boolean => {
    if (allowList === null) return true;
    const name = normalName(s.name);
    return allowList.some((a) => a === s.code || normalName(a) === name);
  };
  const window = () => {
    const from = deps.today();
    return { dateFrom: from, dateTo: addDays(from, mis.scheduleDays() - 1) };
  };
  const resourcesOf = (rows: Awaited<ReturnType<Mis['schedule']>>, lpuGuid: string) => {
    const nowMs = deps.now().getTime();
    return rows
      .filter((r) => r.lpu.guid.toLowerCase() === lpuGuid.toLowerCase())
      .flatMap((r) => r.resources.map((res) => vm.toResource(res, nowMs)));
  };

  /** The nearest free cell of a speciality in the kiosk's window, read from its schedule. */
  async function nearestFromSchedule(s: SelfBookingSpeciality): Promise<string | null> {
    try {
      const rows = await session.withToken((t) => mis.specialitySchedule(t, { lpuGuid: s.lpu.guid, specialityCode: s.code, ...window() }));
      const starts = resourcesOf(rows, s.lpu.guid).flatMap((r) => r.days.flatMap((d) => d.slots.map((c) => c.beginTime)));
      return starts.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
    } catch (err) {
      // The card then shows no time; the schedule screen asks again and says what went wrong.
      log.warn('selfbooking.nearest_failed', { code: s.code, error: err instanceof ApiError ? err.problem : String(err) });
      return null;
    }
  }

  async function nearestOf(list: SelfBookingSpeciality[]): Promise<(string | null)[]> {
    const out: (string | null)[] = new Array(list.length).fill(null);
    const end = Date.parse(`${window().dateTo}T23:59:59Z`) + 86_400_000;
    let next = 0;
    const worker = async () => {
      while (next < list.length) {
        const i = next++;
        const s = list[i]!;
        if (s.nearest === undefined) out[i] = await nearestFromSchedule(s);
        else {
          // Beyond the kiosk's window the schedule screen would show nothing: no time, as far as the patient goes.
          const at = vm.nearestTime(s.nearest);
          out[i] = at !== null && Date.parse(at) > deps.now().getTime() && Date.parse(at) < end ? at : null;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(NEAREST_CONCURRENCY, list.length) }, worker));
    return out;
  }

  /** What the MIS answers when asked to cancel the booking a reschedule replaced. */
  async function giveUpOld(previous: Ticket): Promise<RescheduleResult['old']> {
    const where = { ticketGuid: previous.ticketGuid, lpuGuid: previous.clinic.guid, kioskId };
    try {
      await session.withToken((t) => mis.cancel(t, previous.clinic.guid, previous.ticketGuid));
      log.audit('booking.cancelled', { ...where, why: 'reschedule' });
      return 'cancelled';
    } catch (err) {
      if (err instanceof ApiError && err.problem === 'bookingNotFound') {
        // Already gone (the MIS moved it, or a lost earlier answer cancelled it): nothing stands twice.
        log.audit('booking.cancelled', { ...where, why: 'reschedule', note: 'already gone' });
        return 'cancelled';
      }
      if (outcomeUnknown(err)) {
        // The cancel's answer was lost: the visit list says whether the old booking still stands.
        try {
          const list = await session.withToken((t) => mis.visits(t, { dateFrom: deps.today() }));
          if (!list.some((v) => v.ticketGuid.toLowerCase() === previous.ticketGuid.toLowerCase())) {
            log.audit('booking.cancelled', { ...where, why: 'reschedule', note: 'confirmed by the visit list' });
            return 'cancelled';
          }
        } catch {
          // Unknown stays unknown: the patient is told they may hold both.
        }
      }
      log.audit('reschedule.cancel_failed', { ...where, problem: err instanceof ApiError ? err.problem : null, code: err instanceof ApiError ? err.code : null });
      return 'kept';
    }
  }

  return {
    async listSpecialities(): Promise<Speciality[]> {
      if (!mis.capabilities.selfBooking || (allowList !== null && allowList.length === 0)) return [];
      // The visits are read alongside the list: the cards wait for the slower of the two only.
      const [all, known] = await Promise.all([session.withToken((t) => mis.selfBookingSpecialities(t)), deps.visits.known()]);
      const list = all.filter((s) => deps.served(s.lpu.guid) && allowed(s));
      const nearest = await nearestOf(list);
      return list.map((s, i) => {
        const out = { ...vm.toSpeciality(s, nearest[i] ?? null), upcoming: deps.flag(s.name, known) };
        ledger.rememberClinic(out.clinic);
        ledger.rememberName(`${s.lpu.guid}|${s.code}`, out.name);
        return out;
      });
    },

    async listSpecialitySchedule({ lpuGuid, specialityCode }) {
      const rows = await session.withToken((t) => mis.specialitySchedule(t, { lpuGuid, specialityCode, ...window() }));
      return resourcesOf(rows, lpuGuid);
    },

    async listDoctorSchedule({ lpuGuid, resourceGuid }) {
      const rows = await session.withToken((t) => mis.resourceSchedule(t, { lpuGuid, resourceGuid, ...window() }));
      return resourcesOf(rows, lpuGuid).filter((r) => r.resourceGuid.toLowerCase() === resourceGuid.toLowerCase());
    },

    async bookSelf({ specialityCode, lpuGuid, resourceGuid, date, time, timeTableGuid }) {
      if (!deps.served(lpuGuid)) throw new ApiError('validation', null, 'not_found', null, 'clinic not served by this kiosk', null, { problem: 'clinicNotFound' });
      return ledger.once('self', () =>
        transact({ kind: 'self', purpose: specialityCode, lpuGuid, resourceGuid, date, time }, (token) =>
          mis.bookSlot(token, { lpuGuid, resourceGuid, date, time, timeTableGuid }),
        ),
      );
    },

    reschedule({ previousTicketGuid, lpuGuid, resourceGuid, date, time, timeTableGuid }) {
      return ledger.once('reschedule', async (): Promise<RescheduleResult> => {
        // Only what «Мои записи» (or this session's booking) showed can be moved, and only once:
        // a moved booking leaves the ledger, so a stale second tap cannot cancel anything.
        const previous = ledger.ticket(previousTicketGuid);
        if (!previous) throw notFound('the booking to move is not one this session listed');
        const ticket = await transact({ kind: 'reschedule', purpose: previous.ticketGuid, lpuGuid, resourceGuid, date, time }, (token) =>
          mis.bookSlot(token, { lpuGuid, resourceGuid, date, time, timeTableGuid, replaces: { ticketGuid: previous.ticketGuid, lpuGuid: previous.clinic.guid } }),
        );
        // The new booking stands: only now is the old one given up.
        const old: RescheduleResult['old'] = mis.rescheduleMovesOld ? 'moved' : await giveUpOld(previous);
        if (old !== 'kept') {
          ledger.forget(previous.ticketGuid);
          deps.visits.gone(previous.ticketGuid);
        }
        log.audit('reschedule.done', { from: previous.ticketGuid, to: ticket.ticketGuid, old, kioskId });
        return { ticket, previous, old };
      });
    },

    async joinWaitingList({ lpuGuid, specialityCode, referralGuid, phone, reason }): Promise<BridgeOutput<'joinWaitingList'>> {
      const r = await session.withToken((t) => mis.joinWaitingList(t, { lpuGuid, specialityCode, referralGuid, phone, reason }));
      // The phone number went to the MIS and nowhere else: not to the log, not to the slip.
      // A GUID means nothing to a patient nor to the registry on the phone: the audit keeps it,
      // the screen and the slip show only a reference a person can read out.
      const readable = r.reference && !GUID_PATTERN.test(r.reference.trim()) ? misText(r.reference) : null;
      log.audit('waitlist.joined', { lpuGuid, for: specialityCode !== null ? 'speciality' : 'referral', reason, claim: r.reference, kioskId });
      const id = randomUUID();
      const reference = readable;
      ledger.rememberSummary({
        kind: 'waitingList',
        id,
        clinic: ledger.clinic(lpuGuid) ?? null,
        what: ledger.name(specialityCode !== null ? `${lpuGuid}|${specialityCode}` : referralGuid!) ?? null,
        reason,
        reference,
        phoneTail: phone.slice(-2),
      });
      return { slipId: id, reference };
    },

    async printAppointments({ language, largePrint }) {
      const tickets = ledger.lastListed();
      if (!tickets || tickets.length === 0) throw notFound('no appointments listed in this session');
      // The same list is the same slip: a second tap is a copy (ПОВТОРНАЯ), not another original.
      const digest = createHash('sha256').update(tickets.map((t) => `${t.ticketGuid}@${t.beginTime}`).join('\n')).digest('hex');
      const id = `${digest.slice(0, 8)}-${digest.slice(8, 12)}-5${digest.slice(13, 16)}-8${digest.slice(17, 20)}-${digest.slice(20, 32)}`;
      ledger.rememberSummary({ kind: 'appointments', id, tickets: [...tickets] });
      return { slipId: id, result: await deps.print(id, false, language, largePrint) };
    },
  };
}
