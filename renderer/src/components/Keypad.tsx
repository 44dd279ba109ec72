import type { MouseEvent } from 'react';
import { useT } from '../i18n';
import type { DraftKey } from '../logic/identify-draft';
import { Icon } from './Icon';
import { useRepeatGuard } from './useRepeatGuard';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

// Keys keep the focus where it is (in the active field), so a physical keyboard keeps
// typing into the same box after a tap on the screen keypad.
const keepFocus = (e: MouseEvent) => e.preventDefault();

/**
 * `repeatGuardMs`: the same key again within this time is one press (a tremor's bounce); a
 * different key is never slowed. The technician's PIN pad leaves it off.
 */
export function Keypad({ onKey: send, repeatGuardMs = 0 }: { onKey: (key: DraftKey) => void; repeatGuardMs?: number }) {
  const t = useT();
  const fresh = useRepeatGuard(repeatGuardMs);
  const onKey = (key: DraftKey) => {
    if (fresh(typeof key === 'string' ? key : key.digit)) send(key);
  };
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {DIGITS.map((d) => (
        <button
          key={d}
          type="button"
          className="key"
          data-testid={`key-${d}`}
          onMouseDown={keepFocus}
          onClick={() => onKey({ digit: d })}
        >
          {d}
        </button>
      ))}
      <button type="button" className="key key-action" data-testid="key-clear" onMouseDown={keepFocus} onClick={() => onKey('clear')}>
        {t('keypad.clear')}
      </button>
      <button type="button" className="key" data-testid="key-0" onMouseDown={keepFocus} onClick={() => onKey({ digit: '0' })}>
        0
      </button>
      <button
        type="button"
        className="key key-action"
        data-testid="key-back"
        aria-label={t('keypad.eraseDigit')}
        onMouseDown={keepFocus}
        onClick={() => onKey('back')}
      >
        <Icon name="backspace" size={44} />
        <span>{t('keypad.erase')}</span>
      </button>
    </div>
  );
}
