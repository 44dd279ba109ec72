import { useFlow } from '../store/context';
import { FLOW, stepOf } from '../store/flow';

// One bar per step of the flow (store/flow.ts); the total is the same on every screen.
const STEPS = [...new Set(FLOW.map((s) => s.step))];

export function StepIndicator() {
  const screen = useFlow((s) => s.screen);
  const at = stepOf(screen);
  if (!at) return <div className="steps" />;
  return (
    <div className="steps" aria-label={`Шаг ${at.step} из ${at.total}: ${at.label}`}>
      <div className="steps-text" data-testid="steps-text">
        Шаг {at.step} из {at.total}: <strong>{at.label}</strong>
      </div>
      <ol className="steps-bar" aria-hidden="true">
        {STEPS.map((n) => (
          <li key={n} className={n < at.step ? 'done' : n === at.step ? 'current' : ''} />
        ))}
      </ol>
    </div>
  );
}
