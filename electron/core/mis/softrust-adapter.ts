// The SoftRust (TrustMed «Портал самозаписи») adapter behind the Mis port: the existing REST
// client (api/mis-client.ts) plus the documented calls the vendor publishes
// (/work/shared/api/softrust-documented.md). Each PROPOSED endpoint sits behind a named switch
// (api.endpoints.<name>: a path, or null when this MIS has no such method), so an integrator
// maps the kiosk onto what their MIS really has without a code change.
import { SCHEDULE_DAYS } from '../../common/rules';
import { ApiError } from '../api/api-error';
import type { EndpointPaths, MisClient } from '../api/mis-client';
import type { DirectionScheduleLpu, ShortResourceWeekly } from '../api/schemas';
import { silentLogger, type Logger } from '../ports';
import { capabilityError, translatingErrors, type Mis, type MisStartInfo } from './port';
import { softrustError } from './softrust-codes';

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

export function createSoftrustAdapter(opts: SoftrustAdapterOptions): Mis {
  const { client, endpoints } = opts;
  const log = opts.log ?? silentLogger;
  let days: number | null = null;
  const need = <K extends keyof EndpointPaths>(name: K, cap: Parameters<typeof capabilityError>[0]): string => {
    const p = endpoints[name];
    if (p === null) throw capabilityError(cap);
    return p;
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
    capabilities: {
      listReferrals: endpoints.referrals !== null,
      referralByNumber: false,
      visits: endpoints.visits !== null,
      cancel: endpoints.cancel !== null && endpoints.visits !== null,
      clientApplicationCheck: opts.checkClientApplication,
      selfBooking: false,
      reschedule: false,
      waitingList: false,
    },
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
      return client.listVisits(token, q);
    },

    async cancel(token, lpuGuid, ticketGuid) {
      need('cancel', 'cancel');
      await client.cancelVisit(token, lpuGuid, ticketGuid);
    },

    async selfBookingSpecialities() {
      throw capabilityError('selfBooking');
    },
    async specialitySchedule() {
      throw capabilityError('selfBooking');
    },
    async resourceSchedule() {
      throw capabilityError('reschedule');
    },
    async bookSlot() {
      throw capabilityError('selfBooking');
    },
    async joinWaitingList() {
      throw capabilityError('waitingList');
    },
  }, softrustError);
}

/** A documented ShortResourceWeekly as the kiosk's schedule resource (ExtendedSlot cells kept). */
function fromWeekly(r: ShortResourceWeekly, speciality: string): DirectionScheduleLpu['resources'][number] {
  return {
    resourceGuid: r.resourceGuid,
    resType: r.resType,
    docFio: r.docFio,
    doctorRole: r.doctorRole,
    speciality: r.speciality || speciality,
    room: r.room,
    flat: r.flat,
    days: r.days.map((d) => ({
      date: d.date,
      slots: d.slots.map((s) => ({
        time: s.time,
        beginTime: s.beginTime,
        endTime: s.endTime,
        timeTableGuid: s.timeTableGuid,
        status: s.status,
        message: s.message ?? null,
      })),
    })),
  };
}
