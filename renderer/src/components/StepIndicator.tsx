import { useFlow } from '../store/context';
import type { Screen } from '../store/types';

const STEPS: { screen: Screen; label: string }[] = [
  { screen: 'identify', label: 'Полис' },
  { screen: 'referrals', label: 'Направление' },
  { screen: 'clinics', label: 'Поликлиника' },
  { screen: 'resources', label: 'Врач' },
  { screen: 'days', label: 'День' },
  { screen: 'times', label: 'Время' },
  { screen: 'confirm', label: 'Проверка' },
  { screen: 'ticket', label: 'Талон' },
];

export function StepIndicator() {
  const screen = useFlow((s) => s.screen);
  const manyClinics = useFlow((s) => s.clinics.length > 1);
  // The clinic step only exists for the patient when there was a choice to make.
  const steps = STEPS.filter((s) => s.screen !== 'clinics' || manyClinics || screen === 'clinics');
  const index = steps.findIndex((s) => s.screen === screen);
  if (index < 0) return <div className="steps" />;
  const current = steps[index]!;
  return (
    <div className="steps" aria-label={`Шаг ${index + 1} из ${steps.length}: ${current.label}`}>
      <div className="steps-text">
        Шаг {index + 1} из {steps.length}: <strong>{current.label}</strong>
      </div>
      <ol className="steps-bar" aria-hidden="true">
        {steps.map((s, i) => (
          <li key={s.screen} className={i < index ? 'done' : i === index ? 'current' : ''} />
        ))}
      </ol>
    </div>
  );
}
