// The booking flow, defined once: the order of the screens, which of them the step indicator
// counts, what each screen's choice is, when a screen is no choice at all (and is passed by),
// where «Назад» leads and what it undoes. The store moves forward with `nextScreen`, back with
// `previousScreen`, and the step indicator reads `stepOf`: reordering or inserting a screen here
// changes all three (store/navigation.ts loads whatever data the screen needs).
import type { KioskInfo } from '../../../electron/common/bridge-contract';
import type { MessageId } from '../../../electron/common/i18n/catalog';
import { NOTHING_CHOSEN } from './choices';
import type { FlowData, Intent, Screen } from './types';

/**
 * How the patient names their referral: picks it from a list the MIS gives, or types its number
 * and their surname where the MIS cannot list referrals. Read from the MIS capabilities only; no
 * screen knows which MIS it is. A list wins where the MIS has both: nothing to type.
 */
export type ReferralMode = 'list' | 'number';
export function referralMode(mis: Pick<KioskInfo['mis'], 'listReferrals' | 'referralByNumber'> | undefined | null): ReferralMode {
  return mis && !mis.listReferrals && mis.referralByNumber ? 'number' : 'list';
}

/** What the flow's rules read: the patient's data so far and how this kiosk names referrals. */
export type FlowContext = Pick<FlowData, 'clinics' | 'resources' | 'resource' | 'referral' | 'clinic' | 'day' | 'slot' | 'intent' | 'speciality'> & {
  mode: ReferralMode;
  /** Where the waiting-list offer was made, while the patient is on it. */
  waitFrom: Screen | null;
};

export interface FlowStep {
  screen: Screen;
  /** The step the indicator shows; screens of one step share it. */
  step: number;
  /** The step's name on the indicator. */
  label: MessageId;
  /** Only in this referral mode. */
  mode?: ReferralMode;
  /** Where this screen leads for an intent other than booking (default: the next screen). */
  then?: Partial<Record<Intent, Screen>>;
  /**
   * The only sensible option, when the screen is no choice at all: the screen is passed by (on
   * the way forward and on the way back) and the option chosen for the patient.
   */
  only?: (c: FlowContext) => string | null;
  /** The option the patient chose here, to choose it again once fresh data confirm it is still there. */
  chosen?: (c: FlowContext) => string | null;
  /** What going back to this screen undoes. */
  onBack?: Partial<FlowData>;
  /** What entering this screen afresh resets (screens whose data are loaded say it with their data). */
  onEnter?: Partial<FlowData>;
  /** Where «Назад» leads from this screen when no screen of the flow comes before it (default: Welcome, ending the session). */
  home?: Screen;
}

/**
 * The screens of one booking in order. The clinic and the doctor are one step: whether the
 * clinic screen appears is only known after the referral is chosen, and the patient must see the
 * same total on every screen («Шаг 3 из 7» for both), never «из 7» turning into «из 8». The
 * referral is step 2 in either mode: one list screen, or the number and then the surname.
 */
export const FLOW: readonly FlowStep[] = [
  { screen: 'identify', step: 1, label: 'step.policy', then: { appointments: 'appointments' }, onBack: { patient: null } },
  { screen: 'referrals', step: 2, label: 'step.referral', mode: 'list', chosen: (c) => c.referral?.guid ?? null },
  { screen: 'referralNumber', step: 2, label: 'step.referralNumber', mode: 'number', onEnter: { ...NOTHING_CHOSEN, referralProblem: null } },
  { screen: 'referralSurname', step: 2, label: 'step.surname', mode: 'number' },
  {
    screen: 'clinics',
    step: 3,
    label: 'step.clinic',
    // A single clinic that takes bookings is no choice at all. A single offline clinic is shown,
    // with the reason it cannot take bookings, instead of a dead end; no clinic at all is shown
    // too (the screen says to go to the registry).
    only: (c) => (c.clinics.length === 1 && c.clinics[0]!.online ? c.clinics[0]!.guid : null),
    chosen: (c) => c.clinic?.guid ?? null,
  },
  { screen: 'resources', step: 3, label: 'step.doctor', chosen: (c) => c.resource?.resourceGuid ?? null },
  { screen: 'days', step: 4, label: 'step.day', chosen: (c) => c.day, onBack: { slot: null } },
  { screen: 'times', step: 5, label: 'step.time', chosen: (c) => c.slot?.time ?? null },
  { screen: 'confirm', step: 6, label: 'step.check' },
  { screen: 'ticket', step: 7, label: 'step.ticket' },
];

/**
 * A doctor without a referral: the speciality is the referral's step (the clinic comes with it:
 * each card is one speciality at one clinic), and a single doctor with free time is no choice.
 */
export const SELF_FLOW: readonly FlowStep[] = [
  { screen: 'identify', step: 1, label: 'step.policy', onBack: { patient: null } },
  { screen: 'specialities', step: 2, label: 'step.speciality', chosen: (c) => (c.speciality ? specialityKey(c.speciality) : null) },
  {
    screen: 'resources',
    step: 3,
    label: 'step.doctor',
    only: (c) => {
      const open = c.resources.filter((r) => r.days.length > 0);
      return c.resources.length === 1 && open.length === 1 ? open[0]!.resourceGuid : null;
    },
    chosen: (c) => c.resource?.resourceGuid ?? null,
  },
  { screen: 'days', step: 4, label: 'step.day', chosen: (c) => c.day, onBack: { slot: null } },
  { screen: 'times', step: 5, label: 'step.time', chosen: (c) => c.slot?.time ?? null },
  { screen: 'confirm', step: 6, label: 'step.check' },
  { screen: 'ticket', step: 7, label: 'step.ticket' },
];

