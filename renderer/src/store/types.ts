import type {
  BridgeError,
  Clinic,
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

export type Startup = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; message: string };

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
  startup: Startup;
  screen: Screen;
  draft: IdentifyDraft;
  identifyProblem: { field: IdentifyField; message: string } | null;
  patient: Patient | null;
  referrals: Referral[];
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
  error: FlowError | null;
  busy: boolean;
};

export type FlowActions = {
  boot(): Promise<void>;
  start(): void;
  setDraft(draft: IdentifyDraft): void;
  submitIdentify(): Promise<void>;
  loadReferrals(): Promise<void>;
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
};

export type FlowState = FlowData & FlowActions;
