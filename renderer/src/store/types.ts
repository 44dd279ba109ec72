import type {
  Clinic,
  KioskHealth,
  KioskInfo,
  Patient,
  PrinterFault,
  Referral,
  RescheduleResult,
  Resource,
  Slot,
  Speciality,
  Ticket,
} from '../../../electron/common/bridge-contract';
import type { Msg } from '../../../electron/common/i18n/catalog';
import type { Locale } from '../../../electron/common/i18n/locales';
import type { NextStep } from '../../../electron/common/next-step';
import type { KioskProblem } from '../../../electron/common/problems';
import type { IdentifyDraft, IdentifyField } from '../logic/identify-draft';

export type Screen =
  | 'welcome'
  | 'identify'
  | 'referrals'
  | 'referralNumber'
  | 'referralSurname'
  | 'clinics'
  | 'resources'
  | 'days'
  | 'times'
  | 'confirm'
  | 'ticket'
  | 'appointments'
  | 'specialities'
  | 'waitlist'
  | 'waitlistDone';

export type PrintStatus =
  | { phase: 'idle' }
  | { phase: 'printing'; reprintsLeft: number; canPrintAgain: false }
  | { phase: 'printed'; reprintsLeft: number; canPrintAgain: boolean }
  | {
      phase: 'uncertain' | 'failed' | 'disabled';
      fault: PrinterFault;
      /** Refused before the printer (the reprint allowance is spent): said instead of the fault. */
      problem?: KioskProblem;
      reprintsLeft: number;
      canPrintAgain: boolean;
    };

export type FlowError = {
  /** The kiosk's problem, when the error came from the bridge. */
  problem: KioskProblem | null;
  /** What happened, in the kiosk's words. */
  message: Msg;
  /** What to do, when the step's usual advice does not fit. */
  hint?: Msg;
  /** The MIS's own words where they carry facts the patient needs (the time of an existing booking). */
  shown: string | null;
  step: NextStep;
  /** Re-runs the action that failed, for the «Повторить» button. */
  retry: (() => Promise<void>) | null;
};

/** What the patient can choose on the error panel. */
export type ErrorChoice =
  | 'retry'
  | 'waitlist'
  | 'pickTime'
  | 'pickDoctor'
  | 'appointments'
  | 'referrals'
  | 'identify'
  | 'finish';

export type ReferralQuery = { number: string; surname: string };

export type Startup = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; problem: KioskProblem };

/**
 * What the patient came for: booking by referral, «Мои записи», a doctor without a referral
 * (each chosen on Welcome, each starting with the Identify screen), or a new time for an
 * appointment (chosen in «Мои записи» or on a booked referral).
 */
export type Intent = 'book' | 'appointments' | 'self' | 'reschedule';

export type WaitingReason = 'noSlots' | 'noConvenientTime';

/** The waiting-list request being filled in: why, the mobile number typed so far, then the MIS's answer. */
export type WaitlistDraft = {
  /** Where the offer was made: «Назад» returns there. */
  from: Screen;
  reason: WaitingReason;
  /** Why it was offered: with no free time at all there is no reason to choose. */
  offered: WaitingReason;
  /** Digits after +7, as typed (at most 10). Personal data: wiped with the session. */
  phone: string;
  /** The number was checked and the patient is looking at the confirmation. */
  confirming: boolean;
  problem: Msg | null;
  /** The MIS took the request: its reference and the slip to print. */
  done: { slipId: string; reference: string | null } | null;
  /** The last two digits of the number, once it is gone («оканчивается на 67»). */
  phoneTail: string;
};

/** A slip asked for from «Мои записи», shown on that appointment's card. */
export type AppointmentPrint =
  | { ticketGuid: string; phase: 'printing' }
  | { ticketGuid: string; phase: 'printed' | 'uncertain' | 'failed' | 'disabled'; fault: PrinterFault | null; problem: KioskProblem | null };