/** A new time for an appointment: the same doctor, so the day is the first choice; «Назад» returns to «Мои записи». */
export const RESCHEDULE_FLOW: readonly FlowStep[] = [
  { screen: 'days', step: 1, label: 'step.day', chosen: (c) => c.day, onBack: { slot: null }, home: 'appointments' },
  { screen: 'times', step: 2, label: 'step.time', chosen: (c) => c.slot?.time ?? null },
  { screen: 'confirm', step: 3, label: 'step.check' },
  { screen: 'ticket', step: 4, label: 'step.ticket' },
];

/** The flow of each intent («Мои записи» is the booking flow's aside). */
export const FLOWS: Readonly<Record<Intent, readonly FlowStep[]>> = { book: FLOW, appointments: FLOW, self: SELF_FLOW, reschedule: RESCHEDULE_FLOW };

/** One speciality at one clinic: the specialities screen's option id. */
export const specialityKey = (s: { code: string; clinic: { guid: string } }) => `${s.clinic.guid}|${s.code}`;

/** Screens outside the flow's order, and where «Назад» leads from them. */
const ASIDES: Partial<Record<Screen, (flow: readonly FlowStep[], c: FlowContext) => Screen>> = {
  appointments: (flow, c) => firstReferralScreen(c.mode, flow),
  waitlist: (_flow, c) => c.waitFrom ?? 'welcome',
};

const inMode = (s: FlowStep, c: Pick<FlowContext, 'mode'>) => !s.mode || s.mode === c.mode;

/** A screen the patient does not see: another referral mode's, or one with a single option. */
function passedBy(s: FlowStep, c: FlowContext): boolean {
  return !inMode(s, c) || (s.only?.(c) ?? null) !== null;
}

/** How many steps the indicator shows: the same on every screen. */
export function stepCount(flow: readonly FlowStep[] = FLOW): number {
  return Math.max(...flow.map((s) => s.step));
}
export const STEP_COUNT = stepCount();

/** The step a screen belongs to, its name and the total; null for Welcome and the asides. */
export function stepOf(screen: Screen, flow: readonly FlowStep[] = FLOW): { step: number; total: number; label: MessageId } | null {
  const entry = flow.find((s) => s.screen === screen);
  return entry ? { step: entry.step, total: stepCount(flow), label: entry.label } : null;
}

export function flowStep(screen: Screen, flow: readonly FlowStep[] = FLOW): FlowStep | undefined {
  return flow.find((s) => s.screen === screen);
}

/** The last screen of `screen`'s step in this mode: where that step's choice is made and the flow goes on from. */
export function lastOfStep(screen: Screen, mode: ReferralMode, flow: readonly FlowStep[] = FLOW): Screen {
  const step = flowStep(screen, flow)?.step;
  return flow.filter((s) => s.step === step && inMode(s, { mode })).at(-1)?.screen ?? screen;
}

/** The first screen of the referral step in this mode (where «Мои записи» returns to). */
export function firstReferralScreen(mode: ReferralMode, flow: readonly FlowStep[] = FLOW): Screen {
  const step = flowStep('referrals', flow)?.step ?? 2;
  return flow.find((s) => s.step === step && inMode(s, { mode }))?.screen ?? 'referrals';
}

/**
 * The screen after `screen` for this patient: the intent's own way if the step names one, else
 * the next screen of this referral mode. A screen with a single option is NOT skipped here: the
 * store lands on it, and choosing its only option moves on (its data are needed first).
 */
export function nextScreen(screen: Screen, c: FlowContext, flow: readonly FlowStep[] = FLOW): Screen | null {
  const i = flow.findIndex((s) => s.screen === screen);
  if (i < 0) return null;
  const own = flow[i]!.then?.[c.intent];
  if (own) return own;
  return flow.slice(i + 1).find((s) => inMode(s, c))?.screen ?? null;
}

/**
 * Where «Назад» leads: the previous screen the patient saw (past one with a single option and
 * the other referral mode's screens), 'welcome' from the first step (the session ends), the
 * referral step from an aside («Мои записи»), and null where there is no way back (the ticket
 * is final; Welcome is the start).
 */
export function previousScreen(screen: Screen, c: FlowContext, flow: readonly FlowStep[] = FLOW): Screen | null {
  if (screen === 'welcome' || screen === flow[flow.length - 1]?.screen) return null;
  const i = flow.findIndex((s) => s.screen === screen);
  if (i < 0) return ASIDES[screen]?.(flow, c) ?? null;
  for (let j = i - 1; j >= 0; j--) {
    if (!passedBy(flow[j]!, c)) return flow[j]!.screen;
  }
  return flow[i]!.home ?? 'welcome';
}

/** Whether the header offers «Назад» on this screen. */
export function canGoBack(screen: Screen, c: FlowContext, flow: readonly FlowStep[] = FLOW): boolean {
  return previousScreen(screen, c, flow) !== null;
}

/** The flow's view of the store's state. */
export function flowContext(s: FlowData): FlowContext {
  return {
    clinics: s.clinics,
    resources: s.resources,
    resource: s.resource,
    referral: s.referral,
    clinic: s.clinic,
    day: s.day,
    slot: s.slot,
    intent: s.intent,
    speciality: s.speciality,
    mode: referralMode(s.info?.mis),
    waitFrom: s.waitlist?.from ?? null,
  };
}
