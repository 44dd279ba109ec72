import { useEffect, useRef } from 'react';
import { BigButton } from '../components/BigButton';
import { CyrillicKeyboard } from '../components/CyrillicKeyboard';
import { usePhysicalKeys } from '../components/usePhysicalKeys';
import { Screen } from '../components/Screen';
import { applySurnameKey, SURNAME_MAX, surnameKeyOf, type SurnameKey } from '../logic/referral-query';
import { useFlow } from '../store/context';

/** The patient's surname on the on-screen ЙЦУКЕН keyboard; «Найти» looks the referral up. */
export function ReferralSurnameScreen() {
  const number = useFlow((s) => s.referralQuery.number);
  const surname = useFlow((s) => s.referralQuery.surname);
  const setSurname = useFlow((s) => s.setSurname);
  const find = useFlow((s) => s.findReferral);
  const problem = useFlow((s) => (s.referralProblem?.on === 'referralSurname' ? s.referralProblem.message : null));
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  // Physical keys too: a Cyrillic letter as typed, else the ЙЦУКЕН letter on that key.
  usePhysicalKeys(
    (e) => surnameKeyOf(e.key, e.code) ?? null,
    (key) => (key === 'submit' ? void find() : setSurname(applySurnameKey(surname, key))),
  );

  const press = (key: SurnameKey) => setSurname(applySurnameKey(surname, key));

  return (
    <Screen
      name="referralSurname"
      title="Введите фамилию"
      lead={`Как в направлении №\u00a0${number}`}
      className="query"
    >
      <div className="query-layout query-layout-letters">
        <div className="query-fields">
          <label className={`field field-active${problem ? ' field-bad' : ''}`}>
            <span className="field-label">Фамилия</span>
            <input
              ref={input}
              data-testid="field-surname"
              className="field-input query-input"
              type="text"
              inputMode="none"
              readOnly
              autoComplete="off"
              autoCorrect="off"
              autoCapitalize="off"
              spellCheck={false}
              lang="ru"
              maxLength={SURNAME_MAX}
              value={surname}
              aria-invalid={problem ? 'true' : undefined}
            />
          </label>
          <div className="identify-problem" role="alert" data-testid="referral-problem">
            {problem ?? ''}
          </div>
        </div>
        <div className="query-keys">
          <CyrillicKeyboard onKey={press} />
        </div>
        <BigButton className="query-submit" data-testid="referral-find" onClick={() => void find()}>
          Найти
        </BigButton>
      </div>
    </Screen>
  );
}
