import type { MouseEvent } from 'react';
import { useT } from '../i18n';
import type { SurnameKey } from '../logic/referral-query';
import { Icon } from './Icon';

// ЙЦУКЕН as on a Russian keyboard; Ё at the end of the third row (on a real keyboard it sits
// far top-left, where an elderly finger would not look for it). The letters are what the MIS
// stores a surname in, in any session language.
const ROWS = [ // i18n-ok: the surname's alphabet (MIS data)
  ['Й', 'Ц', 'У', 'К', 'Е', 'Н', 'Г', 'Ш', 'Щ', 'З', 'Х', 'Ъ'],
  ['Ф', 'Ы', 'В', 'А', 'П', 'Р', 'О', 'Л', 'Д', 'Ж', 'Э'],
  ['Я', 'Ч', 'С', 'М', 'И', 'Т', 'Ь', 'Б', 'Ю', 'Ё'],
];

// A tap must not take the focus from the field (no system keyboard, no caret jumps).
const keepFocus = (e: MouseEvent) => e.preventDefault();

export function CyrillicKeyboard({ onKey }: { onKey: (key: SurnameKey) => void }) {
  const t = useT();
  const key = (label: string, testId: string, k: SurnameKey, cls = '') => (
    <button key={testId} type="button" className={`key kb-key${cls}`} data-testid={testId} onMouseDown={keepFocus} onClick={() => onKey(k)}>
      {label}
    </button>
  );
  return (
    <div className="kb" role="group" aria-label={t('keyboard.label')} lang="ru">
      {ROWS.map((row, i) => (
        <div key={i} className={`kb-row kb-row-${i + 1}`}>
          {row.map((l) => key(l, `kb-${l}`, { letter: l }))}
        </div>
      ))}
      <div className="kb-row kb-row-actions">
        <button type="button" className="key key-action kb-key kb-clear" data-testid="kb-clear" onMouseDown={keepFocus} onClick={() => onKey('clear')}>
          {t('keypad.clear')}
        </button>
        {/* A bare «-» on a key reads as a stray mark: the key says what it types. */}
        {key(t('keyboard.hyphen'), 'kb-hyphen', 'hyphen', ' kb-hyphen')}
        <button type="button" className="key kb-key kb-space" data-testid="kb-space" aria-label={t('keyboard.space')} onMouseDown={keepFocus} onClick={() => onKey('space')}>
          {t('keyboard.space')}
        </button>
        <button
          type="button"
          className="key key-action kb-key kb-back"
          data-testid="kb-back"
          aria-label={t('keyboard.eraseLetter')}
          onMouseDown={keepFocus}
          onClick={() => onKey('back')}
        >
          <Icon name="backspace" size={44} />
          <span>{t('keypad.erase')}</span>
        </button>
      </div>
    </div>
  );
}
