// The kiosk's use cases, one per bridge method. Plain TypeScript over the MIS client, the
// patient session (the token holder), the booking ledger and the slip printer; no Electron,
// no transport.
import type { KioskInfo, PrintResult, Ticket } from '../../common/bridge-contract';
import { clinicYmd } from '../../common/clinic-time';
import { maskPolicy } from '../../common/mask';
import type { Locale } from '../../common/i18n/locales';
import type { PrinterFault } from '../../common/printer-faults';
import { REFERRAL_STATUSES, addDays } from '../../common/rules';
import type { Mis } from '../mis/port';
import type { BridgeImpl } from '../bridge/dispatcher';
import { PrinterUnavailableError } from '../bridge/printer-unavailable-error';
import type { KioskConfig } from '../config/schema';
import { UNKNOWN_HEALTH, type HealthMonitor } from '../health/health-monitor';
import { silentSpeech, type Logger, type PrinterReadiness, type SlipData, type SlipPrinter, type SlipSummary, type SpeechEngine } from '../ports';
import { SessionError } from '../session/session-error';
import type { PatientSession } from '../session/patient-session';
import { bookingBoundMs } from './booking-bound';
import { createBookingTransaction, type BookingTransaction } from './booking-transaction';
import { createVisitMemory, upcomingTo } from './foresight';
import { createLobbyMethods } from './lobby-methods';
import type { BookingLedger } from './ledger';
import { canPrintAgain, decidePrint } from './print-decision';
import { createViewModels, toClinic } from './view-models';
import { reportRendererError } from './report-error';
import { ScanInbox } from '../scan/scan-inbox';
import { createScanMethods } from '../scan/scan-methods';
import { createSpeechMethods } from '../speech/speech-methods';
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
  /** The kiosk's own voice (espeak-ng); silent when absent. */
  speech?: SpeechEngine;
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
  const speech = deps.speech ?? silentSpeech;
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
  const visits = createVisitMemory({ mis, session, vm, log, today, now });
  ledger.onClear(() => visits.clear());
  const booking = createBookingTransaction({
    mis, session, ledger, log, vm, kioskId, timeZone: tz, now, sleep: deps.sleep,
    reconcile: { polls: config.booking.reconcilePolls, intervalMs: config.booking.reconcileIntervalMs },
  });
  // Whatever this session books, the next card for that speciality knows without asking the MIS.
  const transact: BookingTransaction = async (attempt, send) => {
    const t = await booking(attempt, send);
    visits.booked(t);
    return t;
  };
  /** The upcoming appointment a card should name, remembered so «Перенести» can move it. */
  const flag = (speciality: string | null | undefined, known: Awaited<ReturnType<typeof visits.known>>) => {
    const t = upcomingTo(speciality, known, now().getTime());
    if (t) ledger.remember(t);
    return t;
  };

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

  /** The slip this session knows by that id: a ticket it showed, or a summary it made. */
  const slipContent = (id: string): { ticket: Ticket; summary?: undefined } | { ticket?: undefined; summary: SlipSummary } | null => {
    const ticket = ledger.ticket(id);
    if (ticket) return { ticket };
    const summary = ledger.summary(id);
    return summary ? { summary } : null;
  };

  /**
   * The journal key of a slip. A ticket this session booked whose GUID the journal already knows
   * from before the booking (an MIS deriving ids from the cell, a cancelled time booked again)
   * gets a key of its own: the new booking's original is not an old booking's copy.
   */
  async function printKeyOf(id: string): Promise<string> {
    const known = ledger.printKey(id);
    if (known) return known;
    const bookedAt = ledger.bookedAt(id);
    let key = id;
    if (bookedAt && slipPrinter) {
      const h = await slipPrinter.history(id);
      if (h.originalAt !== null && h.originalAt <= bookedAt) {
        key = `${id}-b${Date.parse(bookedAt).toString(36)}`;
        log.info('print.new_booking_same_id', { ticketGuid: id, key });
      }
    }
    ledger.setPrintKey(id, key);
    return key;
  }

  function printById(id: string, again: boolean, language: Locale, largePrint = false): Promise<PrintResult> {
    return serialPrint(async (): Promise<PrintResult> => {
      if (!slipPrinter) return DISABLED;
      const content = slipContent(id);
      if (!content) throw new PrinterUnavailableError('ticketUnknown');
      session.touch();
      const key = await printKeyOf(id);
      const before = await slipPrinter.history(key);
      // Asking the printer costs a round trip: only «Печать ещё раз» needs it up front.
      const readiness: PrinterReadiness = again ? await slipPrinter.readiness() : 'unknown';
      const action = decidePrint(again, before, limit, readiness);
      if (action.kind === 'none') {
        if (action.why === 'reprintUsed') throw new PrinterUnavailableError('reprintUsed');
        const r = await printResult(key, readiness, null);
        // «Печать ещё раз» while the printer reports a fault: that try failed, say why.
        return action.why === 'blocked' ? { ...r, state: 'failed', fault: BLOCKED_FAULT[readiness] ?? 'offline' } : r;
      }
      const outcome = await slipPrinter.printSlip({
        ...content,
        kioskId,
        printedAt: now().toISOString(),
        timeZone: tz,
        locale: language satisfies Locale,
        reprint: action.kind === 'copy',
        homeClinicGuid: config.printer.homeClinicGuid,
        // The patient who had large print on is the one who reads this slip.
        largePrint: config.printer.largePrint || largePrint,
        ...(key !== id ? { printKey: key } : {}),
      } satisfies SlipData);
      log.audit(`print.${outcome.state}`, { jobId: outcome.jobId, ticketGuid: id, action: action.kind, kioskId, slip: content.ticket ? 'ticket' : content.summary.kind });
      // After a failure the printer's own status decides whether another try is worth offering.
      const after = outcome.state === 'failed' ? await slipPrinter.readiness() : readiness;
      return printResult(key, after, outcome);
    });
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
        typingIdleSeconds: config.idle.typingSeconds,
        countdownSeconds: config.idle.countdownSeconds,
        ticketSeconds: config.idle.ticketSeconds,
        ticketUnprintedSeconds: config.idle.ticketUnprintedSeconds,
        repeatGuardMs: config.touch.repeatGuardMs,
        pickerGuardMs: config.touch.pickerGuardMs,
        spillGuardMs: config.touch.spillGuardMs,
        orientation: config.screen.orientation,
        reach: { ...config.screen.reach },
        language: config.language,
        printerEnabled: slipPrinter !== null,
        reprintLimit: limit,
        scanner: config.scanner.type,
        scannerPlace: config.scanner.place,
        clinicPhone: config.clinic.phone,
        // Sooner than the next check would be a promise the kiosk cannot keep.
        misRetryMinutes: Math.max(config.health.misRetryMinutes, Math.ceil(config.health.intervalSeconds / 60)),
        mis: {
          ...mis.capabilities,
          // The clinic turned self-booking off (an empty list), or the MIS cannot do it.
          selfBooking: mis.capabilities.selfBooking && config.booking.selfBookingSpecialities?.length !== 0,
          // A new time needs the old booking listed and, unless the MIS moves it itself, cancelled.
          reschedule: mis.capabilities.reschedule && mis.capabilities.visits && (mis.rescheduleMovesOld || mis.capabilities.cancel),
        },
        bookingWaitSeconds: Math.ceil(bookingWaitMs / 1000),
        voice: {
          enabled: config.voice.enabled,
          engine: config.voice.engine,
          rate: config.voice.rate,
          volume: config.voice.volume,
          kioskEngine: config.voice.enabled && config.voice.engine !== 'os' && (await speech.ready()),
        },
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
      // The visits are read alongside, not after: the list waits for the slower of the two only.
      const [list, known] = await Promise.all([session.withToken((t) => mis.referrals(t, REFERRAL_STATUSES)), visits.known()]);
      const day = today();
      const referrals = list
        .map((d) => {
          const r = vm.toReferral(d, day);
          // Only a referral the patient can still book is worth the warning (a booked one shows its own ticket).
          return r.bookable ? { ...r, upcoming: flag(d.speciality?.name, known) } : r;
        })
        .sort((a, b) => Number(b.bookable) - Number(a.bookable));
      for (const r of referrals) {
        if (r.title) ledger.rememberName(r.guid, r.title);
        // A booked referral's appointment may be printed or moved from the list, like «Мои записи».
        if (r.ticket) ledger.remember(r.ticket);
      }
      return referrals;
    },

    async findReferral({ number, surname }) {
      const d = await session.withToken((t) => mis.referralByNumber(t, { number, surname }));
      const found = vm.toReferral(d, today());
      // The referral's own clinic is the one whose history matters (N3 keeps one per clinic).
      const referral = found.bookable ? { ...found, upcoming: flag(d.speciality?.name, await visits.known(d.lpuTo?.[0]?.lpuGuid)) } : found;
      if (referral.title) ledger.rememberName(referral.guid, referral.title);
      return referral;
    },

    async listClinics({ referralGuid }) {
      const lpus = await session.withToken((t) => mis.clinics(t, referralGuid));
      const clinics = lpus.filter((l) => served(l.guid)).map(toClinic);
      for (const c of clinics) ledger.rememberClinic(c);
      return clinics;
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
      return ledger.once('referral', () =>
        transact({ kind: 'referral', purpose: referralGuid, lpuGuid, resourceGuid, date, time }, (token) =>
          mis.book(token, { date, time, directionGuid: referralGuid, lpuGuid, resourceGuid }),
        ),
      );
    },

    async listAppointments() {
      const list = await session.withToken((t) => mis.visits(t, { dateFrom: today() }));
      visits.heard(list);
      const tickets = vm.toTickets(list).sort((a, b) => a.beginTime.localeCompare(b.beginTime));
      // «Мои записи» may print, move or cancel any of them, wherever it was booked, and print
      // them all on one slip: from exactly what the list showed, like a ticket booked here.
      ledger.listed(tickets);
      return tickets;
    },

    async cancelAppointment({ lpuGuid, ticketGuid }) {
      await session.withToken((t) => mis.cancel(t, lpuGuid, ticketGuid));
      ledger.forget(ticketGuid);
      visits.gone(ticketGuid);
      log.audit('booking.cancelled', { ticketGuid, lpuGuid, kioskId });
      return null;
    },

    printTicket({ ticketGuid, again, language, largePrint }) {
      return printById(ticketGuid, again, language, largePrint);
    },

    printStatus({ ticketGuid }) {
      return serialPrint(async (): Promise<PrintResult> => {
        if (!slipPrinter) return DISABLED;
        if (!slipContent(ticketGuid)) throw new PrinterUnavailableError('ticketUnknown');
        return printResult(await printKeyOf(ticketGuid), await slipPrinter.readiness(), null);
      });
    },

    async endSession() {
      session.end('patient');
      // Voice guidance is the session's, like large print: the next patient hears nothing of it.
      speech.stop();
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

    ...createLobbyMethods({ config, mis, session, ledger, log, vm, transact, print: printById, served, today, now, visits, flag }),

    ...createScanMethods({
      inbox: deps.scanInbox ?? new ScanInbox({ log }),
      session,
      log,
      timeZone: tz,
      keyboardWedge: config.scanner.type === 'keyboard',
      patientsPaused: () => serviceMode.active(),
      now,
    }),

    ...createSpeechMethods({ engine: speech, enabled: config.voice.enabled, log, paused: () => serviceMode.active() }),

    ...createServiceMethods(serviceMode, { beforeEnter: () => ledger.settled(bookingWaitMs) }),
  };
}
