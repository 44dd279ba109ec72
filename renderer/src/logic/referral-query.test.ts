import { describe, expect, it } from 'vitest';
import { applyNumberKey, applySurnameKey, numberProblem, PROBLEMS, surnameForLookup, surnameKeyOf, surnameProblem, type SurnameKey } from './referral-query';

const type = (keys: SurnameKey[], from = '') => keys.reduce(applySurnameKey, from);
const letters = (s: string): SurnameKey[] => [...s].map((c) => (c === ' ' ? 'space' : c === '-' ? 'hyphen' : { letter: c }));

describe('the surname on the on-screen keyboard', () => {
  it('is written as a name whatever case the keys are: capital at the start of each part', () => {
    expect(type(letters('ПЕТРОВ'))).toBe('Петров');
    expect(type(letters('римский-корсаков'))).toBe('Римский-Корсаков');
    expect(type(letters('ДЕ ТОЛЛИ'))).toBe('Де Толли');
    expect(type(letters('ЁЛКИН'))).toBe('Ёлкин');
  });

  it('takes no separator first or twice in a row, no Latin letters, nothing past 60', () => {
    expect(type(['hyphen', 'space', ...letters('ИВ'), 'hyphen', 'hyphen', 'space'])).toBe('Ив-');
    expect(type([{ letter: 'P' }, { letter: '1' }])).toBe('');
    expect(applySurnameKey('А'.repeat(60), { letter: 'Б' })).toHaveLength(60);
  });

  it('Backspace takes one letter, Очистить everything', () => {
    expect(type(['back'], 'Петрв')).toBe('Петр');
    expect(type(['clear'], 'Петров')).toBe('');
  });

  it('is checked and sent without a separator typed last', () => {
    expect(surnameForLookup('Иванова-')).toBe('Иванова');
    expect(surnameProblem('Иванова-')).toBeNull();
    expect(surnameProblem('')).toBe(PROBLEMS.surnameEmpty);
    expect(surnameProblem('-')).toBe(PROBLEMS.surnameEmpty);
  });
});

describe('physical keys on the surname screen', () => {
  it('types a Cyrillic key as it is, and a Latin-layout key as the ЙЦУКЕН letter on it', () => {
    expect(surnameKeyOf('п', 'KeyG')).toEqual({ letter: 'п' });
    expect(surnameKeyOf('g', 'KeyG')).toEqual({ letter: 'П' });
    expect(surnameKeyOf('`', 'Backquote')).toEqual({ letter: 'Ё' });
    expect(surnameKeyOf('-', 'Minus')).toBe('hyphen');
    expect(surnameKeyOf(' ', 'Space')).toBe('space');
    expect(surnameKeyOf('Enter', 'Enter')).toBe('submit');
    expect(surnameKeyOf('Backspace', 'Backspace')).toBe('back');
    expect(surnameKeyOf('1', 'Digit1')).toBeNull();
  });
});

describe('the referral number', () => {
  it('takes digits up to 40 and refuses to go on empty', () => {
    expect([{ digit: '4' }, { digit: '7' }, 'back' as const, { digit: '0' }].reduce(applyNumberKey, '')).toBe('40');
    expect(applyNumberKey('1'.repeat(40), { digit: '2' })).toHaveLength(40);
    expect(numberProblem('')).toBe(PROBLEMS.numberEmpty);
    expect(numberProblem('4700000012345')).toBeNull();
  });
});
