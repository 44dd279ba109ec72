// The MIS for 500 simulated kiosks: answers recorded once from the real SoftRust adapter against
// the real simulator (so every shape is the MIS's own), replayed per kiosk with the clinic's
// latency, a share of refusals, and the faults the simulation switches on: the MIS down for a
// clinic (every call fails like an unreachable server), or booking answers lost for a kiosk
// (the booking's outcome stays unknown after the kiosk asks again). Each call is reported to
// the kiosk's metrics as the real MIS client reports an exchange, by the SoftRust path it
// stands for, so the latency histograms fill as they would.
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../electron/core/api/api-error';
import type { Direction, DirectionScheduleLpu, LpuWithStatus, TicketVisitWithLpu } from '../../../electron/core/api/schemas';
import { KioskConfigSchema } from '../../../electron/core/config/schema';
import { createMis } from '../../../electron/core/mis/create-mis';
import { capabilityError, type Mis, type MisStartInfo } from '../../../electron/core/mis/port';
import { silentLogger } from '../../../electron/core/ports';
import type { MetricsSink } from '../../../electron/core/telemetry/sink';
import { REFERRAL_STATUSES, addDays } from '../../../electron/common/rules';
import { startSimulator } from '../../../simulator/server';

export const PATIENT = { policy: '5000000000000001', birthDate: '1980-01-15' };

export interface Recording {
  start: MisStartInfo;
  scheduleDays: number;
  referrals: Direction[];
  clinics: Map<string, LpuWithStatus[]>;
  schedule: Map<string, DirectionScheduleLpu[]>;
  ticket: TicketVisitWithLpu;
  /** The referral and clinic the patients book (the pair that had a free cell). */
  bookRef: string;
  bookLpu: string;
}

/** One pass of a patient through the real adapter and simulator, kept for replay. */
export async function recordMis(): Promise<Recording> {
  const sim = await startSimulator({ port: 0, quiet: true });
  try {
    const config = KioskConfigSchema.parse({ kioskId: 'SIM-REC', api: { baseUrl: sim.url, retries: 0 } });
    const mis = createMis(config, { log: silentLogger });
    const start = await mis.start();
    const { token } = await mis.identify(PATIENT);
    const referrals = await mis.referrals(token, REFERRAL_STATUSES);
    const clinics = new Map<string, LpuWithStatus[]>();
    const schedule = new Map<string, DirectionScheduleLpu[]>();
    const today = new Date().toISOString().slice(0, 10);
    let ticket: TicketVisitWithLpu | null = null;
    let at: { ref: string; lpu: string } | null = null;
    for (const r of referrals) {
      const lpus = await mis.clinics(token, r.guid).catch(() => [] as LpuWithStatus[]);
      clinics.set(r.guid, lpus);
      for (const l of lpus) {
        const s = await mis.schedule(token, r.guid, { lpuGuid: l.guid, dateFrom: today, dateTo: addDays(today, mis.scheduleDays() - 1) }).catch(() => [] as DirectionScheduleLpu[]);
        schedule.set(`${r.guid}|${l.guid}`, s);
        // Try the cells in order until one books: whatever the simulator's day, one is free.
        for (const res of s.flatMap((x) => x.resources)) {
          for (const day of res.days) {
            for (const slot of day.slots) {
              if (ticket) break;
              ticket = await mis
                .book(token, { directionGuid: r.guid, lpuGuid: l.guid, resourceGuid: res.resourceGuid, date: day.date.slice(0, 10), time: slot.time })
                .catch(() => null);
              if (ticket) at = { ref: r.guid, lpu: l.guid };
            }
          }
        }
      }
    }
    if (!ticket || !at) throw new Error('the simulator gave no bookable cell to record');
    return { start, scheduleDays: mis.scheduleDays(), referrals, clinics, schedule, ticket, bookRef: at.ref, bookLpu: at.lpu };
  } finally {
    await sim.close();
  }
}

