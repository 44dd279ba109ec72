import type { MessageId } from '../../../electron/common/i18n/catalog';
import type { NextStep } from '../../../electron/common/next-step';
import type { KioskProblem } from '../../../electron/common/problems';
import { Mis, useT } from '../i18n';
import { useFlow } from '../store/context';
import type { ErrorChoice } from '../store/types';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';

type Choice = { choice: ErrorChoice; label: MessageId; testId: string; variant: 'primary' | 'secondary' };

// What the patient should do next, per step of the shared decision table (common/next-step.ts).
// The kiosk's own sentence for the problem says what happened; the step's line says what to do.
const PLAN: Record<NextStep, { hint: MessageId; choices: Choice[] }> = {
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
const HINT_BY_PROBLEM: Partial<Record<KioskProblem, MessageId>> = {
  sessionExpired: 'next.identifyAgain',
  credentialExpired: 'next.identifyAgain',
};

export function ErrorPanel() {
  const error = useFlow((s) => s.error);
  const resolve = useFlow((s) => s.resolveError);
  const t = useT();
  if (!error) return null;
  const plan = PLAN[error.step];
  const hint = error.hint ? t.msg(error.hint) : t((error.problem && HINT_BY_PROBLEM[error.problem]) || plan.hint);
  return (
    <Dialog
      role="alertdialog"
      overlay="error"
      className="error-panel"
      data-testid="error-panel"
      data-step={error.step}
      data-problem={error.problem ?? undefined}
      mark="!"
      title={t.msg(error.message)}
      titleClassName="error-message"
      titleTestId="error-message"
      actions={plan.choices.map((c) => (
        <BigButton key={c.choice} variant={c.variant} data-testid={c.testId} onClick={() => void resolve(c.choice)}>
          {t(c.label)}
        </BigButton>
      ))}
    >
      {error.shown && (
        <p className="error-shown" data-testid="error-shown">
          <span className="error-shown-label">{t('problem.misSays')}</span> <Mis>{error.shown}</Mis>
        </p>
      )}
      <p className="error-hint" data-testid="error-hint">
        {hint}
      </p>
    </Dialog>
  );
}
