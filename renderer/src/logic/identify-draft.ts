// What the patient has typed on the Identify screen, and how a key press changes it. A box
// moves on to the next only when it cannot take another digit (16 policy digits; a day of two
// digits or of 4–9; a month of two digits or of 2–9), and a digit never spills out of a full
// box: «15», «1», «1980» must not become 15.11.980, a 17th policy digit is not the day. The screen offers the month as named
// buttons, so on the keypad the month is never ambiguous.
import { POLICY_LENGTH, onlyDigits } from './policy';

export type IdentifyField = 'policy' | 'day' | 'month' | 'year';
export type IdentifyDraft = { policy: string; day: string; month: string; year: string };
export type DraftKey = { digit: string } | 'back' | 'clear';

export const EMPTY_DRAFT: IdentifyDraft = { policy: '', day: '', month: '', year: '' };

export const FIELD_LENGTH: Record<IdentifyField, number> = {
  policy: POLICY_LENGTH,
  day: 2,
  month: 2,
  year: 4,
};

const ORDER: IdentifyField[] = ['policy', 'day', 'month', 'year'];

function nextField(field: IdentifyField): IdentifyField {
  return ORDER[Math.min(ORDER.indexOf(field) + 1, ORDER.length - 1)]!;
}

function prevField(field: IdentifyField): IdentifyField {
  return ORDER[Math.max(ORDER.indexOf(field) - 1, 0)]!;
}

export type DraftState = { draft: IdentifyDraft; field: IdentifyField };

/** Whether the box is complete: no further digit could make a different valid value. */
export function isFieldDone(field: IdentifyField, value: string): boolean {
  if (value.length >= FIELD_LENGTH[field]) return true;
  if (value.length !== 1) return false;
  if (field === 'day') return value >= '4';
  if (field === 'month') return value >= '2';
  return false;
}

export function applyKey(state: DraftState, key: DraftKey): DraftState {
  const { draft, field } = state;
  const value = draft[field];
  if (key === 'clear') return { draft: { ...draft, [field]: '' }, field };
  if (key === 'back') {
    // Backspace in an empty box steps back, as on a phone, so a mistake is one key away.
    if (value === '' && field !== 'policy') {
      const prev = prevField(field);
      return { draft: { ...draft, [prev]: draft[prev].slice(0, -1) }, field: prev };
    }
    return { draft: { ...draft, [field]: value.slice(0, -1) }, field };
  }
  if (!/^\d$/.test(key.digit)) return state;
  const max = FIELD_LENGTH[field];
  // A full box keeps its digits: a 17th policy digit is a slip of the finger, not the day.
  if (value.length >= max) return state;
  const filled = value + key.digit;
  const advance = field !== 'year' && isFieldDone(field, filled);
  return { draft: { ...draft, [field]: filled }, field: advance ? nextField(field) : field };
}

/** A month chosen by name: the date moves on to the year. */
export function pickMonth(state: DraftState, month: number): DraftState {
  if (!Number.isInteger(month) || month < 1 || month > 12) return state;
  return { draft: { ...state.draft, month: String(month).padStart(2, '0') }, field: 'year' };
}

/** Text typed or pasted straight into a field: keep its digits, at most the field's length. */
export function setFieldText(state: DraftState, field: IdentifyField, text: string): DraftState {
  const digits = onlyDigits(text).slice(0, FIELD_LENGTH[field]);
  const full = field !== 'year' && isFieldDone(field, digits) && digits.length > state.draft[field].length;
  return { draft: { ...state.draft, [field]: digits }, field: full ? nextField(field) : field };
}

