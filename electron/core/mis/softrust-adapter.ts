// The SoftRust (TrustMed «Портал самозаписи») adapter behind the Mis port: the existing REST
// client (api/mis-client.ts) plus the documented calls the vendor publishes
// (/work/shared/api/softrust-documented.md). Each PROPOSED endpoint sits behind a named switch
// (api.endpoints.<name>: a path, or null when this MIS has no such method), so an integrator
// maps the kiosk onto what their MIS really has without a code change. Self-booking, moving a
// booking and the waiting list ride on the documented schedules and `POST /api/v2/visit`, plus
// two more switches (the self-booking list, the waiting list) and the PROPOSED previousTicketGuid.
import { SCHEDULE_DAYS } from '../../common/rules';
import { ApiError } from '../api/api-error';
import type { EndpointPaths, MisClient, SlotBookingBody, WaitingListBody } from '../api/mis-client';
import type { DirectionScheduleLpu } from '../api/schemas';
import { silentLogger, type Logger } from '../ports';
import { capabilityError, translatingErrors, type Mis, type MisCapabilities, type MisStartInfo, type WaitingListRequest } from './port';
import { softrustError } from './softrust-codes';
import { fromDoctorSlots, fromWeekly } from './softrust-schedule';

/** Which PROPOSED endpoints this MIS has: a path each, or null (the switch is off). */
export type SoftrustEndpoints = { [K in keyof EndpointPaths]: string | null };

export interface SoftrustAdapterOptions {
  client: MisClient;
  clientApplication: string;
  endpoints: SoftrustEndpoints;
  /** Whether to run the documented client-application check at start (api.checkClientApplication). */
  checkClientApplication: boolean;
  log?: Logger;
}

/** The function whose rights a referral booking uses (access-rights-and-infomat.md). */
const REFERRAL_FUNCTION = 'visitdirection';

/** A Russian mobile number as the port carries it: ten digits, the first a 9. */
const MOBILE = /^9\d{9}$/;

