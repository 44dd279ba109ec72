import type { NextStep } from '../../../electron/common/next-step';
import { useFlow } from '../store/context';
import type { ErrorChoice } from '../store/types';
import { BigButton } from './BigButton';
import { Dialog } from './Dialog';
import { HINTS, LABELS } from '../texts';

type Choice = { choice: ErrorChoice; label: string; testId: string; variant: 'primary' | 'secondary' };

// What the patient should do next, per step of the shared decision table. The server's own
// message is shown verbatim above this; these lines only add the way forward.
// `unless`: the hint is left out when the server's message already says the same thing,
// so the patient does not read «обратитесь в регистратуру» twice.
const PLAN: Record<NextStep, { hint: string | null; unless?: RegExp; choices: Choice[] }> = {
  pickTime: {
    hint: 'Выберите, пожалуйста, другое время.',
    unless: /выберите друг/i,
    choices: [{ choice: 'pickTime', label: 'Выбрать другое время', testId: 'error-pick-time', variant: 'primary' }],
  },
  showExisting: {
    hint: null,
    choices: [
      { choice: 'appointments', label: LABELS.myAppointments, testId: 'error-appointments', variant: 'primary' },
      { choice: 'referrals', label: LABELS.toReferrals, testId: 'error-referrals', variant: 'secondary' },
    ],
  },
  registry: {
    hint: HINTS.registry,
    unless: /регистратур/i,
    choices: [{ choice: 'finish', label: LABELS.startOver, testId: 'error-finish', variant: 'primary' }],
  },
  referrals: {
    hint: 'Выберите другое направление или обратитесь в регистратуру.',
    choices: [{ choice: 'referrals', label: LABELS.toReferrals, testId: 'error-referrals', variant: 'primary' }],
  },
  retry: {
    hint: 'Попробуйте ещё раз. Если не получится — обратитесь в регистратуру.',
    choices: [
      { choice: 'retry', label: LABELS.retry, testId: 'error-retry', variant: 'primary' },
      { choice: 'finish', label: LABELS.startOver, testId: 'error-start-over', variant: 'secondary' },
    ],
  },
  identify: {
    hint: 'Проверьте номер полиса и дату рождения.',
    choices: [
      { choice: 'identify', label: 'Исправить данные', testId: 'error-identify', variant: 'primary' },
      { choice: 'finish', label: LABELS.startOver, testId: 'error-start-over', variant: 'secondary' },
    ],
  },
  startOver: {
    // The session message («Сеанс завершён. Начните, пожалуйста, заново.») already says it.
    hint: HINTS.startOver,
    unless: /заново|сначала/i,
    choices: [{ choice: 'finish', label: LABELS.startOver, testId: 'error-start-over', variant: 'primary' }],
  },
};

export function ErrorPanel() {
  const error = useFlow((s) => s.error);
  const resolve = useFlow((s) => s.resolveError);
  if (!error) return null;
  const plan = PLAN[error.step];
  const hint = plan.hint && !(plan.unless && plan.unless.test(error.error.message)) ? plan.hint : null;
  return (
    <Dialog
      role="alertdialog"
      overlay="error"
      className="error-panel"
      data-testid="error-panel"
      data-step={error.step}
      mark="!"
      title={error.error.message}
      titleClassName="error-message"
      titleTestId="error-message"
      actions={plan.choices.map((c) => (
        <BigButton key={c.choice} variant={c.variant} data-testid={c.testId} onClick={() => void resolve(c.choice)}>
          {c.label}
        </BigButton>
      ))}
    >
      {hint && <p className="error-hint">{hint}</p>}
    </Dialog>
  );
}
