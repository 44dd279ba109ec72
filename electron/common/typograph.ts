// Russian typography for every text the kiosk shows or prints, ours and the MIS's alike. Pure
// and idempotent: a text already set passes through unchanged, so applying it twice (view
// model, then slip) is harmless. No-break spaces keep «г. Москва», «каб. 214», «И. И. Иванов»
// and «10 минут» on one line; ranges take an en dash; times get their leading zero; straight
// quotes become «ёлочки». The slip maps what its code page cannot print (slip-layout.ts).

export const NBSP = '\u00a0';
export const EN_DASH = '\u2013';
export const EM_DASH = '\u2014';

// Abbreviations that must not end a line: the next word (or number) is glued to them.
const ABBREVIATIONS = ['г', 'гор', 'д', 'ул', 'каб', 'корп', 'к', 'стр', 'пр', 'просп', 'пер', 'пл', 'ш', 'наб', 'мкр', 'обл', 'р-н', 'им', 'тел', 'кв', 'эт', 'пос', 'с', 'пгт', 'ст'];
// Words a number belongs to: «кабинет 214», «этаж 2», «№ 5».
const NUMBERED = ['кабинет', 'кабинета', 'этаж', 'этажа', 'корпус', 'корпуса', 'дом', 'строение', 'участок', 'окно', '№'];
// Units after a number: «10 минут», «16 цифр», «2 этаж».
const UNITS = ['мин', 'минут', 'минуты', 'минуту', 'ч', 'час', 'часа', 'часов', 'сек', 'секунд', 'секунды', 'дн', 'день', 'дня', 'дней', 'лет', 'год', 'года', 'цифр', 'цифры', 'цифра', 'руб', '₽', '%', 'км', 'м', 'мм', 'кг', 'этаж', 'талон', 'талона', 'талонов', 'г',
  // «30 ноября»: a date's day stays with its month.
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];

const CYR_UP = 'А-ЯЁ';
const CYR_LOW = 'а-яё';
// Only «р-н» needs escaping care: a hyphen outside a class is literal even with the u flag.
const alt = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

const RE = {
  spaces: /[ \t\u2000-\u200a\u202f\u205f\u3000]+/g,
  abbreviation: new RegExp(`(^|[\\s(«"„])(${alt(ABBREVIATIONS)})\\.[ ${NBSP}]*(?=[\\d${CYR_UP}${CYR_LOW}«"])`, 'giu'),
  numbered: new RegExp(`(^|[\\s(«"])(${alt(NUMBERED)})[ ${NBSP}]+(?=\\d)`, 'giu'),
  unit: new RegExp(`(\\d)[ ${NBSP}]+(${alt(UNITS)})(?=$|[\\s.,;:!?)»"])`, 'gu'),
  // «И. И. Иванов», «И.И. Иванов»
  initialsFirst: new RegExp(`(^|[^${CYR_UP}${CYR_LOW}])([${CYR_UP}])\\.[ ${NBSP}]*([${CYR_UP}])\\.[ ${NBSP}]*(?=[${CYR_UP}][${CYR_LOW}])`, 'gu'),
  // «Иванов И.И.», «Иванов И. И.», «Иванов И.»
  initialsAfter: new RegExp(`([${CYR_UP}][${CYR_LOW}-]+)[ ${NBSP}]+([${CYR_UP}])\\.(?:[ ${NBSP}]*([${CYR_UP}])\\.)?`, 'gu'),
  timeRange: /(?<![\d:])(\d{1,2}):(\d{2})\s*[-–—‒−]\s*(\d{1,2}):(\d{2})(?![\d:])/g,
  numberRange: /(?<![\d.,:-])(\d+)\s+[-–—]\s+(\d+)(?![\d.,:])/g,
  loneTime: /(?<![\d:.,])(\d):(\d{2})(?![\d:])/g,
  wordDash: new RegExp(`([^\\s])[ ${NBSP}]+[-–—][ ${NBSP}]+`, 'gu'),
  straightQuotes: /"([^"\n]*)"/g,
  lowQuotes: /„([^“”\n]*)[“”]/g,
  curlyQuotes: /“([^”\n]*)”/g,
} as const;

/** The text with Russian typography applied. Never changes letters or digits, only spacing, dashes and quotes. */
export function typograph(text: string): string {
  if (!text) return text;
  let s = text.replace(RE.spaces, ' ').trim();
  s = s.replace(RE.straightQuotes, '«$1»').replace(RE.lowQuotes, '«$1»').replace(RE.curlyQuotes, '«$1»');
  s = s.replace(RE.timeRange, (_m, h1: string, m1: string, h2: string, m2: string) => `${h1.padStart(2, '0')}:${m1}${EN_DASH}${h2.padStart(2, '0')}:${m2}`);
  s = s.replace(RE.loneTime, '0$1:$2');
  s = s.replace(RE.numberRange, `$1${EN_DASH}$2`);
  s = s.replace(RE.wordDash, `$1${NBSP}${EM_DASH} `);
  s = s.replace(RE.initialsFirst, `$1$2.${NBSP}$3.${NBSP}`);
  s = s.replace(RE.initialsAfter, (_m, surname: string, a: string, b: string | undefined) => `${surname}${NBSP}${a}.${b ? `${NBSP}${b}.` : ''}`);
  s = s.replace(RE.abbreviation, `$1$2.${NBSP}`);
  s = s.replace(RE.numbered, `$1$2${NBSP}`);
  s = s.replace(RE.unit, `$1${NBSP}$2`);
  return s;
}

/** Null and undefined pass through: view models have optional MIS strings. */
export function typographOpt<T extends string | null | undefined>(text: T): T {
  return (typeof text === 'string' ? typograph(text) : text) as T;
}

/**
 * «Сидоров А. Н.» for «Сидоров Алексей Николаевич»: a public screen shows the patient's surname
 * and initials only. A full name is recognised by its patronymic (…вич, …вна, …чна, оглы, кызы).
 */
export function shortenFullNames(text: string): string {
  const re = new RegExp(
    `([${CYR_UP}][${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?)\\s+([${CYR_UP}])[${CYR_LOW}]+(?:-[${CYR_UP}][${CYR_LOW}]+)?\\s+([${CYR_UP}])[${CYR_LOW}]*(?:вич|вна|чна|ична|инична|оглы|кызы)(?![${CYR_LOW}])`,
    'gu',
  );
  return text.replace(re, `$1${NBSP}$2.${NBSP}$3.`);
}