export interface ReplayFaults {
  /** Every call fails as an unreachable MIS (the clinic's MIS or its network is down). */
  misDown: boolean;
  /** Booking answers are lost and the kiosk's check finds nothing: outcome unknown. */
  lostBookings: boolean;
}

export interface ReplayMis extends Mis {
  faults: ReplayFaults;
  /** The kiosk's metrics, once the core exists. */
  attach(metrics: MetricsSink): void;
}

/** Median MIS latency of the clinic (ms) and a spread around it, lognormal-ish. */
export function replayMis(rec: Recording, opts: { medianMs: number; refusalShare: number; random?: () => number }): ReplayMis {
  const random = opts.random ?? Math.random;
  let metrics: MetricsSink | null = null;
  const faults: ReplayFaults = { misDown: false, lostBookings: false };
  const clone = <T>(v: T): T => structuredClone(v);
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const latency = () => Math.min(opts.medianMs * Math.exp((random() + random() + random() - 1.5) * 0.9), 20_000);

  async function exchange<T>(method: string, path: string, answer: () => T, fail?: () => ApiError | null): Promise<T> {
    const ms = faults.misDown ? Math.min(latency() * 3, 5000) : latency();
    await wait(ms);
    const failure = faults.misDown ? new ApiError('network', null, null, null, 'connect ECONNREFUSED (simulated)') : fail?.() ?? null;
    metrics?.misRequest({ method, path, status: failure ? (failure.httpStatus ?? null) : 200, seconds: ms / 1000 });
    if (failure) throw failure;
    return answer();
  }

  const refusal = () =>
    random() < opts.refusalShare ? new ApiError('validation', 400, '4002', 'Time is taken (simulated)', 'time taken', null, { problem: 'slotTaken' }) : null;

  const mis: ReplayMis = {
    kind: 'softrust',
    capabilities: { listReferrals: true, referralByNumber: false, visits: true, cancel: true, clientApplicationCheck: true, selfBooking: false, reschedule: false, waitingList: false },
    rescheduleMovesOld: false,
    faults,
    attach: (m) => void (metrics = m),
    start: () => exchange('GET', 'api/v2/settings/clientApplication/7d3c1e52-0000-0000-0000-00000000ab01', () => clone(rec.start)),
    scheduleDays: () => rec.scheduleDays,
    identify: () => exchange('GET', 'auth/cod/token', () => ({ token: randomUUID(), expiresIn: 1800 })),
    referrals: () => exchange('GET', 'api/v2/directions', () => clone(rec.referrals)),
    referralByNumber: () => Promise.reject(capabilityError('referralByNumber')),
    clinics: (_t, ref) => exchange('GET', `api/v2/directions/${ref}/lpu`, () => clone(rec.clinics.get(ref) ?? [])),
    schedule: (_t, ref, q) => exchange('GET', `api/v2/directions/${ref}/schedule`, () => clone(rec.schedule.get(`${ref}|${q.lpuGuid}`) ?? [])),
    async book(_t, body) {
      if (faults.lostBookings) {
        // The MIS's answer never comes (a dropped connection after the request went out).
        await wait(latency());
        metrics?.misRequest({ method: 'POST', path: `api/v2/directions/visit/${body.directionGuid}`, status: null, seconds: 5 });
        throw new ApiError('network', null, null, null, 'socket hang up (simulated)');
      }
      return exchange('POST', `api/v2/directions/visit/${body.directionGuid}`, () => ({ ...clone(rec.ticket), ticketGuid: randomUUID() }), refusal);
    },
    visits: () => exchange('GET', 'visit', () => [] as TicketVisitWithLpu[]),
    cancel: () => exchange('DELETE', 'visit/x/y', () => undefined),
    selfBookingSpecialities: () => Promise.reject(capabilityError('selfBooking')),
    specialitySchedule: () => Promise.reject(capabilityError('selfBooking')),
    resourceSchedule: () => Promise.reject(capabilityError('reschedule')),
    bookSlot: () => Promise.reject(capabilityError('selfBooking')),
    joinWaitingList: () => Promise.reject(capabilityError('waitingList')),
  };
  return mis;
}