const sameGuid = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function createSoftrustAdapter(opts: SoftrustAdapterOptions): Mis {
  const { client, endpoints } = opts;
  const log = opts.log ?? silentLogger;
  let days: number | null = null;
  const need = <K extends keyof EndpointPaths>(name: K, cap: Parameters<typeof capabilityError>[0]): string => {
    const p = endpoints[name];
    if (p === null) throw capabilityError(cap);
    return p;
  };
  const capabilities: MisCapabilities = {
    listReferrals: endpoints.referrals !== null,
    referralByNumber: false,
    visits: endpoints.visits !== null,
    cancel: endpoints.cancel !== null && endpoints.visits !== null,
    clientApplicationCheck: opts.checkClientApplication,
    selfBooking: endpoints.selfBookingSpecialities !== null,
    // The doctor schedule and the booking by cell are documented; a move is only offered where
    // the kiosk can list the old booking and cancel it once the new one stands.
    reschedule: endpoints.visits !== null && endpoints.cancel !== null,
    waitingList: endpoints.waitingList !== null,
  };

  async function scheduleBySpeciality(token: string, referralGuid: string, q: { lpuGuid: string; dateFrom: string; dateTo: string }): Promise<DirectionScheduleLpu[]> {
    // Documented fallback when the MIS has no schedule-by-referral: the referral's speciality
    // schedule (G3). It knows no room or referral quota, so it is not the default.
    need('referral', 'listReferrals');
    const d = await client.getDirection(token, referralGuid);
    const spec = d.speciality?.code;
    if (!spec) return [];
    const lpus = await client.listDirectionLpus(token, referralGuid).catch(() => []);
    const lpu = lpus.find((l) => l.guid.toLowerCase() === q.lpuGuid.toLowerCase());
    if (!lpu) return [];
    const rows = await client.specialitySchedule(token, { lpuGuid: q.lpuGuid, specialityId: spec, dateFrom: q.dateFrom, dateTo: q.dateTo });
    return [{ lpu, resources: rows.map((r) => fromWeekly(r, d.speciality?.name ?? '')) }];
  }

  return translatingErrors({
    kind: 'softrust',
    capabilities,
    // The PROPOSED previousTicketGuid keeps the old booking until the kiosk cancels it.
    rescheduleMovesOld: false,

    async start(): Promise<MisStartInfo> {
      if (!opts.checkClientApplication) return { scheduleDays: null, note: 'client application check off' };
      const rows = await client.clientApplication(opts.clientApplication);
      const mine = rows.filter((r) => r.clientApplicationGuid.toLowerCase() === opts.clientApplication.toLowerCase());
      if (mine.length === 0) {
        throw new ApiError('auth', 400, '4442', null, 'the MIS does not list this kiosk\'s client application', null, { problem: 'clientNotAllowed' });
      }
      const row = mine.find((r) => r.function.toLowerCase() === REFERRAL_FUNCTION) ?? mine[0]!;
      days = typeof row.scheduleDays === 'number' && row.scheduleDays > 0 ? row.scheduleDays : null;
      log.info('mis.client_application', { name: row.clientApplicationName, scheduleDays: days, access: row.access ?? null });
      return { scheduleDays: days, note: `${row.clientApplicationName || 'client application'}: ${days ?? '?'} days` };
    },

    scheduleDays: () => days ?? SCHEDULE_DAYS,

    identify: (who) => client.getToken(who),

    async referrals(token, statuses) {
      need('referrals', 'listReferrals');
      return client.listDirections(token, [...statuses]);
    },

    async referralByNumber() {
      throw capabilityError('referralByNumber');
    },

    async clinics(token, referralGuid) {
      need('referralClinics', 'listReferrals');
      return client.listDirectionLpus(token, referralGuid);
    },

    async schedule(token, referralGuid, q) {
      if (endpoints.referralSchedule === null) return scheduleBySpeciality(token, referralGuid, q);
      return client.getDirectionSchedule(token, referralGuid, q);
    },

    book: (token, body) => client.bookByDirection(token, body),

    async visits(token, q) {
      need('visits', 'visits');
      // One request lists every clinic's visits: the clinic hint costs nothing to ignore.
      return client.listVisits(token, q ? { dateFrom: q.dateFrom, dateTo: q.dateTo } : undefined);
    },

    async cancel(token, lpuGuid, ticketGuid) {
      need('cancel', 'cancel');
      await client.cancelVisit(token, lpuGuid, ticketGuid);
    },

    async selfBookingSpecialities(token) {
      need('selfBookingSpecialities', 'selfBooking');
      const rows = await client.selfBookingSpecialities(token);
      return rows.flatMap((r) => r.specialities.map((s) => ({ lpu: r.lpu, code: s.code, name: s.name })));
    },

    async specialitySchedule(token, q) {
      need('selfBookingSpecialities', 'selfBooking');
      // The documented schedule (G3) knows nothing of self-booking: only a speciality the MIS
      // lists as open at that clinic is asked for, and the list gives the clinic for the row.
      const rows = await client.selfBookingSpecialities(token);
      const row = rows.find((r) => sameGuid(r.lpu.guid, q.lpuGuid));
      const spec = row?.specialities.find((s) => s.code === q.specialityCode);
      if (!row || !spec) return [];
      const weekly = await client.specialitySchedule(token, { lpuGuid: q.lpuGuid, specialityId: spec.code, dateFrom: q.dateFrom, dateTo: q.dateTo });
      return [{ lpu: row.lpu, resources: weekly.map((r) => fromWeekly(r, spec.name)) }];
    },

    async resourceSchedule(token, q) {
      if (!capabilities.reschedule) throw capabilityError('reschedule');
      const slots = await client.doctorSchedule(token, { lpuGuid: q.lpuGuid, resourceGuid: q.resourceGuid, dateFrom: q.dateFrom, dateTo: q.dateTo });
      // Only names the row (clinic, doctor, room): the cells stand without it.
      const visits = await client.listVisits(token).catch((e: unknown) => {
        log.warn('mis.schedule_names_unavailable', { error: e instanceof Error ? e.message : String(e) });
        return [];
      });
      const visit = visits.find((v) => sameGuid(v.docGuid, q.resourceGuid) && sameGuid(v.lpu.guid, q.lpuGuid));
      return [fromDoctorSlots(q, slots, visit)];
    },

    async bookSlot(token, body) {
      if (body.replaces) {
        if (!capabilities.reschedule) throw capabilityError('reschedule');
      } else {
        need('selfBookingSpecialities', 'selfBooking');
      }
      // The cell's GUID is the documented, recommended way; doctor + time only when a schedule gave none.
      const cell = body.timeTableGuid
        ? { timeTable: body.timeTableGuid }
        : { docGuid: body.resourceGuid, dateTime: `${body.date} ${body.time.slice(0, 5)}:00.000` };
      const wire: SlotBookingBody = body.replaces ? { ...cell, previousTicketGuid: body.replaces.ticketGuid } : cell;
      return client.bookSlot(token, body.lpuGuid, wire);
    },

    async joinWaitingList(token, q) {
      need('waitingList', 'waitingList');
      const answer = await client.joinWaitingList(token, q.lpuGuid, waitingListBody(q));
      return { reference: answer.id };
    },
  }, softrustError);
}

/**
 * The wire body of a waiting-list request, refused before anything is sent when the kiosk's own
 * checks were bypassed. The phone travels in the body only: never in a path, a log or an error.
 */
function waitingListBody(q: WaitingListRequest): WaitingListBody {
  const invalid = (why: string) =>
    new ApiError('validation', null, null, null, `waiting-list request not sent: ${why}`, null, { problem: 'requestInvalid' });
  if (!MOBILE.test(q.phone)) throw invalid('the phone is not ten digits starting with 9');
  const base = { phone: q.phone, reason: q.reason };
  if (q.specialityCode !== null && q.referralGuid === null) return { ...base, specialityCode: q.specialityCode };
  if (q.referralGuid !== null && q.specialityCode === null) return { ...base, directionGuid: q.referralGuid };
  throw invalid('it must name a speciality or a referral, not both or neither');
}
