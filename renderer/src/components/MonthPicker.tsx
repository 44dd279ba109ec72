import { useCallback, useRef, type MouseEvent } from 'react';
import { useT } from '../i18n';
import { MONTH_NUMBERS } from '../logic/birth-date';
import { useTapGuard } from './useTapGuard';

const keepFocus = (e: MouseEvent) => e.preventDefault();

/** The month by name: no digits to mistype, so «1» never waits for a second digit. */
/** `guardMs`: taps in the first moments after the picker replaced the keypad are the keypad's finger, not a choice. */
export function MonthPicker({ value, onPick, guardMs = 0 }: { value: string; onPick: (month: number) => void; guardMs?: number }) {
  const chosen = Number(value);
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const inBox = useCallback((el: Element) => box.current?.contains(el) ?? false, []);
  // The names replace the keypad under the finger that typed the day: its bounce is not a month.
  const settling = useTapGuard('month-picker', inBox, guardMs);
  return (
    <div ref={box} className="month-picker" role="group" aria-label={t('birth.monthPicker')} data-settling={settling ? 'true' : undefined}>
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
