// Interfaces the core needs from the outside world. The printing layer and the Electron shell
// provide implementations; the core and its tests never know which.
import type { ClinicRef, Ticket } from '../common/bridge-contract';
import type { Locale } from '../common/i18n/locales';
import type { PrinterFault } from '../common/printer-faults';
import type { SpeechKind } from '../common/speech';

/** «Распечатать все записи»: the upcoming appointments «Мои записи» showed, on one slip. */
export interface AppointmentsSummary {
  kind: 'appointments';
  /** The same list always gets the same id, so a second tap is a copy, not another original. */
  id: string;
  tickets: Ticket[];
}

/** A waiting-list request the MIS took: what for, where, and what happens next. Never the phone number. */
export interface WaitingListSummary {
  kind: 'waitingList';
  id: string;
  clinic: ClinicRef | null;
  /** The speciality or the referral's title, as the MIS named it; null when unknown. */
  what: string | null;
  reason: 'noSlots' | 'noConvenientTime';
  /** The MIS's reference for the request, when it gave one. */
  reference: string | null;
  /** The last two digits of the number the clinic will call, so the patient recognises it. */
  phoneTail: string;
}

/** A slip that is not one ticket: made by the core from what the patient did this session. */
export type SlipSummary = AppointmentsSummary | WaitingListSummary;

/**
 * Everything printed on a slip: one ticket, or a summary (`summary`). No patient name or
 * policy number: the slip may be lost.
 */
export type SlipData = SlipMeta & ({ ticket: Ticket; summary?: undefined } | { ticket?: undefined; summary: SlipSummary });

/** The slip's id in the print journal: its own key if it has one, else the ticket's GUID or the summary's id. */
export function slipId(slip: SlipData): string {
  return slip.printKey ?? (slip.ticket ? slip.ticket.ticketGuid : slip.summary.id);
}

export interface SlipMeta {
  /**
   * The journal's key when the ticket's GUID already names an older booking's slip (an MIS
   * that derives ticket ids from the cell, like N3: the same doctor and time booked again after
   * a cancellation has the same GUID, and must still get its own original).
   */
  printKey?: string;
  kioskId: string;
  /** ISO instant the slip was printed; shown in the clinic's zone. */
  printedAt: string;
  timeZone: string;
  /** The session's language: the slip's own words (not the MIS's data) are printed in it. */
  locale: Locale;
  /** True when the patient asked for another copy on purpose. */
  reprint: boolean;
  /** The clinic whose building the kiosk stands in (config `printer.homeClinicGuid`): another one's address is boxed. */
  homeClinicGuid?: string | null;
  /** A technician's test slip from service mode: marked ТЕСТОВАЯ ПЕЧАТЬ, valid for nothing. */
  test?: boolean;
}

/**
 * printed: the printer confirmed. uncertain: every byte was written but the printer did not
 * confirm (count it as delivered: never resend unmarked). failed: see the message.
 */
export type SlipPrintState = 'printed' | 'uncertain' | 'failed';

export interface SlipPrintOutcome {
  jobId: string;
  state: SlipPrintState;
  /** Why, when not printed (the patient reads `printer.<fault>` in their language). */
  fault: PrinterFault | null;
}

/** What the print journal knows about one ticket; the core decides from it alone. */
export interface PrintHistory {
  /**
   * The original slip. failed-unsent: nothing reached the printer, so resending it unmarked is
   * safe. failed-sent and pending: something may have come out, so any further slip is a copy.
   */
  original: 'none' | 'printed' | 'uncertain' | 'failed-unsent' | 'failed-sent' | 'pending';
  /** Prints after the first one: resends of the original and copies, failed ones included. */
  againAttempts: number;
  /** Why the last attempt failed, if it did. */
  lastFault: PrinterFault | null;
  /** When the original was first begun (ISO), null if never. */
  originalAt: string | null;
}

/** The printer as its last status answer described it; `unknown` for one-way transports. */
export type PrinterReadiness = 'ready' | 'near-end' | 'paper-end' | 'cover-open' | 'offline' | 'error' | 'unknown';

/**
 * Prints slips through the print journal. Resolves for printer faults (state failed) and never
 * throws for them, so a failed print can never undo or hide a booking that already stands.
 */
export interface SlipPrinter {
  /** `slip.reprint` false: the original (sent again only if it never reached the printer). */
  printSlip(slip: SlipData): Promise<SlipPrintOutcome>;
  history(ticketGuid: string): Promise<PrintHistory>;
  /** Asks a two-way printer now; one-way transports answer `unknown`. Never throws. */
  readiness(): Promise<PrinterReadiness>;
  /** A journal that could not be written (the guard then holds in memory only), for the technician. */
  journalFault(): string | null;
}

/** One thing to say aloud (voice guidance), already in words, in the session's language. */
export interface Utterance {
  text: string;
  language: Locale;
  kind: SpeechKind;
}

/**
 * Speaks through the kiosk's speakers (espeak-ng in `core/speech/`). Never throws: a kiosk with
 * no engine or no audio device stays silent, and says so once in the log.
 */
export interface SpeechEngine {
  /** Whether the engine's program answered (checked once; false: `say` does nothing). */
  ready(): Promise<boolean>;
  /** Says it now, cutting off what is being said and dropping what was to follow (`interrupt`), or after it. */
  say(utterance: Utterance, interrupt: boolean): void;
  /** Stops what is being said and forgets what was to follow. */
  stop(): void;
  close(): void;
}

/** No engine: the kiosk's own speech is off (config `voice`), or tests that do not speak. */
export const silentSpeech: SpeechEngine = { ready: async () => false, say() {}, stop() {}, close() {} };

/**
 * Structured logging. Implementations mask policy numbers and drop anything that looks like a
 * token; callers still never pass either. `audit` records bookings and prints without
 * personal data, for the clinic's staff.
 */
export interface Logger {
  info(event: string, data?: Record<string, unknown>): void;
  warn(event: string, data?: Record<string, unknown>): void;
  error(event: string, data?: Record<string, unknown>): void;
  audit(event: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, audit() {} };
