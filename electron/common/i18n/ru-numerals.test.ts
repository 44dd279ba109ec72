import { describe, expect, it } from 'vitest';
import { atTimeWords, cardinal, clockWords, dayWords, digitWord, floorWords, onDayWords, ordinal, pluralRu } from './ru-numerals';

describe('Russian numbers in words (voice guidance)', () => {
  it('cardinals, masculine and feminine', () => {
    expect([0, 1, 2, 5, 10, 11, 19, 20, 21, 40, 99].map((n) => cardinal(n))).toEqual([
      'ноль', 'один', 'два', 'пять', 'десять', 'одиннадцать', 'девятнадцать', 'двадцать', 'двадцать один', 'сорок', 'девяносто девять',
    ]);
    expect(cardinal(214)).toBe('двести четырнадцать');
    expect(cardinal(100)).toBe('сто');
    expect(cardinal(1, 'f')).toBe('одна');
    expect(cardinal(52, 'f')).toBe('пятьдесят две');
    expect(cardinal(1000)).toBe('1000');
  });

  it('ordinals for days (nominative and genitive neuter) and floors (masculine)', () => {
    expect([1, 2, 3, 7, 8, 12, 20, 21, 23, 30, 31].map((n) => ordinal(n, 'neuter'))).toEqual([
      'первое', 'второе', 'третье', 'седьмое', 'восьмое', 'двенадцатое', 'двадцатое', 'двадцать первое', 'двадцать третье', 'тридцатое', 'тридцать первое',
    ]);
    expect([1, 3, 12, 23, 30].map((n) => ordinal(n, 'genitive'))).toEqual(['первого', 'третьего', 'двенадцатого', 'двадцать третьего', 'тридцатого']);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 40].map((n) => ordinal(n, 'masculine'))).toEqual([
      'первый', 'второй', 'третий', 'четвёртый', 'пятый', 'шестой', 'седьмой', 'восьмой', 'девятый', 'десятый', 'одиннадцатый', 'сороковой',
    ]);
  });

  it('plural forms after a number', () => {
    expect([1, 2, 4, 5, 11, 14, 21, 22, 25, 111].map((n) => pluralRu(n, 'час', 'часа', 'часов'))).toEqual([
      'час', 'часа', 'часа', 'часов', 'часов', 'часов', 'час', 'часа', 'часов', 'часов',
    ]);
  });

  it('a day on a list and as «when»: weekday 0 is Monday', () => {
    expect(dayWords(1, 12, 5)).toBe('вторник, двенадцатое мая');
    expect(onDayWords(1, 12, 5)).toBe('во вторник, двенадцатого мая');
    expect(onDayWords(2, 3, 3)).toBe('в среду, третьего марта');
    expect(onDayWords(6, 1, 1)).toBe('в воскресенье, первого января');
  });

  it('times in full and as a clock reads', () => {
    expect(atTimeWords(9, 15)).toBe('в девять часов пятнадцать минут');
    expect(atTimeWords(14, 0)).toBe('в четырнадцать часов');
    expect(atTimeWords(21, 1)).toBe('в двадцать один час одну минуту');
    expect(atTimeWords(10, 31)).toBe('в десять часов тридцать одну минуту');
    expect(atTimeWords(10, 11)).toBe('в десять часов одиннадцать минут');
    expect(atTimeWords(8, 22)).toBe('в восемь часов двадцать две минуты');
    expect(clockWords(9, 15)).toBe('девять пятнадцать');
    expect(clockWords(10, 5)).toBe('десять ноль пять');
    expect(clockWords(10, 0)).toBe('десять ноль-ноль');
    expect(clockWords(13, 30)).toBe('тринадцать тридцать');
  });

  it('floors and digits', () => {
    expect(floorWords(2)).toBe('второй этаж');
    expect(floorWords(3)).toBe('третий этаж');
    expect(floorWords(0)).toBe('цокольный этаж');
    expect(floorWords(-1)).toBe('этаж -1');
    expect([...'0123456789'].map((d) => digitWord(Number(d))).join(' ')).toBe('ноль один два три четыре пять шесть семь восемь девять');
  });
});
