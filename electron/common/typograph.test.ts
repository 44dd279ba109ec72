import { describe, expect, it } from 'vitest';
import { shortenFullNames, typograph } from './typograph';

const N = '\u00a0';
const show = (s: string) => s.replaceAll(N, '~');

describe('typograph', () => {
  it('glues abbreviations of places to what follows', () => {
    expect(show(typograph('г. Москва, ул. Ленина, д. 5, каб. 214'))).toBe('г.~Москва, ул.~Ленина, д.~5, каб.~214');
    expect(show(typograph('Кабинет 214 (Этаж 1)'))).toBe('Кабинет~214 (Этаж~1)');
    expect(show(typograph('тел. 8-496-123-45-67'))).toBe('тел.~8-496-123-45-67');
  });

  it('keeps initials with the surname, either order', () => {
    expect(show(typograph('Врач: И. И. Иванов'))).toBe('Врач: И.~И.~Иванов');
    expect(show(typograph('Врач: И.И. Иванов'))).toBe('Врач: И.~И.~Иванов');
    expect(show(typograph('Иванов И.И.'))).toBe('Иванов~И.~И.');
    expect(show(typograph('Петров П. П., кардиолог'))).toBe('Петров~П.~П., кардиолог');
  });

  it('glues numbers to their units', () => {
    expect(show(typograph('за 10 минут до приёма'))).toBe('за 10~минут до приёма');
    expect(show(typograph('16 цифр'))).toBe('16~цифр');
    expect(show(typograph('Понедельник, 30 ноября, 09:00'))).toBe('Понедельник, 30~ноября, 09:00');
  });

  it('sets ranges with an en dash and times with a leading zero', () => {
    expect(typograph('8:00 - 20:00')).toBe('08:00–20:00');
    expect(typograph('Пн-Пт 8:00-20:00')).toBe('Пн-Пт 08:00–20:00');
    expect(typograph('приём в 9:15')).toBe('приём в 09:15');
    expect(typograph('10 - 15')).toBe('10–15');
    // A phone number and a date keep their own hyphens and dots.
    expect(typograph('8-496-123-45-67, 05.03.1956')).toBe('8-496-123-45-67, 05.03.1956');
  });

  it('turns a hyphen between words into a dash that stays on the first line', () => {
    expect(show(typograph('Запись сохранена - талон в регистратуре'))).toBe('Запись сохранена~— талон в регистратуре');
  });

  it('uses «ёлочки» for quotes', () => {
    expect(typograph('ГБУЗ "Городская поликлиника №1"')).toBe('ГБУЗ «Городская поликлиника №1»');
    expect(typograph('„Мои записи“')).toBe('«Мои записи»');
  });

  it('is idempotent and leaves set text alone', () => {
    const samples = ['г. Москва, ул. Ленина, д. 5', 'Иванов И.И.', '8:00 - 20:00', 'Запись - это просто', 'ГБУЗ "КДЦ"', 'Кабинет 214, этаж 2'];
    for (const s of samples) expect(typograph(typograph(s))).toBe(typograph(s));
    expect(typograph('Талон на приём')).toBe('Талон на приём');
    expect(typograph('')).toBe('');
  });
});

describe('shortenFullNames', () => {
  it('shows a full name as surname and initials', () => {
    expect(show(shortenFullNames('Вы уже записаны Сидоров Алексей Николаевич на 12.12.2026 09:15.'))).toBe(
      'Вы уже записаны Сидоров~А.~Н. на 12.12.2026 09:15.',
    );
    expect(show(shortenFullNames('Смирнова Анна Ильинична'))).toBe('Смирнова~А.~И.');
    expect(show(shortenFullNames('Мамедов Ильхам Гейдар оглы'))).toBe('Мамедов Ильхам Гейдар оглы');
  });

  it('leaves clinic names and ordinary sentences alone', () => {
    const s = 'Городская поликлиника Николаевская больница. Запрещено иметь более одной активной записи.';
    expect(shortenFullNames(s)).toBe(s);
  });
});
