import { useEffect, useRef } from 'react';
import { BigButton } from '../components/BigButton';
import { Keypad } from '../components/Keypad';
import { usePhysicalKeys } from '../components/usePhysicalKeys';
import { Screen } from '../components/Screen';
import type { DraftKey } from '../logic/identify-draft';
import { applyNumberKey, numberKeyOf, REFERRAL_NUMBER_MAX } from '../logic/referral-query';
import { useFlow } from '../store/context';
import { LABELS } from '../texts';

/** The referral's number, typed on the keypad (an MIS that finds a referral by its number). */
export function ReferralNumberScreen() {
  const number = useFlow((s) => s.referralQuery.number);
  const setNumber = useFlow((s) => s.setReferralNumber);
  const submit = useFlow((s) => s.submitReferralNumber);
  const problem = useFlow((s) => (s.referralProblem?.on === 'referralNumber' ? s.referralProblem.message : null));
  const patient = useFlow((s) => s.patient);
  const showAppointments = useFlow((s) => s.showAppointments);
  const hasVisits = useFlow((s) => s.info?.mis.visits ?? false);
  const input = useRef<HTMLInputElement>(null);

  // The box has the focus, so a physical keyboard types into it as the keypad would.
  useEffect(() => input.current?.focus(), []);

  usePhysicalKeys(
    (e) => numberKeyOf(e.key) ?? null,
    (key) => (key === 'submit' ? submit() : setNumber(applyNumberKey(number, key))),
  );

  const press = (key: DraftKey) => setNumber(applyNumberKey(number, key));

  return (
    <Screen
      name="referralNumber"
      title="Введите номер направления"
      lead={patient ? `Полис ${patient.policyMasked}. Номер напечатан на бланке направления.` : 'Номер напечатан на бланке направления.'}
      action={
        hasVisits ? (
          <BigButton variant="secondary" data-testid="my-appointments" onClick={() => void showAppointments()}>
            {LABELS.myAppointments}
          </BigButton>
        ) : undefined
      }
      className="query"
    >
      <div className="query-layout">
        <div className="query-fields">
          <label className={`field field-active${problem ? ' field-bad' : ''}`}>
            <span className="field-label">Номер направления — только цифры</span>
            <input
              ref={input}
              data-testid="field-referral-number"
              className="field-input query-input"
              type="text"
              inputMode="none"
              readOnly
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              maxLength={REFERRAL_NUMBER_MAX}
              value={number}
              aria-invalid={problem ? 'true' : undefined}
            />
          </label>
          <div className="identify-problem" role="alert" data-testid="referral-problem">
            {problem ?? ''}
          </div>
        </div>
        <div className="query-keys">
          <Keypad onKey={press} />
        </div>
        <BigButton className="query-submit" data-testid="referral-number-submit" onClick={submit}>
          Продолжить
        </BigButton>
      </div>
    </Screen>
  );
}
