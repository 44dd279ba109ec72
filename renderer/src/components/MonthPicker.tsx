import type { MouseEvent } from 'react';
import { useT } from '../i18n';
import { MONTH_NUMBERS } from '../logic/birth-date';

const keepFocus = (e: MouseEvent) => e.preventDefault();

/** The month by name: no digits to mistype, so «1» never waits for a second digit. */
export function MonthPicker({ value, onPick }: { value: string; onPick: (month: number) => void }) {
  const chosen = Number(value);
  const t = useT();
  return (
    <div className="month-picker" role="group" aria-label={t('birth.monthPicker')}>
      {MONTH_NUMBERS.map((m) => (
        <button
          key={m}
          type="button"
          className={`key month-key${chosen === m ? ' month-key-chosen' : ''}`}
          data-testid={`month-${String(m).padStart(2, '0')}`}
          aria-pressed={chosen === m}
          onMouseDown={keepFocus}
          onClick={() => onPick(m)}
        >
          {t('birth.monthName', { month: m })}
        </button>
      ))}
    </div>
  );
}