/**
 * How the screen is drawn for this patient: large print and high contrast, as token overrides
 * under data attributes on <html>. Kept across «Начать» (it may be switched on at Welcome) and
 * reset by endSession, so the next patient gets the ordinary screen.
 */
export type DisplayMode = { print: 'normal' | 'large'; contrast: 'normal' | 'high' };
export const NORMAL_DISPLAY: DisplayMode = { print: 'normal', contrast: 'normal' };

export type FlowData = {
  info: KioskInfo | null;
  display: DisplayMode;
  /** The session's language: from the kiosk's config at the start, the patient may switch it on Welcome; reset with the session. */
  language: Locale;
  /** Voice guidance for this session («Озвучить» on Welcome or in the header); off when the session ends. */
  voice: boolean;
  /**
   * Reach mode («Для инвалидной коляски» on Welcome of a portrait kiosk): every control in the
   * lower part of the screen. Kept across «Начать», reset by endSession, like large print.
   */
  reach: boolean;
  /** The languages the operating system's voice speaks (Chromium lists them late); kept across patients. */
  osVoices: Locale[];
  /** The main process's last pre-flight check; kept across patients. */
  health: KioskHealth | null;
  intent: Intent;
  startup: Startup;
  screen: Screen;
  draft: IdentifyDraft;
  identifyProblem: { field: IdentifyField; message: Msg } | null;
  patient: Patient | null;
  referrals: Referral[];
  /** What the patient typed to find a referral by number (an MIS that cannot list referrals). */
  referralQuery: ReferralQuery;
  /** A calm line on the referral-number or surname screen (not found, MIS down); what was typed stays. */
  referralProblem: { on: 'referralNumber' | 'referralSurname'; message: Msg } | null;
  referral: Referral | null;
  /** What the clinic opens to self-booking (intent «self»), and the one chosen. */
  specialities: Speciality[];
  speciality: Speciality | null;
  /** The appointment being moved (intent «reschedule») and, once moved, what became of it. */
  moving: Ticket | null;
  moved: RescheduleResult['old'] | null;
  waitlist: WaitlistDraft | null;
  /** «Распечатать все записи»: its slip once printed (a second tap prints a copy of it). */
  allPrint: { slipId: string | null; phase: 'printing' | 'printed' | 'uncertain' | 'failed' | 'disabled'; fault: PrinterFault | null; problem: KioskProblem | null } | null;
  clinics: Clinic[];
  clinic: Clinic | null;
  resources: Resource[];
  resource: Resource | null;
  day: string | null;
  slot: Slot | null;
  ticket: Ticket | null;
  print: PrintStatus;
  appointments: Ticket[];
  /** The appointment the patient asked to cancel, awaiting «Да, отменить». */
  cancelling: Ticket | null;
  /** A calm line on «Мои записи» after a cancellation. */
  notice: Msg | null;
  appointmentPrint: AppointmentPrint | null;
  error: FlowError | null;
  busy: boolean;
  /** A calm line under the fields after a scan filled them («Номер полиса считан…»). */
  scanNotice: Msg | null;
  /** Counts scans that changed the Identify fields, so the screen moves to the box to fill next. */
  scanFill: number;
  /** Whether the patient may abandon the pending wait («Отменить»); never while booking. */
  waitCancellable: boolean;
  /** A booking is under way (within its bound): leaving waits for its outcome. */
  bookingUnderWay: boolean;
  /** «Начать заново» was tapped with something entered: the patient confirms first. */
  restartAsked: boolean;
};

