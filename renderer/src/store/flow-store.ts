// The patient's way through the kiosk as one zustand store, composed of action families (one
// file each): the session around a patient, identification, scans, the referral by number, the
// flow's choices, booking and printing, «Мои записи», and the error panel. Navigation follows
// the flow definition (flow.ts) alone; every bridge call goes through `call` (calls.ts), so a
// late answer can never resurrect an ended session.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KioskBridge } from '../../../electron/common/bridge-contract';
import { DEFAULT_CLINIC_TIME_ZONE } from '../../../electron/common/clinic-time';
import { DEFAULT_LOCALE } from '../../../electron/common/i18n/locales';
import { EMPTY_DRAFT } from '../logic/identify-draft';
import { createAppointmentActions } from './appointment-actions';
import { createBookingActions } from './booking-actions';
import { createCalls } from './calls';
import { createChoiceActions } from './choice-actions';
import { NOTHING_CHOSEN } from './choices';
import { createErrorActions } from './error-actions';
import { FLOWS, type FlowStep } from './flow';
import { createIdentifyActions } from './identify-actions';
import { createLobbyActions } from './lobby-actions';
import { createWaitlistActions } from './waitlist-actions';
import { createVoiceActions } from './voice-actions';
import { createSpeaker, type Synth } from '../voice/speaker';
import type { StoreKit } from './kit';
import { createNavigation } from './navigation';
import { createReferralNumberActions, EMPTY_REFERRAL_QUERY } from './referral-number-actions';
import { createScanActions } from './scan-actions';
import { createSessionActions } from './session-actions';
import { NORMAL_DISPLAY, type FlowActions, type FlowData, type FlowState } from './types';

export type FlowStore = StoreApi<FlowState>;

/** Everything of one patient: what a new session starts from and what ending one wipes. */
const PATIENT_DATA: Omit<FlowData, 'info' | 'health' | 'startup' | 'busy' | 'waitCancellable' | 'bookingUnderWay' | 'restartAsked' | 'display' | 'language' | 'voice' | 'reach' | 'osVoices'> = {
  screen: 'welcome',
  intent: 'book',
  draft: EMPTY_DRAFT,
  identifyProblem: null,
  patient: null,
  referrals: [],
  referralQuery: EMPTY_REFERRAL_QUERY,
  referralProblem: null,
  ...NOTHING_CHOSEN,
  specialities: [],
  moving: null,
  moved: null,
  waitlist: null,
  allPrint: null,
  ticket: null,
  print: { phase: 'idle' },
  appointments: [],
  cancelling: null,
  appointmentPrint: null,
  notice: null,
  error: null,
  scanNotice: null,
  scanFill: 0,
};

export interface FlowStoreOptions {
  now?: () => number;
  /** The booking flow's order (tests insert or reorder screens); the kiosk's own by default. */
  flow?: readonly FlowStep[];
  /** The OS voice (`window.speechSynthesis`) where there is one; null: only the kiosk's own engine speaks. */
  synth?: Synth | null;
}

/** Chromium's speechSynthesis, where the page has one (not at build time, not in Node tests). */
const pageSynth = (): Synth | null => (typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null);

export function createFlowStore(bridge: KioskBridge, opts: FlowStoreOptions = {}): FlowStore {
  const now = opts.now ?? Date.now;
  const flows = { ...FLOWS, ...(opts.flow ? { book: opts.flow, appointments: opts.flow } : {}) };

  let watchVoice: (next: FlowState, prev: FlowState) => void = () => undefined;
  const store = createStore<FlowState>()((set, get) => {
    const calls = createCalls(set, () => (get().info?.bookingWaitSeconds ?? 120) * 1000);
    const base = { bridge, get, set, call: calls.call, flow: () => flows[get().intent], now };
    // The error panel and navigation need each other: navigation reports a failed load, the
    // panel's answers navigate. Both reach the other through `kit`, filled in below.
    const kit = { ...base } as StoreKit;
    const errors = createErrorActions(kit);
    kit.fail = errors.fail;
    kit.nav = createNavigation(kit);
    const choices = createChoiceActions(kit);
    kit.nav.setChooser(choices.choose);
    const clinicZone = () => get().info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE;
    // `print` is the slip on screen (a ticket or a waiting-list request), not a store action.
    const { print: printSlip, ...booking } = createBookingActions(kit);
    const speaker = createSpeaker({
      bridge,
      settings: () => get().info?.voice,
      synth: opts.synth === undefined ? pageSynth() : opts.synth,
      onVoices: (osVoices) => set({ osVoices }),
    });
    const { watch, ...voice } = createVoiceActions(kit, speaker);
    watchVoice = watch;

    const actions: FlowActions = {
      ...createSessionActions(kit, calls, PATIENT_DATA),
      ...createIdentifyActions(kit, clinicZone),
      ...choices.actions,
      ...booking,
      ...createAppointmentActions(kit),
      ...createLobbyActions(kit),
      ...createWaitlistActions(kit, printSlip),
      resolveError: errors.resolveError,
      back: () => kit.nav.back(),
      ...createScanActions(kit),
      ...createReferralNumberActions(kit),
      ...voice,
    };

    return {
      info: null,
      health: null,
      startup: { phase: 'loading' },
      busy: false,
      waitCancellable: false,
      bookingUnderWay: false,
      restartAsked: false,
      display: NORMAL_DISPLAY,
      language: DEFAULT_LOCALE,
      voice: false,
      reach: false,
      osVoices: speaker.osLanguages(),
      ...PATIENT_DATA,
      ...actions,
    };
  });
  // Voice guidance speaks the store's changes while the patient has it on.
  store.subscribe((next, prev) => watchVoice(next, prev));
  return store;
}
