// What the patient has typed on the Identify screen, and how a key press changes it. Fields
// advance on their own when full, so that an elderly patient can type the policy and the
// date as one continuous run of digits without hunting for the next box.
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
  if (value.length >= max) {
    if (field === 'year') return state;
    return applyKey({ draft, field: nextField(field) }, key);
  }
  const filled = value + key.digit;
  const advance = filled.length === max && field !== 'year';
  return { draft: { ...draft, [field]: filled }, field: advance ? nextField(field) : field };
}

/** Text typed or pasted straight into a field: keep its digits, at most the field's length. */
export function setFieldText(state: DraftState, field: IdentifyField, text: string): DraftState {
  const digits = onlyDigits(text).slice(0, FIELD_LENGTH[field]);
  const full = digits.length === FIELD_LENGTH[field] && field !== 'year' && digits.length > state.draft[field].length;
  return { draft: { ...state.draft, [field]: digits }, field: full ? nextField(field) : field };
}