export type FlowActions = {
  boot(): Promise<void>;
  start(intent?: Intent): void;
  /** Reads the last health check from the main process (Welcome polls it). */
  refreshHealth(): Promise<void>;
  /** Abandons the pending wait: its answer is dropped and the patient stays where they were. */
  cancelWait(): void;
  /** Asks the core again whether «Печать ещё раз» may be offered (paper loaded meanwhile?). */
  refreshPrintStatus(): Promise<void>;
  /** Prints the slip of an appointment listed in «Мои записи». */
  printAppointment(ticketGuid: string): Promise<void>;
  setDraft(draft: IdentifyDraft): void;
  submitIdentify(): Promise<void>;
  loadReferrals(): Promise<void>;
  setReferralNumber(number: string): void;
  /** «Продолжить» on the referral-number screen: checks the number, then asks for the surname. */
  submitReferralNumber(): void;
  setSurname(surname: string): void;
  /** «Найти»: the referral by number and surname, then on into the clinic → doctor → … flow. */
  findReferral(): Promise<void>;
  chooseReferral(guid: string): Promise<void>;
  chooseClinic(guid: string): Promise<void>;
  chooseResource(guid: string): Promise<void>;
  chooseDay(date: string): Promise<void>;
  chooseTime(time: string): Promise<void>;
  book(): Promise<void>;
  reprint(): Promise<void>;
  showAppointments(): Promise<void>;
  chooseSpeciality(key: string): Promise<void>;
  /** «Перенести»: the same doctor's free time, for the appointment «Мои записи» (or a booked referral) showed. */
  startReschedule(ticketGuid: string): Promise<void>;
  /**
   * «Записаться ещё»: the same patient, another referral or doctor, no identification again;
   * `intent` switches between booking by referral and without one (default: as before).
   */
  bookAnother(intent?: 'book' | 'self'): Promise<void>;
  /** «Другой пациент»: ends this session and starts identification afresh. */
  otherPatient(): void;
  /** «Распечатать все записи». */
  printAll(): Promise<void>;
  /** «Встать в лист ожидания» from a schedule with no (convenient) time. */
  offerWaitlist(reason: WaitingReason): void;
  setWaitlistReason(reason: WaitingReason): void;
  setWaitlistPhone(phone: string): void;
  /** «Продолжить»: checks the number, then shows it back grouped for confirmation. */
  reviewWaitlist(): void;
  /** «Изменить номер» on the confirmation. */
  editWaitlist(): void;
  submitWaitlist(): Promise<void>;
  /** The waiting-list slip («Печать ещё раз» after the first, which prints by itself). */
  printWaitlist(again: boolean): Promise<void>;
  askCancel(ticketGuid: string): void;
  dismissCancel(): void;
  confirmCancel(): Promise<void>;
  reloadSchedule(): Promise<void>;
  resolveError(choice: ErrorChoice): Promise<void>;
  back(): void;
  /** Large print and high contrast together, on or off: one button for a patient with weak eyesight. */
  toggleDisplay(): void;
  /** «Для инвалидной коляски»: reach mode on or off for this session. */
  toggleReach(): void;
  /** The patient's language for this session (Welcome); the next patient gets the kiosk's own again. */
  setLanguage(language: Locale): void;
  /** «Озвучить»: voice guidance on or off for this session. */
  toggleVoice(): void;
  /** «Повторить»: says the screen (or the error on it) again. */
  repeatVoice(): void;
  /** «Вы ещё здесь?» appeared: in voice mode the question is said aloud, the seconds left and the button. */
  sayIdleWarning(secondsLeft: number): void;
  /** Ends the patient's session on the server and wipes everything on screen. */
  endSession(): void;
  /** «Начать заново»: at once when nothing was entered, else after «Да, начать заново». */
  askRestart(): void;
  dismissRestart(): void;
  /**
   * A screen failed to render: tells the main side (no patient data: the message has its
   * digits masked, `where` is the screen and component) and wipes the session.
   */
  reportCrash(message: string, where: string): void;
  /** A tap or a key: tells the core someone is at the screen (throttled), so an update never restarts under them. */
  notePatientInput(): void;
  /** Asks the core for a scan (Welcome and Identify only) and acts on it. */
  pollScan(): Promise<void>;
  /** The screen left Welcome and Identify: the core drops scans from now on. */
  stopScans(): void;
  /** A keyboard-wedge burst's digits, read by physical key codes. */
  sendScanKeys(digits: string): Promise<void>;
};

export type FlowState = FlowData & FlowActions;
