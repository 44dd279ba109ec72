import type {
  BridgeError,
  Clinic,
  KioskHealth,
  KioskInfo,
  Patient,
  Referral,
  Resource,
  Slot,
  Ticket,
} from '../../../electron/common/bridge-contract';
import type { NextStep } from '../../../electron/common/next-step';
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
  | 'appointments';

export type PrintStatus =
  | { phase: 'idle' }
  | { phase: 'printing'; reprintsLeft: number; canPrintAgain: false }
  | { phase: 'printed'; reprintsLeft: number; canPrintAgain: boolean }
  | { phase: 'uncertain' | 'failed' | 'disabled'; message: string; reprintsLeft: number; canPrintAgain: boolean };

export type FlowError = {
  error: BridgeError;
  step: NextStep;
  /** Re-runs the action that failed, for the «Повторить» button. */
  retry: (() => Promise<void>) | null;
};

/** What the patient can choose on the error panel. */
export type ErrorChoice =
  | 'retry'
  | 'pickTime'
  | 'appointments'
  | 'referrals'
  | 'identify'
  | 'finish';

export type ReferralQuery = { number: string; surname: string };

export type Startup = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };

/** What the patient came for, chosen on Welcome: both start with the Identify screen. */
export type Intent = 'book' | 'appointments';

/** A slip asked for from «Мои записи», shown on that appointment's card. */
export type AppointmentPrint = { ticketGuid: string; phase: 'printing' } | { ticketGuid: string; phase: 'printed' | 'uncertain' | 'failed' | 'disabled'; message: string | null };

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
  /** The main process's last pre-flight check; kept across patients. */
  health: KioskHealth | null;
  intent: Intent;
  startup: Startup;
  screen: Screen;
  draft: IdentifyDraft;
  identifyProblem: { field: IdentifyField; message: string } | null;
  patient: Patient | null;
  referrals: Referral[];
  /** What the patient typed to find a referral by number (an MIS that cannot list referrals). */
  referralQuery: ReferralQuery;
  /** A calm line on the referral-number or surname screen (not found, MIS down); what was typed stays. */
  referralProblem: { on: 'referralNumber' | 'referralSurname'; message: string } | null;
  referral: Referral | null;
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
  /** The server's answer after a cancellation («Запись отменена»). */
  notice: string | null;
  appointmentPrint: AppointmentPrint | null;
  error: FlowError | null;
  busy: boolean;
  /** A calm line under the fields after a scan filled them («Номер полиса считан…»). */
  scanNotice: string | null;
  /** Counts scans that changed the Identify fields, so the screen moves to the box to fill next. */
  scanFill: number;
  /** Whether the patient may abandon the pending wait («Отменить»); never while booking. */
  waitCancellable: boolean;
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
  chooseResource(guid: string): void;
  chooseDay(date: string): void;
  chooseTime(time: string): void;
  book(): Promise<void>;
  reprint(): Promise<void>;
  showAppointments(): Promise<void>;
  askCancel(ticketGuid: string): void;
  dismissCancel(): void;
  confirmCancel(): Promise<void>;
  reloadSchedule(): Promise<void>;
  resolveError(choice: ErrorChoice): Promise<void>;
  back(): void;
  /** Large print and high contrast together, on or off: one button for a patient with weak eyesight. */
  toggleDisplay(): void;
  /** Ends the patient's session on the server and wipes everything on screen. */
  endSession(): void;
  /**
   * A screen failed to render: tells the main side (no patient data: the message has its
   * digits masked, `where` is the screen and component) and wipes the session.
   */
  reportCrash(message: string, where: string): void;
  /** Asks the core for a scan (Welcome and Identify only) and acts on it. */
  pollScan(): Promise<void>;
  /** A keyboard-wedge burst's digits, read by physical key codes. */
  sendScanKeys(digits: string): Promise<void>;
};

export type FlowState = FlowData & FlowActions;
