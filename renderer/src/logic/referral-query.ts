// What the patient types to find a referral by its number (an MIS that cannot list referrals):
// the number on the digit keypad, then the surname on the on-screen ЙЦУКЕН keyboard. The
// surname is capitalised as it is typed («Петров», «Римский-Корсаков»), so the screen shows it
// the way it is written on the referral whatever key case the patient thinks in.
import { msg, type Msg } from '../../../electron/common/i18n/catalog';
import { REFERRAL_NUMBER_PATTERN, SURNAME_PATTERN } from '../../../electron/common/rules';
import type { DraftKey } from './identify-draft';

export const REFERRAL_NUMBER_MAX = 40;
export const SURNAME_MAX = 60;

export type SurnameKey = { letter: string } | 'space' | 'hyphen' | 'back' | 'clear';

export const PROBLEMS = {
  numberEmpty: msg('referralNumber.empty'),
  surnameEmpty: msg('surname.empty'),
  surnameShape: msg('surname.shape'),
} as const satisfies Record<string, Msg>;

export function applyNumberKey(number: string, key: DraftKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return number.slice(0, -1);
  if (!/^\d$/.test(key.digit) || number.length >= REFERRAL_NUMBER_MAX) return number;
  return number + key.digit;
}

const SEPARATOR = /[ -]$/;

export function applySurnameKey(surname: string, key: SurnameKey): string {
  if (key === 'clear') return '';
  if (key === 'back') return surname.slice(0, -1);
  if (surname.length >= SURNAME_MAX) return surname;
  if (key === 'space' || key === 'hyphen') {
    // Never first, never two in a row: «Иванова- -Петрова» is not a surname.
    if (surname === '' || SEPARATOR.test(surname)) return surname;
    return surname + (key === 'space' ? ' ' : '-');
  }
  if (!/^[А-ЯЁа-яё]$/.test(key.letter)) return surname;
  const startsWord = surname === '' || SEPARATOR.test(surname);
  return surname + (startsWord ? key.letter.toLocaleUpperCase('ru-RU') : key.letter.toLocaleLowerCase('ru-RU'));
}

/** The surname as it is sent: a separator typed last is not part of it. */
export const surnameForLookup = (surname: string): string => surname.replace(/[ -]+$/, '');

export function numberProblem(number: string): Msg | null {
  if (number === '') return PROBLEMS.numberEmpty;
  return REFERRAL_NUMBER_PATTERN.test(number) ? null : PROBLEMS.numberEmpty;
}

export function surnameProblem(surname: string): Msg | null {
  const s = surnameForLookup(surname);
  if (s === '') return PROBLEMS.surnameEmpty;
  return SURNAME_PATTERN.test(s) ? null : PROBLEMS.surnameShape;
}

/** A Latin-layout keyboard types the letter printed on the same key in ЙЦУКЕН. */
const BY_CODE: Record<string, string> = { // i18n-ok: the ЙЦУКЕН layout, the surname's alphabet (MIS data)
  KeyQ: 'Й', KeyW: 'Ц', KeyE: 'У', KeyR: 'К', KeyT: 'Е', KeyY: 'Н', KeyU: 'Г', KeyI: 'Ш', KeyO: 'Щ', KeyP: 'З', BracketLeft: 'Х', BracketRight: 'Ъ',
  KeyA: 'Ф', KeyS: 'Ы', KeyD: 'В', KeyF: 'А', KeyG: 'П', KeyH: 'Р', KeyJ: 'О', KeyK: 'Л', KeyL: 'Д', Semicolon: 'Ж', Quote: 'Э',
  KeyZ: 'Я', KeyX: 'Ч', KeyC: 'С', KeyV: 'М', KeyB: 'И', KeyN: 'Т', KeyM: 'Ь', Comma: 'Б', Period: 'Ю', Backquote: 'Ё',
};

/** A physical key on the surname screen: the typed Cyrillic letter, else the ЙЦУКЕН letter of that key. */
export function surnameKeyOf(key: string, code: string): SurnameKey | 'submit' | null {
  if (/^[А-ЯЁа-яё]$/.test(key)) return { letter: key };
  if (key === 'Backspace') return 'back';
  if (key === 'Delete') return 'clear';
  if (key === 'Enter') return 'submit';
  if (key === ' ' || code === 'Space') return 'space';
  if (key === '-' || code === 'Minus') return 'hyphen';
  const mapped = BY_CODE[code];
  return mapped ? { letter: mapped } : null;
}

/** A physical key on the referral-number screen. */
export function numberKeyOf(key: string): DraftKey | 'submit' | null {
  if (/^\d$/.test(key)) return { digit: key };
  if (key === 'Backspace') return 'back';
  if (key === 'Delete') return 'clear';
  if (key === 'Enter') return 'submit';
  return null;
}
