// The error panel's plan (components/ErrorPanel.tsx): for each next step of the shared decision
// table (common/next-step.ts), the line that says what to do and the buttons; voice guidance reads
// the same (voice/phrases.ts).
import type { MessageId } from '../../../electron/common/i18n/catalog';
import type { NextStep } from '../../../electron/common/next-step';
import type { KioskProblem } from '../../../electron/common/problems';
import type { ErrorChoice } from '../store/types';

type Choice = { choice: ErrorChoice; label: MessageId; testId: string; variant: 'primary' | 'secondary' };

// What the patient should do next, per step of the shared decision table (common/next-step.ts).
// The kiosk's own sentence for the problem says what happened; the step's line says what to do.
export const PLAN: Record<NextStep, { hint: MessageId; choices: Choice[] }> = {
  pickTime: {
    hint: 'next.pickTime',
    choices: [{ choice: 'pickTime', label: 'action.pickTime', testId: 'error-pick-time', variant: 'primary' }],
  },
  showExisting: {
    hint: 'next.showExisting',
    choices: [
      { choice: 'appointments', label: 'action.myAppointments', testId: 'error-appointments', variant: 'primary' },
      { choice: 'referrals', label: 'action.toReferrals', testId: 'error-referrals', variant: 'secondary' },
    ],
  },
  registry: {
    hint: 'next.registry',
    choices: [{ choice: 'finish', label: 'action.startOver', testId: 'error-finish', variant: 'primary' }],
  },
  pickDoctor: {
    hint: 'next.pickDoctor',
    choices: [
      { choice: 'pickDoctor', label: 'action.pickDoctor', testId: 'error-pick-doctor', variant: 'primary' },
      { choice: 'referrals', label: 'action.toReferrals', testId: 'error-referrals', variant: 'secondary' },
    ],
  },
  referrals: {
    hint: 'next.referrals',
    choices: [{ choice: 'referrals', label: 'action.toReferrals', testId: 'error-referrals', variant: 'primary' }],
  },
  retry: {
    hint: 'next.retry',
    choices: [
      { choice: 'retry', label: 'action.retry', testId: 'error-retry', variant: 'primary' },
      { choice: 'finish', label: 'action.startOver', testId: 'error-start-over', variant: 'secondary' },
    ],
  },
  identify: {
    hint: 'next.identify',
    choices: [
      { choice: 'identify', label: 'action.fixData', testId: 'error-identify', variant: 'primary' },
      { choice: 'finish', label: 'action.startOver', testId: 'error-start-over', variant: 'secondary' },
    ],
  },
  startOver: {
    hint: 'next.startOver',
    choices: [{ choice: 'finish', label: 'action.startOver', testId: 'error-start-over', variant: 'primary' }],
  },
};

/** Where a problem's own advice is better than its step's usual line. */
export const HINT_BY_PROBLEM: Partial<Record<KioskProblem, MessageId>> = {
  sessionExpired: 'next.identifyAgain',
  credentialExpired: 'next.identifyAgain',
};
