import { useT } from '../i18n';
import { useFlow } from '../store/context';
import { FLOWS, stepOf } from '../store/flow';

// One bar per step of the patient's flow (store/flow.ts); the total is the same on every screen of it.
export function StepIndicator() {
  const screen = useFlow((s) => s.screen);
  const flow = FLOWS[useFlow((s) => s.intent)];
  const t = useT();
  const at = stepOf(screen, flow);
  const STEPS = [...new Set(flow.map((s) => s.step))];
  if (!at) return <div className="steps" />;
  const of = t('step.of', { step: at.step, total: at.total });
  const label = t(at.label);
  return (
    <div className="steps" aria-label={`${of} ${label}`}>
      <div className="steps-text" data-testid="steps-text">
        {of} <strong>{label}</strong>
      </div>
      <ol className="steps-bar" aria-hidden="true">
        {STEPS.map((n) => (
          <li key={n} className={n < at.step ? 'done' : n === at.step ? 'current' : ''} />
        ))}
      </ol>
    </div>
  );
}
