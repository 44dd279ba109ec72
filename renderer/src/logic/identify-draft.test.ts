// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { applyKey, EMPTY_DRAFT, isFieldDone, pickMonth, setFieldText, type DraftKey, type DraftState } from './identify-draft';

function typeKeys(state: DraftState, keys: string): DraftState {
  return [...keys].reduce((s, d) => applyKey(s, { digit: d }), state);
}

describe('identify draft', () => {
  const start: DraftState = { draft: EMPTY_DRAFT, field: 'policy' };

  it('fills the policy, then the date, as one run of digits', () => {
    const s = typeKeys(start, '5000000000000001' + '05031956');
    expect(s.draft).toEqual({ policy: '5000000000000001', day: '05', month: '03', year: '1956' });
    expect(s.field).toBe('year');
  });

  it('ignores digits past the end of the year', () => {
    const s = typeKeys(start, '5000000000000001050319561');
    expect(s.draft.year).toBe('1956');
  });

  it('backspace erases, and in an empty box steps back', () => {
    let s = typeKeys(start, '500000000000000105');
    expect(s.field).toBe('month');
    s = applyKey(s, 'back');
    expect(s).toEqual({ draft: { ...s.draft, day: '0' }, field: 'day' });
    s = applyKey(s, 'back');
    expect(s.draft.day).toBe('');
    s = applyKey(s, 'back');
    expect(s.field).toBe('policy');
    expect(s.draft.policy).toBe('500000000000000');
  });

  it('clear empties only the active box', () => {
    const s = applyKey(typeKeys(start, '5000000000000001'), 'clear');
    expect(s.draft.policy).toBe('5000000000000001');
    expect(s.field).toBe('day');
    const t = applyKey({ ...s, field: 'policy' }, 'clear');
    expect(t.draft.policy).toBe('');
  });

  it('a digit into a full policy box stays out of it: it is not the day', () => {
    const full: DraftState = { draft: { ...EMPTY_DRAFT, policy: '5000000000000001' }, field: 'policy' };
    expect(applyKey(full, { digit: '7' })).toBe(full);
  });

  it('ignores anything but digits', () => {
    expect(applyKey(start, { digit: 'a' } as DraftKey)).toBe(start);
  });

  it('keeps only digits of typed or pasted text and advances when full', () => {
    const s = setFieldText(start, 'policy', '5000 0000 0000 0001');
    expect(s).toEqual({ draft: { ...EMPTY_DRAFT, policy: '5000000000000001' }, field: 'day' });
    const t = setFieldText(start, 'policy', '12a3');
    expect(t).toEqual({ draft: { ...EMPTY_DRAFT, policy: '123' }, field: 'policy' });
    expect(setFieldText(start, 'year', '19567').draft.year).toBe('1956');
  });

  it('«15», January, «1980» gives 15.01.1980, never 15.11.980', () => {
    let s = typeKeys(start, '5000000000000001' + '15');
    expect(s.field).toBe('month');
    s = pickMonth(s, 1);
    expect(s.field).toBe('year');
    s = typeKeys(s, '1980');
    expect(s.draft).toMatchObject({ day: '15', month: '01', year: '1980' });
  });

  it('moves on only when the box cannot take another digit', () => {
    const policy = typeKeys(start, '5000000000000001');
    expect(typeKeys(policy, '3').field).toBe('day'); // 3 may become 30 or 31
    expect(typeKeys(policy, '4').field).toBe('month');
    const month = typeKeys(policy, '15');
    expect(typeKeys(month, '1').field).toBe('month'); // 1 may become 10, 11, 12
    expect(typeKeys(month, '2')).toMatchObject({ field: 'year', draft: { month: '2' } });
    expect(isFieldDone('year', '198')).toBe(false);
  });

  it('a digit typed into a full date box stays out of the next one', () => {
    const s: DraftState = { draft: { policy: '5000000000000001', day: '15', month: '', year: '' }, field: 'day' };
    expect(applyKey(s, { digit: '1' })).toBe(s);
    const y: DraftState = { draft: { ...s.draft, month: '11' }, field: 'month' };
    expect(applyKey(y, { digit: '9' })).toBe(y);
  });

  it('a month picked by name is two digits; nonsense is ignored', () => {
    expect(pickMonth(start, 12).draft.month).toBe('12');
    expect(pickMonth(start, 13)).toBe(start);
    expect(pickMonth(start, 0)).toBe(start);
  });
});
