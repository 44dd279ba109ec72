import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { BigButton } from '../components/BigButton';
import { Keypad } from '../components/Keypad';
import { MonthPicker } from '../components/MonthPicker';
import { PolicyPicture } from '../components/PolicyPicture';
import { useReachLayout } from '../components/ReachToggle';
import { Screen } from '../components/Screen';
import {
  applyKey,
  FIELD_LENGTH,
  pickMonth,
  setFieldText,
  type DraftKey,
  type IdentifyField,
} from '../logic/identify-draft';
import { groupPolicy } from '../logic/policy';
import { birthDateText, liveBirthDateProblem } from '../logic/birth-date';
import { clinicYmd, DEFAULT_CLINIC_TIME_ZONE } from '../../../electron/common/clinic-time';
import { POLICY_LENGTH } from '../../../electron/common/rules';
import { useLocaleTag, useT } from '../i18n';
import { useFlow, useFlowStore } from '../store/context';

const TEST_ID: Record<IdentifyField, string> = {
  policy: 'field-policy',
  day: 'field-birth-day',
  month: 'field-birth-month',
  year: 'field-birth-year',
};

export function IdentifyScreen() {
  const draft = useFlow((s) => s.draft);
  const setDraft = useFlow((s) => s.setDraft);
  const store = useFlowStore();
  const submitToStore = useFlow((s) => s.submitIdentify);
  const problem = useFlow((s) => s.identifyProblem);
  const scanNotice = useFlow((s) => s.scanNotice);
  const scanFill = useFlow((s) => s.scanFill);
  const scanner = useFlow((s) => s.info?.scanner ?? 'none');
  const repeatGuardMs = useFlow((s) => s.info?.repeatGuardMs ?? 0);
  const pickerGuardMs = useFlow((s) => s.info?.pickerGuardMs ?? 0);
  const spillGuardMs = useFlow((s) => s.info?.spillGuardMs ?? 0);
  // After the policy's 16th digit the day is next; a digit sooner than `spill` after it is the
  // same finger slipping on, not the day of birth (dropped, and the screen says why).
  const guards = { repeat: repeatGuardMs, picker: pickerGuardMs, spill: spillGuardMs };
  const [field, setField] = useState<IdentifyField>(() => firstIncomplete(draft));
  const inputs = useRef<Partial<Record<IdentifyField, HTMLInputElement | null>>>({});

  // After a failed check the patient lands in the box that needs fixing.
  const submit = useCallback(async () => {
    await submitToStore();
    const p = store.getState().identifyProblem;
    if (p) setField(p.field);
  }, [store, submitToStore]);

  // A scan filled (or emptied) the policy: go to the box the patient fills next (adjusted
  // during render, React's pattern for state that follows a prop).
  const [seenFill, setSeenFill] = useState(scanFill);
  if (seenFill !== scanFill) {
    setSeenFill(scanFill);
    setField(firstIncomplete(draft));
  }

  // DOM focus follows the active box so a physical keyboard types where the keypad would.
  useEffect(() => {
    inputs.current[field]?.focus();
  }, [field]);

  // When the policy's last digit moved the patient on to the day by itself (not a tap on the box).
  const policyDoneAt = useRef<number | null>(null);
  const [spill, setSpill] = useState(false);
  const press = useCallback(
    (key: DraftKey) => {
      const at = performance.now();
      if (typeof key !== 'string' && field === 'day' && draft.day === '' && policyDoneAt.current !== null && at - policyDoneAt.current < guards.spill) {
        setSpill(true);
        return;
      }
      const next = applyKey({ draft, field }, key);
      policyDoneAt.current = field === 'policy' && next.field === 'day' ? at : null;
      setSpill(false);
      setDraft(next.draft);
      setField(next.field);
    },
    [draft, field, setDraft, guards.spill],
  );

  // Keys typed while focus is outside the boxes (e.g. after tapping «Продолжить»).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      const key = keyOf(e.key);
      if (key === 'submit') void submit();
      else if (key) press(key);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [press, submit]);

  const onFieldKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const key = keyOf(e.key);
    if (!key) return;
    e.preventDefault();
    if (key === 'submit') void submit();
    else press(key);
  };

  const onFieldText = (f: IdentifyField, text: string) => {
    const next = setFieldText({ draft, field: f }, f, text);
    setDraft(next.draft);
    setField(next.field);
  };

  const onMonth = (month: number) => {
    const next = pickMonth({ draft, field }, month);
    setDraft(next.draft);
    setField(next.field);
  };

  const timeZone = useFlow((s) => s.info?.timeZone ?? DEFAULT_CLINIC_TIME_ZONE);
  const t = useT();
  const dateInWords = birthDateText(draft, useLocaleTag());
  const reach = useReachLayout();
  // One message at a time: the one from «Продолжить» if any, else the live check of a complete date.
  const live = liveBirthDateProblem(draft, clinicYmd(new Date().toISOString(), timeZone));
  const shownProblem = problem ?? (live && !live.ok ? { field: live.field, message: live.message } : null);

  const box = (f: IdentifyField, label: string, shown: string) => (
    <label className={`field field-${f}${field === f ? ' field-active' : ''}${shownProblem?.field === f ? ' field-bad' : ''}`}>
      {/* In reach mode the policy's label is read above the line (the caption), screen readers still hear it here. */}
      <span className={`field-label${reach && f === 'policy' ? ' reach-sr-only' : ''}`}>{label}</span>
      <input
        ref={(el) => {
          inputs.current[f] = el;
        }}
        data-testid={TEST_ID[f]}
        className="field-input"
        type="text"
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        value={shown}
        maxLength={f === 'policy' ? FIELD_LENGTH.policy + 3 : FIELD_LENGTH[f]}
        aria-invalid={shownProblem?.field === f ? 'true' : undefined}
        onFocus={() => setField(f)}
        // The patient chose the box (even the one already active): what they type now is meant for it.
        onPointerDown={() => {
          policyDoneAt.current = null;
        }}
        onKeyDown={onFieldKey}
        onChange={(e) => onFieldText(f, e.target.value)}
      />
    </label>
  );

  const count = (
    <div className="policy-count" data-testid="policy-count">
      {t('identify.policyCount', { typed: draft.policy.length, digits: FIELD_LENGTH.policy })}
    </div>
  );
  const preview = (
    <div className="birth-preview" data-testid="birth-preview" aria-live="polite">
      {dateInWords ?? '\u00a0'}
    </div>
  );
  const notes = (
    <>
      <div className="identify-problem" role="alert" data-testid="identify-problem">
        {shownProblem ? t.msg(shownProblem.message) : ''}
      </div>
      {!shownProblem && spill && (
        <div className="identify-scan-notice" role="status" data-testid="policy-full">
          {t('identify.policyFull', { digits: POLICY_LENGTH })}
        </div>
      )}
      {!problem && scanNotice && (
        <div className="identify-scan-notice" role="status" data-testid="scan-notice">
          {t.msg(scanNotice)}
        </div>
      )}
      {scanner !== 'none' && !scanNotice && <div className="identify-scan-hint">{t('identify.scanHint')}</div>}
    </>
  );
  // Reach mode: what is only read (the picture, the count, the date in words, the problem) goes
  // to the top, right above the boxes; the boxes, the keypad and «Продолжить» stay in reach.
  const info = reach ? (
    <div className="identify-reach-info">
      <PolicyPicture />
      {count}
      {preview}
      {notes}
      <p className="field-label identify-reach-caption" aria-hidden="true">
        {t('identify.policyLabel', { digits: POLICY_LENGTH })}
      </p>
    </div>
  ) : undefined;

  return (
    <Screen name="identify" title={t('identify.title')} className="identify" info={info}>
      <div className="identify-layout">
        <div className="identify-fields">
          {box('policy', t('identify.policyLabel', { digits: POLICY_LENGTH }), groupPolicy(draft.policy))}
          {!reach && count}
          <fieldset className="birth">
            <legend className="field-label">{t('identify.birthDate')}</legend>
            <div className="birth-row">
              {box('day', t('identify.day'), draft.day)}
              {box('month', t('identify.month'), draft.month)}
              {box('year', t('identify.year'), draft.year)}
            </div>
            {!reach && preview}
          </fieldset>
          {!reach && notes}
        </div>
        {!reach && <PolicyPicture />}
        <div className="identify-keypad">
          {field === 'month' ? (
            <MonthPicker value={draft.month} onPick={onMonth} guardMs={guards.picker} />
          ) : (
            <Keypad onKey={press} repeatGuardMs={guards.repeat} />
          )}
        </div>
        <BigButton className="identify-submit" data-testid="identify-submit" onClick={() => void submit()}>
          {t('action.continue')}
        </BigButton>
      </div>
    </Screen>
  );
}

function keyOf(k: string): DraftKey | 'submit' | null {
  if (/^\d$/.test(k)) return { digit: k };
  if (k === 'Backspace') return 'back';
  if (k === 'Delete') return 'clear';
  if (k === 'Enter') return 'submit';
  return null;
}

function firstIncomplete(d: { policy: string; day: string; month: string; year: string }): IdentifyField {
  if (d.policy.length < FIELD_LENGTH.policy) return 'policy';
  if (d.day.length < 1) return 'day';
  if (d.month.length < 1) return 'month';
  return 'year';
}
