// The kiosk's use cases, one per bridge method. Plain TypeScript over the MIS client, the
// patient session (the token holder), the booking ledger and the slip printer; no Electron,
// no transport.
import type { KioskInfo, PrintResult, Ticket } from '../../common/bridge-contract';
import { clinicYmd } from '../../common/clinic-time';
import { maskPolicy } from '../../common/mask';
import type { Locale } from '../../common/i18n/locales';
import type { PrinterFault } from '../../common/printer-faults';
import { MAYBE_OWN_BOOKING } from '../../common/problems';
import { REFERRAL_STATUSES, addDays } from '../../common/rules';
import { ApiError } from '../api/api-error';
import type { Mis } from '../mis/port';
import type { BridgeImpl } from '../bridge/dispatcher';
import { PrinterUnavailableError } from '../bridge/printer-unavailable-error';
import type { KioskConfig } from '../config/schema';
import { UNKNOWN_HEALTH, type HealthMonitor } from '../health/health-monitor';
import type { Logger, PrinterReadiness, SlipPrinter } from '../ports';
import { SessionError } from '../session/session-error';
import type { PatientSession } from '../session/patient-session';
import { bookingBoundMs } from './booking-bound';
import { BookingNotConfirmedError } from './booking-errors';
import type { BookingLedger } from './ledger';
import { canPrintAgain, decidePrint } from './print-decision';
import { attemptKey, findBookedVisit, outcomeUnknown, type BookingAttempt } from './reconcile';
import { createViewModels, toClinic } from './view-models';
import { reportRendererError } from './report-error';
import { ScanInbox } from '../scan/scan-inbox';
import { createScanMethods } from '../scan/scan-methods';
import { createServiceMethods } from '../service/service-methods';
import { createServiceMode, type ServiceMode } from '../service/service-mode';
import { memoryPaperCounter } from '../service/paper-counter';
import { unavailableLifecycle } from '../service/lifecycle';

