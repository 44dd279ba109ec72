// The Russian catalogue's numbers in words, for voice guidance (ru.ts uses them): a speech engine
// reads «12 мая» as «двенадцать мая» and «этаж 2» as «этаж два», so the dates, times, floors and
// digits the kiosk says aloud are written out here, in the case the sentence needs. Only what
// the kiosk says: cardinals 0–999 (hours, minutes, counts), ordinals 1–99 (days of the month in
// the nominative and genitive neuter, floors in the nominative masculine).

const UNITS_M = ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const UNITS_F = ['ноль', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'];
const TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];

/** Ordinal stems 1–19 and of the tens, to which the case ending is added («перв|ое», «двадцат|ого»). */
const ORD_UNITS = ['', 'перв', 'втор', 'трет', 'четвёрт', 'пят', 'шест', 'седьм', 'восьм', 'девят'];
const ORD_TEENS = ['десят', 'одиннадцат', 'двенадцат', 'тринадцат', 'четырнадцат', 'пятнадцат', 'шестнадцат', 'семнадцат', 'восемнадцат', 'девятнадцат'];
const ORD_TENS = ['', '', 'двадцат', 'тридцат', 'сороков', 'пятидесят', 'шестидесят', 'семидесят', 'восьмидесят', 'девяност'];

export type Gender = 'm' | 'f';

/** 0–999 in words: «двести четырнадцать», «двадцать одна» (feminine: минута). Outside: the digits. */
export function cardinal(n: number, gender: Gender = 'm'): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n === 0) return UNITS_M[0]!;
  const units = gender === 'f' ? UNITS_F : UNITS_M;
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (h) words.push(HUNDREDS[h]!);
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10]!);
  else {
    if (rest >= 20) words.push(TENS[Math.floor(rest / 10)]!);
    if (rest % 10) words.push(units[rest % 10]!);
  }
  return words.join(' ');
}

/** The ending of an ordinal stem: «трет» is soft («третье», «третьего», «третий»), the others hard. */
function ending(stem: string, form: OrdinalForm): string {
  const soft = stem === 'трет';
  switch (form) {
    case 'neuter':
      return soft ? 'ье' : 'ое';
    case 'genitive':
      return soft ? 'ьего' : 'ого';
    case 'masculine':
      // «второй», «шестой», «седьмой», «восьмой», «сороковой» are stressed on the ending.
      return soft ? 'ий' : /^(втор|шест|седьм|восьм|сороков)$/.test(stem) ? 'ой' : 'ый';
  }
}

/** neuter: «двенадцатое (мая)»; genitive: «двенадцатого (мая)»; masculine: «второй (этаж)». */
export type OrdinalForm = 'neuter' | 'genitive' | 'masculine';

/** 1–99 as an ordinal in the form asked: «двадцать первое», «тридцатого», «второй». Outside: the digits. */
export function ordinal(n: number, form: OrdinalForm): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n >= 10 && n < 20) return ORD_TEENS[n - 10]! + ending(ORD_TEENS[n - 10]!, form);
  const tens = Math.floor(n / 10);
  const unit = n % 10;
  if (unit === 0) return ORD_TENS[tens]! + ending(ORD_TENS[tens]!, form);
  const stem = ORD_UNITS[unit]!;
  return [tens ? TENS[tens] : '', stem + ending(stem, form)].filter(Boolean).join(' ');
}

/** Plural of a noun after a number: 1 час, 2 часа, 5 часов (11–14: часов). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m100 >= 11 && m100 <= 14) return many;
  if (m10 === 1) return one;
  if (m10 >= 2 && m10 <= 4) return few;
  return many;
}

const MONTHS_GENITIVE = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'];
const ON_WEEKDAYS = ['в понедельник', 'во вторник', 'в среду', 'в четверг', 'в пятницу', 'в субботу', 'в воскресенье'];

/** A list's day: «вторник, двенадцатое мая» (weekday 0 = Monday, month 1–12). */
export function dayWords(weekday: number, day: number, month: number): string {
  const w = WEEKDAYS[weekday];
  const d = `${ordinal(day, 'neuter')} ${MONTHS_GENITIVE[month - 1] ?? ''}`.trim();
  return w ? `${w}, ${d}` : d;
}

/** When: «во вторник, двенадцатого мая». */
export function onDayWords(weekday: number, day: number, month: number): string {
  const w = ON_WEEKDAYS[weekday];
  const d = `${ordinal(day, 'genitive')} ${MONTHS_GENITIVE[month - 1] ?? ''}`.trim();
  return w ? `${w}, ${d}` : d;
}

/**
 * At a time, in full (accusative after «в»): «в девять часов пятнадцать минут», «в четырнадцать
 * часов», «в двадцать один час одну минуту».
 */
export function atTimeWords(hour: number, minute: number): string {
  const h = `${cardinal(hour)} ${pluralRu(hour, 'час', 'часа', 'часов')}`;
  if (!minute) return `в ${h}`;
  const m = cardinal(minute, 'f').replace(/одна$/, 'одну');
  return `в ${h} ${m} ${pluralRu(minute, 'минуту', 'минуты', 'минут')}`;
}

/** A time on a list, as people read a clock: «девять пятнадцать», «десять ноль пять», «десять ноль-ноль». */
export function clockWords(hour: number, minute: number): string {
  const m = minute === 0 ? 'ноль-ноль' : minute < 10 ? `ноль ${cardinal(minute)}` : cardinal(minute, 'f');
  return `${cardinal(hour)} ${m}`;
}

/** The floor: «второй этаж»; «цокольный этаж» for 0, the number itself below or above the words. */
export function floorWords(floor: number): string {
  if (floor === 0) return 'цокольный этаж';
  return floor >= 1 && floor <= 99 ? `${ordinal(floor, 'masculine')} этаж` : `этаж ${floor}`;
}

/** One digit in words, as the keypad echoes it: «пять». */
export function digitWord(d: number): string {
  return UNITS_M[d] ?? String(d);
}
