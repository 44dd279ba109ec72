import type { FlowState } from './types';

/** Nothing chosen after the referral step: what a new referral list or lookup starts from. */
export const NOTHING_CHOSEN = {
  referral: null,
  speciality: null,
  clinics: [],
  clinic: null,
  resources: [],
  resource: null,
  day: null,
  slot: null,
} satisfies Partial<FlowState>;
