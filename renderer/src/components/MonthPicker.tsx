import type { MouseEvent } from 'react';
import { MONTHS } from '../logic/birth-date';

const keepFocus = (e: MouseEvent) => e.preventDefault();

/** The month by name: no digits to mistype, so «1» never waits for a second digit. */
export function MonthPicker({ value, onPick }: { value: string; onPick: (month: number) => void }) {
  const chosen = Number(value);
  return (
    <div className="month-picker" role="group" aria-label="Месяц рождения">
      {MONTHS.map((m, i) => (
        <button
          key={m.name}
          type="button"
          className={`key month-key${chosen === i + 1 ? ' month-key-chosen' : ''}`}
          data-testid={`month-${String(i + 1).padStart(2, '0')}`}
          aria-pressed={chosen === i + 1}
          onMouseDown={keepFocus}
          onClick={() => onPick(i + 1)}
        >
          {m.name}
        </button>
      ))}
    </div>
  );
}