export interface KioskServiceDeps {
  config: KioskConfig;
  mis: Mis;
  session: PatientSession;
  ledger: BookingLedger;
  log: Logger;
  /** null when this kiosk prints no slips (disabled, or no transport for the configured type). */
  slipPrinter: SlipPrinter | null;
  /** Where scanner input waits for the screen; a private one (no scanner feeds it) when absent. */
  scanInbox?: ScanInbox;
  /** Pre-flight checks (printer, MIS); absent in tests that do not need them. */
  health?: HealthMonitor;
  /** The technician's service mode; without one (unit tests) it exists but cannot restart, quit or reach the MIS. */
  serviceMode?: ServiceMode;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

/** Why «Печать ещё раз» cannot print now, from what the printer says of itself. */
const BLOCKED_FAULT: Partial<Record<PrinterReadiness, PrinterFault>> = {
  'paper-end': 'paperEnd',
  'cover-open': 'coverOpen',
  error: 'error',
  offline: 'offline',
};

export function createKioskService(deps: KioskServiceDeps): BridgeImpl {
  const { config, mis, session, ledger, log, slipPrinter } = deps;
  const now = deps.now ?? (() => new Date());
  const tz = config.timeZone;
  const kioskId = config.kioskId;
  const limit = config.printer.reprintLimit;
  const today = () => clinicYmd(now().toISOString(), tz);
  // MIS times are normalised here, in the clinic's zone, before anything crosses the bridge.
  const vm = createViewModels({ timeZone: tz, log });
  const serviceMode =
    deps.serviceMode ??
    createServiceMode({
      config, mis, session, slipPrinter, log, now,
      logTail: () => [],
      paper: memoryPaperCounter(now),
      lifecycle: unavailableLifecycle(log),
      probeMis: async () => 'down',
      version: 'unknown',
    });
  const served = (lpuGuid: string) => config.clinics.length === 0 || config.clinics.includes(lpuGuid);
  const bookingWaitMs = bookingBoundMs(config);
  /** Attempts whose answer never came back, so a later 4009 on the same cell may be our own booking. */
  const unknownAttempts = new Set<string>();

  async function book(input: Omit<BookingAttempt, 'startedAt'>): Promise<Ticket> {
    const attempt: BookingAttempt = { ...input, startedAt: now().toISOString() };
    const key = attemptKey(attempt);
    const generation = session.generation;
    const cell = { lpuGuid: attempt.lpuGuid, resourceGuid: attempt.resourceGuid, date: attempt.date, time: attempt.time, kioskId };
    const stale = () => session.generation !== generation;
    const accept = (t: Ticket, how: 'created' | 'reconciled'): Ticket => {
      if (stale()) {
        // The session ended meanwhile (the renderer replaced, a wait past its bound): the answer
        // must not revive it. The visit stands at the MIS: the patient finds it in «Мои записи»
        // on their next identification, and a «time taken» on this cell is checked as theirs.
        unknownAttempts.add(key);
        log.audit('booking.late', { ...cell, ticketGuid: t.ticketGuid, how });
        throw new SessionError('session ended while booking');
      }
      unknownAttempts.delete(key);
      ledger.remember(t);
      log.audit(`booking.${how}`, { ...cell, ticketGuid: t.ticketGuid });
      return t;
    };
    /** `refusal`: the MIS's own «time taken» that sent us looking; said as it was if the visit is not ours. */
    const reconcile = async (why: string, refusal?: unknown): Promise<Ticket> => {
      unknownAttempts.add(key);
      log.audit('booking.reconciling', { ...cell, why });
      const found = await findBookedVisit(
        () => session.withToken((t) => mis.visits(t, { dateFrom: attempt.date, dateTo: attempt.date })),
        attempt,
        { polls: config.booking.reconcilePolls, intervalMs: config.booking.reconcileIntervalMs, timeZone: tz, log, sleep: deps.sleep, cancelled: stale },
      );
      if (found) return accept(vm.toTicket(found), 'reconciled');
      if (stale()) throw new SessionError('session ended while reconciling');
      if (refusal) {
        // Not our own booking after all: someone else has the time, as the MIS said.
        unknownAttempts.delete(key);
        log.audit('booking.refused', { ...cell, problem: refusal instanceof ApiError ? refusal.problem : null, code: refusal instanceof ApiError ? refusal.code : null });
        throw refusal;
      }
      log.audit('booking.unknown', { ...cell, why });
      throw new BookingNotConfirmedError(`no visit matched after reconciliation (${why})`);
    };

    let raw;
    try {
      raw = await session.withToken((token) =>
        mis.book(token, {
          date: attempt.date,
          time: attempt.time,
          directionGuid: attempt.referralGuid,
          lpuGuid: attempt.lpuGuid,
          resourceGuid: attempt.resourceGuid,
        }),
      );
    } catch (err) {
      if (err instanceof SessionError) throw err;
      if (outcomeUnknown(err)) return reconcile(err instanceof ApiError ? `${err.kind} ${err.httpStatus ?? ''}`.trim() : 'unknown');
      // «Time taken» (or «already booked», «referral used») after an attempt whose answer we
      // never saw may be this patient's own booking: look before telling them the time is gone.
      if (err instanceof ApiError && MAYBE_OWN_BOOKING.has(err.problem) && unknownAttempts.has(key)) {
        return reconcile(`${err.problem} (MIS code ${err.code ?? '-'}) after an unanswered attempt`, err);
      }
      log.audit('booking.refused', { ...cell, problem: err instanceof ApiError ? err.problem : null, code: err instanceof ApiError ? err.code : null });
      throw err;
    }
    let ticket: Ticket;
    try {
      ticket = vm.toTicket(raw);
    } catch (err) {
      // The MIS answered 200 with a ticket we cannot read (a time in no known format): it
      // booked, but what? Its own visit list says.
      return reconcile(`unreadable ticket: ${err instanceof Error ? err.message : String(err)}`);
    }
    return accept(ticket, 'created');
  }

  async function printResult(ticketGuid: string, readiness: PrinterReadiness, outcome: { state: 'printed' | 'uncertain' | 'failed'; fault: PrinterFault | null; jobId: string } | null): Promise<PrintResult> {
    const h = await slipPrinter!.history(ticketGuid);
    const state = outcome?.state ?? (h.original === 'printed' ? 'printed' : h.original === 'uncertain' || h.original === 'pending' ? 'uncertain' : 'failed');
    const fault: PrinterFault | null =
      state === 'printed' ? null : state === 'uncertain' ? 'uncertain' : ((outcome ? outcome.fault : h.lastFault) ?? 'internal');
    return {
      jobId: outcome?.jobId ?? null,
      state,
      fault,
      reprintsLeft: Math.max(0, limit - h.againAttempts),
      canPrintAgain: canPrintAgain(h, limit, readiness),
    };
  }

  const DISABLED: PrintResult = { jobId: null, state: 'disabled', fault: 'disabled', reprintsLeft: 0, canPrintAgain: false };

  // One print decision at a time: a second tap must see the first one's journal entry.
  let printTail: Promise<unknown> = Promise.resolve();
  function serialPrint<T>(fn: () => Promise<T>): Promise<T> {
    const run = printTail.then(fn, fn);
    printTail = run.catch(() => undefined);
    return run;
  }

  return {
    async kioskInfo(): Promise<KioskInfo> {
      return {
        kioskId,
        demo: config.demo,
        timeZone: tz,
        idleSeconds: config.idle.seconds,
        countdownSeconds: config.idle.countdownSeconds,
        orientation: config.screen.orientation,
        language: config.language,
        printerEnabled: slipPrinter !== null,
        reprintLimit: limit,
        scanner: config.scanner.type,
        mis: { ...mis.capabilities },
        bookingWaitSeconds: Math.ceil(bookingWaitMs / 1000),
      };
    },

    async identify({ policy, birthDate }) {
      // The technician's screen is on top: no patient session may start underneath it.
      if (serviceMode.active()) throw new SessionError('identify: a technician has the screen (service mode)');
      // A fresh look at the printer as a patient starts, without making them wait. The MIS gets
      // no probe here: this very identify is one, and a probe would cost an MIS call per booking.
      void deps.health?.checkPrinter();
      await session.identify({ policy, birthDate });
      return { policyMasked: maskPolicy(policy) };
    },

    async listReferrals() {
      const list = await session.withToken((t) => mis.referrals(t, REFERRAL_STATUSES));
      const day = today();
      return list
        .map((d) => vm.toReferral(d, day))
        .sort((a, b) => Number(b.bookable) - Number(a.bookable));
    },

    async findReferral({ number, surname }) {
      const d = await session.withToken((t) => mis.referralByNumber(t, { number, surname }));
      return vm.toReferral(d, today());
    },

    async listClinics({ referralGuid }) {
      const lpus = await session.withToken((t) => mis.clinics(t, referralGuid));
      return lpus.filter((l) => served(l.guid)).map(toClinic);
    },

    async listSchedule({ referralGuid, lpuGuid }) {
      const from = today();
      const rows = await session.withToken((t) =>
        mis.schedule(t, referralGuid, { lpuGuid, dateFrom: from, dateTo: addDays(from, mis.scheduleDays() - 1) }),
      );
      const nowMs = now().getTime();
      return rows
        .filter((r) => r.lpu.guid === lpuGuid)
        .flatMap((r) => r.resources.map((res) => vm.toResource(res, nowMs)));
    },

    book({ referralGuid, lpuGuid, resourceGuid, date, time }) {
      return ledger.once(() => book({ referralGuid, lpuGuid, resourceGuid, date, time }));
    },

    async listAppointments() {
      const list = await session.withToken((t) => mis.visits(t, { dateFrom: today() }));
      const tickets = vm.toTickets(list).sort((a, b) => a.beginTime.localeCompare(b.beginTime));
      // «Мои записи» may print any of them, wherever it was booked: the slip is printed from
      // exactly what the list showed, like a ticket booked here.
      for (const t of tickets) ledger.remember(t);
      return tickets;
    },

    async cancelAppointment({ lpuGuid, ticketGuid }) {
      await session.withToken((t) => mis.cancel(t, lpuGuid, ticketGuid));
      log.audit('booking.cancelled', { ticketGuid, lpuGuid, kioskId });
      return null;
    },

    printTicket({ ticketGuid, again, language }) {
      return serialPrint(async (): Promise<PrintResult> => {
        if (!slipPrinter) return DISABLED;
        const ticket = ledger.ticket(ticketGuid);
        if (!ticket) throw new PrinterUnavailableError('ticketUnknown');
        session.touch();
        const before = await slipPrinter.history(ticketGuid);
        // Asking the printer costs a round trip: only «Печать ещё раз» needs it up front.
        const readiness: PrinterReadiness = again ? await slipPrinter.readiness() : 'unknown';
        const action = decidePrint(again, before, limit, readiness);
        if (action.kind === 'none') {
          if (action.why === 'reprintUsed') throw new PrinterUnavailableError('reprintUsed');
          const r = await printResult(ticketGuid, readiness, null);
          // «Печать ещё раз» while the printer reports a fault: that try failed, say why.
          return action.why === 'blocked' ? { ...r, state: 'failed', fault: BLOCKED_FAULT[readiness] ?? 'offline' } : r;
        }
        const outcome = await slipPrinter.printSlip({
          ticket,
          kioskId,
          printedAt: now().toISOString(),
          timeZone: tz,
          locale: language satisfies Locale,
          reprint: action.kind === 'copy',
        });
        log.audit(`print.${outcome.state}`, { jobId: outcome.jobId, ticketGuid, action: action.kind, kioskId });
        // After a failure the printer's own status decides whether another try is worth offering.
        const after = outcome.state === 'failed' ? await slipPrinter.readiness() : readiness;
        return printResult(ticketGuid, after, outcome);
      });
    },

    printStatus({ ticketGuid }) {
      return serialPrint(async (): Promise<PrintResult> => {
        if (!slipPrinter) return DISABLED;
        if (!ledger.ticket(ticketGuid)) throw new PrinterUnavailableError('ticketUnknown');
        return printResult(ticketGuid, await slipPrinter.readiness(), null);
      });
    },

    async endSession() {
      session.end('patient');
      return null;
    },

    // Counted by the composition (patient-activity.ts); the call itself has nothing to do.
    async patientInput() {
      return null;
    },

    async kioskHealth() {
      return deps.health?.last() ?? (slipPrinter ? UNKNOWN_HEALTH : { ...UNKNOWN_HEALTH, printer: 'disabled' });
    },

    reportError: reportRendererError(log),

    ...createScanMethods({
      inbox: deps.scanInbox ?? new ScanInbox({ log }),
      session,
      log,
      timeZone: tz,
      keyboardWedge: config.scanner.type === 'keyboard',
      patientsPaused: () => serviceMode.active(),
      now,
    }),

    ...createServiceMethods(serviceMode, { beforeEnter: () => ledger.settled(bookingWaitMs) }),
  };
}
